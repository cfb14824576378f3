package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestCSVRoundTrip(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return CSVRaw(b, sampleDoc()) })
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, out)
	}
	want := [][]string{
		{"document", "n", "topic", "question_speaker", "question", "answer_speakers", "answer",
			"warc_record_id", "warc_target_uri", "warc_date", "warc_payload_digest", "warc_file", "warc_offset"},
		{"insider-hajizada.txt", "1", "On guarantees <for> civilians in Karabakh", "The Insider",
			"My first question concerns Azerbaijan's plan for the civilian population?", "Aykhan Hajizada",
			"“For the last three years, nothing happened.”\n\n1. Not a list item, a sentence.\n\nSome *stars* and snake_case_words, [brackets] and `ticks`.",
			"", "", "", "", "", ""},
		{"insider-hajizada.txt", "2", "", "", "And what about *you*, the two of you?", "Aykhan Hajizada; Second Guest",
			"- A dash at the start.\n\nAT&T &amp; friends > 2 <b>not bold</b>",
			"", "", "", "", "", ""},
	}
	if len(records) != len(want) {
		t.Fatalf("%d records, want %d:\n%s", len(records), len(want), out)
	}
	for i := range want {
		if !slices.Equal(records[i], want[i]) {
			t.Errorf("record %d = %q\nwant %q", i, records[i], want[i])
		}
	}
}

// By default a cell a spreadsheet would run as a formula gets a leading
// "'"; read back with encoding/csv, dropping that one quote gives the text
// again, and no other cell changes.
func TestCSVSpreadsheetSafe(t *testing.T) {
	d := sampleDoc()
	d.Exchanges[0].Question.Text = `=HYPERLINK("http://example.org","x")`
	d.Exchanges[1].Question.Text = "@SUM(A1:A9)?"
	d.Exchanges[0].Answer.Paragraphs = []string{"+1 more", "\tindented", "plain - dash inside"}
	d.Exchanges[0].Answer.Text = strings.Join(d.Exchanges[0].Answer.Paragraphs, "\n\n")
	safe, err := csv.NewReader(strings.NewReader(render(t, func(b *bytes.Buffer) error { return CSV(b, d) }))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := csv.NewReader(strings.NewReader(render(t, func(b *bytes.Buffer) error { return CSVRaw(b, d) }))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(safe) != len(raw) {
		t.Fatalf("%d rows safe, %d raw", len(safe), len(raw))
	}
	defused := 0
	for i := range raw {
		for k, cell := range raw[i] {
			got := safe[i][k]
			switch {
			case cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])):
				if got != "'"+cell {
					t.Errorf("row %d cell %d: %q, want %q", i, k, got, "'"+cell)
				}
				defused++
			case got != cell:
				t.Errorf("row %d cell %d changed: %q -> %q", i, k, cell, got)
			}
		}
	}
	// The question, the @ question, the + answer and the dash answer.
	if defused != 4 {
		t.Errorf("%d cells defused, want 4", defused)
	}
}

// A batch writes one header, then the rows of each document.
func TestCSVBatch(t *testing.T) {
	var buf bytes.Buffer
	if err := CSVHeader(&buf); err != nil {
		t.Fatal(err)
	}
	other := sampleDoc()
	other.Source.Name = "other.html"
	for _, d := range []*Document{sampleDoc(), {Source: Source{Name: "empty.html"}}, other} {
		if err := CSVRows(&buf, d); err != nil {
			t.Fatal(err)
		}
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, r := range records {
		docs = append(docs, r[0])
	}
	want := []string{"document", "insider-hajizada.txt", "insider-hajizada.txt", "other.html", "other.html"}
	if !slices.Equal(docs, want) {
		t.Errorf("document column = %q, want %q", docs, want)
	}
}

func TestJSONLineIsOneLine(t *testing.T) {
	d := sampleDoc()
	line := render(t, func(b *bytes.Buffer) error { return JSONLine(b, d) })
	if strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") {
		t.Fatalf("JSONLine is not one line: %q", line)
	}
	indented := render(t, func(b *bytes.Buffer) error { return JSON(b, d) })
	var a, b any
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(indented), &b); err != nil {
		t.Fatal(err)
	}
	if ja, jb := mustJSON(t, a), mustJSON(t, b); ja != jb {
		t.Errorf("JSONLine and JSON carry different data:\n%s\n%s", ja, jb)
	}
}

func TestJSONReadable(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return JSON(b, sampleDoc()) })
	// No HTML escaping: quotes, & and < stay as they are.
	for _, want := range []string{`says \"Baku\" & co`, `<for>`, "\n  \"schema\": \"qanda/2\",\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %q", want)
		}
	}
	if strings.Contains(out, `\u0026`) || strings.Contains(out, `\u003c`) {
		t.Error("JSON escapes HTML characters")
	}
	// Round trip: the JSON decodes back into the same Document (nil slices
	// come back empty, which is what normalisation promises).
	var back Document
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	again := render(t, func(b *bytes.Buffer) error { return JSON(b, &back) })
	if again != out {
		t.Errorf("JSON does not round-trip:\n%s", readableDiff(out, again))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A document read from a WARC record has its provenance in the last six
// columns of every row, spreadsheet-safe like any cell.
func TestCSVWARCColumns(t *testing.T) {
	d := sampleDoc()
	d.Source.WARC = &WARC{RecordID: "<urn:uuid:1>", TargetURI: "https://example.org/a?b=1", Date: "2024-05-01T10:00:00Z",
		File: "=crawl.warc.gz", Offset: 1234}
	for _, tc := range []struct {
		name string
		file string
		fn   func(io.Writer, *Document) error
	}{{"safe", "'=crawl.warc.gz", CSV}, {"raw", "=crawl.warc.gz", CSVRaw}} {
		rows, err := csv.NewReader(strings.NewReader(render(t, func(b *bytes.Buffer) error { return tc.fn(b, d) }))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		head := rows[0]
		if head[len(head)-1] != "warc_offset" || head[0] != "document" {
			t.Fatalf("header %q", head)
		}
		want := []string{"<urn:uuid:1>", "https://example.org/a?b=1", "2024-05-01T10:00:00Z", "", tc.file, "1234"}
		for _, row := range rows[1:] {
			if len(row) != len(head) || !slices.Equal(row[len(row)-6:], want) {
				t.Errorf("%s: row %q, want it to end in %q", tc.name, row, want)
			}
		}
	}
}

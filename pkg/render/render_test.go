package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// sampleDoc is a small but complete transcript: two exchanges (one with
// topic, label and speakers, one without), text that looks like Markdown,
// media, removed entries, and nil slices where a careless writer would emit
// null. Each call returns a fresh value so tests can check nothing mutates it.
func sampleDoc() *Document {
	return &Document{
		Schema: SchemaVersion,
		Source: Source{
			Name:    "insider-hajizada.txt",
			Format:  "text",
			Charset: "utf-8",
			SHA256:  strings.Repeat("ab", 32),
			Bytes:   2048,
		},
		Title: Str(`Ethnic Armenians face no threat, says "Baku" & co`),
		Meta: Meta{
			Language:     Str("en"),
			Interviewer:  Str("The Insider"),
			Interviewees: []string{"Aykhan Hajizada"},
			// Authors left nil on purpose: must become [] in JSON.
		},
		Intro: []string{
			"In Nagorno-Karabakh, hostilities with Azerbaijan resumed.",
			"# Not a heading, just a hash sign.",
		},
		Exchanges: []Exchange{
			{
				N:     1,
				Topic: Str("On guarantees <for> civilians in Karabakh"),
				Question: Question{
					Text:    "My first question concerns Azerbaijan's plan for the civilian population?",
					Speaker: Str("The Insider"),
					Label:   Str("Question 1"),
				},
				Answer: Answer{
					Text: "“For the last three years, nothing happened.”\n\n1. Not a list item, a sentence.\n\nSome *stars* and snake_case_words, [brackets] and `ticks`.",
					Paragraphs: []string{
						"“For the last three years, nothing happened.”",
						"1. Not a list item, a sentence.",
						"Some *stars* and snake_case_words, [brackets] and `ticks`.",
					},
					Speakers: []string{"Aykhan Hajizada"},
				},
				Confidence: 0.9,
				Method:     "question-list+topic-headings",
			},
			{
				N: 2,
				Question: Question{
					Text: "And what about *you*, the two of you?",
				},
				Answer: Answer{
					Text:       "- A dash at the start.\n\nAT&T &amp; friends > 2 <b>not bold</b>",
					Paragraphs: []string{"- A dash at the start.", "AT&T &amp; friends > 2 <b>not bold</b>"},
					Speakers:   []string{"Aykhan Hajizada", "Second Guest"},
				},
				Confidence: 0.75,
				Method:     "bold-questions",
			},
		},
		Outro: []string{"Interview by The Insider, translated from Russian."},
		Media: []Media{
			{Caption: "A damaged apartment building in Stepanakert", Credit: "Siranush Sargsyan / PAN Photo via REUTERS"},
			{Caption: "1. A caption that starts like a list"},
		},
		Removed: []Removed{
			{Text: "Question 1", Reason: "repeated-run", Rule: "repeated-run", Count: 3, DuplicateOf: "b27", Blocks: []string{"b40", "b55", "b70"}},
			// Blocks left nil on purpose.
			{Text: "Subscribe to our newsletter for the best of The Insider every morning, straight to your inbox, no spam, unsubscribe any time.", Reason: "boilerplate", Rule: "boilerplate", Count: 1},
		},
		Stats: Stats{
			BlocksIn:  20,
			Kept:      16,
			Removed:   map[string]int{"repeated-run": 3, "boilerplate": 1},
			Exchanges: 2,
		},
		// Warnings left nil on purpose.
	}
}

// render runs a writer into a string, failing the test on error.
func render(t testing.TB, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// golden compares got with testdata/name.golden, or rewrites the file with
// -update. On mismatch it prints a line diff, not two walls of text.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/render -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (- want, + got; run with -update to accept):\n%s", path, readableDiff(string(want), got))
	}
}

// readableDiff shows the changed lines with one line of context around them.
func readableDiff(want, got string) string {
	lines := diffLines(want, got)
	changed := func(i int) bool {
		return i >= 0 && i < len(lines) && lines[i].op != diffmatchpatch.DiffEqual
	}
	var b strings.Builder
	for i, l := range lines {
		if !changed(i) && !changed(i-1) && !changed(i+1) {
			continue
		}
		prefix := "  "
		switch l.op {
		case diffmatchpatch.DiffDelete:
			prefix = "- "
		case diffmatchpatch.DiffInsert:
			prefix = "+ "
		}
		b.WriteString(prefix + l.text + "\n")
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	writers := []struct {
		name  string
		write func(*bytes.Buffer, *Document) error
	}{
		{"sample.json", func(b *bytes.Buffer, d *Document) error { return JSON(b, d) }},
		{"sample.jsonl", func(b *bytes.Buffer, d *Document) error { return JSONLine(b, d) }},
		{"sample.md", func(b *bytes.Buffer, d *Document) error { return Markdown(b, d) }},
		{"sample.txt", func(b *bytes.Buffer, d *Document) error { return Text(b, d) }},
		{"sample.csv", func(b *bytes.Buffer, d *Document) error { return CSV(b, d) }},
		{"sample.explain", func(b *bytes.Buffer, d *Document) error {
			return Explain(b, d, samplePage, ExplainOptions{})
		}},
	}
	for _, tc := range writers {
		t.Run(tc.name, func(t *testing.T) {
			d := sampleDoc()
			got := render(t, func(b *bytes.Buffer) error { return tc.write(b, d) })
			golden(t, tc.name, got)

			// Same input, same bytes.
			again := render(t, func(b *bytes.Buffer) error { return tc.write(b, d) })
			if again != got {
				t.Error("second run produced different output")
			}
			// Writers must not touch their input (nil slices stay nil too).
			if diff := readableDiff(render(t, func(b *bytes.Buffer) error { return JSON(b, sampleDoc()) }),
				render(t, func(b *bytes.Buffer) error { return JSON(b, d) })); diff != "" {
				t.Errorf("writer changed the document:\n%s", diff)
			}
			if d.Warnings != nil || d.Meta.Authors != nil || d.Removed[1].Blocks != nil {
				t.Error("writer replaced a nil slice of the caller's document")
			}
			if !strings.HasSuffix(got, "\n") || strings.HasSuffix(got, "\n\n") {
				t.Errorf("output must end with exactly one newline: %q", tail(got))
			}
		})
	}
}

func tail(s string) string {
	if len(s) > 40 {
		return s[len(s)-40:]
	}
	return s
}

func TestNilDocument(t *testing.T) {
	var buf bytes.Buffer
	for name, err := range map[string]error{
		"JSON":     JSON(&buf, nil),
		"JSONLine": JSONLine(&buf, nil),
		"Markdown": Markdown(&buf, nil),
		"Text":     Text(&buf, nil),
		"CSV":      CSV(&buf, nil),
		"CSVRows":  CSVRows(&buf, nil),
		"Explain":  Explain(&buf, nil, "", ExplainOptions{}),
	} {
		if err == nil {
			t.Errorf("%s(nil) returned no error", name)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("writers wrote %q for a nil document", buf.String())
	}
}

// indentJSON must lay out any compact JSON exactly as json.Indent does.
func FuzzIndentJSON(f *testing.F) {
	f.Add(`{"a":[],"b":{},"c":[1,{"d":"x\"y\\"}],"e":"{[,:]}"}`)
	f.Add(`[[],[{}],"\u00e9\\\"",null,true,-1.5e3]`)
	f.Add(`"just a string"`)
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(s)); err != nil {
			return
		}
		compact.WriteByte('\n') // as json.Encoder ends a value
		var want, got bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		indentJSON(&got, compact.Bytes(), "  ")
		if got.String() != want.String() {
			t.Fatalf("indentJSON(%q) =\n%s\nwant\n%s", compact.Bytes(), got.Bytes(), want.Bytes())
		}
	})
}

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// outFiles lists the files below out (slash-separated, sorted), leaving
// out the journal and the summary.
func outFiles(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if rel != journalName && rel != "summary.json" {
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// mkfile is file that creates the folder first.
func mkfile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return file(t, dir, name, data)
}

func hash8(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// A folder tree is mirrored below -o DIR, relative to each argument; the
// page's extension (also .html.gz) is replaced by the format's; a second
// input that maps to a taken name gets its name's hash, the same for any
// --jobs.
func TestOutNamesMirrorTheTree(t *testing.T) {
	root := t.TempDir()
	pages := filepath.Join(root, "pages")
	other := filepath.Join(root, "other")
	page := []byte(htmlInterview)
	var gz bytes.Buffer
	gzipMember(&gz, htmlInterview)
	mkfile(t, filepath.Join(pages, "a"), "b.html", page)
	mkfile(t, filepath.Join(pages, "a"), "b.txt", []byte("Q: Why?\n\nA: Because the river was high.\n")) // a/b again
	mkfile(t, filepath.Join(pages, "a", "deeper"), "c.html.gz", gz.Bytes())
	mkfile(t, pages, "Top.htm", page)
	mkfile(t, other, "d.html", page)
	mkfile(t, other, "notes.2024", page)                 // not a page extension: found in a folder it is passed over, named it is read
	mkfile(t, filepath.Join(other, "a"), "b.html", page) // a/b from another argument
	single := file(t, root, "single.html", page)

	args := []string{pages, other, single, filepath.Join(other, "notes.2024")}
	var first []string
	for _, jobs := range []string{"1", "2"} {
		out := filepath.Join(t.TempDir(), "out")
		code, _, errs := runCLI(t, "", append([]string{"extract", "--jobs", jobs, "-o", out, "--format", "json,md"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		got := outFiles(t, out)
		bTxt := "a/b-" + hash8(filepath.Join(pages, "a", "b.txt"))
		otherB := "a/b-" + hash8(filepath.Join(other, "a", "b.html"))
		var want []string
		for _, stem := range []string{"a/b", bTxt, "a/deeper/c", "Top", otherB, "d", "notes.2024", "single"} {
			want = append(want, stem+".json", stem+".md")
		}
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("--jobs %s: files\n%q\nwant\n%q", jobs, got, want)
		}
		// Each file holds the document of its input.
		var d render.Document
		b, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(bTxt+".json")))
		if err := json.Unmarshal(b, &d); err != nil || d.Source.Name != filepath.Join(pages, "a", "b.txt") {
			t.Errorf("%s holds %q (%v)", bTxt, d.Source.Name, err)
		}
		if first == nil {
			first = got
		} else if !slices.Equal(first, got) {
			t.Errorf("--jobs changes the names")
		}
	}
}

// provRecord is one record of provWARC.
type provRecord struct {
	uri, id, digest string // digest "" for none
	page            string
}

// provWARC writes an uncompressed WARC of response records with fixed
// record ids and returns where each record starts.
func provWARC(t *testing.T, path string, recs []provRecord) []int64 {
	t.Helper()
	var out bytes.Buffer
	var at []int64
	m := gowarc.NewMarshaler()
	for _, r := range recs {
		b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
			gowarc.WithFixDigest(false), gowarc.WithAddMissingDigest(false))
		b.WriteString(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(r.page), r.page))
		b.AddWarcHeader(gowarc.WarcRecordID, r.id)
		b.AddWarcHeader(gowarc.WarcDate, "2024-05-01T10:00:00Z")
		b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		if r.digest != "" {
			b.AddWarcHeader(gowarc.WarcPayloadDigest, r.digest)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		at = append(at, int64(out.Len()))
		if _, _, err := m.Marshal(&out, rec, 0); err != nil {
			t.Fatal(err)
		}
		rec.Close()
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return at
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("qanda.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("qanda.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// Documents of WARC records carry their provenance in JSON (valid by the
// schema), JSON Lines and CSV, and are named by target URI below -o DIR;
// a damaged archive's failure in summary.json points at the record.
func TestWARCProvenanceAndNames(t *testing.T) {
	dir := t.TempDir()
	warc := filepath.Join(dir, "crawl.warc")
	recs := []provRecord{
		{uri: "https://Example.org/news/talk-1.html", id: "<urn:uuid:00000000-0000-0000-0000-000000000001>", digest: "sha1:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC", page: htmlInterview},
		{uri: "https://example.org/news/", id: "<urn:uuid:00000000-0000-0000-0000-000000000002>", page: labelledInterview},
		{uri: "https://example.org/read?id=7&p=2", id: "<urn:uuid:00000000-0000-0000-0000-000000000003>", page: htmlInterview},
	}
	at := provWARC(t, warc, recs)
	if at[1] == 0 {
		t.Fatal("second record at offset 0")
	}

	// JSON Lines on stdout: every line valid, with its record's provenance.
	code, stdout, errs := runCLI(t, "", "extract", warc)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sch := compileSchema(t)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(recs) {
		t.Fatalf("%d lines, want %d", len(lines), len(recs))
	}
	for k, line := range lines {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("line %d: %v", k+1, err)
		}
		var d render.Document
		json.Unmarshal([]byte(line), &d)
		want := render.WARC{RecordID: recs[k].id, TargetURI: recs[k].uri, Date: "2024-05-01T10:00:00Z",
			PayloadDigest: recs[k].digest, File: warc, Offset: at[k]}
		if d.Source.WARC == nil || *d.Source.WARC != want {
			t.Errorf("line %d: warc %+v, want %+v", k+1, d.Source.WARC, want)
		}
	}
	if strings.Contains(lines[1], "payload_digest") {
		t.Error("a digest the record lacks was made up")
	}

	// CSV: the last six columns.
	_, stdout, _ = runCLI(t, "", "extract", "--format", "csv", warc)
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var seen bool
	for _, row := range rows[1:] {
		if row[len(row)-6] == recs[1].id {
			seen = true
			if want := []string{recs[1].id, recs[1].uri, "2024-05-01T10:00:00Z", "", warc, fmt.Sprint(at[1])}; !slices.Equal(row[len(row)-6:], want) {
				t.Errorf("CSV row %q, want it to end in %q", row, want)
			}
		}
	}
	if !seen {
		t.Errorf("no CSV row of the second record:\n%s", stdout)
	}

	// -o DIR: named by host and path; then a damaged copy of the archive.
	cut := filepath.Join(dir, "cut.warc")
	data, _ := os.ReadFile(warc)
	os.WriteFile(cut, data[:len(data)-60], 0o644)
	out := filepath.Join(dir, "out")
	code, _, errs = runCLI(t, "", "extract", "-o", out, "--format", "json", warc, cut)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errs)
	}
	want := []string{"example.org/news/index.json", "example.org/news/talk-1.json", "example.org/read_id=7_p=2.json"}
	for _, stem := range []string{"example.org/news/talk-1", "example.org/news/index"} { // the cut copy's two whole records
		want = append(want, fmt.Sprintf("%s-%s.json", stem, hash8(map[string]string{
			"example.org/news/talk-1": recs[0].uri, "example.org/news/index": recs[1].uri}[stem]+" 2024-05-01T10:00:00Z")))
	}
	sort.Strings(want)
	if got := outFiles(t, out); !slices.Equal(got, want) {
		t.Errorf("files %q\nwant %q", got, want)
	}
	var sum summary
	b, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil || len(sum.Failures) != 1 {
		t.Fatalf("summary %s (%v)", b, err)
	}
	if f := sum.Failures[0]; f.Input != cut || f.WARC == nil || f.WARC.File != cut || f.WARC.Offset != at[2] {
		t.Errorf("failure %+v, want one pointing at %s offset %d", f, cut, at[2])
	}
}

// --resume finds the outputs under their mirrored and hashed names: a
// second run does nothing, a changed file in a subfolder is done again, and
// a run where a collision now falls on another input redoes that one.
func TestResumeWithMirroredNames(t *testing.T) {
	root := t.TempDir()
	pages := filepath.Join(root, "pages")
	mkfile(t, filepath.Join(pages, "a"), "b.html", []byte(htmlInterview))
	mkfile(t, filepath.Join(pages, "a"), "b.txt", []byte(labelledInterview)) // a/b-<hash>
	changed := mkfile(t, filepath.Join(pages, "x", "y"), "z.html", []byte(htmlInterview))
	out := filepath.Join(root, "out")
	if code, _, errs := runCLI(t, "", "extract", "-o", out, "--format", "json,md", pages); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, _, errs := runCLI(t, "", "extract", "-o", out, "--format", "json,md", "--resume", pages)
	if !strings.Contains(errs, "0 written, 0 failed, 3 already done") {
		t.Errorf("second run: %q", errs)
	}
	os.WriteFile(changed, []byte(labelledInterview), 0o644)
	_, _, errs = runCLI(t, "", "extract", "-o", out, "--format", "json,md", "--resume", pages)
	if !strings.Contains(errs, "1 written, 0 failed, 2 already done") {
		t.Errorf("after a change: %q", errs)
	}
	var d render.Document
	b, _ := os.ReadFile(filepath.Join(out, "x", "y", "z.json"))
	if json.Unmarshal(b, &d); len(d.Exchanges) != 3 || !strings.Contains(d.Exchanges[0].Question.Text, "Why did you go") {
		t.Errorf("x/y/z.json not redone: %s", b)
	}
	// Given first, a/b.txt now takes a/b, and a/b.html gets the hash:
	// both are done again rather than taken for done.
	_, _, errs = runCLI(t, "", "extract", "-o", out, "--format", "json,md", "--resume",
		filepath.Join(pages, "a", "b.txt"), filepath.Join(pages, "a", "b.html"))
	if !strings.Contains(errs, "2 written, 0 failed") {
		t.Errorf("swapped collision: %q", errs)
	}
	b, _ = os.ReadFile(filepath.Join(out, "b.json"))
	if json.Unmarshal(b, &d); d.Source.Name != filepath.Join(pages, "a", "b.txt") {
		t.Errorf("b.json holds %q", d.Source.Name)
	}
}

// The stems of the kinds of input that are not files.
func TestOutStemKinds(t *testing.T) {
	for _, c := range []struct {
		in   source.Input
		want string
	}{
		{source.Input{Name: "-", Kind: source.StdinInput}, "stdin"},
		{source.Input{Name: "stdin:12", Kind: source.StdinInput}, "stdin-12"},
		{source.Input{Name: "https://example.org", Kind: source.URLInput}, "example.org/index"},
		{source.Input{Name: "https://example.org/a/b/", Kind: source.URLInput}, "example.org/a/b/index"},
		{source.Input{Name: "https://example.org/caf%C3%A9/talk.php?x=1", Kind: source.URLInput}, "example.org/café/talk_x=1"},
		{source.Input{Name: "c.warc#3", Kind: source.WARCInput, Rel: "sub/c.warc.gz", WARC: &source.WARCRecord{Offset: 99}}, "sub/c/offset-99"},
		{source.Input{Name: "x", Kind: source.BrokenInput}, ""},
	} {
		if got := outStem(c.in); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.in.Kind, c.in.Name, got, c.want)
		}
	}
}

package qanda

import (
	"bytes"
	"fmt"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// corpusFiles lists the bundled real pages (HTML and text dumps) and the
// founding page.
func corpusFiles(t testing.TB) []string {
	html, _ := filepath.Glob(filepath.Join(testdataDir, "corpus", "interviews", "*.html.gz"))
	text, _ := filepath.Glob(filepath.Join(testdataDir, "corpus", "interviews-text", "*.txt.gz"))
	files := append(append(html, text...), filepath.Join(testdataDir, "insider-hajizada.txt"))
	if len(files) < 30 {
		t.Fatalf("only %d corpus files found", len(files))
	}
	return files
}

func extractPath(t testing.TB, path string) *extraction {
	t.Helper()
	d, err := source.Open(path, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := extractDoc(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Nothing lost and nothing altered, on every real page: each block is in
// exactly one place, the ledger balances, every text in the transcript is
// a verbatim copy of source text, and the output is deterministic.
func TestCorpusLedgerAndFidelity(t *testing.T) {
	for _, path := range corpusFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			e := extractPath(t, path)
			checkLedger(t, e.Doc)
			checkPlaces(t, e)
			checkVerbatim(t, e)
			checkMedia(t, e)
			var a, b bytes.Buffer
			render.JSON(&a, e.Doc)
			render.JSON(&b, extractPath(t, path).Doc)
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("output differs between two runs")
			}
		})
	}
}

// checkPlaces asserts that every content block is used exactly once by the
// transcript, and no other block is.
func checkPlaces(t *testing.T, e *extraction) {
	t.Helper()
	used := map[int]int{}
	for _, i := range e.Transcript.Intro {
		used[i]++
	}
	for _, i := range e.Transcript.Outro {
		used[i]++
	}
	for _, x := range e.Transcript.Exchanges {
		for _, i := range x.Blocks {
			used[i]++
		}
	}
	for i, m := range e.Marks {
		want := 0
		if m.Role == clean.Content {
			want = 1
		}
		if used[i] != want {
			t.Errorf("block %s (%s) %.60q is used %d times by the transcript, want %d", e.Blocks[i].ID, m.Role, e.Blocks[i].Text, used[i], want)
		}
	}
}

// checkVerbatim asserts that every output text stands in the page text
// (up to whitespace): qanda never rewrites what it quotes.
func checkVerbatim(t *testing.T, e *extraction) {
	t.Helper()
	var page strings.Builder
	for _, b := range e.Blocks {
		page.WriteString(b.Text)
		page.WriteString("\n")
	}
	src := page.String()
	check := func(what, s string) {
		for _, part := range strings.Split(s, "\n\n") {
			if p := blocks.Collapse(part); p != "" && !strings.Contains(src, p) {
				t.Errorf("%s is not verbatim source text: %.80q", what, p)
			}
		}
	}
	d := e.Doc
	if d.Title != nil && e.Doc.Source.Format == "text" {
		check("title", *d.Title)
	}
	for _, s := range d.Intro {
		check("intro", s)
	}
	for _, s := range d.Outro {
		check("outro", s)
	}
	for _, x := range d.Exchanges {
		if x.Topic != nil {
			check("topic", *x.Topic)
		}
		check("question", x.Question.Text)
		for _, p := range x.Answer.Paragraphs {
			check("answer", p)
		}
	}
	for _, r := range d.Removed {
		check("removed", r.Text)
	}
	for _, m := range d.Media {
		check("caption", m.Caption)
		check("credit", m.Credit)
	}
}

// checkMedia asserts that every caption and credit block is in media
// exactly once, and media holds nothing else: moving them out of the text
// loses none of them.
func checkMedia(t *testing.T, e *extraction) {
	t.Helper()
	want := map[string]int{}
	for i, m := range e.Marks {
		if m.Role == clean.Caption || m.Role == clean.Credit {
			want[e.Blocks[i].Text]++
		}
	}
	got := map[string]int{}
	for _, m := range e.Doc.Media {
		if m.Caption != "" {
			got[m.Caption]++
		}
		if m.Credit != "" {
			got[m.Credit]++
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("media %v, want the caption and credit blocks %v", got, want)
	}
}

// Every bundled corpus page gives a document the published schema accepts,
// as JSON and as each JSON line, whose ledger adds up: what the schema and
// the ledger promise holds on real pages, not only on the golden ones
// (quality is measured by make eval).
func TestCorpusMatchesSchema(t *testing.T) {
	sch := compileSchema(t)
	for _, path := range corpusFiles(t) {
		e := extractPath(t, path)
		checkLedger(t, e.Doc)
		for _, f := range []Format{FormatJSON, FormatJSONL} {
			var buf bytes.Buffer
			if err := Render(&buf, e.Doc, f); err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatalf("%s: %s output does not parse: %v", path, f, err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("%s: %s output does not match the schema: %v", path, f, err)
			}
		}
	}
}

// FuzzExtract is the path of a file: any bytes read and sniffed by
// package source (gzip, charset, HTML or text), then structured.
func FuzzExtract(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join(testdataDir, "insider-hajizada.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(htmlSeeds[0]))
	f.Add([]byte(textSeeds[0]))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := source.Read("fuzz", bytes.NewReader(data), source.Options{MaxBytes: fuzzLimit})
		if err != nil {
			return
		}
		checkPipeline(t, d)
	})
}

package qanda

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/qanda/qanda/pkg/render"
)

var update = flag.Bool("update", false, "rewrite golden files")

const testdataDir = "../../testdata"

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(testdataDir, "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run 'make golden' to create it)", err)
	}
	if !bytes.Equal(got, want) {
		dmp := diffmatchpatch.New()
		a, b, lines := dmp.DiffLinesToChars(string(want), string(got))
		diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
		var out strings.Builder
		for _, d := range diffs {
			prefix := "  "
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				prefix = "- "
			case diffmatchpatch.DiffInsert:
				prefix = "+ "
			default:
				continue
			}
			for _, l := range strings.SplitAfter(strings.TrimSuffix(d.Text, "\n"), "\n") {
				out.WriteString(prefix + l)
			}
			out.WriteString("\n")
		}
		t.Errorf("%s differs from the golden file (- golden, + got; 'make golden' to accept):\n%s", name, out.String())
	}
}

func TestGoldenSampleTextDump(t *testing.T) {
	d := extractFile(t, filepath.Join(testdataDir, "insider-hajizada.txt"))
	var js, md, txt bytes.Buffer
	if err := render.JSON(&js, d); err != nil {
		t.Fatal(err)
	}
	if err := render.Markdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if err := render.Text(&txt, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "insider-hajizada.json", js.Bytes())
	golden(t, "insider-hajizada.md", md.Bytes())
	golden(t, "insider-hajizada.text", txt.Bytes())
}

// The founding page, checked by content rather than bytes: what a
// journalist needs and what must never reach the transcript.
func TestSampleTextDumpContent(t *testing.T) {
	d := extractFile(t, filepath.Join(testdataDir, "insider-hajizada.txt"))
	if len(d.Exchanges) != 4 {
		t.Fatalf("got %d exchanges, want 4", len(d.Exchanges))
	}
	all := contentText(d)
	for _, bad := range []string{
		"REPORTS", "ANALYTICS", "INVESTIGATIONS", "USD103.43", "EUR109.01", "OIL74.35", "DONATE", "383",
		"Читать на русском языке", "The exact wording of the question can be found here",
		"Subscribe to our weekly digest", "К сожалению, браузер", "Google Chrome Firefox Safari",
		"Siranush Sargsyan", "A view of a damaged apartment building", "September 19, 2023, Stepanakert",
		"We are ready to include them in our society as Azerbaijani citizens.”\n",
	} {
		if strings.Contains(all, bad) {
			t.Errorf("transcript contains %q", bad)
		}
	}
	for k, e := range d.Exchanges {
		if e.Question.Label == nil || *e.Question.Label != "Question "+string(rune('1'+k)) {
			t.Errorf("exchange %d: label %v", k+1, e.Question.Label)
		}
		if c := strings.Count(all, e.Question.Text); c != 1 {
			t.Errorf("question %d appears %d times", k+1, c)
		}
		if e.Question.Speaker == nil || *e.Question.Speaker != "The Insider" {
			t.Errorf("exchange %d: question speaker %v", k+1, e.Question.Speaker)
		}
		if len(e.Answer.Speakers) != 1 || e.Answer.Speakers[0] != "Aykhan Hajizada" {
			t.Errorf("exchange %d: answer speakers %v", k+1, e.Answer.Speakers)
		}
		for _, p := range e.Answer.Paragraphs {
			if strings.HasPrefix(p, "Question ") || strings.Contains(p, "My first question") {
				t.Errorf("exchange %d: the question list leaked into the answer: %q", k+1, p)
			}
		}
	}
	wantParas := []int{4, 3, 1, 2}
	for k, n := range wantParas {
		if got := len(d.Exchanges[k].Answer.Paragraphs); got != n {
			t.Errorf("answer %d has %d paragraphs, want %d", k+1, got, n)
		}
	}
	if !strings.HasPrefix(d.Exchanges[0].Answer.Paragraphs[0], "“For the last three years") ||
		!strings.HasPrefix(d.Exchanges[0].Answer.Paragraphs[3], "However, when it comes to elements") {
		t.Errorf("answer 1 does not gather its paragraphs across the interruptions: %q", d.Exchanges[0].Answer.Paragraphs)
	}
	if len(d.Intro) != 3 {
		t.Errorf("intro has %d paragraphs, want the 3 lede paragraphs", len(d.Intro))
	}
	if len(d.Media) != 2 || d.Media[0].Credit == "" || d.Media[1].Caption != "September 19, 2023, Stepanakert" {
		t.Errorf("media = %+v, want 2 captions with credits", d.Media)
	}
	reasons := map[string]int{}
	for _, r := range d.Removed {
		reasons[r.Reason] += r.Count
	}
	for reason, want := range map[string]int{"repeated-run": 24, "link-stub": 4, "pull-quote": 1, "duplicate-caption": 2} {
		if reasons[reason] != want {
			t.Errorf("removed %d blocks as %s, want %d", reasons[reason], reason, want)
		}
	}
	checkLedger(t, d)
}

// compileSchema compiles the published JSON Schema.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// Every golden JSON must satisfy the published schema.
func TestGoldenJSONMatchesSchema(t *testing.T) {
	sch := compileSchema(t)
	files, _ := filepath.Glob(filepath.Join(testdataDir, "golden", "*.json"))
	if len(files) == 0 {
		t.Fatal("no golden JSON files")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s does not match the schema: %v", f, err)
		}
		var d render.Document
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

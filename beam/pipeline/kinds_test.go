package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// talkPage is a small made-up interview page: a headline, the given
// paragraphs after it, then bold questions each followed by its answer.
func talkPage(title string, lead []string, qas [][2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><title>%s</title></head><body>\n<h1>%s</h1>\n", title, title)
	for _, p := range lead {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	for _, qa := range qas {
		fmt.Fprintf(&b, "<p><b>%s</b></p>\n<p>%s</p>\n", qa[0], qa[1])
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// goodPage has five blocks (the headline and two exchanges) and about
// 330 bytes: under every limit the failure cases set.
var goodPage = talkPage("A talk with the lamp maker", nil, [][2]string{
	{"Why did you start making lamps?", "Because the workshop on our street was too dark in winter."},
	{"What do you use for the shades?", "Mostly folded paper and thin sheets of copper."},
})

// cliRun is one run of the CLI: its output and exit code.
type cliRun struct {
	stdout, stderr []byte
	code           int
}

func runCLIExit(t *testing.T, bin string, args ...string) cliRun {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	r := cliRun{}
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("qanda %v: %v", args, err)
		}
		r.code = ee.ExitCode()
	}
	r.stdout, r.stderr = stdout.Bytes(), stderr.Bytes()
	return r
}

// cliSummary is the part of the CLI's summary.json (-o DIR) compared
// with the pipeline's counters and failures.
type cliSummary struct {
	Documents   int `json:"documents"`
	OK          int `json:"ok"`
	Failed      int `json:"failed"`
	NoInterview int `json:"no_interview"`
	Exchanges   int `json:"exchanges"`
	Failures    []struct {
		Input  string `json:"input"`
		Reason string `json:"reason"`
	} `json:"failures"`
}

func readSummary(t *testing.T, dir string) cliSummary {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s cliSummary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("summary.json: %v", err)
	}
	sort.Slice(s.Failures, func(i, j int) bool { return s.Failures[i].Input < s.Failures[j].Input })
	return s
}

// failureKinds are the kinds Kind gives; each has its counter.
var failureKinds = []string{"too-large", "not-text", "empty", "too-many-blocks", "timeout", "bad-record", "other"}

// Documents over a limit, blank or binary fail with the kind that says
// so, in the failures output and in the counters, and the CLI with the
// matching flags fails the same documents with the same errors and writes
// the same lines for the others.
//
// The timeout case is deterministic: with a limit of 1ns the document's
// context has ended before its first stage finishes, and the library
// checks it after parsing (qanda.cleanPage), so the stage returns an error
// and guarded reports ErrTimeout; reading (where too-large, empty and
// not-text are found) happens before the clock starts, so those keep
// their kinds.
func TestFailureKinds(t *testing.T) {
	bin := buildCLI(t)
	var long strings.Builder
	for i := range 40 {
		fmt.Fprintf(&long, "Paragraph %d of a long made-up essay about the weather over the salt marshes.\n\n", i)
	}
	var paras []string
	for i := range 20 {
		paras = append(paras, fmt.Sprintf("Item %d on the list of things the lamp maker keeps in the drawer.", i))
	}
	manyBlocks := talkPage("An inventory of the drawer", paras, nil)

	type file struct {
		name, body string
		kind       string // the failure's kind; "" for a document that is written
	}
	cases := []struct {
		name   string
		limits Limits
		flags  []string
		files  []file
	}{
		{"too-large", Limits{MaxBytes: 1024}, []string{"--max-bytes", "1024"}, []file{
			{"good.html", goodPage, ""},
			{"long.txt", long.String(), "too-large"},
		}},
		{"empty", Limits{}, nil, []file{
			{"good.html", goodPage, ""},
			{"blank.txt", " \n\t\n   \n", "empty"},
			// A page without text is not empty input: it is written,
			// without an interview.
			{"bare.html", `<html><body><div></div><img src="x.png"></body></html>`, ""},
		}},
		{"too-many-blocks", Limits{MaxBlocks: 6}, []string{"--max-blocks", "6"}, []file{
			{"good.html", goodPage, ""},
			{"inventory.html", manyBlocks, "too-many-blocks"},
		}},
		{"not-text", Limits{}, nil, []file{
			{"good.html", goodPage, ""},
			{"blob.bin", "\x00\x01\x02\x03binary\x00\x00\x00\x00\x00 data", "not-text"},
		}},
		{"timeout", Limits{Timeout: time.Nanosecond}, []string{"--timeout-doc", "1ns"}, []file{
			{"good.html", goodPage, "timeout"},
			{"inventory.html", manyBlocks, "timeout"},
			// Read before the clock starts: still empty.
			{"blank.txt", "\n\n", "empty"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			var paths []string
			wantKind := map[string]string{}
			written := 0
			for _, f := range tc.files {
				p := filepath.Join(dir, f.name)
				if err := os.WriteFile(p, []byte(f.body), 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, p)
				if f.kind != "" {
					wantKind[p] = f.kind
				} else {
					written++
				}
			}
			got := runPipeline(t, Config{Inputs: paths, Limits: tc.limits, SiteLearning: true}, 1)

			// The failures output: each failing document once, with its
			// kind and its error, which names it.
			gotKind := map[string]string{}
			for _, f := range got.failures {
				if _, dup := gotKind[f.Input]; dup {
					t.Errorf("%s failed twice", f.Input)
				}
				gotKind[f.Input] = f.Kind
				if !strings.HasPrefix(f.Error, f.Input+": ") {
					t.Errorf("failure %+v: the error does not name the input", f)
				}
			}
			if !reflect.DeepEqual(gotKind, wantKind) {
				t.Errorf("failures by kind %v, want %v", gotKind, wantKind)
			}
			if len(got.lines) != written {
				t.Errorf("%d lines written, want %d", len(got.lines), written)
			}

			// The counters.
			c := got.counters
			perKind := map[string]int64{}
			for _, k := range wantKind {
				perKind[k]++
			}
			if c["documents"] != int64(len(tc.files)) || c["written"] != int64(written) || c["failures"] != int64(len(wantKind)) {
				t.Errorf("counters %v, want %d documents, %d written, %d failures", c, len(tc.files), written, len(wantKind))
			}
			for _, k := range failureKinds {
				name := "failures_" + strings.ReplaceAll(k, "-", "_")
				if c[name] != perKind[k] {
					t.Errorf("counter %s = %d, want %d", name, c[name], perKind[k])
				}
			}

			// The CLI, as JSON Lines on stdout: exit code 1, the same
			// lines, and one error on stderr for each failure, the
			// pipeline's error with the CLI's advice after it.
			args := append(append([]string{"extract", "-q", "--format", "jsonl"}, tc.flags...), paths...)
			cli := runCLIExit(t, bin, args...)
			if cli.code != 1 {
				t.Errorf("the CLI exited %d, want 1 (some documents failed)\n%s", cli.code, cli.stderr)
			}
			if want := lines(cli.stdout); !reflect.DeepEqual(got.lines, want) {
				t.Errorf("the pipeline wrote %d lines, the CLI %d; they differ%s", len(got.lines), len(want), firstDiff(got.lines, want))
			}
			stderr := lines(cli.stderr)
			if len(stderr) != len(got.failures) {
				t.Errorf("the CLI reported %d errors, the pipeline %d failures:\n%s", len(stderr), len(got.failures), cli.stderr)
			}
			for _, f := range got.failures {
				found := false
				for _, l := range stderr {
					found = found || strings.HasPrefix(l, "qanda: "+f.Error)
				}
				if !found {
					t.Errorf("the CLI did not report %q:\n%s", f.Error, cli.stderr)
				}
			}

			// The CLI with -o DIR: summary.json lists the same failures
			// and counts what the counters count.
			out := t.TempDir()
			args = append(append([]string{"extract", "-q", "-o", out}, tc.flags...), paths...)
			if r := runCLIExit(t, bin, args...); r.code != 1 {
				t.Errorf("the CLI with -o exited %d, want 1\n%s", r.code, r.stderr)
			}
			s := readSummary(t, out)
			if len(s.Failures) != len(got.failures) {
				t.Fatalf("summary.json lists %d failures, the pipeline %d: %+v", len(s.Failures), len(got.failures), s.Failures)
			}
			for i, f := range s.Failures {
				if g := got.failures[i]; f.Input != g.Input || !strings.HasPrefix(f.Reason, g.Error) {
					t.Errorf("summary.json failure %+v, the pipeline's %+v", f, g)
				}
			}
			if int64(s.Documents) != c["documents"] || int64(s.OK) != c["written"] || int64(s.Failed) != c["failures"] ||
				int64(s.Exchanges) != c["exchanges"] || int64(s.NoInterview) != c["no_interview"] {
				t.Errorf("summary.json %+v, counters %v", s, c)
			}
		})
	}
}

// sharedLine is a made-up line that every page of the studio's host
// carries, for site learning to find.
const sharedLine = "Every conversation in this series was recorded in the reading room above the old tram depot"

// studioTalks are made-up interviews on one host.
var studioTalks = []struct {
	title string
	qas   [][2]string
}{
	{"The beekeeper of the east orchard", [][2]string{
		{"How many hives do you keep now?", "Eleven, down from fourteen after a hard and windy spring."},
		{"What do the bees like best here?", "The lime trees along the canal, for about three weeks in June."},
	}},
	{"A clock repairer on slow work", [][2]string{
		{"Which clock took you longest?", "A tower movement with a cracked escape wheel; it took most of a year."},
		{"Do you still make parts by hand?", "Springs no longer, but wheels and pinions often, on the old lathe."},
	}},
	{"Painting the iron bridge", [][2]string{
		{"How long does one coat last?", "About nine years, if the salt wind is kind to the lower girders."},
		{"What colour is it under the green?", "A dull red primer, and under that a grey nobody remembers choosing."},
	}},
	{"The ferry cook", [][2]string{
		{"What do passengers order most?", "Pea soup in the winter crossings, and cold tea with lemon in summer."},
		{"Is the galley hard to work in?", "Only in a swell from the north, when the pans slide to port."},
	}},
	{"A map maker who walks", [][2]string{
		{"Why survey on foot?", "Because the paths change faster than anyone flies over them."},
		{"What is the hardest thing to draw?", "A marsh, since its edge is somewhere else every season."},
	}},
}

// writeStudioRecords writes the talks as JSON Lines records on one host,
// the shared line after each headline.
func writeStudioRecords(t *testing.T) (path string, htmls []string) {
	t.Helper()
	var jl bytes.Buffer
	for i, tk := range studioTalks {
		html := talkPage(tk.title, []string{sharedLine + "."}, tk.qas)
		htmls = append(htmls, html)
		line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("talk-%d", i), "url": fmt.Sprintf("https://studio.example.org/talks/%d", i), "html": html})
		if err != nil {
			t.Fatal(err)
		}
		jl.Write(append(line, '\n'))
	}
	path = filepath.Join(t.TempDir(), "talks.jsonl")
	if err := os.WriteFile(path, jl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, htmls
}

// Records of one host share a line: with LearnRecords the pipeline learns
// it and removes it from every page, as the CLI does for the same pages
// in a WARC; without, it writes what `qanda extract --stdin-jsonl` writes
// for the file, byte for byte, even when other inputs teach it the host's
// boilerplate.
func TestLearnRecords(t *testing.T) {
	bin := buildCLI(t)
	records, htmls := writeStudioRecords(t)
	in, err := os.ReadFile(records)
	if err != nil {
		t.Fatal(err)
	}
	n := len(studioTalks)
	removedOn := func(ls []string) int {
		k := 0
		for _, l := range ls {
			if strings.Contains(l, `"site-boilerplate"`) {
				k++
			}
		}
		return k
	}
	hasLine := func(ls []string) int {
		k := 0
		for _, l := range ls {
			if strings.Contains(l, sharedLine) {
				k++
			}
		}
		return k
	}

	// Learned.
	learned := runPipeline(t, Config{Records: []string{records}, SiteLearning: true, LearnRecords: true}, 2)
	if len(learned.lines) != n || len(learned.failures) != 0 {
		t.Fatalf("learning: %d lines, failures %+v; want %d lines", len(learned.lines), learned.failures, n)
	}
	if k := removedOn(learned.lines); k != n {
		t.Errorf("site boilerplate removed on %d of %d pages", k, n)
	}
	c := learned.counters
	if c["site_pages"] != int64(n) || c["site_texts"] < 1 || c["documents"] != int64(n) || c["written"] != int64(n) || c["failures"] != 0 {
		t.Errorf("learning: counters %v, want site_pages %d, site_texts > 0, %d documents written", c, n, n)
	}
	for _, l := range learned.lines {
		var d struct {
			Removed []struct {
				Text   string `json:"text"`
				Reason string `json:"reason"`
			} `json:"removed"`
		}
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, r := range d.Removed {
			ok = ok || r.Reason == "site-boilerplate" && strings.Contains(r.Text, sharedLine)
		}
		if !ok {
			t.Errorf("the shared line is not removed as site-boilerplate: %+v", d.Removed)
		}
	}

	// Not learned: the --stdin-jsonl contract.
	plain := runPipeline(t, Config{Records: []string{records}, SiteLearning: true}, 2)
	want := lines(runCLI(t, bytes.NewReader(in), bin, "extract", "-q", "--stdin-jsonl"))
	if len(want) != n {
		t.Fatalf("the CLI answered %d records, want %d", len(want), n)
	}
	if !reflect.DeepEqual(plain.lines, want) {
		t.Errorf("without LearnRecords the pipeline's %d lines differ from --stdin-jsonl's %d%s", len(plain.lines), len(want), firstDiff(plain.lines, want))
	}
	if k := removedOn(plain.lines); k != 0 {
		t.Errorf("without LearnRecords site boilerplate removed on %d pages", k)
	}
	if k := hasLine(plain.lines); k != n {
		t.Errorf("without LearnRecords the shared line is on %d of %d pages", k, n)
	}
	if c := plain.counters; c["site_pages"] != 0 || c["site_texts"] != 0 || c["written"] != int64(n) {
		t.Errorf("without LearnRecords: counters %v", c)
	}

	// The CLI learns a host's boilerplate over a batch, and a WARC's
	// records carry their URLs as the records do: the same pages in a
	// WARC give the same documents, but for how the source is named.
	var recs []warcRec
	for i, h := range htmls {
		recs = append(recs, warcRec{uri: fmt.Sprintf("https://studio.example.org/talks/%d", i), contentType: "text/html; charset=utf-8", body: []byte(h)})
	}
	warc := filepath.Join(t.TempDir(), "talks.warc.gz")
	writeWARC(t, warc, recs)
	cli := lines(runCLI(t, nil, bin, "extract", "-q", "--format", "jsonl", warc))
	if len(cli) != n {
		t.Fatalf("the CLI wrote %d documents from the WARC, want %d", len(cli), n)
	}
	if k := removedOn(cli); k != n {
		t.Fatalf("the CLI removed site boilerplate on %d of %d pages of the WARC: the pages do not exercise site learning", k, n)
	}
	withoutSource := func(ls []string) map[string]string {
		m := map[string]string{}
		for _, l := range ls {
			var v map[string]any
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				t.Fatal(err)
			}
			title, _ := v["title"].(string)
			delete(v, "source")
			b, _ := json.Marshal(v)
			m[title] = string(b)
		}
		return m
	}
	gotDocs, wantDocs := withoutSource(learned.lines), withoutSource(cli)
	if len(gotDocs) != n {
		t.Fatalf("%d distinct titles in the pipeline's documents, want %d", len(gotDocs), n)
	}
	for title, w := range wantDocs {
		if g := gotDocs[title]; g != w {
			t.Errorf("%q: the pipeline's learned document differs from the CLI's over a WARC%s", title, firstDiff([]string{g}, []string{w}))
		}
	}

	// The WARC and the records together, LearnRecords off: the host's
	// boilerplate is learned from the WARC's pages and removed from them
	// only; the records still give --stdin-jsonl's lines.
	mixed := runPipeline(t, Config{Inputs: []string{warc}, Records: []string{records}, SiteLearning: true}, 2)
	both := lines([]byte(strings.Join(append(append([]string{}, want...), cli...), "")))
	if !reflect.DeepEqual(mixed.lines, both) {
		t.Errorf("the WARC and the records: the pipeline's %d lines differ from the CLI's %d (over the WARC, and --stdin-jsonl)%s", len(mixed.lines), len(both), firstDiff(mixed.lines, both))
	}
	if c := mixed.counters; c["site_pages"] != int64(n) || c["site_texts"] < 1 || c["written"] != int64(2*n) {
		t.Errorf("the WARC and the records: counters %v, want site_pages %d (the WARC's), site_texts > 0, %d written", c, n, 2*n)
	}
}

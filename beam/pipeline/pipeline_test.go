package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/nlnwa/gowarc/v2"

	"github.com/qanda/qanda/pkg/qanda"
)

// TestMain runs the pipelines on Prism, in this process (ptest's default).
func TestMain(m *testing.M) { ptest.Main(m) }

// repoRoot is the main module's root, where the CLI and the corpus are.
const repoRoot = "../.."

// footer is a made-up caption line that the generated archive adds to
// every page of a host, for site learning to find.
const footer = "The photographs in this series were taken at the harbour studio on the north side of the old town"

// hosts the corpus pages are spread over.
var testHosts = []string{"alpha.example.org", "www.beta.example.net", "gamma.example.com"}

// warcRec is one record of the generated archive.
type warcRec struct {
	uri, contentType string
	body             []byte
}

// writeWARC writes a gzipped WARC file of response records.
func writeWARC(t *testing.T, path string, recs []warcRec) {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithFixDigest(false), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore))
		fmt.Fprintf(b, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", r.contentType, len(r.body))
		b.Write(r.body)
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-0000-0000-%012d>", i))
		b.AddWarcHeader(gowarc.WarcDate, "2024-05-01T10:00:00Z")
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		var w bytes.Buffer
		if _, _, err := m.Marshal(&w, rec, 0); err != nil {
			t.Fatal(err)
		}
		rec.Close()
		zw := gzip.NewWriter(&out)
		zw.Write(w.Bytes())
		zw.Close()
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// corpusPages are the bundled HTML pages, unzipped, in name order.
func corpusPages(t *testing.T) [][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(repoRoot, "testdata", "corpus", "interviews", "*.html.gz"))
	if len(paths) < 9 {
		t.Fatalf("only %d corpus pages", len(paths))
	}
	sort.Strings(paths)
	var pages [][]byte
	for _, p := range paths {
		pages = append(pages, gunzip(t, p))
	}
	return pages
}

// withFooter puts the caption line inside the article, after its
// headline (else before its first paragraph): text outside the main
// content is removed by other rules, and only site learning removes
// this.
func withFooter(page []byte) []byte {
	box := []byte("<p>" + footer + ".</p>")
	lower := bytes.ToLower(page)
	i := bytes.Index(lower, []byte("</h1>"))
	if i >= 0 {
		i += len("</h1>")
	} else if i = bytes.Index(lower, []byte("<p")); i < 0 {
		i = len(page)
	}
	return append(append(append([]byte{}, page[:i]...), box...), page[i:]...)
}

// fixture is the generated input: a WARC of the corpus pages on three
// hosts plus one binary record, a text dump file without a host, and a
// JSON Lines file of records, one of them broken.
type fixture struct {
	warc, text, records string
}

func makeFixture(t *testing.T) fixture {
	t.Helper()
	dir := t.TempDir()
	var recs []warcRec
	for i, p := range corpusPages(t) {
		host := testHosts[i%len(testHosts)]
		recs = append(recs, warcRec{uri: fmt.Sprintf("https://%s/talks/page-%02d", host, i), contentType: "text/html; charset=utf-8", body: withFooter(p)})
	}
	// Served as HTML, but binary: a failure of kind not-text.
	recs = append(recs, warcRec{uri: "https://alpha.example.org/talks/broken", contentType: "text/html", body: []byte("\x00\x01\x02\x03binary\x00\x00\x00\x00\x00 data")})
	f := fixture{warc: filepath.Join(dir, "crawl.warc.gz"), text: filepath.Join(dir, "dump.txt"), records: filepath.Join(dir, "records.jsonl")}
	writeWARC(t, f.warc, recs)

	texts, _ := filepath.Glob(filepath.Join(repoRoot, "testdata", "corpus", "interviews-text", "*.txt.gz"))
	if len(texts) == 0 {
		t.Fatal("no text dumps in the corpus")
	}
	sort.Strings(texts)
	if err := os.WriteFile(f.text, gunzip(t, texts[0]), 0o644); err != nil {
		t.Fatal(err)
	}

	var jl bytes.Buffer
	pages := corpusPages(t)
	for i := range 3 {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("rec-%d", i), "url": fmt.Sprintf("https://delta.example.org/r/%d", i), "html": string(pages[i])})
		jl.Write(append(line, '\n'))
	}
	jl.WriteString("{this is not a record\n")
	line, _ := json.Marshal(map[string]string{"text": string(gunzip(t, texts[len(texts)-1]))})
	jl.Write(append(line, '\n'))
	if err := os.WriteFile(f.records, jl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// buildCLI builds this repository's qanda command.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "qanda")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/qanda")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build qanda: %v\n%s", err, out)
	}
	return bin
}

// runCLI runs the CLI and returns its stdout; exit code 1 (some documents
// failed) is expected with the broken records.
func runCLI(t *testing.T, stdin io.Reader, bin string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("qanda %v: %v\n%s", args, err, stderr.String())
		}
	}
	return stdout.Bytes()
}

// lines splits JSON Lines output into sorted lines (newline kept).
func lines(b []byte) []string {
	var out []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// byName parses JSON documents and files them by source name.
func byName(t *testing.T, docs [][]byte) map[string]any {
	t.Helper()
	m := map[string]any{}
	for _, d := range docs {
		var v map[string]any
		if err := json.Unmarshal(d, &v); err != nil {
			t.Fatalf("bad JSON document: %v", err)
		}
		src, _ := v["source"].(map[string]any)
		name, _ := src["name"].(string)
		if _, dup := m[name]; dup || name == "" {
			t.Fatalf("source name %q missing or twice", name)
		}
		m[name] = v
	}
	return m
}

// result is what one pipeline run wrote and counted.
type result struct {
	lines    []string
	failures []Failure
	counters map[string]int64
	shards   int
}

func runPipeline(t *testing.T, cfg Config, shards int) result {
	t.Helper()
	return runPipelineTo(t, cfg, Output{Dir: t.TempDir(), Shards: shards})
}

// runPipelineTo runs the pipeline and reads its shards; it fails the test
// if a shard is not sorted or a temporary file is left behind.
func runPipelineTo(t *testing.T, cfg Config, o Output) result {
	t.Helper()
	out := o.Dir
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, cfg, o); err != nil {
		t.Fatal(err)
	}
	pr, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	r := result{counters: map[string]int64{}}
	for _, c := range pr.Metrics().AllMetrics().Counters() {
		if c.Namespace() == Namespace {
			r.counters[c.Name()] += c.Result()
		}
	}
	parts, _ := filepath.Glob(filepath.Join(out, "part-*.jsonl"))
	r.shards = len(parts)
	var all []byte
	for _, p := range parts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if ls := strings.SplitAfter(string(b), "\n"); !sort.StringsAreSorted(ls[:len(ls)-1]) || ls[len(ls)-1] != "" {
			t.Errorf("%s: lines not sorted, or the last one unended", p)
		}
		all = append(all, b...)
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
	r.lines = lines(all)
	if b, err := os.ReadFile(ShardName(out, "failures", 0, 1)); err == nil {
		for _, l := range lines(b) {
			var fl Failure
			if err := json.Unmarshal([]byte(l), &fl); err != nil {
				t.Fatalf("failure line %q: %v", l, err)
			}
			r.failures = append(r.failures, fl)
		}
	}
	sort.Slice(r.failures, func(i, j int) bool { return r.failures[i].Input < r.failures[j].Input })
	return r
}

// The pipeline over a WARC and a text file writes, across its shards,
// exactly the documents `qanda extract` writes for the same inputs,
// site boilerplate removed per host as the CLI removes it; the record that
// fails is in the failures output and the counters agree.
func TestPipelineMatchesCLI(t *testing.T) {
	fx := makeFixture(t)
	bin := buildCLI(t)

	got := runPipeline(t, Config{Inputs: []string{fx.warc, fx.text}, SiteLearning: true, Limits: Limits{Timeout: 0}}, 4)

	// The CLI's JSON Lines, byte for byte.
	want := lines(runCLI(t, nil, bin, "extract", "-q", "--format", "jsonl", fx.warc, fx.text))
	if len(want) < 10 {
		t.Fatalf("the CLI wrote only %d documents", len(want))
	}
	if !reflect.DeepEqual(got.lines, want) {
		t.Errorf("pipeline wrote %d lines, the CLI %d; they differ%s", len(got.lines), len(want), firstDiff(got.lines, want))
	}
	if got.shards < 2 {
		t.Errorf("documents in %d shard files, want them spread over several", got.shards)
	}

	// And as documents: -o DIR --format json, matched by source name.
	dir := t.TempDir()
	runCLI(t, nil, bin, "extract", "-q", "-o", dir, "--format", "json", fx.warc, fx.text)
	// The CLI mirrors the inputs' tree: a WARC's records by host and path.
	var files []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return err
	})
	var cliDocs [][]byte
	var summary struct {
		Failures []struct {
			Input string `json:"input"`
		} `json:"failures"`
		SiteTexts int `json:"site_boilerplate_texts"`
		Exchanges int `json:"exchanges"`
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "summary.json" {
			if err := json.Unmarshal(b, &summary); err != nil {
				t.Fatal(err)
			}
			continue
		}
		cliDocs = append(cliDocs, b)
	}
	var ours [][]byte
	for _, l := range got.lines {
		ours = append(ours, []byte(l))
	}
	gotDocs, wantDocs := byName(t, ours), byName(t, cliDocs)
	if len(gotDocs) != len(wantDocs) {
		t.Errorf("%d documents, the CLI's -o DIR has %d", len(gotDocs), len(wantDocs))
	}
	for name, w := range wantDocs {
		if !reflect.DeepEqual(gotDocs[name], w) {
			t.Errorf("%s: the pipeline's document differs from the CLI's", name)
		}
	}

	// Site learning had something to learn, and removed it.
	if summary.SiteTexts == 0 {
		t.Fatal("the CLI learned no site boilerplate: the fixture does not exercise site learning")
	}
	removed := 0
	for _, l := range got.lines {
		if strings.Contains(l, `"site-boilerplate"`) {
			removed++
		}
	}
	if removed < 3 { // a host needs three pages for its boilerplate to count
		t.Errorf("site boilerplate removed on %d of %d documents, want at least 3", removed, len(want))
	}

	// The binary record failed, as it does in the CLI.
	if len(got.failures) != 1 || len(summary.Failures) != 1 || got.failures[0].Input != summary.Failures[0].Input {
		t.Fatalf("failures %+v, the CLI's %+v", got.failures, summary.Failures)
	}
	if got.failures[0].Kind != "not-text" || got.failures[0].Error == "" {
		t.Errorf("failure %+v, want kind not-text with its error", got.failures[0])
	}

	c := got.counters
	if c["documents"] != int64(len(want)+1) || c["written"] != int64(len(want)) || c["failures"] != 1 || c["failures_not_text"] != 1 {
		t.Errorf("counters %v, want %d documents, %d written, 1 failure (not_text)", c, len(want)+1, len(want))
	}
	if c["exchanges"] != int64(summary.Exchanges) || summary.Exchanges == 0 {
		t.Errorf("exchanges counter %d, the CLI counted %d", c["exchanges"], summary.Exchanges)
	}
	if c["site_texts"] != int64(summary.SiteTexts) || c["site_pages"] < 3 {
		t.Errorf("site counters %d texts from %d pages, the CLI learned %d texts", c["site_texts"], c["site_pages"], summary.SiteTexts)
	}

	// A worker that may hold only one line writes a run a line; the
	// merged shards are the same.
	small := runPipelineTo(t, Config{Inputs: []string{fx.warc, fx.text}, SiteLearning: true}, Output{Dir: t.TempDir(), Shards: 4, RunBytes: 1})
	if !reflect.DeepEqual(small.lines, got.lines) || !reflect.DeepEqual(small.failures, got.failures) {
		t.Errorf("with one-line runs: %d lines, %d failures; want %d, %d%s", len(small.lines), len(small.failures), len(got.lines), len(got.failures), firstDiff(small.lines, got.lines))
	}
}

// Merging in rounds (here two runs at a time) gives one sorted shard with
// every line of every run, and leaves no run behind.
func TestMergeRounds(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	var runs, want []string
	for i := range 9 {
		var ls []string
		for j := range i + 1 {
			ls = append(ls, fmt.Sprintf("{\"n\":%d}\n", (j*7+i*3)%20))
		}
		sort.Strings(ls)
		want = append(want, ls...)
		run := filepath.Join(dir, fmt.Sprintf(".run-%d", i))
		if err := os.WriteFile(run, []byte(strings.Join(ls, "")), 0o644); err != nil {
			t.Fatal(err)
		}
		runs = append(runs, run)
	}
	sort.Strings(want)
	shard := ShardName(dir, "part", 0, 1)
	i := 0
	next := func(s *string) bool {
		if i == len(runs) {
			return false
		}
		*s, i = runs[len(runs)-1-i], i+1 // any order
		return true
	}
	if err := (&mergeFn{FanIn: 2}).ProcessElement(ctx, shard, next); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(shard)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.SplitAfter(string(b), "\n"); !reflect.DeepEqual(got[:len(got)-1], want) {
		t.Errorf("merged %d lines, want %d%s", len(got)-1, len(want), firstDiff(got[:len(got)-1], want))
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}
}

// JSON Lines records give the lines `qanda extract --stdin-jsonl` gives
// for the same stream, and its broken line is a bad-record failure under
// the name the CLI gives it.
func TestPipelineRecords(t *testing.T) {
	fx := makeFixture(t)
	bin := buildCLI(t)
	in, err := os.ReadFile(fx.records)
	if err != nil {
		t.Fatal(err)
	}
	got := runPipeline(t, Config{Records: []string{fx.records}, SiteLearning: true}, 2)

	var want []string
	var cliErrors []string
	for _, l := range lines(runCLI(t, bytes.NewReader(in), bin, "extract", "-q", "--stdin-jsonl")) {
		var v struct {
			Source struct {
				Name string `json:"name"`
			} `json:"source"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		if v.Error != "" {
			cliErrors = append(cliErrors, v.Source.Name)
			continue
		}
		want = append(want, l)
	}
	if len(want) != 4 {
		t.Fatalf("the CLI answered %d records, want 4", len(want))
	}
	if !reflect.DeepEqual(got.lines, want) {
		t.Errorf("the pipeline's %d lines differ from the CLI's %d", len(got.lines), len(want))
	}
	if len(got.failures) != 1 || len(cliErrors) != 1 || got.failures[0].Input != cliErrors[0] || got.failures[0].Kind != "bad-record" {
		t.Errorf("failures %+v, the CLI's %v; want one bad-record", got.failures, cliErrors)
	}
	if got.counters["failures_bad_record"] != 1 || got.counters["written"] != 4 {
		t.Errorf("counters %v", got.counters)
	}
}

// A glob that matches nothing is a failure, not a silent empty run.
func TestGlobWithoutMatch(t *testing.T) {
	got := runPipeline(t, Config{Inputs: []string{filepath.Join(t.TempDir(), "*.warc.gz")}}, 1)
	if len(got.lines) != 0 || len(got.failures) != 1 || got.failures[0].Kind != "other" {
		t.Errorf("lines %d, failures %+v", len(got.lines), got.failures)
	}
}

// `qanda extract --stdin-jsonl` as a map step: tools/jsonl-split.sh maps
// parts of a record file one by one and finds the same lines as one run.
// Every record has an id and decodes: a record without an id, and the
// error line answering a broken record (even one with an id), are named
// "stdin:N", N the line's number within its part, so those names differ
// between parts and one run.
func TestStdinJSONLSplit(t *testing.T) {
	bin := buildCLI(t)
	var jl bytes.Buffer
	for i, p := range corpusPages(t)[:5] {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("rec-%d", i), "url": fmt.Sprintf("https://delta.example.org/r/%d", i), "html": string(p)})
		jl.Write(append(line, '\n'))
	}
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, jl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", filepath.Join(repoRoot, "tools", "jsonl-split.sh"), bin, in, "2").CombinedOutput()
	if err != nil {
		t.Fatalf("jsonl-split.sh: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "5 lines from 3 parts, identical") {
		t.Errorf("jsonl-split.sh said %q", out)
	}
}

// firstDiff shows where two line lists first part, for a failure message.
func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] == b[i] {
			continue
		}
		j := 0
		for j < len(a[i]) && j < len(b[i]) && a[i][j] == b[i][j] {
			j++
		}
		from := max(0, j-80)
		return fmt.Sprintf(": line %d, byte %d:\n pipeline %.200q\n CLI      %.200q", i+1, j, a[i][from:], b[i][from:])
	}
	return ""
}

// However a bundle's sketches are packed (a pack a page, or one a host),
// the hosts' models are the same; a pack cut short is an error.
func TestSketchPacks(t *testing.T) {
	ctx := context.Background()
	var pages []Page
	for i := range 12 {
		html := fmt.Sprintf("<h1>Talk %d</h1><p>Read the letter of our house, every week.</p><p><b>Why %d?</b></p><p>Because %d.</p>", i, i, i)
		pages = append(pages, Page{Name: fmt.Sprintf("p%d", i), URL: fmt.Sprintf("https://h%d.example.org/t/%d", i%2, i), Body: []byte(html), Format: "html"})
	}
	models := func(fn *sketchFn) map[string][]byte {
		packs := map[string][][]byte{}
		emit := func(host string, pack []byte) { packs[host] = append(packs[host], slices.Clone(pack)) }
		fn.StartBundle(ctx, emit)
		for _, p := range pages {
			if err := fn.ProcessElement(ctx, p, emit); err != nil {
				t.Fatal(err)
			}
		}
		fn.FinishBundle(ctx, emit)
		out := map[string][]byte{}
		for host, ps := range packs {
			i := 0
			next := func(b *[]byte) bool {
				if i == len(ps) {
					return false
				}
				*b, i = ps[i], i+1
				return true
			}
			if err := modelFn(ctx, host, next, func(m []byte) { out[host] = m }); err != nil {
				t.Fatal(err)
			}
		}
		if len(packs) != 2 {
			t.Fatalf("packs for %d hosts, want 2", len(packs))
		}
		return out
	}
	one := models(&sketchFn{})
	if len(one) != 2 {
		t.Fatalf("models for %d hosts, want 2 (each host's pages share a line)", len(one))
	}
	for _, fn := range []*sketchFn{{PackBytes: 1}, {HeldBytes: 1}} {
		if got := models(fn); !reflect.DeepEqual(got, one) {
			t.Errorf("packs of at most %d bytes, %d held: models differ", fn.PackBytes, fn.HeldBytes)
		}
	}
	bad := func(b *[]byte) bool { *b = []byte{200}; return len(*b) > 0 }
	called := false
	once := func(b *[]byte) bool {
		if called {
			return false
		}
		called = true
		return bad(b)
	}
	if err := modelFn(ctx, "h0.example.org", once, func([]byte) {}); !errors.Is(err, qanda.ErrSiteEncoding) {
		t.Errorf("a cut-short pack: %v", err)
	}
}

// Inputs on another of Beam's file systems (memfs:// here, gs:// on a
// cluster: the same code) are read as local ones are: a folder's pages and
// WARC files, hidden and other files passed over, and records files. The
// lines are those of the local run, with the folder's name in the names.
func TestRemoteInputs(t *testing.T) {
	fx := makeFixture(t)
	local := runPipeline(t, Config{Inputs: []string{fx.warc, fx.text}, Records: []string{fx.records}, SiteLearning: true}, 2)
	for name, p := range map[string]string{"crawl.warc.gz": fx.warc, "dump.txt": fx.text, "records.jsonl": fx.records, ".hidden.html": fx.text, "logo.png": fx.text} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		memfs.Write("memfs://bucket/crawl/"+name, b)
	}
	got := runPipeline(t, Config{Inputs: []string{"memfs://bucket/crawl/", "memfs://bucket/none-*.warc"}, Records: []string{"memfs://bucket/crawl/records.jsonl"}, SiteLearning: true}, 2)
	var want []string
	for _, l := range local.lines {
		l = strings.ReplaceAll(l, fx.warc, "memfs://bucket/crawl/crawl.warc.gz")
		want = append(want, strings.ReplaceAll(l, fx.text, "memfs://bucket/crawl/dump.txt"))
	}
	sort.Strings(want)
	if !reflect.DeepEqual(got.lines, want) {
		t.Errorf("%d lines from memfs, %d from local files%s", len(got.lines), len(want), firstDiff(got.lines, want))
	}
	// The local run's failures plus the glob that matches nothing.
	if len(got.failures) != len(local.failures)+1 {
		t.Fatalf("failures %+v, want the local run's %+v and the empty glob", got.failures, local.failures)
	}
	i := slices.IndexFunc(got.failures, func(f Failure) bool { return f.Input == "memfs://bucket/none-*.warc" })
	if i < 0 || got.failures[i].Kind != "other" || !strings.Contains(got.failures[i].Error, "no object matches") {
		t.Errorf("no failure for the glob that matches nothing: %+v", got.failures)
	}
}

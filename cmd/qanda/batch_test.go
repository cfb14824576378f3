package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/nlnwa/gowarc/v2"

	"github.com/qanda/qanda/pkg/source"
)

const corpusDir = "../../testdata/corpus/interviews"

// corpusPages returns the bundled corpus pages, gunzipped, by file name.
func corpusPages(t *testing.T) ([]string, map[string][]byte) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*.html.gz"))
	if len(paths) < 10 {
		t.Fatalf("corpus missing: %d pages", len(paths))
	}
	pages := map[string][]byte{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = b
	}
	return paths, pages
}

// docs parses JSON Lines output into documents, in order.
func docs(t *testing.T, out string) []map[string]any {
	t.Helper()
	var ds []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var d map[string]any
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("bad JSON line: %v", err)
		}
		ds = append(ds, d)
	}
	return ds
}

func exchanges(d map[string]any) string {
	b, _ := json.Marshal(d["exchanges"])
	return string(b)
}

// withoutSource is a document without what depends on how it was read.
func withoutSource(d map[string]any) string {
	c := map[string]any{}
	for k, v := range d {
		if k != "source" {
			c[k] = v
		}
	}
	b, _ := json.Marshal(c)
	return string(b)
}

// A WARC holding the corpus pages, written with gowarc, among request,
// non-HTML, revisit, error and truncated records, yields the same
// exchanges as the files, and counts the other records.
func TestExtractWARC(t *testing.T) {
	paths, pages := corpusPages(t)
	warc := filepath.Join(t.TempDir(), "crawl.warc.gz")
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	add := func(typ gowarc.RecordType, uri, ct, block string, hdr map[string]string) {
		b := gowarc.NewRecordBuilder(typ, gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore))
		b.WriteString(block)
		b.AddWarcHeader(gowarc.WarcDate, "2024-05-01T10:00:00Z")
		b.AddWarcHeader(gowarc.WarcTargetURI, uri)
		b.AddWarcHeader(gowarc.ContentType, ct)
		for k, v := range hdr {
			b.AddWarcHeader(k, v)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(&out)
		if _, _, err := m.Marshal(zw, rec, 0); err != nil {
			t.Fatal(err)
		}
		zw.Close()
		rec.Close()
	}
	resp := "application/http;msgtype=response"
	for i, p := range paths {
		uri := fmt.Sprintf("https://site%d.example/%s", i, strings.TrimSuffix(filepath.Base(p), ".html.gz"))
		add(gowarc.Request, uri, "application/http;msgtype=request", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", nil)
		add(gowarc.Response, uri, resp, fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", len(pages[p]))+string(pages[p]), nil)
		if i%6 == 0 {
			add(gowarc.Response, uri+".jpg", resp, "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0", nil)
			add(gowarc.Revisit, uri, resp, "HTTP/1.1 200 OK\r\n\r\n", map[string]string{gowarc.WarcProfile: "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest", gowarc.WarcPayloadDigest: "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
			add(gowarc.Response, uri+"?cut", resp, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+string(pages[p][:500]), map[string]string{gowarc.WarcTruncated: "length"})
		}
	}
	os.WriteFile(warc, out.Bytes(), 0o644)

	code, fromFiles, errs := runCLI(t, "", append([]string{"extract", "-q", "--format", "jsonl"}, paths...)...)
	if code != 0 {
		t.Fatalf("files: exit %d, %s", code, errs)
	}
	dir := t.TempDir()
	code, fromWARC, errs := runCLI(t, "", "extract", "-o", dir, "--format", "json", warc)
	if code != 0 {
		t.Fatalf("warc: exit %d, %s", code, errs)
	}
	if fromWARC != "" {
		t.Errorf("stdout with -o: %q", fromWARC)
	}
	_, fromWARC, _ = runCLI(t, "", "extract", "-q", warc)
	fd, wd := docs(t, fromFiles), docs(t, fromWARC)
	if len(wd) != len(paths) || len(fd) != len(paths) {
		t.Fatalf("%d documents from the WARC, %d from files, want %d", len(wd), len(fd), len(paths))
	}
	for i := range fd {
		src := wd[i]["source"].(map[string]any)
		if !strings.HasPrefix(src["name"].(string), src["url"].(string)+" 2024-05-01T10:00:00Z") {
			t.Errorf("document %d named %q, url %q", i, src["name"], src["url"])
		}
		if exchanges(fd[i]) != exchanges(wd[i]) {
			t.Errorf("%s: exchanges differ between file and WARC", paths[i])
		}
	}
	var sum summary
	b, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	n := (len(paths) + 5) / 6
	want := map[string]int{"warc:request": len(paths), "warc:non-html": n, "warc:revisit": n, "warc:truncated": n}
	if sum.OK != len(paths) || fmt.Sprint(sum.Skipped) != fmt.Sprint(want) {
		t.Errorf("summary: %d ok, skipped %v, want %v", sum.OK, sum.Skipped, want)
	}
	if !strings.Contains(errs, "warc:revisit") {
		t.Errorf("closing line does not count skipped records: %q", errs)
	}
}

// --stdin-jsonl answers each record with the line the file would give, in
// input order, and a failed record with an error line in its place.
func TestStdinJSONL(t *testing.T) {
	paths, _ := corpusPages(t)
	var in strings.Builder
	for i, p := range paths {
		d, err := source.Open(p, source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"url": fmt.Sprintf("https://s%d.example/p", i), "html": string(d.Body)})
		in.Write(line)
		in.WriteByte('\n')
		if i == 3 {
			in.WriteString("{\"url\": \"https://bad.example/\"}\n")
		}
	}
	code, out, errs := runCLI(t, in.String(), "extract", "--stdin-jsonl", "--jobs", "2")
	if code != exitFailed || !strings.Contains(errs, "https://bad.example/") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	got := docs(t, out)
	_, files, _ := runCLI(t, "", append([]string{"extract", "-q", "--no-site-boilerplate", "--format", "jsonl"}, paths...)...)
	want := docs(t, files)
	if len(got) != len(want)+1 {
		t.Fatalf("%d lines, want %d", len(got), len(want)+1)
	}
	if got[4]["error"] == nil || got[4]["schema"] != nil {
		t.Errorf("line 5 should be an error line: %v", got[4])
	}
	got = slices.Delete(got, 4, 5)
	for i := range want {
		if withoutSource(got[i]) != withoutSource(want[i]) {
			t.Errorf("%s: stdin-jsonl output differs from the file's", paths[i])
		}
	}
}

// Output names stay inside the folder whatever the inputs are called.
func TestOutStemHostile(t *testing.T) {
	dir := t.TempDir()
	hostile := []source.Input{}
	for _, rel := range []string{"../../x.html", "/etc/passwd", "..", ".", "", "a/../../../b.html", "a\x00b.html",
		"C:\\Windows\\system32", strings.Repeat("long/", 200) + "x.html", "-rf", ".bashrc", "\u202eevil.html",
		"con.html", "nul", "a/\x1b[2J/b.html", strings.Repeat("é", 300) + ".html", "trailing.", "tab\there.html", "\xff\xfe.html"} {
		hostile = append(hostile, source.Input{Name: rel, Kind: source.FileInput, Rel: rel})
	}
	for _, uri := range []string{"https://h.example/a/../../../etc/passwd", "https://h.example/%2e%2e/%2F..", "https://h.example/%2e%2e%2f%2e%2e%2fx",
		"http://../x", "https://h.example:8080/a?b=../../c&d=%00", "https://user:pw@H.Example/?q=1#frag", "not a url", "https://h.example/" + strings.Repeat("a/", 50),
		"https://h.example/CON", "https://h.example/a\\..\\..\\b", "https://[::1]/x"} {
		hostile = append(hostile, source.Input{Name: uri, Kind: source.URLInput},
			source.Input{Name: uri + " 2024", Kind: source.WARCInput, Rel: "c.warc", WARC: &source.WARCRecord{TargetURI: uri}})
	}
	n := newNamer([]string{".json", ".md"})
	for _, in := range hostile {
		stem := n.take(outStem(in), in.Name)
		p := filepath.Join(dir, filepath.FromSlash(stem)+".json")
		rel, err := filepath.Rel(dir, p)
		if stem == "" || err != nil || !filepath.IsLocal(rel) || rel != filepath.FromSlash(stem)+".json" {
			t.Errorf("%q -> %q escapes the folder", in.Name, stem)
		}
		depth := 0
		for _, c := range strings.Split(stem, "/") {
			depth++
			if c == "" || c[0] == '.' || c[0] == '-' || len(c) > 255 || strings.HasSuffix(c, ".") || reservedWin.MatchString(c) ||
				!utf8.ValidString(c) || strings.ContainsFunc(c, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) ||
				strings.ContainsAny(c, "\\:*?\"<>| \t") {
				t.Errorf("%q -> unsafe component %q in %q", in.Name, c, stem)
			}
		}
		if depth > maxDepth {
			t.Errorf("%q -> %d levels", in.Name, depth)
		}
	}
	// End to end: files named to escape and records with hostile target
	// URIs land inside -o DIR.
	base := t.TempDir()
	out := filepath.Join(base, "out")
	page := []byte(`<p>Q: Why?</p><p>A: Because.</p>`)
	pages := map[string]string{}
	var order []string
	for _, uri := range []string{"https://h.example/../../../escaped", "https://h.example/%2e%2e/%2e%2e/escaped2", "https://h.example/.qanda-journal", "https://summary.json/"} {
		pages[uri] = string(page)
		order = append(order, uri)
	}
	warc := filepath.Join(base, "in.warc")
	os.WriteFile(warc, writeTestWARC(t, pages, order), 0o644)
	if code, _, errs := runCLI(t, "", "extract", "-o", out, "--format", "json,md", warc); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var files []string
	filepath.WalkDir(base, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && p != warc {
			rel, _ := filepath.Rel(out, p)
			if !filepath.IsLocal(rel) {
				t.Errorf("%s is outside the output folder", p)
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(files)
	// A host called summary.json must not take the summary's name.
	sum := sha256.Sum256([]byte("https://summary.json/ 2024-05-01T10:00:00Z"))
	moved := "summary.json-" + hex.EncodeToString(sum[:4])
	want := []string{".qanda-journal", "h.example/_qanda-journal.json", "h.example/_qanda-journal.md", "h.example/escaped.json", "h.example/escaped.md",
		"h.example/escaped2.json", "h.example/escaped2.md", "summary.json", moved + "/index.json", moved + "/index.md"}
	sort.Strings(want)
	if !slices.Equal(files, want) {
		t.Errorf("files %q\nwant %q", files, want)
	}
}

func TestOutDirAndResume(t *testing.T) {
	in := t.TempDir()
	paths, pages := corpusPages(t)
	for _, p := range paths[:5] {
		os.WriteFile(filepath.Join(in, strings.TrimSuffix(filepath.Base(p), ".gz")), pages[p], 0o644)
	}
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, errs := runCLI(t, "", "extract", "-o", out, "--format", "json,md,csv", in)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	jsons, _ := filepath.Glob(filepath.Join(out, "*.json"))
	mds, _ := filepath.Glob(filepath.Join(out, "*.md"))
	csvs, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(jsons) != 6 || len(mds) != 5 || len(csvs) != 5 { // 5 documents + summary.json
		t.Errorf("%d json, %d md, %d csv files", len(jsons), len(mds), len(csvs))
	}
	// Change one input: --resume redoes only that one.
	first, _ := filepath.Glob(filepath.Join(in, "*.html"))
	os.WriteFile(first[0], append(pages[paths[0]], "\n<!-- changed -->"...), 0o644)
	code, _, errs = runCLI(t, "", "extract", "-o", out, "--format", "json,md", "--resume", in)
	if code != 0 || !strings.Contains(errs, "1 written, 0 failed, 4 already done") {
		t.Errorf("resume: exit %d, %q", code, errs)
	}
	// Asking for a format not written before redoes everything.
	_, _, errs = runCLI(t, "", "extract", "-o", out, "--format", "text", "--resume", in)
	if !strings.Contains(errs, "5 written") {
		t.Errorf("new format: %q", errs)
	}
	var sum summary
	b, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil || sum.OK != 5 || sum.Documents != 5 {
		t.Errorf("summary %+v, %v", sum, err)
	}
}

func TestBatchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--resume", sample},
		{"extract", "--jobs", "0", sample},
		{"extract", "-o", t.TempDir(), "--format", "jsonl", sample},
		{"extract", "-o", t.TempDir(), "--format", "json,pdf", sample},
		{"extract", "--stdin-jsonl", sample},
		{"extract", "--stdin-jsonl", "--format", "md"},
		{"extract", "--include", "[", sample},
		{"extract", "--timeout", "0s", sample},
		{"extract", "--max-depth", "600", sample},
		{"extract", "--max-nodes", "0", sample},
		{"extract", "--max-blocks", "0", sample},
		{"extract", "--timeout-doc", "0s", sample},
	} {
		code, out, errs := runCLI(t, "", args...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errs, "qanda: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// URLs, from a list on stdin, mixed with a file: fetched with qanda's
// User-Agent; a 404 fails alone.
func TestExtractURLsFromList(t *testing.T) {
	page, _ := os.ReadFile(sample)
	var agent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/interview" {
			http.NotFound(w, r)
			return
		}
		agent = r.UserAgent()
		w.Write(page)
	}))
	defer srv.Close()
	list := srv.URL + "/interview\n# a comment\n" + srv.URL + "/missing\n" + sample + "\n"
	code, out, errs := runCLI(t, list, "extract", "--from-list", "-", "--jobs", "3")
	if code != exitFailed {
		t.Errorf("exit %d, want 1", code)
	}
	ds := docs(t, out)
	if len(ds) != 2 || exchanges(ds[0]) != exchanges(ds[1]) || !strings.Contains(exchanges(ds[0]), "humanitarian corridor") {
		t.Errorf("%d documents", len(ds))
	}
	if !strings.Contains(errs, srv.URL+"/missing: cannot fetch (HTTP 404 Not Found") {
		t.Errorf("stderr %q", errs)
	}
	if agent != "qanda/"+version {
		t.Errorf("User-Agent %q", agent)
	}
}

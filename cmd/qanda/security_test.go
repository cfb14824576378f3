package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// failingTransport fails the test if anything makes an HTTP request.
type failingTransport struct{ t *testing.T }

func (f failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	f.t.Errorf("unexpected request to %s", r.URL)
	return nil, http.ErrNotSupported
}

// A page is only read: the images, styles, scripts, frames and redirects
// it names are never fetched, and its scripts never run. Any request, by
// the default transport or to a server the page points at, fails the test.
func TestNoNetworkWithoutURL(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte("<p>fetched</p>"))
	}))
	defer srv.Close()
	saved := http.DefaultTransport
	http.DefaultTransport = failingTransport{t}
	defer func() { http.DefaultTransport = saved }()

	u := srv.URL
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Talk</title>
<link rel="stylesheet" href="` + u + `/style.css"><link rel="canonical" href="` + u + `/canonical">
<link rel="preload" href="` + u + `/font.woff2"><meta http-equiv="refresh" content="0; url=` + u + `/refresh">
<meta property="og:image" content="` + u + `/og.jpg"><script src="` + u + `/app.js"></script>
<script>fetch("` + u + `/xhr"); document.write("<p>Q: Injected?</p>");</script>
<base href="` + u + `/base/"></head><body>
<img src="` + u + `/photo.jpg" srcset="` + u + `/photo-2x.jpg 2x"><iframe src="` + u + `/frame"></iframe>
<object data="` + u + `/obj"></object><video src="` + u + `/v.mp4" poster="` + u + `/poster.jpg"></video>
<p style="background:url(` + u + `/bg.png)">Q: Why did you go?</p><p>A: Because the river was high.</p>
<p>Q: What did you see?</p><p>A: Streets under water.</p><p>Q: Would you go back?</p><p>A: Every spring.</p>
<form action="` + u + `/post"><input type="image" src="` + u + `/btn.png"></form></body></html>`
	p := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(p, []byte(page), 0o644)
	for _, args := range [][]string{{"extract", p}, {"extract", "-o", filepath.Join(t.TempDir(), "out"), "--format", "json,md", p}, {"explain", "--color", "never", p}} {
		code, out, errs := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, errs)
		}
		if strings.Contains(out, "Injected") || strings.Contains(out, "fetched") {
			t.Errorf("%v: script output or fetched content in the output", args)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests to the server the page names", n)
	}
}

// Names taken from WARC records (their target URIs) cannot put a file
// outside the output folder, whatever they say.
func TestWARCNamesStayInOutDir(t *testing.T) {
	root := t.TempDir()
	uris := []string{
		"https://h.example/../../../../escaped",
		"https://h.example/%2e%2e/%2e%2e/escaped",
		"file:///etc/passwd",
		"../../escaped",
		"/tmp/escaped",
		"https://h.example/a/..\\..\\escaped",
		"https://h.example/" + strings.Repeat("deep/", 100) + "page",
		"https://h.example/.hidden",
		"https://h.example/a\x00b",
	}
	pages := map[string]string{}
	for _, u := range uris {
		pages[u] = htmlInterview
	}
	warc := file(t, root, "crawl.warc", writeTestWARC(t, pages, uris))
	out := filepath.Join(root, "a", "out")
	code, _, errs := runCLI(t, "", "extract", "-o", out, "--format", "json,md,text,csv", warc)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// Every file is inside out, and none but the journal is hidden.
	files := 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == warc {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if !filepath.IsLocal(rel) {
			t.Errorf("file outside the output folder: %s", p)
		}
		for _, c := range strings.Split(filepath.ToSlash(rel), "/") {
			if strings.HasPrefix(c, ".") && rel != journalName {
				t.Errorf("hidden component in %s", rel)
			}
		}
		files++
		return nil
	})
	if files != len(uris)*4+2 { // 4 formats each, summary.json, journal
		t.Errorf("%d files in the output folder, want %d", files, len(uris)*4+2)
	}
}

// Two documents with one name (the same file given twice) get two files:
// the second does not overwrite the first.
func TestSameNameTwice(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, errs := runCLI(t, "", "extract", "-o", out, sample, sample); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	jsons, _ := filepath.Glob(filepath.Join(out, "*.json"))
	if len(jsons) != 3 { // two documents and summary.json
		t.Errorf("files %v", jsons)
	}
}

// CSV on stdout and in -o files is spreadsheet-safe by default; --csv-raw
// writes the cells as the page has them.
func TestCSVFormulaCells(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "talk.txt")
	os.WriteFile(in, []byte("Q: =HYPERLINK(\"http://example.org\",\"x\")?\nA: +1, said the mayor.\nQ: And then?\nA: Nothing else.\n"), 0o644)
	code, out, errb := runCLI(t, "", "extract", "--format", "csv", in)
	if code != exitOK || !strings.Contains(out, `"'=HYPERLINK(""http://example.org"",""x"")?"`) || !strings.Contains(out, `"'+1, said the mayor."`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errb)
	}
	code, out, _ = runCLI(t, "", "extract", "--format", "csv", "--csv-raw", in)
	if code != exitOK || strings.Contains(out, "'=") || !strings.Contains(out, `"=HYPERLINK(`) {
		t.Errorf("--csv-raw: exit %d, stdout %q", code, out)
	}
	outDir := filepath.Join(dir, "out")
	if code, _, errb := runCLI(t, "", "extract", "-q", "--format", "csv", "-o", outDir, in); code != exitOK {
		t.Fatalf("-o: exit %d: %s", code, errb)
	}
	files, _ := filepath.Glob(filepath.Join(outDir, "*.csv"))
	if len(files) != 1 {
		t.Fatalf("csv files in -o: %v", files)
	}
	if b, _ := os.ReadFile(files[0]); !strings.Contains(string(b), "'=HYPERLINK") {
		t.Errorf("the -o file is not spreadsheet-safe: %s", b)
	}
}

// Terminal commands in page text (ESC sequences, BEL, C1 controls) are
// never printed: not by any format on stdout, not by explain.
func TestNoTerminalControlsOnStdout(t *testing.T) {
	in := filepath.Join(t.TempDir(), "talk.txt")
	page := "Q: Why do you\x1b]52;c;aGVsbG8=\x07 paint walls?\nA: Walls\x1b[2J are\u009b there.\nQ: And then?\nA: Nothing else.\n"
	if err := os.WriteFile(in, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"extract", "--format", "md", in}, {"extract", "--format", "text", in},
		{"extract", "--format", "csv", in}, {"extract", "--format", "csv", "--csv-raw", in},
		{"extract", "--format", "json", in}, {"extract", "--format", "jsonl", in},
		{"explain", "--color", "never", in},
	} {
		code, out, errb := runCLI(t, "", args...)
		if code != exitOK || !strings.Contains(out, "paint walls?") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errb)
		}
		if i := strings.IndexFunc(out, func(r rune) bool { return r == 0x1b || r == 0x07 || r == 0x9b }); i >= 0 {
			t.Errorf("%v: control character at %d: %q", args, i, out)
		}
	}
}

package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v2"
	"golang.org/x/text/encoding/unicode"

	"github.com/qanda/qanda/pkg/source"
)

// badCase is one row of the README's "Bad input" table: an input that is
// run through `qanda extract -o DIR` together with good ones.
type badCase struct {
	name string
	// setup writes the bad input into dir and returns the extract
	// arguments (flags, then inputs), stdin, the name qanda gives the bad
	// input, and the good inputs that must still be written, as listed (a
	// path, a WARC record's "URI date", a JSON Lines record's "stdin:N").
	// No good names means the bundled sample, which is appended to the
	// inputs.
	setup func(t *testing.T, dir string) (args []string, stdin, input string, good []string)
	code  int    // exit code
	line  string // what the one stderr line naming the input says after "qanda: <input>: "; "" for no line
	wrote bool   // the bad input itself was written (read, perhaps with a warning)
}

// file writes data to dir/name and returns the path.
func file(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// one is a setup for a single file input.
func one(name string, data func(t *testing.T) []byte) func(*testing.T, string) ([]string, string, string, []string) {
	return func(t *testing.T, dir string) ([]string, string, string, []string) {
		p := file(t, dir, name, data(t))
		return []string{p}, "", p, nil
	}
}

func bytesOf(s string) func(*testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }

// samplePage is the bundled founding page, a text dump with four exchanges.
func samplePage(t *testing.T) []byte {
	b, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// htmlInterview is a small HTML interview page.
const htmlInterview = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Talk</title></head><body><h1>A talk about Köln</h1>" +
	"<p><b>Why did you go to Köln?</b></p><p>Because the river was high — “eerily so”.</p>" +
	"<p><b>What did you see there?</b></p><p>Streets under water, and people helping each other.</p>" +
	"<p><b>Would you go back?</b></p><p>Every spring, when the water comes.</p></body></html>"

// labelledInterview is the same talk with Q:/A: labels, which survive
// when a page is read as text without its markup.
const labelledInterview = "<h1>A talk about Köln</h1><p>Q: Why did you go to Köln?</p><p>A: Because the river was high.</p>" +
	"<p>Q: What did you see there?</p><p>A: Streets under water, and people helping each other.</p>" +
	"<p>Q: Would you go back?</p><p>A: Every spring, when the water comes.</p>"

// writeTestWARC writes response records of pages with gowarc and returns
// the file's bytes.
func writeTestWARC(t *testing.T, pages map[string]string, order []string) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for _, uri := range order {
		b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore))
		b.WriteString(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(pages[uri]), pages[uri]))
		b.AddWarcHeader(gowarc.WarcDate, "2024-05-01T10:00:00Z")
		b.AddWarcHeader(gowarc.WarcTargetURI, uri)
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := m.Marshal(&out, rec, 0); err != nil {
			t.Fatal(err)
		}
		rec.Close()
	}
	return out.Bytes()
}

// badServer answers /slow never (until the client gives up), /500 with a
// server error and /loop with a redirect to itself; it counts requests.
func badServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		case "/500":
			http.Error(w, "boom", http.StatusInternalServerError)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func badCases() []badCase {
	return []badCase{
		{name: "empty", setup: one("empty.html", bytesOf("")), code: exitFailed,
			line: "empty input; pass a page or text dump with content"},
		{name: "whitespace only", setup: one("blank.html", bytesOf(" \n\t\r\n  \n")), code: exitFailed,
			line: "empty input (only white space); pass a page or text dump with content"},
		{name: "binary PNG", setup: one("photo.html", bytesOf("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")), code: exitFailed,
			line: "binary data (image/png), not an HTML page or text dump; pass an HTML file or a text dump"},
		{name: "binary PDF", setup: one("report.html", bytesOf("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")), code: exitFailed,
			line: "binary data (application/pdf), not an HTML page or text dump; pass an HTML file or a text dump"},
		{name: "random bytes", setup: one("random.html", func(*testing.T) []byte {
			b := make([]byte, 64<<10)
			rand.New(rand.NewSource(1)).Read(b)
			return b
		}), code: exitFailed, line: "binary data (contains NUL bytes), not an HTML page or text dump; pass an HTML file or a text dump"},
		{name: "truncated HTML", setup: one("cut.html", bytesOf(htmlInterview[:strings.Index(htmlInterview, "Every spring")+5])), code: exitOK, wrote: true},
		{name: "invalid UTF-8", setup: one("bad-utf8.html", bytesOf(strings.Replace(htmlInterview, "river", "ri\xff\xfever", 1))), code: exitOK, wrote: true},
		{name: "wrong charset declaration", setup: one("declared-1251.html", bytesOf(strings.Replace(htmlInterview, `charset="utf-8"`, `charset="windows-1251"`, 1))), code: exitOK, wrote: true},
		{name: "UTF-16 with BOM", setup: one("utf16.txt", func(t *testing.T) []byte {
			b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(samplePage(t))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}), code: exitOK, wrote: true},
		{name: "60 MB page", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			p := filepath.Join(dir, "huge.html")
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			w := bufio.NewWriter(f)
			para := "<p>" + strings.Repeat("A long page of ordinary text. ", 30) + "</p>\n"
			for n := 0; n < 60<<20; n += len(para) {
				w.WriteString(para)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			return []string{p}, "", p, nil
		}, code: exitFailed, line: "too large (over the 50 MiB limit); raise --max-bytes or split the input"},
		{name: "100,000 nested elements", setup: one("deep.html", bytesOf("<html><body>"+strings.Repeat("<div>", 100_000)+labelledInterview)),
			code: exitOK, wrote: true,
			line: "warning: the page nests HTML elements deeper than 512; its text was read without the markup, as a text dump (--max-depth and --max-nodes set the limits)"},
		{name: "nested formatting (parser blow-up)", setup: one("fonts.html", func(*testing.T) []byte {
			var b strings.Builder
			b.WriteString("<html><body><p>")
			for i := range 400 {
				fmt.Fprintf(&b, "<font color=%d>", i)
			}
			b.WriteString("</p>" + strings.Repeat("<p>x</p>", 5000) + labelledInterview)
			return []byte(b.String())
		}), code: exitOK, wrote: true,
			line: "warning: the page would build over 1000000 HTML elements; its text was read without the markup, as a text dump (--max-depth and --max-nodes set the limits)"},
		{name: "gzip bomb", setup: one("bomb.html.gz", func(t *testing.T) []byte {
			// 16 gzip members of 64 MiB of zeros each: 1 GiB unpacked
			// from about 1 MB.
			var member bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
			zeros := make([]byte, 1<<20)
			for range 64 {
				zw.Write(zeros)
			}
			zw.Close()
			return bytes.Repeat(member.Bytes(), 16)
		}), code: exitFailed, line: "too large (gzip data decompresses to over the 50 MiB limit); raise --max-bytes or split the input"},
		{name: "no interview", setup: one("news.txt", bytesOf("A short news story\n\nThe council met on Tuesday and approved the budget for next year. The vote was unanimous.\n\nThe new budget takes effect in January.\n")),
			code: exitOK, wrote: true, line: "warning: no interview found; the text is in intro"},
		{name: "missing path", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			p := filepath.Join(dir, "missing.html")
			return []string{p}, "", p, nil
		}, code: exitFailed, line: "file not found; check the path"},
		{name: "unreadable file", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			p := filepath.Join(dir, "locked.html")
			if os.Geteuid() == 0 {
				// root reads any mode; /proc/self/mem fails to read
				// at offset 0 (EIO) whoever reads it.
				if err := os.Symlink("/proc/self/mem", p); err != nil {
					t.Skip(err)
				}
				return []string{p}, "", p, nil
			}
			file(t, dir, "locked.html", []byte(htmlInterview))
			os.Chmod(p, 0)
			return []string{p}, "", p, nil
		}, code: exitFailed, line: "cannot read input ("},
		{name: "symlink loop in a folder", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			folder := filepath.Join(dir, "dump")
			os.Mkdir(folder, 0o755)
			good := file(t, folder, "good.txt", samplePage(t))
			loop := filepath.Join(folder, "loop.html")
			os.Symlink("loop.html", loop)                          // a link to itself
			os.Symlink("..", filepath.Join(folder, "parent.html")) // a link to a folder: not followed
			return []string{folder}, "", loop, []string{good}
		}, code: exitFailed, line: "cannot read input (too many levels of symbolic links); check that the file is readable (permissions, disk)"},
		{name: "WARC with a truncated record", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			order := []string{"https://example.org/one", "https://example.org/two"}
			data := writeTestWARC(t, map[string]string{order[0]: htmlInterview, order[1]: htmlInterview}, order)
			p := file(t, dir, "crawl.warc", data[:len(data)-100])
			return []string{p, sample}, "", p, []string{order[0] + " 2024-05-01T10:00:00Z", sample}
		}, code: exitFailed, line: "corrupt or truncated data (WARC record 2 at offset"},
		{name: "JSONL stream with a malformed line", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			rec := func(id string) string {
				b, _ := json.Marshal(map[string]string{"id": id, "html": htmlInterview})
				return string(b) + "\n"
			}
			return []string{"--stdin-jsonl"}, rec("first") + "{\"id\": \"broken\", \"html\": \n" + rec("third"), "stdin:2", []string{"stdin:1", "stdin:3"}
		}, code: exitFailed, line: "bad JSON Lines record (not a JSON object: "},
		{name: "JSONL record with an id, too large", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			rec := func(id, html string) string {
				b, _ := json.Marshal(map[string]string{"id": id, "html": html})
				return string(b) + "\n"
			}
			// The record was read as JSON, so its failure is named by
			// its id, as its document would have been.
			return []string{"--stdin-jsonl", "--max-bytes", "3000"}, rec("first", htmlInterview) + rec("big", strings.Repeat("Long line. ", 300)), "big", []string{"stdin:1"}
		}, code: exitFailed, line: "too large (over the 3000 bytes limit); raise --max-bytes or split the input"},
		{name: "URL that times out", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			u := badServer(t).URL + "/slow"
			return []string{"--timeout", "300ms", u}, "", u, nil
		}, code: exitFailed, line: "cannot fetch (no complete answer within 300ms); try again or raise --timeout"},
		{name: "URL that returns 500", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			u := badServer(t).URL + "/500"
			return []string{u}, "", u, nil
		}, code: exitFailed, line: "cannot fetch (HTTP 500 Internal Server Error; check the URL or try again later)"},
		{name: "URL that redirects forever", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			u := badServer(t).URL + "/loop"
			return []string{u}, "", u, nil
		}, code: exitFailed, line: "cannot fetch (too many redirects (a redirect loop?))"},
		{name: "file:// URL", setup: func(*testing.T, string) ([]string, string, string, []string) {
			return []string{"file:///etc/passwd"}, "", "file:///etc/passwd", nil
		}, code: exitFailed, line: "unsupported input (only http and https URLs are fetched); pass a file, a folder, a WARC file, an http(s) URL or -"},
		{name: "ftp:// URL", setup: func(*testing.T, string) ([]string, string, string, []string) {
			return []string{"ftp://example.org/page.html"}, "", "ftp://example.org/page.html", nil
		}, code: exitFailed, line: "unsupported input (only http and https URLs are fetched)"},
		{name: "gopher:// URL", setup: func(*testing.T, string) ([]string, string, string, []string) {
			return []string{"gopher://example.org/1"}, "", "gopher://example.org/1", nil
		}, code: exitFailed, line: "unsupported input (only http and https URLs are fetched)"},
		{name: "data: URL", setup: func(*testing.T, string) ([]string, string, string, []string) {
			u := "data:text/html,<p>Q: Why?</p><p>A: So.</p>"
			return []string{u}, "", u, nil
		}, code: exitFailed, line: "unsupported input (only http and https URLs are fetched)"},
		{name: "too many blocks", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			p := file(t, dir, "long.txt", []byte(strings.Repeat("Another short paragraph.\n\n", 2000)))
			return []string{"--max-blocks", "1000", p}, "", p, nil
		}, code: exitFailed, line: "too many blocks (2000, over the limit of 1000); raise --max-blocks or split the input"},
		{name: "document over --timeout-doc", setup: func(t *testing.T, dir string) ([]string, string, string, []string) {
			// About 3 MB of distinct exchanges: over half a second of
			// work, against a limit of 100 ms that the sample (~5 ms) is
			// far under. No timing is asserted beyond that wide margin.
			var b strings.Builder
			for i := 0; b.Len() < 3<<20; i++ {
				fmt.Fprintf(&b, "Q: What happened in year %d, when the river %d rose?\n\nA: Village %d moved up the hill, and %d families stayed.\n\n", i, i*7, i*3, i%97)
			}
			p := file(t, dir, "slow.txt", []byte(b.String()))
			return []string{"--timeout-doc", "100ms", p}, "", p, nil
		}, code: exitFailed, line: "took too long to structure (over the limit of 100ms); raise --timeout-doc or split the input"},
	}
}

// TestBadInputs runs every row of the README's "Bad input" table: the
// exit code, exactly one stderr line naming the input and the reason, the
// other inputs still written, and nothing partial left in -o DIR.
// specStem is the output stem (see outStem) of an input named on the
// command line, of the JSON Lines record "stdin:N", or of the WARC record
// "URI date".
func specStem(spec string) string {
	in := source.Input{Name: spec, Kind: source.FileInput, Rel: filepath.Base(spec)}
	switch uri, _, rec := strings.Cut(spec, " "); {
	case rec && source.IsURL(uri):
		in.Kind, in.WARC = source.WARCInput, &source.WARCRecord{TargetURI: uri}
	case spec == "-" || strings.HasPrefix(spec, "stdin:"):
		in.Kind = source.StdinInput
	case source.IsURL(spec):
		in.Kind = source.URLInput
	}
	return filepath.FromSlash(outStem(in))
}

func TestBadInputTable(t *testing.T) {
	for _, c := range badCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args, stdin, input, good := c.setup(t, dir)
			if good == nil {
				args, good = append(args, sample), []string{sample}
			}
			out := filepath.Join(dir, "out")
			code, stdout, stderr := runCLI(t, stdin, append([]string{"extract", "-o", out, "--format", "json,md"}, args...)...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout with -o: %.200q", stdout)
			}
			var lines []string
			for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
				if strings.HasPrefix(l, "qanda: "+input+": ") {
					lines = append(lines, l)
				}
			}
			t.Logf("exit %d; %q", code, lines) // the README table's columns
			switch {
			case c.line == "" && len(lines) != 0:
				t.Errorf("want no stderr line about %s, got %q", input, lines)
			case c.line != "" && (len(lines) != 1 || !strings.HasPrefix(lines[0], "qanda: "+input+": "+c.line)):
				t.Errorf("want one stderr line %q, got %q in:\n%s", "qanda: "+input+": "+c.line, lines, stderr)
			}

			// The good inputs are written, the bad one only if it was
			// readable; every file is whole (valid JSON) and no
			// temporary file is left.
			for _, g := range good {
				for _, ext := range []string{".json", ".md"} {
					if _, err := os.Stat(filepath.Join(out, specStem(g)+ext)); err != nil {
						t.Errorf("good input %s not written: %v", g, err)
					}
				}
			}
			_, err := os.Stat(filepath.Join(out, specStem(input)+".json"))
			if wrote := err == nil; wrote != c.wrote {
				t.Errorf("output for %s written: %v, want %v", input, wrote, c.wrote)
			}
			filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
				if err != nil || e.IsDir() {
					return err
				}
				if strings.Contains(e.Name(), tmpMark) {
					t.Errorf("temporary file left: %s", p)
				}
				if strings.HasSuffix(e.Name(), ".json") {
					if b, _ := os.ReadFile(p); !json.Valid(b) {
						t.Errorf("%s is not whole JSON", p)
					}
				}
				return nil
			})
			var sum summary
			b, _ := os.ReadFile(filepath.Join(out, "summary.json"))
			if err := json.Unmarshal(b, &sum); err != nil {
				t.Fatalf("summary.json: %v", err)
			}
			failed := false
			for _, f := range sum.Failures {
				failed = failed || strings.HasPrefix(f.Input, input)
			}
			if failed != (c.code == exitFailed) {
				t.Errorf("summary failures %v (exit %d)", sum.Failures, c.code)
			}
		})
	}
}

// What the table's "written" rows produce: text decoded right, nothing
// garbled.
func TestBadInputContent(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, data, want, charset string
		exchanges                 int
	}{
		// A run of bad bytes becomes one U+FFFD.
		{"bad-utf8.html", strings.Replace(htmlInterview, "river", "ri\xff\xfever", 1), "ri\ufffdver was high", "utf-8", 3},
		// Valid non-ASCII UTF-8 beats the declaration.
		{"declared-1251.html", strings.Replace(htmlInterview, `charset="utf-8"`, `charset="windows-1251"`, 1), "Why did you go to Köln?", "utf-8", 3},
		// The parser closes what the cut left open; the last question,
		// without its answer, ends the answer before it, and the cut
		// word is listed in removed.
		{"cut.html", htmlInterview[:strings.Index(htmlInterview, "Every spring")+5], `"text": "Every"`, "utf-8", 2},
	} {
		p := file(t, dir, c.name, []byte(c.data))
		code, out, errs := runCLI(t, "", "extract", p)
		var d struct {
			Source    struct{ Charset string } `json:"source"`
			Exchanges []struct {
				Question struct{ Text string } `json:"question"`
			} `json:"exchanges"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &d) != nil {
			t.Fatalf("%s: exit %d, %s", c.name, code, errs)
		}
		if !strings.Contains(out, c.want) || d.Source.Charset != c.charset || len(d.Exchanges) != c.exchanges {
			t.Errorf("%s: charset %q, %d exchanges, want %q in %s", c.name, d.Source.Charset, len(d.Exchanges), c.want, out)
		}
	}
}

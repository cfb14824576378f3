package qanda

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// The fuzz targets below drive the whole pipeline from each way a page
// comes in: HTML, a text dump, a WARC record, a JSON Lines record. For
// every document produced they assert what the output contract promises:
// no panic (a panic in a stage is caught as ErrInternal, which fails), no
// hang, valid JSON, a balanced ledger, and the same bytes on a second run.

// fuzzLimit keeps one fuzz input's document small enough to run quickly;
// fuzzTimeout is far above what such a document takes, so hitting it is a
// hang (a loop that does not end or blows up), not a slow machine.
const (
	fuzzLimit   = 1 << 20
	fuzzTimeout = 30 * time.Second
)

// checkPipeline structures d and checks the result.
func checkPipeline(t *testing.T, d *source.Doc) {
	t.Helper()
	opt := Options{Timeout: fuzzTimeout}
	e, err := extractDoc(d, opt)
	var pe *PanicError
	switch {
	case errors.As(err, &pe):
		t.Fatalf("%v\n%s", err, pe.Stack)
	case errors.Is(err, ErrTimeout):
		t.Fatalf("hang: %v", err)
	case err != nil:
		return // a limit, said in a clear error
	}
	var a bytes.Buffer
	if err := render.JSON(&a, e.Doc); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(a.Bytes()) {
		t.Fatal("invalid JSON")
	}
	removed := 0
	for _, n := range e.Doc.Stats.Removed {
		removed += n
	}
	listed := 0
	for _, r := range e.Doc.Removed {
		listed += r.Count
	}
	if e.Doc.Stats.BlocksIn != e.Doc.Stats.Kept+removed || listed != removed || e.Doc.Stats.BlocksIn != len(e.Blocks) {
		t.Fatalf("ledger does not balance: %d blocks, %+v, %d listed as removed", len(e.Blocks), e.Doc.Stats, listed)
	}
	e2, err := extractDoc(d, opt)
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	var b bytes.Buffer
	render.JSON(&b, e2.Doc)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("not deterministic")
	}
}

var htmlSeeds = []string{
	"<html><body><h1>T</h1><p><b>Why?</b></p><p>Because.</p><p><b>How?</b></p><p>Like this.</p></body></html>",
	"<html><head><title>An interview</title><meta property=og:title content=X></head><body><nav><a href=/>Home</a></nav><article><h2>Question one?</h2><p>Answer one.</p><figure><img src=a.jpg alt=Cap><figcaption>Cap</figcaption></figure><h2>Question two?</h2><p>Answer two.</p></article><footer>© Site</footer></body></html>",
	"<p>Q: Why?<p>A: Because<div><div><b>unclosed",
	"<table><td><b><i><p>x</b>y</i><p>z",
}

var textSeeds = []string{
	"Q: Why?\n\nA: Because.\n\nQ: How?\n\nA: So.\n",
	"Title\n\nMARGARET WARNER: What now?\n\nJOHN DOE: We wait.\n\nWARNER: And then?\n\nDOE: We see.\n",
	"— ¿Qué pasó?\n— Nada.\n— ¿Y después?\n— Tampoco.\n",
}

// FuzzExtractHTML is the HTML path: any bytes, as an HTML page.
func FuzzExtractHTML(f *testing.F) {
	for _, s := range htmlSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzLimit {
			return
		}
		checkPipeline(t, &source.Doc{Name: "fuzz.html", Body: bytes.ToValidUTF8(data, []byte("\uFFFD")), Format: source.HTML})
	})
}

// FuzzExtractText is the text path: any bytes, as a text dump.
func FuzzExtractText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add([]byte(s))
	}
	seed, err := os.ReadFile(filepath.Join(testdataDir, "insider-hajizada.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzLimit {
			return
		}
		checkPipeline(t, &source.Doc{Name: "fuzz.txt", Body: bytes.ToValidUTF8(data, []byte("\uFFFD")), Format: source.Text})
	})
}

// warcRecord is one WARC response record around an HTTP answer.
func warcRecord(uri, body string) string {
	block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\nContent-Type: application/http;msgtype=response\r\n"+
		"Content-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(block), block)
}

// FuzzExtractWARC is the archive path: any bytes as a .warc file, every
// record it yields structured.
func FuzzExtractWARC(f *testing.F) {
	f.Add([]byte(warcRecord("https://example.org/a", htmlSeeds[0])))
	f.Add([]byte(warcRecord("https://example.org/../../etc/passwd", htmlSeeds[1]) + warcRecord("https://example.org/b", "Q: Why?\n\nA: So.")))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.warc")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		source.Walk(context.Background(), []string{path}, source.WalkOptions{Read: source.Options{MaxBytes: fuzzLimit}}, func(in source.Input) bool {
			d, err := in.Load(context.Background())
			if (d == nil) == (err == nil) {
				t.Fatalf("%s: doc %v, err %v", in.Name, d != nil, err)
			}
			if d != nil {
				checkPipeline(t, d)
			}
			return true
		})
	})
}

// FuzzExtractJSONL is the --stdin-jsonl path: any text as a JSON Lines
// stream, every record structured.
func FuzzExtractJSONL(f *testing.F) {
	line := func(field, page string) string {
		b, _ := json.Marshal(map[string]string{"url": "https://example.org/p", field: page})
		return string(b) + "\n"
	}
	f.Add(line("html", htmlSeeds[0]) + line("text", textSeeds[0]))
	f.Add(line("html", htmlSeeds[1]) + "not json\n\n" + `{"id":"../x","text":"Q: a?\n\nA: b"}` + "\n")
	f.Add(`{"html":"<p>\u0000</p>","text":"x"}` + "\n" + `{"text":"\ud800"}`)
	f.Fuzz(func(t *testing.T, s string) {
		rr := source.NewRecordReader(strings.NewReader(s), source.Options{MaxBytes: fuzzLimit})
		for n := 0; ; n++ {
			in, err := rr.Next()
			if err == io.EOF {
				return
			}
			if err != nil || n > len(s) {
				t.Fatalf("record %d: %v", n, err)
			}
			d, err := in.Load(context.Background())
			if (d == nil) == (err == nil) {
				t.Fatalf("%s: doc %v, err %v", in.Name, d != nil, err)
			}
			if d != nil {
				checkPipeline(t, d)
			}
		}
	})
}

package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v2"
)

// warcRec describes one record for writeWARC.
type warcRec struct {
	typ     gowarc.RecordType
	uri     string
	http    string // status line and headers of a response, "" for none
	body    string
	headers map[string]string // extra WARC headers
}

// writeWARC writes records with gowarc, each its own gzip member when gz.
func writeWARC(t *testing.T, path string, gz bool, recs []warcRec) {
	t.Helper()
	writeWARCAt(t, path, gz, recs)
}

// writeWARCAt is writeWARC that also returns where each record starts in
// the file (its gzip member's start when gz), measured as it is written.
func writeWARCAt(t *testing.T, path string, gz bool, recs []warcRec) []int64 {
	t.Helper()
	var out bytes.Buffer
	var at []int64
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithFixDigest(false), gowarc.WithAddMissingDigest(false), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore))
		ct := "application/http;msgtype=response"
		switch {
		case r.typ == gowarc.Request:
			ct = "application/http;msgtype=request"
		case r.http == "":
			ct = "text/plain"
		}
		if r.typ == gowarc.Warcinfo {
			ct = "application/warc-fields"
		}
		b.WriteString(r.http + r.body)
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-0000-0000-%012d>", i))
		b.AddWarcHeader(gowarc.WarcDate, "2024-05-01T10:00:00Z")
		b.AddWarcHeader(gowarc.ContentType, ct)
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		for k, v := range r.headers {
			b.AddWarcHeader(k, v)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("build record %d: %v", i, err)
		}
		var w bytes.Buffer
		if _, _, err := m.Marshal(&w, rec, 0); err != nil {
			t.Fatal(err)
		}
		rec.Close()
		at = append(at, int64(out.Len()))
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(w.Bytes())
			zw.Close()
		} else {
			out.Write(w.Bytes())
		}
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return at
}

func okHTML(body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(body))
}

func sampleRecords() []warcRec {
	page := "<html><head><title>One</title></head><body><p>Q: Why?</p><p>A: Because.</p></body></html>"
	page2 := "<html><body><h1>Two</h1><p>Second page of the archive, in HTML.</p></body></html>"
	return []warcRec{
		{typ: gowarc.Warcinfo, body: "software: test\r\n"},
		{typ: gowarc.Request, uri: "https://example.org/one", http: "GET /one HTTP/1.1\r\nHost: example.org\r\n\r\n"},
		{typ: gowarc.Response, uri: "https://example.org/one", http: okHTML(page), body: page},
		{typ: gowarc.Response, uri: "https://example.org/logo.png", http: "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n", body: "\x89PNG\r\n\x1a\n"},
		{typ: gowarc.Response, uri: "https://example.org/gone", http: "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", body: "<p>gone</p>"},
		{typ: gowarc.Revisit, uri: "https://example.org/one", http: "HTTP/1.1 200 OK\r\n\r\n", headers: map[string]string{gowarc.WarcProfile: "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest", gowarc.WarcPayloadDigest: "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},
		{typ: gowarc.Response, uri: "https://example.org/big", http: okHTML(page), body: page[:20], headers: map[string]string{gowarc.WarcTruncated: "length"}},
		{typ: gowarc.Response, uri: "https://example.org/two", http: okHTML(page2), body: page2},
	}
}

func walkAll(t *testing.T, specs []string, opt WalkOptions) ([]Input, map[string]int) {
	t.Helper()
	skipped := map[string]int{}
	opt.Skipped = func(_, r string) { skipped[r]++ }
	var ins []Input
	if err := Walk(context.Background(), specs, opt, func(in Input) bool { ins = append(ins, in); return true }); err != nil {
		t.Fatal(err)
	}
	return ins, skipped
}

func TestWARCRecords(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", gz), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crawl.warc")
			if gz {
				path += ".gz"
			}
			writeWARC(t, path, gz, sampleRecords())
			ins, skipped := walkAll(t, []string{path}, WalkOptions{})
			if len(ins) != 2 {
				t.Fatalf("want 2 documents, got %d", len(ins))
			}
			d, err := ins[0].Load(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if d.Name != "https://example.org/one 2024-05-01T10:00:00Z" || d.URL != "https://example.org/one" || d.Format != HTML || !strings.Contains(string(d.Body), "Because.") {
				t.Errorf("first document: %q %q %s %q", d.Name, d.URL, d.Format, d.Body)
			}
			if ins[1].Name != "https://example.org/two 2024-05-01T10:00:00Z" {
				t.Errorf("second document %q", ins[1].Name)
			}
			want := map[string]int{"warc:warcinfo": 1, "warc:request": 1, "warc:non-html": 1, "warc:http-404": 1, "warc:revisit": 1, "warc:truncated": 1}
			if fmt.Sprint(skipped) != fmt.Sprint(want) {
				t.Errorf("skipped %v, want %v", skipped, want)
			}
		})
	}
}

// A file cut inside a record yields the records before it, then an input
// that fails with ErrCorrupt naming the file.
func TestWARCCutShort(t *testing.T) {
	for _, gz := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "cut.warc")
		if gz {
			path += ".gz"
		}
		writeWARC(t, path, gz, sampleRecords())
		data, _ := os.ReadFile(path)
		os.WriteFile(path, data[:len(data)-60], 0o644)
		ins, _ := walkAll(t, []string{path}, WalkOptions{})
		if len(ins) != 2 || ins[0].Kind != WARCInput {
			t.Fatalf("gzip=%v: want one document and one failure, got %d inputs", gz, len(ins))
		}
		_, err := ins[1].Load(context.Background())
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "cut.warc") {
			t.Errorf("gzip=%v: want ErrCorrupt naming the file, got %v", gz, err)
		}
	}
}

func TestWARCNotAWARC(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.warc")
	os.WriteFile(path, []byte("this is not an archive at all, just text\n"), 0o644)
	ins, _ := walkAll(t, []string{path}, WalkOptions{})
	if len(ins) != 1 {
		t.Fatalf("want one failing input, got %d", len(ins))
	}
	if _, err := ins[0].Load(context.Background()); err == nil {
		t.Error("junk WARC loaded without error")
	}
}

// Every document of a WARC record carries its provenance: the record's
// headers as written, the file, and the record's offset, which must point
// at the record (checked by reading the file from there).
func TestWARCProvenance(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", gz), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crawl.warc")
			if gz {
				path += ".gz"
			}
			recs := sampleRecords()
			// The first page has a payload digest, the second none.
			recs[2].headers = map[string]string{gowarc.WarcPayloadDigest: "sha1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"}
			at := writeWARCAt(t, path, gz, recs)
			ins, _ := walkAll(t, []string{path}, WalkOptions{})
			if len(ins) != 2 {
				t.Fatalf("want 2 documents, got %d", len(ins))
			}
			want := []WARCRecord{
				{RecordID: "<urn:uuid:00000000-0000-0000-0000-000000000002>", TargetURI: "https://example.org/one",
					Date: "2024-05-01T10:00:00Z", PayloadDigest: "sha1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", File: path, Offset: at[2]},
				{RecordID: "<urn:uuid:00000000-0000-0000-0000-000000000007>", TargetURI: "https://example.org/two",
					Date: "2024-05-01T10:00:00Z", File: path, Offset: at[7]},
			}
			data, _ := os.ReadFile(path)
			for k, in := range ins {
				d, err := in.Load(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if d.WARC == nil || *d.WARC != want[k] {
					t.Errorf("document %d: provenance %+v, want %+v", k+1, d.WARC, want[k])
				}
				if in.Rel != "crawl.warc"+map[bool]string{true: ".gz"}[gz] {
					t.Errorf("document %d: Rel %q", k+1, in.Rel)
				}
				// The offset must open the record: a reader started
				// there reads this record first.
				rd, err := gowarc.NewWarcFileReaderFromStream(bytes.NewReader(data[want[k].Offset:]), 0)
				if err != nil {
					t.Fatal(err)
				}
				rec, _, _, err := rd.Next()
				if err != nil {
					t.Fatalf("no record at offset %d: %v", want[k].Offset, err)
				}
				if id := rec.WarcHeader().Get(gowarc.WarcRecordID); id != want[k].RecordID {
					t.Errorf("record at offset %d is %s, want %s", want[k].Offset, id, want[k].RecordID)
				}
				rec.Close()
			}
			if want[1].Offset == 0 || want[1].Offset == want[0].Offset {
				t.Errorf("offsets %d and %d do not tell the records apart", want[0].Offset, want[1].Offset)
			}
		})
	}
}

// Other inputs carry no provenance.
func TestNoProvenanceOutsideWARC(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b.html"), []byte("<p>Hello there, this is a page.</p>"), 0o644)
	ins, _ := walkAll(t, []string{dir}, WalkOptions{})
	if len(ins) != 1 || ins[0].Rel != "a/b.html" || ins[0].WARC != nil {
		t.Fatalf("inputs %+v", ins)
	}
	d, err := ins[0].Load(context.Background())
	if err != nil || d.WARC != nil {
		t.Errorf("file document: %v, provenance %+v", err, d.WARC)
	}
}

// A WARC file or a page read from a stream the caller opened gives what
// Walk gives for the same file on disk, provenance and skips included.
func TestWalkStream(t *testing.T) {
	dir := t.TempDir()
	warc := filepath.Join(dir, "crawl.warc.gz")
	writeWARC(t, warc, true, sampleRecords())
	page := filepath.Join(dir, "talk.html.gz")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<h1>Talk</h1><p>Q: Why?</p><p>A: Because.</p>"))
	zw.Close()
	if err := os.WriteFile(page, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{warc, page} {
		want, wantSkipped := walkAll(t, []string{p}, WalkOptions{})
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		skipped := map[string]int{}
		var got []*Doc
		err = WalkStream(context.Background(), p, f, WalkOptions{Skipped: func(_, r string) { skipped[r]++ }}, func(in Input) bool {
			d, err := in.Load(context.Background())
			if err != nil {
				t.Errorf("%s: %v", in.Name, err)
				return true
			}
			got = append(got, d)
			return true
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || fmt.Sprint(skipped) != fmt.Sprint(wantSkipped) {
			t.Fatalf("%s: %d documents, skipped %v; Walk gives %d, %v", p, len(got), skipped, len(want), wantSkipped)
		}
		for i, in := range want {
			d, err := in.Load(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[i], d) {
				t.Errorf("%s: document %d from the stream\n%+v\nfrom the file\n%+v", p, i, got[i], d)
			}
		}
	}
	if !IsPageName("a/b.warc.gz") || !IsPageName("x.HTML") || IsPageName("logo.png") {
		t.Error("IsPageName")
	}
}

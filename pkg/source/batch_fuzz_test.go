package source

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWARC feeds arbitrary bytes to the WARC walker: it must not panic or
// hang, and every input it yields must load or fail with an error.
func FuzzWARC(f *testing.F) {
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	f.Add([]byte("\x1f\x8b\x08\x00junk"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.warc")
		os.WriteFile(path, data, 0o644)
		Walk(context.Background(), []string{path}, WalkOptions{Read: Options{MaxBytes: 1 << 16}}, func(in Input) bool {
			d, err := in.Load(context.Background())
			if (d == nil) == (err == nil) {
				t.Fatalf("%s: doc %v, err %v", in.Name, d != nil, err)
			}
			return true
		})
	})
}

// FuzzRecordReader feeds arbitrary JSON Lines to the record reader.
func FuzzRecordReader(f *testing.F) {
	f.Add(`{"url":"https://x/","html":"<p>a</p>"}` + "\n" + `{"text":"b"}`)
	f.Add("\n\n{}\nnot json\n")
	f.Fuzz(func(t *testing.T, s string) {
		rr := NewRecordReader(strings.NewReader(s), Options{MaxBytes: 256})
		for n := 0; ; n++ {
			in, err := rr.Next()
			if err == io.EOF {
				return
			}
			if err != nil || n > len(s) {
				t.Fatalf("record %d: %v", n, err)
			}
			if d, err := in.Load(context.Background()); (d == nil) == (err == nil) {
				t.Fatalf("doc %v, err %v", d != nil, err)
			}
		}
	})
}

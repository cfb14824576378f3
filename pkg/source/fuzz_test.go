package source

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

func FuzzRead(f *testing.F) {
	seeds := []string{
		"",
		" \n",
		"Q: Hello?\nA: Hi <3, a < b.",
		"<!DOCTYPE html><html><body><p>x</p></body></html>",
		"<p>one</p><p>two</p>",
		"\xef\xbb\xbf<p>bom</p>",
		"\xff\xfeH\x00i\x00",
		"\xfe\xff\x00H\x00i",
		"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>",
		"<meta charset=shift_jis><p>\x82\xa0\x82\xa2</p>",
		"<meta charset=iso-2022-jp><p>\x1b$B$3$s\x1b(B</p>",
		"<meta charset=gb18030><p>\x81\x30\x81\x30</p>",
		"<meta charset=utf-16><p>x</p>",
		"<meta charset=iso-2022-kr><p>x</p>",
		"<meta charset=x-user-defined><p>\xe4</p>",
		"<meta charset=iso-8859-1><p>Käse</p>",
		"Gr\xfc\xdfe \x93x\x94",
		"\x89PNG\r\n\x1a\n",
		"%PDF-1.4\n",
		"\x1f\x8b",
		"\x00\x01\x02\x03",
		"\xd0",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Add(gz(f, []byte("<p>zipped</p>")))
	if entries, err := os.ReadDir(fixtures); err == nil {
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(fixtures, e.Name())); err == nil && len(b) < 4096 {
				f.Add(b)
			}
		}
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		opt := Options{MaxBytes: 1 << 20}
		doc, err := Read("fuzz", bytes.NewReader(data), opt)
		if !bytes.Equal(in, data) {
			t.Fatal("Read modified its input")
		}
		doc2, err2 := Read("fuzz", bytes.NewReader(data), opt)
		if !reflect.DeepEqual(doc, doc2) || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("not deterministic: %+v, %v vs %+v, %v", doc, err, doc2, err2)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Err == nil || !errors.Is(err, e.Err) {
				t.Fatalf("error %v (%T) is not an *Error wrapping a sentinel", err, err)
			}
			if doc != nil {
				t.Fatal("doc and error both returned")
			}
			return
		}
		if !utf8.Valid(doc.Body) {
			t.Fatalf("body is not valid UTF-8: %q", doc.Body)
		}
		if doc.Format != HTML && doc.Format != Text && doc.Format != Markdown {
			t.Fatalf("format = %q", doc.Format)
		}
		if doc.Charset == "" || doc.Bytes != len(data) || len(doc.SHA256) != 64 {
			t.Fatalf("charset %q, bytes %d, sha256 %q", doc.Charset, doc.Bytes, doc.SHA256)
		}
		if blank(doc.Body) {
			t.Fatal("blank body accepted")
		}
	})
}

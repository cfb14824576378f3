package source

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

const fixtures = "../../testdata/source"

func read(t *testing.T, data []byte, opt Options) (*Doc, error) {
	t.Helper()
	return Read("input", bytes.NewReader(data), opt)
}

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkErr asserts err is an *Error wrapping want and naming the input.
func checkErr(t *testing.T, err, want error, input string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("error = %v, want %v", err, want)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not *Error", err)
	}
	msg := err.Error()
	// A limit is the caller's to raise, so ErrTooLarge says no more than
	// the limit; the CLI adds its flag.
	advice := want == ErrTooLarge || strings.Contains(msg, "; ")
	if !strings.HasPrefix(msg, input+": ") || !advice || strings.ContainsAny(msg, "\n\r") || strings.Contains(msg, "--") {
		t.Errorf("message %q: want one line %q: <problem>; <what to do>, naming no flag", msg, input)
	}
}

func TestReadDecodes(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		opt     Options
		format  Format
		charset string
		want    string // the exact body, or a substring when contains is set
	}{
		{"ascii text", "Q: Hello?\nA: Hi.\n", Options{}, Text, "utf-8", "Q: Hello?\nA: Hi.\n"},
		{"utf-8 text", "Вопрос: как дела?", Options{}, Text, "utf-8", "Вопрос: как дела?"},
		{"utf-8 bom stripped", "\xef\xbb\xbfHallo Welt", Options{}, Text, "utf-8", "Hallo Welt"},
		{"latin1 text, no declaration", "Gr\xfc\xdfe aus K\xf6ln, caf\xe9 \x93quoted\x94", Options{}, Text, "windows-1252", "Grüße aus Köln, café “quoted”"},
		{"windows-1251 meta", "<html><head><meta charset=windows-1251></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0!</p></body></html>",
			Options{}, HTML, "windows-1251", "<p>Привет, мир!</p>"},
		{"meta http-equiv", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2"></head><body><p>Za` + "\xbf\xf3\xb3\xe6" + `</p></body></html>`,
			Options{}, HTML, "iso-8859-2", "<p>Zażółć</p>"},
		{"wrong declaration, utf-8 bytes", `<html><head><meta charset="iso-8859-1"></head><body><p>Käse – “gut”</p></body></html>`,
			Options{}, HTML, "utf-8", "<p>Käse – “gut”</p>"},
		{"declared utf-8, latin1 bytes", `<html><head><meta charset="utf-8"></head><body><p>K` + "\xe4" + `se und W` + "\xfc" + `rste</p></body></html>`,
			Options{}, HTML, "windows-1252", "<p>Käse und Würste</p>"},
		{"ascii html declaring windows-1251", `<html><head><meta charset="windows-1251"></head><body><p>plain</p></body></html>`,
			Options{}, HTML, "windows-1251", "<p>plain</p>"},
		{"utf-16le bom", "\xff\xfeH\x00i\x00 \x00\xe9\x00\x1f\x04", Options{}, Text, "utf-16le", "Hi éП"},
		{"utf-16be bom", "\xfe\xff\x00H\x00i\x00 \x00\xe9\x04\x1f", Options{}, Text, "utf-16be", "Hi éП"},
		{"utf-16le html, no bom", string(utf16le("<html><body><p>Hallo</p></body></html>")), Options{}, HTML, "utf-16le", "<p>Hallo</p>"},
		{"caller charset", "\xcf\xf0\xe8\xe2\xe5\xf2", Options{Charset: "cp1251"}, Text, "windows-1251", "Привет"},
		{"caller charset beats meta", "<p>\xcf\xf0\xe8\xe2\xe5\xf2</p><p><meta charset=koi8-r></p>", Options{Charset: "windows-1251"}, HTML, "windows-1251", "<p>Привет</p>"},
		{"bom beats caller charset", "\xef\xbb\xbf\xd0\x9f", Options{Charset: "windows-1251"}, Text, "utf-8", "П"},
		{"invalid utf-8 in utf-8 text", "Привет \xff мир, всё хорошо", Options{}, Text, "utf-8", "Привет \uFFFD мир, всё хорошо"},
		{"truncated utf-8 at the end", "Привет, мир\xd0", Options{}, Text, "utf-8", "Привет, мир\uFFFD"},
		{"stray control byte", "Hello, world.\r\n\x1a", Options{}, Text, "utf-8", "Hello, world.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := read(t, []byte(tt.in), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format || doc.Charset != tt.charset {
				t.Errorf("format, charset = %s, %s; want %s, %s", doc.Format, doc.Charset, tt.format, tt.charset)
			}
			if !utf8.Valid(doc.Body) {
				t.Errorf("body is not valid UTF-8: %q", doc.Body)
			}
			body := string(doc.Body)
			if tt.format == HTML {
				if !strings.Contains(body, tt.want) {
					t.Errorf("body %q does not contain %q", body, tt.want)
				}
			} else if body != tt.want {
				t.Errorf("body = %q, want %q", body, tt.want)
			}
		})
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Format
	}{
		{"full page", "<!DOCTYPE html>\n<html lang=en><head><title>T</title></head><body><p>Hi</p></body></html>", HTML},
		{"page without doctype", "\n\n  <HTML>\n<BODY>Hi</BODY></HTML>", HTML},
		{"fragment starting with <p>", "<p>First question?</p>\n<p>An answer.</p>", HTML},
		{"fragment after text", "Intro line\n<div class=q>Question?</div>", HTML},
		{"article", "Saved from example.org\n<article><h2>Q</h2></article>", HTML},
		{"leading comment", "<!-- saved page -->\n<div>x</div>", HTML},
		{"xhtml", `<?xml version="1.0"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>`, HTML},
		{"text with a < b", "Q: Is a < b?\nA: Yes, a < b and b > c.", Text},
		{"text with <3", "Thanks for the interview <3\nLove <3 all", Text},
		{"text quoting one tag", "Q: Do you still use the <blink> tag? Or <p>?\nA: Never.", Text},
		{"text with email and arrows", "Contact: Jane <jane@example.org>\n<-- see above", Text},
		{"markdown", "# Title\n\n**Q:** What?\n\n**A:** That.", Markdown},
		{"dump with a star", "Title\n\n* Q: What?\n\nA: That.", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := read(t, []byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.want {
				t.Errorf("format = %s, want %s", doc.Format, tt.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	zipped := gz(t, bytes.Repeat([]byte("<p>Question and answer.</p>\n"), 200))
	// Random bytes without NUL must still be refused.
	noNUL := bytes.ReplaceAll(random[:600], []byte{0}, []byte{1})

	tests := []struct {
		name   string
		in     []byte
		opt    Options
		want   error
		detail string // substring of the message
	}{
		{"empty", nil, Options{}, ErrEmpty, "empty input"},
		{"whitespace only", []byte(" \n\t\r\n  "), Options{}, ErrEmpty, "only white space"},
		{"nbsp and bom only", []byte("\xef\xbb\xbf\u00a0 \u200b\n"), Options{}, ErrEmpty, "empty"},
		{"utf-16 bom only", []byte("\xff\xfe"), Options{}, ErrEmpty, "empty"},
		{"gzip of nothing", gz(t, nil), Options{}, ErrEmpty, "empty"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"), Options{}, ErrBinary, "binary data (image/png), not an HTML page or text dump; pass an HTML file or a text dump"},
		{"pdf", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), Options{}, ErrBinary, "application/pdf"},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), Options{}, ErrBinary, "application/zip"},
		{"gzip inside gzip", gz(t, gz(t, []byte("<p>hi</p>"))), Options{}, ErrBinary, "gzip"},
		{"random bytes", random, Options{}, ErrBinary, "NUL"},
		{"random bytes, no NUL", noNUL, Options{}, ErrBinary, "binary"},
		{"NUL in text", []byte("Hello\x00world, this is text"), Options{}, ErrBinary, "NUL"},
		{"over the limit", bytes.Repeat([]byte("a"), 11), Options{MaxBytes: 10}, ErrTooLarge, "over the 10 bytes limit"},
		{"unknown caller charset", []byte("hi"), Options{Charset: "klingon"}, ErrCharset, `"klingon"`},
		{"truncated gzip", zipped[:len(zipped)/2], Options{}, ErrCorrupt, "truncated gzip data"},
		{"gzip magic only", []byte{0x1f, 0x8b}, Options{}, ErrCorrupt, "truncated"},
		{"gzip bad header", []byte("\x1f\x8b\x07\x00garbage garbage"), Options{}, ErrCorrupt, "gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := read(t, tt.in, tt.opt)
			if doc != nil {
				t.Errorf("doc = %+v, want nil", doc)
			}
			checkErr(t, err, tt.want, "input")
			if !strings.Contains(err.Error(), tt.detail) {
				t.Errorf("message %q does not contain %q", err, tt.detail)
			}
		})
	}
}

func TestReadLimitIsInclusive(t *testing.T) {
	in := bytes.Repeat([]byte("a"), 10)
	doc, err := read(t, in, Options{MaxBytes: 10})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Bytes != 10 {
		t.Errorf("Bytes = %d, want 10", doc.Bytes)
	}
}

func TestReadRecordsRawInput(t *testing.T) {
	page := []byte("<p>Q: Why?</p><p>A: Because.</p>")
	zipped := gz(t, page)
	doc, err := Read("page.html.gz", bytes.NewReader(zipped), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(zipped)
	if doc.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 = %s, want digest of the raw (compressed) bytes", doc.SHA256)
	}
	if doc.Bytes != len(zipped) || doc.Name != "page.html.gz" || doc.URL != "" {
		t.Errorf("Bytes, Name, URL = %d, %q, %q", doc.Bytes, doc.Name, doc.URL)
	}
}

func TestGzipRoundTrip(t *testing.T) {
	page := "<!doctype html><html><body><p>Frage: Grüße?</p><p>Antwort: Ja.</p></body></html>"
	multi := append(gz(t, []byte(page[:40])), gz(t, []byte(page[40:]))...)
	tests := []struct {
		name string
		in   []byte
	}{
		{"one member", gz(t, []byte(page))},
		{"two members", multi},
		{"trailing zero padding", append(gz(t, []byte(page)), make([]byte, 512)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := read(t, tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if string(doc.Body) != page || doc.Format != HTML || doc.Charset != "utf-8" {
				t.Errorf("got %s %s %q, want html utf-8 %q", doc.Format, doc.Charset, doc.Body, page)
			}
		})
	}
}

// The output buffer is sized from the gzip trailer, but a forged trailer
// must not make a small input allocate what deflate could never expand to.
func TestGunzipHint(t *testing.T) {
	page := []byte(strings.Repeat("<p>An answer.</p>", 100))
	zipped := gz(t, page)
	if got := gunzipHint(zipped, 1<<30); got != len(page)+bytes.MinRead {
		t.Errorf("hint %d for a %d-byte page", got, len(page))
	}
	forged := bytes.Clone(zipped)
	copy(forged[len(forged)-4:], []byte{0xff, 0xff, 0xff, 0xff})
	if got, most := gunzipHint(forged, 1<<30), len(forged)*1032+bytes.MinRead; got > most {
		t.Errorf("forged trailer: hint %d, over deflate's %d", got, most)
	}
	if got := gunzipHint(forged, 1000); got != 1000+bytes.MinRead {
		t.Errorf("forged trailer: hint %d, over the 1000-byte limit", got)
	}
	if got := gunzipHint(zipped[:10], 1<<30); got != 0 {
		t.Errorf("truncated input: hint %d", got)
	}
}

func TestGzipCorrupt(t *testing.T) {
	zipped := gz(t, []byte("<p>some answer text that is long enough</p>"))
	bad := bytes.Clone(zipped)
	bad[len(bad)-5] ^= 0xff // CRC-32 trailer
	_, err := read(t, bad, Options{})
	checkErr(t, err, ErrCorrupt, "input")
	if !strings.Contains(err.Error(), "checksum") {
		t.Errorf("message %q does not mention the checksum", err)
	}
}

// A gzip bomb must be refused after decompressing about MaxBytes, without
// ever holding the whole expansion in memory.
func TestGzipBomb(t *testing.T) {
	const limit = 1 << 20
	// 100 members of 1 MiB of zeros: 100 MiB decompressed from ~100 KB.
	member := gz(t, make([]byte, 1<<20))
	bomb := bytes.Repeat(member, 100)
	single := gz(t, make([]byte, 100<<20))
	for name, in := range map[string][]byte{"multi-member": bomb, "single member": single} {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Read("bomb.gz", bytes.NewReader(in), Options{MaxBytes: limit})
			runtime.ReadMemStats(&after)
			checkErr(t, err, ErrTooLarge, "bomb.gz")
			if !strings.Contains(err.Error(), "decompresses to over the 1 MiB limit") {
				t.Errorf("message %q", err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("allocated %d MiB for a %d MiB limit", alloc>>20, limit>>20)
			}
		})
	}
}

func TestReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("<p>part"), iotest.ErrReader(errors.New("connection reset")))
	_, err := Read("-", r, Options{})
	checkErr(t, err, ErrUnreadable, "stdin")
	if !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("message %q does not carry the cause", err)
	}
}

func TestOpenFixtures(t *testing.T) {
	tests := []struct {
		file    string
		format  Format
		charset string
		want    []string
	}{
		{"ru-windows-1251.html", HTML, "windows-1251", []string{"<title>Интервью: «Мы не сдаёмся»</title>", "Ситуация сложная, но мы не сдаёмся — ни сегодня"}},
		{"ru-koi8-r-late-meta.html", HTML, "koi8-r", []string{"<title>Беседа</title>", "Ответ: Работать."}},
		{"fr-latin1.txt", Text, "windows-1252", []string{"Zoë Müller", "Où en êtes-vous ?", "Ça avance, déjà à 90 %"}},
		{"de-utf16le-bom.txt", Text, "utf-16le", []string{"Q: Wie geht es Ihnen?\n", "Größe zählt nicht. Привет, 世界."}},
		{"de-utf16be-bom.txt", Text, "utf-16be", []string{"Q: Wie geht es Ihnen?\n", "Größe zählt nicht. Привет, 世界."}},
		{"de-wrong-declared-utf8.html", HTML, "utf-8", []string{"Wie schmeckt Käse in Köln?", "Großartig – “wirklich”."}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(fixtures, tt.file)
			doc, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Name != path || doc.Format != tt.format || doc.Charset != tt.charset {
				t.Errorf("name, format, charset = %q, %s, %s; want %q, %s, %s", doc.Name, doc.Format, doc.Charset, path, tt.format, tt.charset)
			}
			for _, w := range tt.want {
				if !bytes.Contains(doc.Body, []byte(w)) {
					t.Errorf("body does not contain %q:\n%s", w, doc.Body)
				}
			}
			if bytes.HasPrefix(doc.Body, []byte("\ufeff")) {
				t.Error("body starts with a BOM")
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "page.html")
	_, err := Open(missing, Options{})
	checkErr(t, err, ErrNotFound, missing)
	if want := missing + ": file not found; check the path"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}

	notDir := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(notDir, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(filepath.Join(notDir, "page.html"), Options{})
	checkErr(t, err, ErrNotFound, filepath.Join(notDir, "page.html"))

	_, err = Open(dir, Options{})
	checkErr(t, err, ErrIsDir, dir)

	big := filepath.Join(dir, "big.html")
	if err := os.WriteFile(big, bytes.Repeat([]byte("<p>x</p>"), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(big, Options{MaxBytes: 1 << 10})
	checkErr(t, err, ErrTooLarge, big)
	if !strings.Contains(err.Error(), "over the 1 KiB limit") {
		t.Errorf("message %q", err)
	}
}

func TestOpenUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a mode-000 file")
	}
	path := filepath.Join(t.TempDir(), "secret.html")
	if err := os.WriteFile(path, []byte("<p>x</p>"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	checkErr(t, err, ErrUnreadable, path)
	if !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("message %q", err)
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Input: "report.pdf", Err: ErrBinary, Detail: "application/pdf"},
			"report.pdf: binary data (application/pdf), not an HTML page or text dump; pass an HTML file or a text dump"},
		{&Error{Input: "page.html", Err: ErrNotFound}, "page.html: file not found; check the path"},
		{&Error{Input: "-", Err: ErrEmpty}, "stdin: empty input; pass a page or text dump with content"},
		{&Error{Input: "odd\nname", Err: ErrUnreadable, Detail: "line one\nline two"},
			`"odd\nname": cannot read input (line one line two); check that the file is readable (permissions, disk)`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, tt.err.Err) {
			t.Errorf("errors.Is(%v, sentinel) = false", tt.err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	var page bytes.Buffer
	page.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Interview</title></head><body>\n")
	for page.Len() < 200<<10 {
		page.WriteString("<p><b>Question:</b> What did you see in Köln that morning?</p>\n")
		page.WriteString("<p>Answer: The streets were quiet — “eerily so”, and nobody knew what came next.</p>\n")
	}
	page.WriteString("</body></html>\n")
	data := page.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.html", bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

package source

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// DefaultMaxBytes is the size limit when Options.MaxBytes is 0.
const DefaultMaxBytes = 50 << 20

// Options tune Read and Open. The zero value is ready to use.
type Options struct {
	// MaxBytes limits both the raw input and, for gzip input, the
	// decompressed data. 0 (or less) means DefaultMaxBytes.
	MaxBytes int64

	// Charset, when set, overrides the charset found in the document or
	// guessed from its bytes (a byte order mark still wins). It is a WHATWG
	// label such as "windows-1251" or "latin1"; an unknown label is ErrCharset.
	Charset string
}

func (o Options) limit() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Open reads the file at path. It does not treat "-" as stdin: callers pass
// os.Stdin to Read for that. The Doc's Name is path as given.
func Open(path string, opt Options) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{Input: path, Err: ErrUnreadable, Detail: osDetail(err)}
	}
	if fi.IsDir() {
		return nil, &Error{Input: path, Err: ErrIsDir}
	}
	// Refuse an oversized file before reading any of it.
	if limit := opt.limit(); fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, &Error{Input: path, Err: ErrTooLarge, Detail: "over the " + formatSize(limit) + " limit"}
	}
	return Read(path, f, opt)
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return &Error{Input: path, Err: ErrNotFound}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Input: path, Err: ErrUnreadable, Detail: "permission denied"}
	}
	return &Error{Input: path, Err: ErrUnreadable, Detail: osDetail(err)}
}

// osDetail drops the operation and path an *fs.PathError repeats, since
// Error already names the input.
func osDetail(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads a document from r and returns it decoded to UTF-8, with gzip
// undone and its format decided. name is what the user called the input
// (a path, "-", a URL) and is used in Doc.Name and in errors.
//
// At most opt.MaxBytes are read; larger input, or gzip data that
// decompresses to more, is ErrTooLarge; decompression stops at the limit, so
// memory stays proportional to it whatever the compression ratio.
func Read(name string, r io.Reader, opt Options) (*Doc, error) {
	fail := func(err error, detail string) (*Doc, error) {
		return nil, &Error{Input: name, Err: err, Detail: detail}
	}
	var forced string
	if opt.Charset != "" {
		if _, forced = lookup(opt.Charset); forced == "" {
			return fail(ErrCharset, fmt.Sprintf("%q", opt.Charset))
		}
	}
	limit := opt.limit()

	raw, err := readAtMost(r, limit, sizeHint(r, limit))
	if err != nil {
		return fail(ErrUnreadable, osDetail(err))
	}
	if int64(len(raw)) > limit {
		return fail(ErrTooLarge, "over the "+formatSize(limit)+" limit")
	}
	sum := sha256.Sum256(raw)
	doc := &Doc{Name: name, SHA256: hex.EncodeToString(sum[:]), Bytes: len(raw)}

	data := raw
	if isGzip(raw) {
		var e *Error
		if data, e = gunzip(raw, limit); e != nil {
			e.Input = name
			return nil, e
		}
	}

	body, format, cs, e := decode(data, forced)
	if e != nil {
		e.Input = name
		return nil, e
	}
	if !clean(body) {
		text, k := StripControls(string(body))
		body, doc.Controls = []byte(text), k
	}
	if blank(body) {
		if len(body) == 0 {
			return fail(ErrEmpty, "")
		}
		return fail(ErrEmpty, "only white space")
	}
	if format == Text && markdownName(name) {
		// A .md file is Markdown even when too little of its syntax
		// shows for the sniffer.
		format = Markdown
	}
	doc.Body, doc.Format, doc.Charset = body, format, cs
	return doc, nil
}

// readAtMost reads up to limit+1 bytes so the caller can tell "exactly at
// the limit" from "over it" without reading the rest.
func readAtMost(r io.Reader, limit int64, hint int) ([]byte, error) {
	lr := io.LimitReader(r, limit+1)
	// Same loop as io.ReadAll, but starting from the size hint so a known
	// size is read into a single allocation.
	b := make([]byte, 0, hint)
	for {
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// sizeHint guesses how many bytes r will yield, plus one so the final
// io.EOF read needs no growth.
func sizeHint(r io.Reader, limit int64) int {
	n := int64(-1)
	switch v := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer
		n = int64(v.Len())
	case interface{ Stat() (fs.FileInfo, error) }: // *os.File
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			n = fi.Size()
		}
	}
	if n < 0 {
		return 512
	}
	return int(min(n, limit) + 1)
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// gunzip decompresses every gzip member in raw, stopping as soon as the
// output exceeds limit so a gzip bomb costs at most limit bytes of memory.
func gunzip(raw []byte, limit int64) ([]byte, *Error) {
	corrupt := func(err error) *Error {
		detail := "gzip: " + err.Error()
		var ce flate.CorruptInputError
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			detail = "truncated gzip data"
		case errors.Is(err, gzip.ErrChecksum):
			detail = "gzip checksum mismatch"
		case errors.Is(err, gzip.ErrHeader):
			detail = "invalid gzip header"
		case errors.As(err, &ce):
			detail = "invalid deflate data"
		}
		return &Error{Err: ErrCorrupt, Detail: detail}
	}
	br := bytes.NewReader(raw)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, corrupt(err)
	}
	var out bytes.Buffer
	out.Grow(gunzipHint(raw, limit))
	lr := &io.LimitedReader{R: zr, N: limit + 1}
	for {
		// One member at a time, so trailing bytes after a complete member
		// can be told apart from a corrupt member.
		zr.Multistream(false)
		if _, err := out.ReadFrom(lr); err != nil {
			return nil, corrupt(err)
		}
		if lr.N <= 0 {
			return nil, &Error{Err: ErrTooLarge, Detail: "gzip data decompresses to over the " + formatSize(limit) + " limit"}
		}
		if err := zr.Reset(br); err != nil {
			// io.EOF: no more members. Anything else is trailing garbage
			// (often zero padding) after a complete, checksummed member;
			// like gunzip, keep what was decoded.
			break
		}
	}
	return out.Bytes(), nil
}

// gunzipHint guesses the decompressed size from the gzip trailer (ISIZE:
// the last member's size, mod 2^32; exact for the usual single member), so
// the output is one allocation instead of a doubling series, which was a
// quarter of a batch's allocations. A forged trailer cannot make it
// allocate more than deflate can expand to (about 1032:1) or the limit;
// the read's own growth covers an underestimate.
func gunzipHint(raw []byte, limit int64) int {
	if len(raw) < 18 { // a 10-byte header and the 8-byte trailer
		return 0
	}
	n := int64(binary.LittleEndian.Uint32(raw[len(raw)-4:]))
	n = min(n, int64(len(raw))*1032, limit)
	return int(n) + bytes.MinRead // ReadFrom wants MinRead free at the final EOF read
}

// formatSize renders a byte limit for messages: "50 MiB", "1500 bytes".
func formatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

package source

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"

	"github.com/nlnwa/gowarc/v2"
)

// warcMemBytes is how much of one WARC record gowarc keeps in memory before
// it spills the rest to a temporary file: it has to buffer a record whole
// to check its digest, and a record can be a video.
const warcMemBytes = 1 << 20

// httpRecord is what gowarc's HTTP response blocks offer beyond Block.
type httpRecord interface {
	HttpStatusCode() int
	HttpHeader() *http.Header
	PayloadBytes() (io.Reader, error)
}

// warc yields one Input per HTML response record of the WARC file at p,
// reading record by record. Other records are passed over and reported to
// Skipped as "warc:<type>" (warcinfo, request, revisit, metadata, ...),
// "warc:truncated" (WARC-Truncated set: the crawler cut the payload),
// "warc:http-<status>" (not a 2xx answer) or "warc:non-html". A record cut
// short by the end of the file, or data that is not WARC, ends the file with
// an Input failing with ErrCorrupt. rel is the file's Input.Rel.
func (w *walker) warc(p, rel string) bool {
	f, err := os.Open(p)
	if err != nil {
		return w.broken(p, openError(p, err))
	}
	defer f.Close()
	return w.warcStream(f, p, rel)
}

// warcStream is warc for the file p read from r.
func (w *walker) warcStream(r io.Reader, p, rel string) bool {
	rd, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithBufferMaxMemBytes(warcMemBytes),
		gowarc.WithFixContentLength(false), // keep the declared length to detect cut records
		gowarc.WithFixDigest(false),
		gowarc.WithAddMissingDigest(false),
	)
	if err != nil {
		return w.broken(p, &Error{Input: p, Err: ErrUnreadable, Detail: err.Error()})
	}
	defer rd.Close()
	limit := w.opt.Read.limit()
	for n := 0; ; n++ {
		if w.ctx.Err() != nil {
			return false
		}
		rec, off, err := nextRecord(rd)
		if err == io.EOF && rec == nil {
			if n == 0 {
				return w.broken(p, &Error{Input: p, Err: ErrEmpty, Detail: "no WARC records"})
			}
			return true
		}
		if err != nil {
			if rec != nil {
				rec.Close()
			}
			return w.brokenRecord(p, off, &Error{Input: p, Err: ErrCorrupt, Detail: fmt.Sprintf("WARC record %d at offset %d: %v", n+1, off, err)})
		}
		in, reason, cut := warcInput(rec, fmt.Sprintf("%s#%d", p, n+1), limit, w.opt.Read)
		if in.WARC != nil {
			in.Rel = rel
			in.WARC.File, in.WARC.Offset = p, off
		}
		rec.Close()
		switch {
		case cut:
			return w.brokenRecord(p, off, &Error{Input: p, Err: ErrCorrupt, Detail: fmt.Sprintf("WARC record %d at offset %d is cut short (truncated file)", n+1, off)})
		case reason != "":
			w.skip(p, reason)
		case !w.yield(in):
			return false
		}
	}
}

// brokenRecord yields an input for a WARC file that fails at the record at
// off, with the file and offset as its provenance, so that a summary can
// point into the archive where the damage is.
func (w *walker) brokenRecord(p string, off int64, err error) bool {
	return w.yield(Input{Name: p, Kind: BrokenInput, WARC: &WARCRecord{File: p, Offset: off},
		Load: func(context.Context) (*Doc, error) { return nil, err }})
}

// nextRecord reads the next record. gowarc can panic on malformed input
// (an index out of range on a short version line, found by FuzzWARC); that
// is a corrupt file, and must not take the batch down.
func nextRecord(rd *gowarc.WarcFileReader) (rec gowarc.WarcRecord, off int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("malformed record: %v", p)
		}
	}()
	rec, off, _, err = rd.Next()
	return rec, off, err
}

// warcInput turns one record into an Input, or says why it is passed over
// (reason), or that the file ended inside it (cut). The payload is read
// here, at most limit+1 bytes, because the archive is read in order; the
// decoding is left to Load.
//
// The Input is named "<target URI> <WARC-Date>", or, for a record without
// a target URI, by its place in the file (at, "crawl.warc#3"), so that
// records without one do not all share a name (and an output file).
func warcInput(rec gowarc.WarcRecord, at string, limit int64, opt Options) (in Input, reason string, cut bool) {
	defer func() {
		if p := recover(); p != nil { // see nextRecord
			in, reason, cut = Input{}, "", true
		}
	}()
	h := rec.WarcHeader()
	if declared, err := h.GetInt64(gowarc.ContentLength); err == nil && rec.Block().Size() < declared {
		return in, "", true
	}
	if rec.Type() != gowarc.Response {
		return in, "warc:" + rec.Type().String(), false
	}
	if h.Has(gowarc.WarcTruncated) {
		return in, "warc:truncated", false
	}
	block, ok := rec.Block().(httpRecord)
	if !ok {
		return in, "warc:non-http", false
	}
	if code := block.HttpStatusCode(); code < 200 || code > 299 {
		return in, fmt.Sprintf("warc:http-%d", code), false
	}
	uri := strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")
	name := strings.TrimSpace(uri + " " + h.Get(gowarc.WarcDate))
	if uri == "" {
		name = at
	}
	// File and offset are the caller's to fill in: only it knows them.
	prov := &WARCRecord{
		RecordID:      h.Get(gowarc.WarcRecordID),
		TargetURI:     uri,
		Date:          h.Get(gowarc.WarcDate),
		PayloadDigest: h.Get(gowarc.WarcPayloadDigest),
	}
	hdr := block.HttpHeader()
	var payload io.Reader
	payload, err := block.PayloadBytes()
	if err != nil {
		return errInput(name, prov, &Error{Input: name, Err: ErrUnreadable, Detail: err.Error()}), "", false
	}
	if hdr != nil && strings.EqualFold(hdr.Get("Transfer-Encoding"), "chunked") {
		payload = httputil.NewChunkedReader(payload)
	}
	raw, err := readAtMost(payload, limit, 512)
	if err != nil {
		return errInput(name, prov, &Error{Input: name, Err: ErrCorrupt, Detail: err.Error()}), "", false
	}
	if int64(len(raw)) > limit {
		return errInput(name, prov, &Error{Input: name, Err: ErrTooLarge, Detail: "over the " + formatSize(limit) + " limit"}), "", false
	}
	if !htmlType(hdr, raw) {
		return in, "warc:non-html", false
	}
	in = Input{Name: name, Kind: WARCInput, WARC: prov}
	in.Load = func(context.Context) (*Doc, error) {
		d, err := Read(name, bytes.NewReader(raw), opt)
		if d != nil {
			d.URL = uri
			// A copy, so that the document does not share the
			// Input's value with whoever else holds it.
			w := *in.WARC
			d.WARC = &w
		}
		return d, err
	}
	return in, "", false
}

func errInput(name string, prov *WARCRecord, err error) Input {
	return Input{Name: name, Kind: BrokenInput, WARC: prov, Load: func(context.Context) (*Doc, error) { return nil, err }}
}

// htmlType says whether an HTTP payload is a page: its Content-Type says
// HTML, or there is none and the bytes look like HTML (gzip, which a
// Content-Encoding left in place, is judged after Read undoes it).
func htmlType(hdr *http.Header, raw []byte) bool {
	ct := ""
	if hdr != nil {
		ct = hdr.Get("Content-Type")
	}
	if ct == "" {
		return isGzip(raw) || isHTML(raw)
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

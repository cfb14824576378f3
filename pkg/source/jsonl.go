package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Record is one line of a JSON Lines input stream (--stdin-jsonl): a page
// as HTML or as text, with its URL and an optional id that is echoed back
// as the output's source name.
type Record struct {
	ID   string  `json:"id,omitempty"`
	URL  string  `json:"url,omitempty"`
	HTML *string `json:"html,omitempty"`
	Text *string `json:"text,omitempty"`
}

// ErrRecord wraps a JSON Lines line that is not a usable record.
var ErrRecord = errors.New("bad JSON Lines record")

// RecordReader splits a JSON Lines stream into Inputs, one per non-blank
// line, without holding more than one line. Lines over the size limit are
// passed over (their Input fails with ErrTooLarge) without being buffered.
type RecordReader struct {
	r    *bufio.Reader
	opt  Options
	line int
}

// NewRecordReader reads records from r; opt.MaxBytes limits one line.
func NewRecordReader(r io.Reader, opt Options) *RecordReader {
	return &RecordReader{r: bufio.NewReaderSize(r, 64<<10), opt: opt}
}

// Next returns the next record's Input, or io.EOF after the last one. The
// Input's Name is "stdin:N" (N the line number) until Load knows the
// record's id or URL. Load parses the JSON and decodes the page, so that
// work happens on the caller's workers.
func (rr *RecordReader) Next() (Input, error) {
	for {
		line, err := rr.readLine()
		if line == nil && err != nil {
			return Input{}, err
		}
		rr.line++
		if err == nil && len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		name := "stdin:" + strconv.Itoa(rr.line)
		if errors.Is(err, ErrTooLarge) {
			e := &Error{Input: name, Err: ErrTooLarge, Detail: "line over the " + formatSize(rr.opt.limit()) + " limit"}
			return errInput(name, nil, e), nil
		}
		opt := rr.opt
		return Input{Name: name, Kind: StdinInput, Load: func(context.Context) (*Doc, error) {
			return DecodeRecord(name, line, opt)
		}}, nil
	}
}

// readLine returns the next line without its newline. A line longer than
// the limit is consumed and returned as an empty slice with ErrTooLarge.
func (rr *RecordReader) readLine() ([]byte, error) {
	limit := rr.opt.limit() + 1<<10 // room for the JSON around the page
	var buf []byte
	over := false
	for {
		chunk, err := rr.r.ReadSlice('\n')
		if !over {
			if int64(len(buf)+len(chunk)) > limit {
				over, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(buf) == 0 && !over:
			return nil, io.EOF
		case err != nil && err != io.EOF:
			return nil, err
		}
		if over {
			return []byte{}, ErrTooLarge
		}
		return bytes.TrimRight(buf, "\r\n"), nil
	}
}

// DecodeRecord parses one JSON Lines record and decodes its page like
// Read. The Doc's Name is the record's id, else its url, else fallback; its
// Format is HTML for "html" and Text for "text", whatever sniffing says.
func DecodeRecord(fallback string, line []byte, opt Options) (*Doc, error) {
	var rec Record
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, &Error{Input: fallback, Err: ErrRecord, Detail: "not a JSON object: " + err.Error()}
	}
	name := fallback
	switch {
	case rec.ID != "":
		name = rec.ID
	case rec.URL != "":
		name = rec.URL
	}
	var body *string
	var format Format
	switch {
	case rec.HTML != nil && rec.Text != nil:
		return nil, &Error{Input: name, Err: ErrRecord, Detail: `both "html" and "text"; give one`}
	case rec.HTML != nil:
		body, format = rec.HTML, HTML
	case rec.Text != nil:
		body, format = rec.Text, Text
	default:
		return nil, &Error{Input: name, Err: ErrRecord, Detail: `no "html" or "text" field`}
	}
	// The JSON string is Unicode already: a <meta charset> in it must not
	// re-decode it.
	opt.Charset = "utf-8"
	d, err := Read(name, strings.NewReader(*body), opt)
	if err != nil {
		return nil, err
	}
	if format == HTML || d.Format != Markdown {
		// A "text" record may hold Markdown; the sniffer tells.
		d.Format = format
	}
	d.URL = rec.URL
	return d, nil
}

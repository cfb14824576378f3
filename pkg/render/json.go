package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// JSON writes d as indented JSON (two spaces) with a trailing newline.
// HTML escaping is off so quotes, & and < stay readable in the transcript.
// Map keys are sorted by encoding/json, so the output is deterministic.
func JSON(w io.Writer, d *Document) error {
	return writeJSON(w, d, "  ")
}

// JSONLine writes d as one compact JSON line ending in "\n", for JSON Lines
// streams with one document per line.
func JSONLine(w io.Writer, d *Document) error {
	return writeJSON(w, d, "")
}

func writeJSON(w io.Writer, d *Document, indent string) error {
	if err := checkDoc(d); err != nil {
		return err
	}
	// Encode into a buffer first so a failure (e.g. a NaN confidence) never
	// leaves half a document on w. The buffers are pooled: a batch renders
	// thousands of documents, and growing fresh buffers for each was most of
	// this function's allocation. The encoder writes compact JSON and
	// indentJSON indents it, as Encoder.SetIndent would.
	compact := getBuffer()
	defer putBuffer(compact)
	enc := json.NewEncoder(compact)
	enc.SetEscapeHTML(false)
	n := normalized(d)
	if err := enc.Encode(&n); err != nil {
		return fmt.Errorf("render json %q: %w", d.Source.Name, err)
	}
	out := compact
	if indent != "" {
		out = getBuffer()
		defer putBuffer(out)
		indentJSON(out, compact.Bytes(), indent)
	}
	_, err := w.Write(out.Bytes())
	return err
}

// maxPooledBuffer is the largest buffer kept for reuse, so one huge
// document does not pin its output's memory for the rest of a batch.
const maxPooledBuffer = 4 << 20

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return bufferPool.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	bufferPool.Put(b)
}

// indentJSON writes src indented as json.Indent(dst, src, "", indent) does.
// src must be encoding/json's compact output: valid, with no white space
// outside strings but a final newline. json.Indent runs the full JSON
// scanner on every byte, which made it most of the cost of rendering; this
// needs only to tell strings from punctuation.
func indentJSON(dst *bytes.Buffer, src []byte, indent string) {
	dst.Grow(len(src) + len(src)/2)
	depth := 0
	newline := func() {
		dst.WriteByte('\n')
		for range depth {
			dst.WriteString(indent)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++ // the escaped byte cannot end the string
				}
				j++
			}
			j = min(j, len(src)-1)
			dst.Write(src[i : j+1])
			i = j
		case '{', '[':
			dst.WriteByte(c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// Empty objects and arrays stay on one line: {} and [].
				dst.WriteByte(src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst.WriteByte(c)
		case ',':
			dst.WriteByte(c)
			newline()
		case ':':
			dst.WriteString(": ")
		default:
			dst.WriteByte(c)
		}
	}
}

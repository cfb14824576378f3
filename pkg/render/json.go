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
	// json.Indent indents it, which is exactly what Encoder.SetIndent does.
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
		if err := json.Indent(out, compact.Bytes(), "", indent); err != nil {
			return fmt.Errorf("render json %q: %w", d.Source.Name, err)
		}
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

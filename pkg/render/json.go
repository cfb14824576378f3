package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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
	// leaves half a document on w.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	n := normalized(d)
	if err := enc.Encode(&n); err != nil {
		return fmt.Errorf("render json %q: %w", d.Source.Name, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

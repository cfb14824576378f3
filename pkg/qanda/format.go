package qanda

import (
	"fmt"
	"io"

	"github.com/qanda/qanda/pkg/render"
)

// Format is an output format for Render.
type Format string

// The formats. Markdown and text are for people; JSON (one indented
// document), JSON Lines (one document per line) and CSV (one row per
// exchange) for programs. CSV is spreadsheet-safe: a cell that starts with
// = + - @, tab or carriage return gets a leading ' so that no spreadsheet
// runs it as a formula; FormatCSVRaw writes cells unchanged.
const (
	FormatJSON     Format = "json"
	FormatJSONL    Format = "jsonl"
	FormatMarkdown Format = "md"
	FormatText     Format = "text"
	FormatCSV      Format = "csv"
	FormatCSVRaw   Format = "csv-raw"
)

// Formats lists every Format.
func Formats() []Format {
	return []Format{FormatJSON, FormatJSONL, FormatMarkdown, FormatText, FormatCSV, FormatCSVRaw}
}

// ParseFormat returns the Format a name says: one of Formats, or
// "markdown" or "txt".
func ParseFormat(name string) (Format, error) {
	switch name {
	case "markdown":
		return FormatMarkdown, nil
	case "txt":
		return FormatText, nil
	}
	for _, f := range Formats() {
		if string(f) == name {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown output format %q (known: json, jsonl, md, text, csv, csv-raw)", name)
}

// Render writes d to w in format f. CSV is written whole, header first.
func Render(w io.Writer, d *Document, f Format) error {
	switch f {
	case FormatCSV:
		return render.CSV(w, d)
	case FormatCSVRaw:
		return render.CSVRaw(w, d)
	}
	return renderRows(w, d, f)
}

// WriteCSVHeader writes the CSV header line, for a batch that writes the
// rows of many documents after one header.
func WriteCSVHeader(w io.Writer) error { return render.CSVHeader(w) }

// renderRows is Render with CSV as rows only, as a batch writes them.
func renderRows(w io.Writer, d *Document, f Format) error {
	switch f {
	case FormatJSON:
		return render.JSON(w, d)
	case FormatJSONL:
		return render.JSONLine(w, d)
	case FormatMarkdown:
		return render.Markdown(w, d)
	case FormatText:
		return render.Text(w, d)
	case FormatCSV:
		return render.CSVRows(w, d)
	case FormatCSVRaw:
		return render.CSVRowsRaw(w, d)
	}
	return fmt.Errorf("render: unknown format %q", string(f))
}

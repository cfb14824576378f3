package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// csvHeader names the CSV columns, one row per exchange. The warc_ columns
// came later, so they come last: readers that index columns by position
// keep working. They are empty for documents not read from a WARC record.
const csvHeader = "document,n,topic,question_speaker,question,answer_speakers,answer," +
	"warc_record_id,warc_target_uri,warc_date,warc_payload_digest,warc_file,warc_offset"

// CSV writes the header and one row per exchange of d (spreadsheet-safe:
// see CSVRows).
func CSV(w io.Writer, d *Document) error { return csvWhole(w, d, CSVRows) }

// csvWhole writes the header, then d's rows by rows.
func csvWhole(w io.Writer, d *Document, rows func(io.Writer, *Document) error) error {
	if err := checkDoc(d); err != nil {
		return err
	}
	if err := CSVHeader(w); err != nil {
		return err
	}
	return rows(w, d)
}

// CSVHeader writes only the header row, so a batch can write it once and
// then call CSVRows for each document.
func CSVHeader(w io.Writer) error {
	return writeCSV(w, [][]string{strings.Split(csvHeader, ",")})
}

// CSVRows writes one row per exchange of d and no header. The answer's
// paragraphs are joined by blank lines; several answer speakers by "; ";
// unknown topic or speaker is an empty field. A cell that a spreadsheet
// would run as a formula (it starts with "=", "+", "-", "@", a tab or a
// carriage return) gets a leading "'", as OWASP advises; CSVRowsRaw
// writes cells unchanged, for programs.
func CSVRows(w io.Writer, d *Document) error { return csvRows(w, d, true) }

// CSVRowsRaw is CSVRows with every cell as the page has it.
func CSVRowsRaw(w io.Writer, d *Document) error { return csvRows(w, d, false) }

// CSVRaw writes the header and the rows of CSVRowsRaw.
func CSVRaw(w io.Writer, d *Document) error { return csvWhole(w, d, CSVRowsRaw) }

// formulaStart holds the first characters that make a spreadsheet read a
// cell as a formula.
const formulaStart = "=+-@\t\r"

// spreadsheetSafe defuses a cell a spreadsheet would run as a formula.
// A lone "-" (stdin's name) is no formula.
func spreadsheetSafe(s string) string {
	if s != "" && s != "-" && strings.IndexByte(formulaStart, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

func csvRows(w io.Writer, d *Document, safe bool) error {
	if err := checkDoc(d); err != nil {
		return err
	}
	name := d.Source.Name
	if name == "" {
		name = d.Source.URL
	}
	prov := make([]string, 6) // the warc_ cells, the same on every row
	if w := d.Source.WARC; w != nil {
		prov = []string{w.RecordID, w.TargetURI, w.Date, w.PayloadDigest, w.File, strconv.FormatInt(w.Offset, 10)}
	}
	rows := make([][]string, 0, len(d.Exchanges))
	for _, e := range d.Exchanges {
		rows = append(rows, append([]string{
			name,
			strconv.Itoa(e.N),
			deref(e.Topic),
			deref(e.Question.Speaker),
			e.Question.Text,
			strings.Join(nonEmpty(e.Answer.Speakers), "; "),
			strings.Join(answerParagraphs(e.Answer), "\n\n"),
		}, prov...))
	}
	if safe {
		for _, row := range rows {
			for k := range row {
				row[k] = spreadsheetSafe(row[k])
			}
		}
	}
	if err := writeCSV(w, rows); err != nil {
		return fmt.Errorf("render csv %q: %w", name, err)
	}
	return nil
}

func writeCSV(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil { // WriteAll flushes
		return err
	}
	return cw.Error()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

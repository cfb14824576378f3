package blocks

import (
	"sort"
	"strings"

	"github.com/qanda/qanda/internal/cancel"
	"github.com/qanda/qanda/internal/words"
)

// Side-by-side columns in text dumps. A text browser sets the cells of a
// table row next to each other: a left cell's lines and a right cell's
// lines share physical lines, and the right column starts at one fixed
// character column. Read line by line, the left cell's words end up in the
// middle of the right cell's sentences. splitColumns finds such stretches
// and gives each cell its own lines, left cell before right cell, row by
// row (a line blank in both columns ends a row).
//
// The signal, which does not depend on wording or language: many lines
// begin exactly at one column C (the right cell's lines where the left
// cell has nothing), other lines carry words left of C, then at least one
// space at C-1, then words from C on, and no line of the stretch has a
// word running across C. To keep indented quotes, centred lines, code,
// hanging-indent lists and indented paragraphs whole, it also asks for:
//   - C at least minColumn: list markers and quotes are indented less;
//   - at least minBothLines lines with words on both sides whose left part
//     is more than a list marker, and one of them with a gap of two or
//     more spaces before C (a wrapped paragraph has single spaces);
//   - every block of lines (between blank lines) in the stretch that has
//     words on both sides of C also has a line starting at C or one with
//     such a gap: a paragraph or caption next to the table whose line
//     has a space at C-1 by chance stays whole;
//   - at least minRightLines lines starting exactly at C, and at least
//     half as many as lines with words on both sides (code with aligned
//     comments has a comment on nearly every line, and few lines that
//     hold nothing but a comment).
const (
	minColumn     = 12
	minBothLines  = 1
	minRightLines = 3
)

// colRow is one line of a dump, measured for the column search.
type colRow struct {
	runes  []rune
	indent int  // leading spaces, in runes
	blank  bool // nothing but white space
	tab    bool // holds a tab: its columns are unknown
}

// colSpan is a stretch of lines [from, to) split at column col.
type colSpan struct {
	from, to, col int
}

// splitColumns returns the lines with every side-by-side stretch replaced
// by its cells' lines, each keeping the byte offset of its text and the
// wrap width of its column. Lines outside the stretches are returned as
// they are.
// It gives up, returning nil, when check says so.
func splitColumns(lines []textLine, check *cancel.Check) []textLine {
	rows := make([]colRow, len(lines))
	counts := map[int]int{}
	for i, l := range lines {
		if check.Stop() {
			return nil
		}
		r := colRow{runes: []rune(l.text)}
		for r.indent < len(r.runes) && r.runes[r.indent] == ' ' {
			r.indent++
		}
		r.blank = strings.TrimSpace(l.text) == ""
		r.tab = strings.ContainsRune(l.text, '\t')
		rows[i] = r
		if !r.blank && !r.tab && r.indent >= minColumn {
			counts[r.indent]++
		}
	}
	var cols []int
	for c, n := range counts {
		if n >= minRightLines {
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return lines
	}
	// The most used column first; ties by position, so the result does
	// not depend on map order.
	sort.Slice(cols, func(i, j int) bool {
		if counts[cols[i]] != counts[cols[j]] {
			return counts[cols[i]] > counts[cols[j]]
		}
		return cols[i] < cols[j]
	})
	claimed := make([]bool, len(lines))
	var spans []colSpan
	for _, c := range cols {
		for _, sp := range findSpans(rows, c, claimed) {
			for i := sp.from; i < sp.to; i++ {
				claimed[i] = true
			}
			spans = append(spans, sp)
		}
	}
	if len(spans) == 0 {
		return lines
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	out := make([]textLine, 0, len(lines)+4*len(spans))
	next := 0
	for _, sp := range spans {
		out = append(out, lines[next:sp.from]...)
		out = append(out, textLine{offset: lines[sp.from].offset})
		out = append(out, cellLines(lines, rows, sp)...)
		out = append(out, textLine{offset: lines[sp.to-1].offset})
		next = sp.to
	}
	return append(out, lines[next:]...)
}

// colSegment is a run of non-blank lines [from, to) and how its lines sit
// against a column.
type colSegment struct {
	from, to  int
	fits      bool // no line has a word across the column
	rightText bool // some line has text from the column on
	both      int  // lines with more than a list marker left and text right
	gap       int  // of those, lines with two or more spaces before the column
	rightOnly int  // lines starting exactly at the column
	short     int  // lines ending two or more spaces before the column
}

// findSpans returns the stretches of unclaimed lines that read as two
// columns split at column c.
func findSpans(rows []colRow, c int, claimed []bool) []colSpan {
	var segs []colSegment
	for i := 0; i < len(rows); {
		if rows[i].blank {
			i++
			continue
		}
		s := colSegment{from: i, fits: true}
		for ; i < len(rows) && !rows[i].blank; i++ {
			r := rows[i]
			if claimed[i] || r.tab {
				s.fits = false
				continue
			}
			switch {
			case len(r.runes) < c-2:
				s.short++
			case r.indent >= c:
				s.rightText = true
				if r.indent == c {
					s.rightOnly++
				}
			case len(r.runes) >= c && r.runes[c-1] != ' ':
				s.fits = false // a word runs across the column
			case len(r.runes) > c && strings.TrimSpace(string(r.runes[c:])) != "":
				s.rightText = true
				if left := strings.TrimSpace(string(r.runes[:c])); !isMarker(left) {
					s.both++
					if r.runes[c-2] == ' ' {
						s.gap++
					}
				}
			}
		}
		s.to = i
		if s.rightOnly > 0 && s.short > 0 && s.gap == 0 {
			// A short line with nothing at the column between lines
			// that start at it: the left cell's last line.
			s.gap = 1
		}
		if s.rightOnly == 0 && s.gap == 0 && s.both > 0 {
			// One space before the column and nothing else to show
			// it: a paragraph whose line happens to have a space there.
			s.fits = false
		}
		segs = append(segs, s)
	}
	var spans []colSpan
	for i := 0; i < len(segs); {
		if !segs[i].fits {
			i++
			continue
		}
		j := i
		for j < len(segs) && segs[j].fits {
			j++
		}
		// [i, j) fit; a stretch starts and ends with text in the right
		// column, so a short paragraph next to the table stays outside.
		a, b := i, j
		for a < b && !segs[a].rightText {
			a++
		}
		for b > a && !segs[b-1].rightText {
			b--
		}
		both, gap, right := 0, 0, 0
		for _, s := range segs[a:b] {
			both += s.both
			gap += s.gap
			right += s.rightOnly
		}
		if both >= minBothLines && gap >= 1 && right >= minRightLines && 2*right >= both {
			spans = append(spans, colSpan{from: segs[a].from, to: segs[b-1].to, col: c})
		}
		i = j
	}
	return spans
}

// isMarker tells a list marker ("•", "12.", "b)", "iv.", "Q:") from text: a
// hanging-indent list puts it left of the column its lines start at.
func isMarker(s string) bool {
	letters := words.Letters(s)
	if letters <= 2 {
		return true
	}
	t := strings.Trim(s, "().:")
	return t != "" && strings.Trim(strings.ToLower(t), "ivxlcdm") == ""
}

// cellLines rearranges the stretch sp: per row, the left cell's lines, a
// blank line, the right cell's lines, a blank line. A cell keeps its own
// blank lines, so its paragraphs stay apart.
func cellLines(lines []textLine, rows []colRow, sp colSpan) []textLine {
	c := sp.col
	var out []textLine
	var leftAll, rightAll []int // positions in out, to set the widths
	cut := func(i, from, to int) textLine {
		l, r := lines[i], rows[i].runes
		if to > len(r) {
			to = len(r)
		}
		if from >= to {
			return textLine{offset: l.offset}
		}
		b := len(string(r[:from]))
		return textLine{text: string(r[from:to]), offset: l.offset + b}
	}
	emit := func(cell []textLine, all *[]int) {
		for len(cell) > 0 && strings.TrimSpace(cell[len(cell)-1].text) == "" {
			cell = cell[:len(cell)-1]
		}
		if len(cell) == 0 {
			return
		}
		for _, l := range cell {
			*all = append(*all, len(out))
			out = append(out, l)
		}
		out = append(out, textLine{offset: cell[len(cell)-1].offset})
	}
	for _, rg := range cellRows(rows, sp) {
		var left, right []textLine
		for i := rg[0]; i < rg[1]; i++ {
			l, r := cut(i, 0, c), cut(i, c, len(rows[i].runes))
			// A cell's blank line is a paragraph break in that cell; one
			// at the top of a cell is none.
			if strings.TrimSpace(l.text) != "" || len(left) > 0 {
				left = append(left, l)
			}
			if strings.TrimSpace(r.text) != "" || len(right) > 0 {
				right = append(right, r)
			}
		}
		emit(left, &leftAll)
		emit(right, &rightAll)
	}
	setWidth(out, leftAll)
	setWidth(out, rightAll)
	return out
}

// cellRows returns the table rows of the stretch as line ranges [from, to).
// A line blank in both columns may end a row or only a paragraph of the
// taller cell. A text browser centres a cell vertically in its row, so
// when the left cells sit below the top of their blocks of lines, a row is
// the range around each left cell that centres it: blocks of lines with
// nothing in the left column above and below a left cell are shared out
// so. When the left cells start at the top (cells aligned to the top),
// every block of lines is a row, and a block without a left cell goes on
// the right cell above it, which is where reading order puts it anyway.
func cellRows(rows []colRow, sp colSpan) [][2]int {
	type seg struct{ from, to, leftFrom, leftTo int }
	var segs []seg
	anchors, lowered := 0, 0
	for i := sp.from; i < sp.to; {
		if rows[i].blank {
			i++
			continue
		}
		s := seg{from: i, leftFrom: -1}
		for ; i < sp.to && !rows[i].blank; i++ {
			r := rows[i].runes
			if rows[i].indent < sp.col && strings.TrimSpace(string(r[:min(sp.col, len(r))])) != "" {
				if s.leftFrom < 0 {
					s.leftFrom = i
				}
				s.leftTo = i + 1
			}
		}
		s.to = i
		if s.leftFrom >= 0 {
			anchors++
			if s.leftFrom > s.from {
				lowered++
			}
		}
		segs = append(segs, s)
	}
	var out [][2]int
	if len(segs) > 0 && segs[0].leftFrom < 0 {
		lowered++ // a top-aligned row starts with its left cell
	}
	if anchors == 0 || lowered == 0 || 3*lowered < anchors {
		for _, s := range segs {
			out = append(out, [2]int{s.from, s.to})
		}
		return out
	}
	start := segs[0].from // the current row's first line
	for k := 0; k < len(segs); k++ {
		s := segs[k]
		if s.leftFrom < 0 {
			continue
		}
		// Blocks k+1 .. next-1 have no left cell: take the first n of
		// them into this row, n as centres the left cell best.
		next := k + 1
		for next < len(segs) && segs[next].leftFrom < 0 {
			next++
		}
		bestN, bestCost := 0, -1
		maxN := next - k - 1
		for n := 0; n <= maxN; n++ {
			if next == len(segs) && n < maxN {
				continue // the last row takes what is left
			}
			end := segs[k+n].to
			cost := (s.leftFrom - start) - (end - s.leftTo)
			if cost < 0 {
				cost = -cost
			}
			if bestCost < 0 || cost < bestCost {
				bestN, bestCost = n, cost
			}
		}
		end := segs[k+bestN].to
		out = append(out, [2]int{start, end})
		if k+bestN+1 < len(segs) {
			start = segs[k+bestN+1].from
		}
		k += bestN
	}
	return out
}

// setWidth gives a column's lines the column's wrap width, or -1 when the
// column does not look hard-wrapped: a cell's lines are then never joined.
func setWidth(out []textLine, idx []int) {
	width := 0
	lengths := make([]int, 0, len(idx))
	for _, i := range idx {
		// A narrow cell's lines hold few words: every line counts.
		n := physLen(strings.TrimSpace(out[i].text))
		lengths = append(lengths, n)
		width = max(width, n)
	}
	// A long column is measured as a whole dump is (a few longer lines do
	// not set its width); a cell of a few lines by its longest line.
	w := wrapWidth(lengths)
	if w == 0 {
		w = -1
		if columnWrapped(lengths, width) {
			w = width
		}
	}
	for _, i := range idx {
		out[i].width = w
	}
}

// columnWrapped is nearWidth for one column: a cell has few lines, so two
// lines ending near the column's width are enough, and the margin shrinks
// with a narrow column.
func columnWrapped(lengths []int, width int) bool {
	margin := 15
	if width/3 < margin {
		margin = width / 3
	}
	near, nonEmpty := 0, 0
	for _, n := range lengths {
		if n == 0 {
			continue
		}
		nonEmpty++
		if n >= width-margin {
			near++
		}
	}
	return near >= 2 && near*10 >= nonEmpty*3
}

package blocks

import (
	"strings"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/cancel"
)

// maxWrapWidth is the widest wrap width taken seriously; dumps made with a
// huge width (w3m -cols 100000) keep one paragraph per line, most of them
// longer, and are never re-joined (see wrapWidth).
const maxWrapWidth = 250

// minWrapWidth is the narrowest wrap width taken seriously; text browsers and
// mail tools wrap at 60 to 132 columns.
const minWrapWidth = 40

// bullets are the markers text browsers put before list items.
var bullets = []string{"•", "◦", "▪", "‣", "∙", "*"}

type textLine struct {
	text   string
	offset int
	// width is, for a line of a side-by-side column (see splitColumns),
	// the column's wrap width, or -1 if the column is not hard-wrapped; 0
	// for the dump's other lines, which wrap at the dump's width.
	width int
}

// FromText splits a plain-text dump into blocks: one block per line, blank
// lines ignored, list bullets moved to Block.Bullet. If the dump was
// hard-wrapped at a fixed width, a line is joined to the next one when the next
// line's first word would not have fitted, which is exactly when a wrapper
// breaks. A table's cells printed side by side are split into their columns
// first (splitColumns), and a paragraph indented as a text browser indents a
// blockquote becomes a Quote.
func FromText(body string) []Block { return FromTextDone(body, nil) }

// FromTextDone is FromText that gives up, returning nil, soon after done
// is closed.
func FromTextDone(body string, done <-chan struct{}) []Block {
	check := cancel.New(done)
	nl := strings.Count(body, "\n") + 1
	lines := make([]textLine, 0, nl)
	lengths := make([]int, 0, nl)
	nonBlank := 0
	off := 0
	for off <= len(body) {
		if check.Stop() {
			return nil
		}
		end := strings.IndexByte(body[off:], '\n')
		var raw string
		if end < 0 {
			raw = body[off:]
		} else {
			raw = body[off : off+end]
		}
		raw = strings.TrimRight(raw, "\r")
		n := 0
		if t := strings.TrimSpace(raw); t != "" {
			nonBlank++
			if proseLine(t) {
				// The physical length, indent included: that is what the wrapper filled.
				n = physLen(raw)
			}
		}
		lengths = append(lengths, n)
		lines = append(lines, textLine{text: raw, offset: off})
		if end < 0 {
			break
		}
		off += end + 1
	}
	// The dump's wrap width is measured before columns are split: a line
	// of the right column alone fills the dump's width too, and a line
	// with both columns has a gap that keeps it out (proseLine).
	width := wrapWidth(lengths)
	lines = splitColumns(lines, check)
	wrapped := width > 0

	out := make([]Block, 0, nonBlank) // at most one block per line
	var cur *Block                    // the block being built: the last of out
	curLen := 0                       // rune length of the last physical line of cur
	// inset[i]: every line of out[i] is indented; indented counts such lines.
	inset := make([]bool, 0, nonBlank)
	indented := 0
	flush := func() {
		if cur != nil && cur.Text == "" {
			out = out[:len(out)-1]
			inset = inset[:len(inset)-1]
		}
		cur = nil
	}
	blank := true    // a blank line (or the dump's start) came before this line
	curRule := false // cur is a drawn rule
	for _, l := range lines {
		if check.Stop() {
			return nil
		}
		trimmed := strings.TrimSpace(l.text)
		if trimmed == "" {
			flush()
			blank = true
			continue
		}
		joined := !blank
		blank = false
		bullet, rest := splitBullet(trimmed)
		// A table row is indented too, but keeps gaps between its cells;
		// a column's lines are set apart by the column, not by an indent.
		in := l.width == 0 && indent(l.text) >= minInset && !cellGap(trimmed)
		if in {
			indented++
		}
		w, join := width, wrapped
		if l.width != 0 {
			w, join = l.width, l.width > 0
		}
		// A drawn rule is never wrapped text, nor is the line after it.
		rule := DecorationOnly(trimmed)
		// An indented line under a plain paragraph opens a quote; under a
		// list item it is the item's next line.
		quoteStart := in && cur != nil && cur.Kind == Paragraph && !inset[len(out)-1]
		if cur != nil && join && bullet == "" && curLen > 0 && !cellGap(trimmed) && !rule && !curRule && !quoteStart && curLen+1+firstWordLen(rest) > w {
			cur.Text += " " + Collapse(rest)
			curLen = lineLen(l)
			inset[len(out)-1] = inset[len(out)-1] && in
			continue
		}
		flush()
		kind := Paragraph
		if bullet != "" {
			kind = ListItem
		}
		out = append(out, Block{ID: ID(len(out)), Kind: kind, Text: Collapse(rest), Offset: l.offset, Bullet: bullet, Joined: joined})
		inset = append(inset, in && bullet == "")
		cur = &out[len(out)-1]
		curLen = lineLen(l)
		curRule = rule
	}
	flush()
	// A text browser indents a blockquote: a paragraph whose every line is
	// indented, on a page whose text mostly is not, was set apart as a quote.
	if indented*10 < nonBlank*3 {
		for i := range out {
			if inset[i] && out[i].Kind == Paragraph {
				out[i].Kind = Quote
			}
		}
	}
	if split := splitTimestamps(splitKickers(out)); len(split) != len(out) {
		out = split
		for i := range out {
			out[i].ID = ID(i)
		}
	}
	return out
}

// wrapWidth returns the width a dump was hard-wrapped at, or 0 when its line
// breaks were not made by a wrapper. lengths holds the physical length of
// each line of prose (proseLine), 0 for the others. A wrapper leaves many
// lines ending just short of its width and almost none beyond it; the few
// that are longer (a URL it could not break) must not set the width, so the
// width is the one that most lines end close to, with at most a few past it.
func wrapWidth(lengths []int) int {
	longest, nonEmpty := 0, 0 // over prose lines only
	for _, n := range lengths {
		if n > 0 {
			nonEmpty++
			longest = max(longest, n)
		}
	}
	if longest < minWrapWidth {
		return 0
	}
	// count[w]: lines of exactly w runes, up to maxWrapWidth; longer ones are
	// counted as beyond every candidate width.
	count := make([]int, maxWrapWidth+1)
	for _, n := range lengths {
		if n > 0 {
			count[min(n, maxWrapWidth)]++
		}
	}
	best, bestNear := 0, 0
	beyond := count[maxWrapWidth] // lines longer than the candidate width
	for w := maxWrapWidth - 1; w >= minWrapWidth; w-- {
		near := 0
		for v := w - 15; v <= w; v++ {
			near += count[v]
		}
		if near >= bestNear && near > 0 && beyond*50 <= nonEmpty {
			best, bestNear = w, near
		}
		beyond += count[w]
	}
	// Many lines must end near the width: a fifth of them (menus, headings and
	// the last line of each paragraph are short), at least five.
	if bestNear < 5 || bestNear*5 < nonEmpty {
		return 0
	}
	return best
}

// minInset is the indent, in columns, of a line set apart from the text:
// text browsers indent a blockquote by four; fewer is left to stray spaces.
const minInset = 4

// DecorationOnly reports whether s is made of box-drawing and block
// characters, rule-like punctuation and bullets only: a drawn rule.
func DecorationOnly(s string) bool {
	for _, r := range s {
		if r == ' ' || (r >= 0x2500 && r <= 0x259F) || strings.ContainsRune("-‐‒–—―_=*~•·◦▪■□●○★☆#+|/\\", r) {
			continue
		}
		return false
	}
	return s != ""
}

// indent counts a line's leading blanks (a tab as one).
func indent(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// proseLine reports whether a line can be part of a wrapped paragraph: a
// few words, and no gap of several blanks inside it, which is how a text
// browser sets table cells and aligned columns (padded to one width, such
// rows would look wrapped).
func proseLine(t string) bool {
	return strings.Count(t, " ") >= 3 && !cellGap(t)
}

// cellGap reports a run of three blanks inside a trimmed line: the gap a text
// browser leaves between table cells or aligned columns.
func cellGap(t string) bool { return strings.Contains(t, "   ") }

// proseLen is physLen for a line of prose, 0 for another: nothing is joined
// to a table row or a one-word line.
func proseLen(s string) int {
	if !proseLine(strings.TrimSpace(s)) {
		return 0
	}
	return physLen(s)
}

// lineLen is what a line filled of its wrap width: proseLen for a line of
// the dump, the whole length for a column's line (a narrow cell's lines hold
// few words).
func lineLen(l textLine) int {
	if l.width != 0 {
		return physLen(strings.TrimSpace(l.text))
	}
	return proseLen(l.text)
}

// physLen is a line's length as the wrapper saw it: indent included, trailing
// blanks not.
func physLen(s string) int {
	return utf8.RuneCountInString(strings.TrimRight(s, " \t"))
}

func splitBullet(s string) (bullet, rest string) {
	for _, b := range bullets {
		if strings.HasPrefix(s, b+" ") || (b != "*" && strings.HasPrefix(s, b)) {
			r := strings.TrimSpace(s[len(b):])
			if r != "" {
				return b, r
			}
		}
	}
	return "", s
}

func firstWordLen(s string) int {
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return utf8.RuneCountInString(s[:i])
	}
	return utf8.RuneCountInString(s)
}

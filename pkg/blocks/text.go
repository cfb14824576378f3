package blocks

import (
	"strings"
	"unicode/utf8"
)

// maxWrapWidth is the widest line a text dump can have and still be taken as
// hard-wrapped; dumps made with a huge width (w3m -cols 100000) keep one
// paragraph per line and are never re-joined.
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
// breaks.
func FromText(body string) []Block {
	nl := strings.Count(body, "\n") + 1
	lines := make([]textLine, 0, nl)
	lengths := make([]int, 0, nl)
	nonBlank := 0
	width := 0
	off := 0
	for off <= len(body) {
		end := strings.IndexByte(body[off:], '\n')
		var raw string
		if end < 0 {
			raw = body[off:]
		} else {
			raw = body[off : off+end]
		}
		raw = strings.TrimRight(raw, "\r")
		n := utf8.RuneCountInString(strings.TrimSpace(raw))
		if n > width {
			width = n
		}
		if n > 0 {
			nonBlank++
		}
		lengths = append(lengths, n)
		lines = append(lines, textLine{text: raw, offset: off})
		if end < 0 {
			break
		}
		off += end + 1
	}
	if split := splitColumns(lines); len(split) != len(lines) {
		// The dump's wrap width is measured on its full-width lines: a
		// column's lines wrap at the column's width.
		lines, lengths, width = split, lengths[:0], 0
		for _, l := range lines {
			if l.width != 0 {
				continue
			}
			n := utf8.RuneCountInString(strings.TrimSpace(l.text))
			width = max(width, n)
			lengths = append(lengths, n)
		}
	}
	wrapped := width >= minWrapWidth && width <= maxWrapWidth && nearWidth(lengths, width)

	out := make([]Block, 0, nonBlank) // at most one block per line
	var cur *Block                    // the block being built: the last of out
	curLen := 0                       // rune length of the last physical line of cur
	flush := func() {
		if cur != nil && cur.Text == "" {
			out = out[:len(out)-1]
		}
		cur = nil
	}
	for _, l := range lines {
		trimmed := strings.TrimSpace(l.text)
		if trimmed == "" {
			flush()
			continue
		}
		bullet, rest := splitBullet(trimmed)
		w, join := width, wrapped
		if l.width != 0 {
			w, join = l.width, l.width > 0
		}
		if cur != nil && join && bullet == "" && curLen+1+firstWordLen(rest) > w {
			cur.Text += " " + Collapse(rest)
			curLen = utf8.RuneCountInString(trimmed)
			continue
		}
		flush()
		kind := Paragraph
		if bullet != "" {
			kind = ListItem
		}
		out = append(out, Block{ID: ID(len(out)), Kind: kind, Text: Collapse(rest), Offset: l.offset, Bullet: bullet})
		cur = &out[len(out)-1]
		curLen = utf8.RuneCountInString(trimmed)
	}
	flush()
	if split := splitTimestamps(out); len(split) != len(out) {
		out = split
		for i := range out {
			out[i].ID = ID(i)
		}
	}
	return out
}

// nearWidth tells a hard-wrapped dump from one that merely has short lines:
// when a wrapper made the line breaks, many lines end close to the width.
func nearWidth(lengths []int, width int) bool {
	near, nonEmpty := 0, 0
	for _, n := range lengths {
		if n == 0 {
			continue
		}
		nonEmpty++
		if n >= width-15 {
			near++
		}
	}
	return near >= 5 && near*10 >= nonEmpty*3
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

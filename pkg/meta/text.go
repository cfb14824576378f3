package meta

import (
	"strings"

	"github.com/qanda/qanda/pkg/blocks"
)

const (
	// bodyMinWords is the length from which a line is taken for the
	// article's first paragraph: the title stands above it.
	bodyMinWords = 25
	// titleMinWords and titleMaxWords bound what can be a headline.
	titleMinWords = 4
	titleMaxWords = 40
)

// FromText finds the title of a text dump: the longest headline-like line
// (no closing full stop, not a list item) above the first body paragraph.
// Menus, tickers and section names above it are shorter, which is why the
// longest wins.
func FromText(bs []blocks.Block) Meta {
	m := Meta{TitleBlock: -1}
	best := 0
	for i, b := range bs {
		n := len(strings.Fields(b.Text))
		if n >= bodyMinWords && endsWithStop(b.Text) {
			break
		}
		if b.Kind == blocks.ListItem || n < titleMinWords || n > titleMaxWords || endsWithStop(b.Text) {
			continue
		}
		if n > best {
			best, m.TitleBlock, m.Title = n, i, b.Text
		}
	}
	return m
}

// endsWithStop reports whether a text ends with sentence punctuation, which
// headlines usually lack.
func endsWithStop(s string) bool {
	s = strings.TrimRight(s, ` "'”’»)`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, ":")
}

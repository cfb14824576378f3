package interview

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/pkg/blocks"
	"github.com/qanda/qanda/pkg/clean"
)

// blockFacts are what the detectors ask of a content block. Every
// candidate signature asks again, so they are worked out once per page.
type blockFacts struct {
	words    int  // len(strings.Fields(text))
	question bool // clean.IsQuestion(text)
	qmark    bool // a question mark anywhere in the text
	heading  bool // headingLike
	dash     bool // startsWithDash(text)

	// Searched on first use only: few blocks are asked.
	addresses   lazyBool // addressesReader(text)
	firstPerson lazyBool // firstPersonWords stand in the text
}

func newFacts(b blocks.Block) blockFacts {
	f := blockFacts{
		words:    countFields(b.Text),
		question: clean.IsQuestion(b.Text),
		qmark:    hasQMark(b.Text),
		dash:     startsWithDash(b.Text),
	}
	f.heading = headingLike(b, f)
	return f
}

// turnText returns the text of content block i without a leading
// dialogue dash.
func (p *page) turnText(i int) string {
	if p.facts[i].dash {
		return stripDash(p.text(i))
	}
	return p.text(i)
}

// addresses reports whether content block i speaks to someone.
func (p *page) addresses(i int) bool {
	return p.facts[i].addresses.get(func() bool { return p.addressesReader(p.text(i)) })
}

// firstPerson reports whether in content block i a speaker talks of
// themself.
func (p *page) firstPerson(i int) bool {
	return p.facts[i].firstPerson.get(func() bool { return firstPersonWords.in(p.text(i)) })
}

// lazyBool is a result worked out on first use.
type lazyBool int8

const (
	unknown lazyBool = iota
	no
	yes
)

func (l *lazyBool) get(f func() bool) bool {
	if *l == unknown {
		*l = no
		if f() {
			*l = yes
		}
	}
	return *l == yes
}

// spaceBytes marks the bytes that are a space (1) and those that may
// begin one (2): unicode.IsSpace takes, beyond ASCII, U+0085 and U+00A0
// (0xC2 ...), U+1680 (0xE1 ...), U+2000 to U+205F (0xE2 ...) and U+3000
// (0xE3 ...).
var spaceBytes = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1, 0xC2: 2, 0xE1: 2, 0xE2: 2, 0xE3: 2}

// countFields is len(strings.Fields(s)) without building the fields.
func countFields(s string) int {
	// ASCII text without branches, as strings.Fields does: count the
	// bytes that follow a space and are none.
	n, wasSpace, high := 0, 1, byte(0)
	for i := 0; i < len(s); i++ {
		high |= s[i]
		isSpace := int(spaceBytes[s[i]] & 1)
		n += wasSpace &^ isSpace
		wasSpace = isSpace
	}
	if high < utf8.RuneSelf {
		return n
	}
	return countFieldsUnicode(s)
}

// countFieldsUnicode is countFields for any text. Only the runes that may
// be a space are decoded: the bytes of the others are no space, whatever
// rune they belong to.
func countFieldsUnicode(s string) int {
	n := 0
	wasSpace := true
	for i := 0; i < len(s); {
		space, size := false, 1
		switch spaceBytes[s[i]] {
		case 1:
			space = true
		case 2:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space && wasSpace {
			n++
		}
		wasSpace = space
		i += size
	}
	return n
}

// hasQMark is strings.ContainsAny(s, "?？"), which is slow for a
// non-ASCII set.
func hasQMark(s string) bool {
	return strings.IndexByte(s, '?') >= 0 || strings.Contains(s, "？")
}

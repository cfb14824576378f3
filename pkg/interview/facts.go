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

	// The regular expressions are slow: they run on first use only.
	addresses   lazyBool // addressesReader(text)
	firstPerson lazyBool // firstPersonWords stand in the text
}

func newFacts(b blocks.Block) blockFacts {
	f := blockFacts{
		words:    countFields(b.Text),
		question: clean.IsQuestion(b.Text),
		qmark:    hasQMark(b.Text),
	}
	f.heading = headingLike(b, f)
	return f
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

// asciiSpace marks the ASCII bytes that unicode.IsSpace takes for space.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// countFields is len(strings.Fields(s)) without building the fields.
func countFields(s string) int {
	// ASCII text, as strings.Fields does: count the bytes that follow a
	// space and are none.
	n := 0
	wasSpace := 1
	high := uint8(0)
	for i := 0; i < len(s); i++ {
		high |= s[i]
		isSpace := int(asciiSpace[s[i]])
		n += wasSpace &^ isSpace
		wasSpace = isSpace
	}
	if high < utf8.RuneSelf {
		return n
	}
	// Other text rune by rune.
	n = 0
	inField := false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}

// hasQMark is strings.ContainsAny(s, "?？"), which is slow for a
// non-ASCII set.
func hasQMark(s string) bool {
	return strings.IndexByte(s, '?') >= 0 || strings.Contains(s, "？")
}

package interview

import (
	"strings"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/words"
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

// questionMaxWords bounds a question: a longer paragraph that ends with a
// question mark is an answer ending on a rhetorical one.
const questionMaxWords = 100

// asks reports whether the block is a question of a question's length.
func (f *blockFacts) asks() bool { return f.question && f.words <= questionMaxWords }

func newFacts(b blocks.Block) blockFacts {
	f := blockFacts{
		words:    words.Count(b.Text),
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
	return p.facts[i].firstPerson.get(func() bool { return firstPersonWords.in(unquoted(p.text(i))) })
}

// quotePairs are the quotation marks that open and close quoted speech.
var quotePairs = map[rune]rune{'„': '“', '“': '”', '«': '»', '»': '«', '"': '"', '‚': '‘', '‹': '›'}

// unquoted returns s without the words it quotes: "you said: „I was
// wrong“" speaks of the person addressed, not of its speaker. A quote
// that is not closed is kept.
func unquoted(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if closing, ok := quotePairs[r]; ok {
			if j := strings.IndexRune(s[i+n:], closing); j >= 0 {
				b.WriteByte(' ')
				i += n + j + utf8.RuneLen(closing)
				continue
			}
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
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

// hasQMark is strings.ContainsAny(s, "?？"), which is slow for a
// non-ASCII set.
func hasQMark(s string) bool {
	return strings.IndexByte(s, '?') >= 0 || strings.Contains(s, "？")
}

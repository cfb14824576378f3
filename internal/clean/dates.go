package clean

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/qanda/qanda/internal/vocab"
)

// Metadata: a line or a box that only dates or files the article (its
// date, time, reading time, categories), no part of its text.
const Metadata Reason = "metadata"

const (
	// dateLineMaxTokens bounds a line that only dates the article.
	dateLineMaxTokens = 8
	// runningMinWords is the shortest paragraph of running text; one
	// twice as long needs no final stop.
	runningMinWords = 12
)

var (
	// yearRe, clockRe and numericDateRe are a token that dates: "2021",
	// "19:49", "19h30", "11.04.2020", "2021-10-16", "7/2019".
	yearRe        = regexp.MustCompile(`^(?:19|20)\d\d$`)
	clockRe       = regexp.MustCompile(`^[0-2]?\d[:h][0-5]\d(?::[0-5]\d)?$`)
	numericDateRe = regexp.MustCompile(`^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d\d|\d{4})|\d{4}-\d\d-\d\d)$`)
	// ordinalRe is a day written as an ordinal: "6th", "1er", "1º".
	ordinalRe = regexp.MustCompile(`^\d{1,2}(?:st|nd|rd|th|er|e|º|ª)$`)
)

// dateLine reports whether a text only dates something: tokens that are
// dates, times, numbers, month and weekday names, date labels or the
// words of a reading time (the vocabulary's date words), and at most one
// other word (a category, an author's name). It must hold a date or a
// time, or a number with a date word ("4 min read", "6 May"): a bare
// number is a count.
func dateLine(t string, dw vocab.WordSet) bool {
	toks := strings.Fields(t)
	if len(toks) == 0 || len(toks) > dateLineMaxTokens {
		return false
	}
	dated, number, named, other := false, false, false, 0
	for _, tok := range toks {
		w := strings.ToLower(strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		switch {
		case w == "": // a separator: "|", "-", "·"
		case yearRe.MatchString(w) || clockRe.MatchString(w) || numericDateRe.MatchString(w):
			dated = true
		case allDigits(w) || ordinalRe.MatchString(w):
			number = true
		case dw.Has(w):
			named = true
		default:
			other++
		}
	}
	return other <= 1 && (dated || number && named)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// dateLines removes a line that only dates the article ("3 May 2011,
// 08:15", "Updated: 02.09.2015", "4 min read") at the article's edges:
// before its second paragraph of running text and its first question, or
// after its last paragraph and its last question. Such a line carries no
// text of the article; inside the text a date may head a part of it (a
// diary's day, a timeline's year) and stays.
func (c *cleaner) dateLines() {
	top, bottom, running := -1, -1, 0
	for i := range c.bs {
		c.tick()
		if !c.live(i) {
			continue
		}
		t := c.bs[i].Text
		question := IsQuestion(t)
		if !question && (c.nw[i] < runningMinWords || !EndsSentence(t) && c.nw[i] < 2*runningMinWords) {
			continue
		}
		running++
		if top < 0 && (question || running == 2) {
			top = i
		}
		bottom = i
	}
	if bottom < 0 {
		return // no text to frame
	}
	if top < 0 {
		top = bottom
	}
	for i := range c.bs {
		c.tick()
		if !c.live(i) || i >= top && i <= bottom {
			continue
		}
		if c.nw[i] <= dateLineMaxTokens && !IsQuestion(c.bs[i].Text) && dateLine(c.bs[i].Text, c.v.DateWord) {
			c.remove(i, Metadata, -1)
		}
	}
}

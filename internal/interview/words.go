package interview

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordSet finds a word of any of its lists.
type wordSet []wordList

func (ws wordSet) in(s string) bool {
	for i := range ws {
		if ws[i].in(s) {
			return true
		}
	}
	return false
}

// wordList finds any of its words standing whole in a text: what the
// regular expression `\b(w1|w2|...)\b` finds or, with letterBounds,
// `(^|[^\p{L}])(w1|w2|...)([^\p{L}]|$)`; with foldCase, as under (?i).
// Go's regular expressions take tens of microseconds a paragraph for such
// a list, and the detectors ask it of most paragraphs.
type wordList struct {
	words        []string
	fold         bool // case-insensitive: Unicode simple case folding
	letterBounds bool // a word stands between non-letters, not between \b

	// The runes a word can start with, folded too: the ASCII ones as a
	// table, the others listed.
	asciiFirst [utf8.RuneSelf]bool
	otherFirst []rune
}

// wordList options.
const (
	foldCase = 1 << iota
	letterBounds
)

func newWordList(opts int, words string) wordList {
	fold := opts&foldCase != 0
	wl := wordList{words: strings.Fields(words), fold: fold, letterBounds: opts&letterBounds != 0}
	for _, w := range wl.words {
		r, _ := utf8.DecodeRuneInString(w)
		wl.addFirst(r)
		for f := unicode.SimpleFold(r); fold && f != r; f = unicode.SimpleFold(f) {
			wl.addFirst(f)
		}
	}
	return wl
}

func (wl *wordList) addFirst(r rune) {
	if r < utf8.RuneSelf {
		wl.asciiFirst[r] = true
	} else if !slices.Contains(wl.otherFirst, r) {
		wl.otherFirst = append(wl.otherFirst, r)
	}
}

// mayStart reports whether a word may start with r.
func (wl *wordList) mayStart(r rune) bool {
	if r < utf8.RuneSelf {
		return wl.asciiFirst[r]
	}
	return slices.Contains(wl.otherFirst, r)
}

// in reports whether one of the words stands in s.
func (wl *wordList) in(s string) bool {
	prev := rune(-1) // the rune before i, -1 at the start of s
	for i, r := range s {
		if wl.mayStart(r) && wl.startsAt(prev, r) {
			for _, w := range wl.words {
				// Two ASCII characters that differ in more than the
				// case bit are different letters.
				if r < utf8.RuneSelf && w[0] < utf8.RuneSelf && byte(r)|0x20 != w[0]|0x20 {
					continue
				}
				n := wl.prefix(s[i:], w)
				if n == 0 {
					continue
				}
				last, _ := utf8.DecodeLastRuneInString(s[:i+n])
				next := rune(-1)
				if i+n < len(s) {
					next, _ = utf8.DecodeRuneInString(s[i+n:])
				}
				if wl.endsAt(last, next) {
					return true
				}
			}
		}
		prev = r
	}
	return false
}

// startsAt reports whether a word may start between the runes prev and
// r; -1 stands for the start of the text.
func (wl *wordList) startsAt(prev, r rune) bool {
	if wl.letterBounds {
		return prev < 0 || !unicode.IsLetter(prev)
	}
	return isWordChar(prev) != isWordChar(r)
}

// endsAt reports whether a word may end between the runes last and next;
// -1 stands for the end of the text.
func (wl *wordList) endsAt(last, next rune) bool {
	if wl.letterBounds {
		return next < 0 || !unicode.IsLetter(next)
	}
	return isWordChar(last) != isWordChar(next)
}

// prefix returns the length of the text at the start of s that spells w,
// or 0.
func (wl *wordList) prefix(s, w string) int {
	n := 0
	for _, wr := range w {
		if n >= len(s) {
			return 0
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if r != wr && !(wl.fold && foldEqual(r, wr)) {
			return 0
		}
		n += size
	}
	return n
}

// foldEqual reports whether r and s are one letter under simple case
// folding, as (?i) compares them.
func foldEqual(r, s rune) bool {
	for f := unicode.SimpleFold(s); f != s; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// isWordChar is the \w of regular expressions: ASCII letters, digits and
// the underscore.
func isWordChar(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
}

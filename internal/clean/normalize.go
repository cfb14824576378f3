package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/qanda/qanda/internal/words"
)

// Key is the comparison form of a text: NFKC, lower case, letters and
// digits only, words separated by one space. Quote marks, dashes and
// whitespace differences vanish, so echoes printed with small typographic
// differences compare equal.
func Key(s string) string {
	if words.IsASCII(s) {
		k, _, _ := words.ScanASCII(s)
		return k
	}
	return unicodeKey(s)
}

// Tokens splits a text into its comparison words (see Key).
func Tokens(s string) []string {
	if words.IsASCII(s) {
		k, _, _ := words.ScanASCII(s)
		if k == "" {
			return nil
		}
		return strings.Split(k, " ")
	}
	return unicodeTokens(s)
}

// unicodeTokens is Tokens for any text: NFKC first, then letters, digits
// and combining marks make words.
func unicodeTokens(s string) []string {
	s = norm.NFKC.String(s)
	var out []string
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

// unicodeKey is Key for any text: unicodeTokens joined by spaces, written
// as they are found.
func unicodeKey(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		if !isWordRune(r) {
			gap = b.Len() > 0
			continue
		}
		if gap {
			b.WriteByte(' ')
			gap = false
		}
		b.WriteRune(unicode.ToLower(r)) // what strings.ToLower does to each
	}
	return b.String()
}

// isWordRune reports a letter, digit or combining mark: what words are
// made of.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Script is the writing system most letters of a text belong to.
type Script int

// Scripts qanda tells apart; Other covers the rest (Greek, CJK, Arabic, ...).
const (
	NoScript Script = iota
	Latin
	Cyrillic
	Other
)

// scriptOf returns the script of most letters and how many letters there are.
func scriptOf(s string) (Script, int) {
	var lat, cyr, oth int
	for i := 0; i < len(s); {
		// ASCII, nearly all of any text, without decoding or branches:
		// its letters are Latin.
		if c := s[i]; c < utf8.RuneSelf {
			lat += b2i(c|0x20-'a' < 26) // |0x20 lower-cases letters
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		default:
			oth++
		}
	}
	n := lat + cyr + oth
	switch {
	case n == 0:
		return NoScript, 0
	case lat >= cyr && lat >= oth:
		return Latin, n
	case cyr >= oth:
		return Cyrillic, n
	}
	return Other, n
}

// trimClosing trims closing quotes, brackets and spaces off the end of s.
func trimClosing(s string) string {
	// Most texts end in a letter or a stop: nothing to trim or decode.
	if n := len(s); n > 0 && s[n-1] < utf8.RuneSelf && !closing(rune(s[n-1])) {
		return s
	}
	return strings.TrimRightFunc(s, closing)
}

func closing(r rune) bool {
	return strings.ContainsRune(`"'”’»«“)]`, r) || unicode.IsSpace(r)
}

// EndsSentence reports whether a text ends like a sentence (after closing
// quotes and brackets).
func EndsSentence(s string) bool { return words.EndsSentence(s) }

// IsQuestion reports whether a text ends with a question mark (after
// closing quotes and brackets), in any of the scripts qanda reads.
func IsQuestion(s string) bool {
	s = trimClosing(s)
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "?»")
}

// quoted reports whether a whole text stands in quote marks.
func quoted(s string) bool {
	s = strings.TrimSpace(s)
	first, n := utf8.DecodeRuneInString(s)
	if n == len(s) {
		return false // fewer than two characters
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(`"“„«‘'‚‹`, first) && strings.ContainsRune(`"”“»’'‘›`, last)
}

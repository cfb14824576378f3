package words

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// spaceBytes marks the bytes that are a space (1) and those that may
// begin one (2): unicode.IsSpace takes, beyond ASCII, U+0085 and U+00A0
// (0xC2 ...), U+1680 (0xE1 ...), U+2000 to U+205F (0xE2 ...) and U+3000
// (0xE3 ...).
var spaceBytes = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1, 0xC2: 2, 0xE1: 2, 0xE2: 2, 0xE3: 2}

// bylineRe matches a byline: "By Ada Example, Music Editor", "Von Jana
// Beispiel · 14. März 2031", "Par Jean Exemple". A headline that opens so
// goes on in lower case ("Von Menschen und Maschinen").
var bylineRe = regexp.MustCompile(`^(?:By|Von|Par|Por)\s+\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}\s*(?:$|[,|·•–])`)

// Byline reports a line that names the article's author: neither its
// headline, nor a section's heading, nor a speaker.
func Byline(s string) bool { return bylineRe.MatchString(s) }

// Letters counts the letters in s, in any script.
func Letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// Count is len(strings.Fields(s)) without building the fields.
func Count(s string) int {
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
	return countUnicode(s)
}

// countUnicode is Count for any text. Only the runes that may be a space
// are decoded: the bytes of the others are no space, whatever rune they
// belong to.
func countUnicode(s string) int {
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

// IsASCII reports whether s is plain ASCII, the common case that needs no
// Unicode tables or normalisation.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ScanASCII returns, in one pass over an ASCII text, its key (its letters
// and digits lower-cased, each run of them a word, words separated by one
// space), its word count (Count) and its letter count. The loop has no
// branch per byte: spaces and punctuation come too often and too
// irregularly to predict. The result is meaningless for non-ASCII text.
func ScanASCII(s string) (key string, words, letters int) {
	var b strings.Builder
	b.Grow(len(s))
	var buf [256]byte // the key's next bytes, flushed when nearly full
	n := 0
	// 1 or 0: the previous byte was a letter or digit (inWord), was not
	// white space (inText); the key has a word already (wrote).
	inWord, inText, wrote := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := b2i(c|0x20-'a' < 26) // |0x20 lower-cases letters, keeps digits
		word := letter | b2i(c-'0' < 10)
		text := 1 - int(spaceBytes[c]&1)
		words += text &^ inText
		letters += letter
		if n > len(buf)-2 {
			b.Write(buf[:n])
			n = 0
		}
		// A space before a word that follows a gap, then the byte: each
		// is kept by moving past it.
		buf[n] = ' '
		n += word &^ inWord & wrote
		buf[n] = c | 0x20
		n += word
		inWord, inText, wrote = word, text, wrote|word
	}
	b.Write(buf[:n])
	return b.String(), words, letters
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Inline menus. A text dump prints a row of links as one line, the items
// joined by a symbol: "Home | News | Sport | Weather", "• About • Jobs •
// Contact". No one's sentence is three or more short capitalised items
// joined by the same symbol.
const (
	menuMinSeparators = 3
	menuItemMaxWords  = 5
	menuItemMaxBytes  = 60
	// A menu of menuLastItemAfter items or more may end with an item of
	// up to menuLastItemMaxWords words.
	menuLastItemAfter    = 6
	menuLastItemMaxWords = 15
)

// menuSeparators are the symbols that join a menu's items.
const menuSeparators = "|•*·»›>/_"

// InlineMenu reports a line of menu items joined by one separator symbol
// (spaces around it), every item short, none a sentence, most capitalised.
func InlineMenu(s string) bool {
	if !strings.ContainsAny(s, menuSeparators) {
		return false
	}
	for _, sep := range menuSeparators {
		j := " " + string(sep) + " "
		if strings.Count(s, j) < menuMinSeparators {
			continue
		}
		var all []string
		for it := range strings.SplitSeq(strings.TrimSpace(strings.TrimLeft(s, string(sep))), j) {
			if it = strings.TrimSpace(it); it != "" {
				all = append(all, it)
			}
		}
		items, upper := len(all), 0
		ok := true
		for k, it := range all {
			r, _ := utf8.DecodeRuneInString(it)
			if unicode.IsUpper(r) || unicode.IsDigit(r) {
				upper++
			}
			if EndsSentence(it) || !strings.ContainsFunc(it, unicode.IsLetter) {
				ok = false
				break
			}
			// A wrapped dump may join the next line to a long menu's
			// last item: a label or a link's text, no sentence.
			n := len(strings.Fields(it))
			if k == len(all)-1 && k >= menuLastItemAfter && n <= menuLastItemMaxWords {
				continue
			}
			if len(it) > menuItemMaxBytes || n > menuItemMaxWords {
				ok = false
				break
			}
		}
		if ok && items > menuMinSeparators && upper*4 >= items*3 {
			return true
		}
	}
	return false
}

// EndsSentence reports whether a text ends like a sentence, after closing
// quotes and brackets.
func EndsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(`"'”’»«“)]`, r) || unicode.IsSpace(r) })
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && strings.ContainsRune(".!?…;", r)
}

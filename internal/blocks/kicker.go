package blocks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/words"
)

// A text browser prints a kicker (a series' or section's label set in
// lower case above the text) on the paragraph's line with no space before
// it when the page sets it as an inline element: "series name mondayThe
// text begins ...". The join shows as a lower-case word running into a
// capitalised one within the paragraph's first words, where a writer
// never glues two words. The kicker becomes a block of its own, so that
// clean can take it for the chrome it is and leave the paragraph.
const (
	// HintKicker is the Chrome hint of a kicker split off its paragraph.
	HintKicker = "kicker"

	kickerMaxWords = 6  // the most words of a glued kicker
	kickerMinRest  = 20 // the fewest words of the paragraph after it
	kickerMinStem  = 3  // the fewest lower-case letters before the join
)

// splitKickers splits every paragraph that opens with a glued kicker.
func splitKickers(out []Block) []Block {
	var res []Block
	for i, b := range out {
		k := -1
		if b.Kind == Paragraph {
			k = kickerEnd(b.Text)
		}
		if k < 0 {
			if res != nil {
				res = append(res, b)
			}
			continue
		}
		if res == nil {
			res = append(make([]Block, 0, len(out)+1), out[:i]...)
		}
		kicker, rest := b, b
		kicker.Text, kicker.Chrome = b.Text[:k], HintKicker
		rest.Text = b.Text[k:]
		rest.Offset = b.Offset + k
		res = append(res, kicker, rest)
	}
	if res == nil {
		return out
	}
	return res
}

// kickerEnd returns the byte offset in s where a glued kicker ends and the
// paragraph starts, or -1: two to kickerMaxWords words of lower-case
// letters, the last running into a capitalised word, over a paragraph of
// kickerMinRest words or more that ends like a sentence.
func kickerEnd(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) || strings.Count(s, " ") < kickerMinRest {
		return -1
	}
	if !words.EndsSentence(s) {
		return -1
	}
	start := 0
	for w := 1; w <= kickerMaxWords; w++ {
		end := strings.IndexByte(s[start:], ' ')
		if end < 0 {
			return -1
		}
		word := s[start : start+end]
		if j := gluedAt(word); j > 0 {
			if w < 2 {
				return -1
			}
			return start + j
		}
		for _, r := range word {
			if !unicode.IsLower(r) {
				return -1
			}
		}
		start += end + 1
	}
	return -1
}

// gluedAt returns where, in word, kickerMinStem or more lower-case letters
// run into a capital followed by a lower-case letter ("mondayThe"), or -1.
func gluedAt(word string) int {
	lower := 0
	for i, r := range word {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r) && lower >= kickerMinStem && lower == utf8.RuneCountInString(word[:i]):
			n, _ := utf8.DecodeRuneInString(word[i+utf8.RuneLen(r):])
			if unicode.IsLower(n) {
				return i
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

package source

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Controls counts the control characters removed from a document's text,
// by code point.
type Controls map[rune]int

// Add counts c's characters in k.
func (k Controls) Add(c Controls) {
	for r, n := range c {
		k[r] += n
	}
}

// Runes returns the removed code points in ascending order.
func (k Controls) Runes() []rune { return slices.Sorted(maps.Keys(k)) }

// ControlName is how a removed control character is named in the ledger:
// "U+001B", never the character itself, which a terminal would act on.
func ControlName(r rune) string { return fmt.Sprintf("U+%04X", r) }

// removable reports C0 controls other than tab and the line breaks, DEL
// and the C1 controls. Page text never needs them, and printed raw they
// are terminal commands (ESC starts one: clear the screen, or, in some
// terminals, write to the clipboard).
func removable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == '\f', r == '\v':
		return false
	case r < 0x20, r == 0x7f:
		return true
	}
	return 0x80 <= r && r <= 0x9f
}

// breaks are the line breaks other than "\n": they stay line breaks, as
// "\n", so that only tab and newline remain in the text.
var breaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n", "\v", "\n")

// StripControls returns s without control characters other than tab and
// newline, and what it removed (nil if nothing). CR, CRLF, form feed and
// vertical tab become newlines (white space, so not counted). s must be
// valid UTF-8; s is returned itself when there is nothing to change.
func StripControls(s string) (string, Controls) {
	if clean(s) {
		return s, nil
	}
	s = breaks.Replace(s)
	var k Controls
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if removable(r) {
			if k == nil {
				k = Controls{}
			}
			k[r]++
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String(), k
}

// clean is the fast path: no byte that could start a control character
// other than tab and newline. C1 controls are U+0080 to U+009F, encoded
// 0xC2 0x80 to 0xC2 0x9F.
func clean[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if !suspect[s[i]] {
			continue
		}
		if s[i] != 0xc2 || i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			return false
		}
	}
	return true
}

// suspect marks the bytes clean must look at: C0 controls but tab and
// newline, DEL, and 0xC2, which may open a C1 control. A table: one load
// per byte of a 50 MiB page.
var suspect = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n'
	}
	t[0x7f], t[0xc2] = true, true
	return t
}()

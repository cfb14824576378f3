package blocks

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is the structural role a block had in the source.
type Kind string

// Block kinds. Text dumps only yield Paragraph, Heading (never: a dump has no
// markup, so headings are inferred later) and ListItem.
const (
	Paragraph Kind = "paragraph"
	Heading   Kind = "heading"
	ListItem  Kind = "list-item"
	Quote     Kind = "quote"
	Caption   Kind = "caption"
	Credit    Kind = "credit"
	Pre       Kind = "pre"
	Cell      Kind = "cell"
)

// Block is one unit of text in reading order.
type Block struct {
	ID       string  // "b1", "b2", ... in reading order
	Kind     Kind    // structural role in the source
	Text     string  // source text, whitespace collapsed, otherwise verbatim
	Level    int     // heading level 1-6; 0 for other kinds
	Emphasis float64 // share of the text inside b/strong (0..1)
	Italic   float64 // share of the text inside i/em (0..1)
	// Lead counts the non-space runes at the start of Text set in bold or
	// italic, up to the first that is in neither: a run-in question
	// ("<p><b>Why?</b> Because ...</p>"). 0 for text dumps.
	Lead        int
	Path        string  // CSS-like path of the element, e.g. "body>div.article>p"
	LinkDensity float64 // share of the text inside links (0..1)
	Offset      int     // byte offset of the block in the body (text) or element order (HTML)
	Chrome      string  // why the HTML suggests page chrome ("nav", "footer", "hidden", ...); empty if none
	Bullet      string  // the list bullet a text dump put before the item, if any
	// Joined: in a text dump, the block's first line follows the line
	// before with no blank line between, as a browser prints a paragraph
	// broken by <br> ("Question?" on one line, its answer on the next).
	Joined bool

	// Elem is, in HTML, the element the block's text was written in; nil
	// for text dumps.
	Elem *Element
}

// Element is one HTML element that holds blocks, with the elements around
// it up to <html>. Blocks of one page share their Element values, so blocks
// can be grouped by any common container (pointer identity). Read only.
type Element struct {
	Tag    string // lower-case tag name
	Class  string // the class attribute, as written
	IDAttr string // the id attribute
	Style  string // the style and data-* attributes, "name=value" joined by ";": how page builders mark roles
	Main   bool   // the page marks it as the main content: <main>, role=main, itemprop=articleBody
	// HasMedia: an image, figure or video lies inside (anywhere before or
	// after the block's text).
	HasMedia bool
	Depth    int      // 0 for the outermost element
	Parent   *Element // nil for the outermost element
}

// ID returns the conventional ID of the block at index i.
func ID(i int) string { return "b" + strconv.Itoa(i+1) }

// Collapse folds every run of Unicode white space to one space and trims the
// ends. It is the only change qanda makes to source text.
func Collapse(s string) string {
	if collapsed(s) {
		// Most text is already in shape; returning it saves a copy.
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// collapsed reports whether Collapse would return s unchanged: no space at
// either end, and no white space but single ASCII spaces between words.
func collapsed(s string) bool {
	prevSpace := true // a space at the start is not allowed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			return false
		}
		if r == utf8.RuneError && n == 1 {
			// WriteRune would turn an invalid byte into U+FFFD.
			return false
		}
		prevSpace = false
		i += n
	}
	return !prevSpace || s == ""
}

// splitTimestamps gives the recording time that opens a turn ("[00:12:06]
// NAME: ...", "(12:06) Q: ...") a block of its own with the chrome hint
// "timestamp": it is the turn's metadata, listed in removed, not part of
// the question or the answer, and the label after it starts its block as
// a label must.
func splitTimestamps(out []Block) []Block {
	n := 0
	for i := range out {
		if mayTimestamp(out[i].Text) && turnTimestamp.MatchString(out[i].Text) {
			n++
		}
	}
	if n == 0 {
		return out
	}
	res := make([]Block, 0, len(out)+n)
	for _, b := range out {
		if !mayTimestamp(b.Text) {
			res = append(res, b)
			continue
		}
		loc := turnTimestamp.FindStringIndex(b.Text)
		if loc == nil {
			res = append(res, b)
			continue
		}
		stamp, rest := strings.TrimSpace(b.Text[:loc[1]]), strings.TrimSpace(b.Text[loc[1]:])
		t := b
		t.Text, t.Chrome, t.Emphasis, t.Italic, t.Lead, t.LinkDensity = stamp, hintTimestamp, 0, 0, 0, 0
		res = append(res, t)
		if rest != "" {
			b.Text = rest
			res = append(res, b)
		}
	}
	return res
}

// mayTimestamp is a cheap test before turnTimestamp.
func mayTimestamp(s string) bool {
	return s != "" && (s[0] == '[' || s[0] == '(' || '0' <= s[0] && s[0] <= '9')
}

package qanda

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"github.com/qanda/qanda/pkg/source"
	"golang.org/x/net/html/atom"
)

// htmlText is the text of an HTML page without its tree, for pages the
// parser cannot or should not build (see Options.MaxDepth): the tokenizer
// keeps no stack of open elements, so nesting costs nothing. Block
// elements end paragraphs, <br> ends a line, white space inside a
// paragraph collapses as a browser collapses it, and the content of
// script, style, template, noscript and title elements is left out, as
// the HTML path leaves it out.
func htmlText(body []byte) string {
	var b strings.Builder
	z := html.NewTokenizer(bytes.NewReader(body))
	skip := atom.Atom(0) // the element whose content is being left out
	space := false       // white space is pending between two words
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip != 0 {
				continue
			}
			t := string(z.Text())
			if strings.TrimSpace(t) == "" {
				space = space || t != ""
				continue
			}
			// Words split by an inline tag ("<b>Why</b>?") stay together;
			// white space on either side of a tag separates them.
			if (space || isSpace(t[0])) && !lineStart(&b) {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(strings.Fields(t), " "))
			space = isSpace(t[len(t)-1])
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if tt == html.EndTagToken && a == skip {
					skip = 0
				}
				continue
			}
			switch {
			case tt == html.StartTagToken && (a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Noscript || a == atom.Title):
				skip = a
			case a == atom.Br:
				b.WriteByte('\n')
				space = false
			case blockLevel[a]:
				if !lineStart(&b) {
					b.WriteByte('\n')
				}
				if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n\n") {
					b.WriteByte('\n')
				}
				space = false
			}
		}
	}
}

// lineStart says whether b is empty or ends a line.
func lineStart(b *strings.Builder) bool {
	return b.Len() == 0 || strings.HasSuffix(b.String(), "\n")
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// blockLevel are the elements that start or end a paragraph.
var blockLevel = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Main: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Form: true, atom.Address: true, atom.Body: true, atom.Html: true,
}

// depth returns how deeply elements nest below n.
func depth(n *html.Node) int {
	deepest := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		deepest = max(deepest, depth(c))
	}
	if n.Type == html.ElementNode {
		deepest++
	}
	return deepest
}

// refersToControls says whether body has a numeric character reference
// that may decode to a control character (&#27;, &#x9b;): package source
// took the raw ones out of the bytes, and no named reference is a control
// other than tab and newline, so without one the tree holds none and
// stripControls can be spared. It errs on the side of yes.
func refersToControls(body []byte) bool {
	for rest := body; ; {
		i := bytes.Index(rest, []byte("&#"))
		if i < 0 {
			return false
		}
		rest = rest[i+2:]
		base := 10
		if len(rest) > 0 && rest[0]|0x20 == 'x' {
			base, rest = 16, rest[1:]
		}
		v, n := 0, 0
		for ; n < len(rest) && n < 8; n++ {
			d := digit(rest[n], base)
			if d < 0 {
				break
			}
			v = v*base + d
		}
		if n > 0 && (v < 0x20 || 0x7f <= v && v <= 0x9f) {
			return true
		}
	}
}

// digit is c's value as a digit in base 10 or 16, or -1.
func digit(c byte, base int) int {
	switch l := c | 0x20; {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case base == 16 && 'a' <= l && l <= 'f':
		return int(l-'a') + 10
	}
	return -1
}

// stripControls removes control characters from every text and attribute
// of the tree: character references (&#27;) put back what package source
// removed from the bytes. Counted in k.
func stripControls(n *html.Node, k source.Controls) {
	for n := range n.Descendants() {
		if n.Type == html.TextNode || n.Type == html.CommentNode {
			var c source.Controls
			n.Data, c = source.StripControls(n.Data)
			k.Add(c)
		}
		for i := range n.Attr {
			var c source.Controls
			n.Attr[i].Val, c = source.StripControls(n.Attr[i].Val)
			k.Add(c)
		}
	}
}

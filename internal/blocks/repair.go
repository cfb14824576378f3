package blocks

import (
	"bytes"
	"fmt"
	"regexp"

	"golang.org/x/net/html"
)

// maxRepairs bounds how many swallowing elements Repair closes in one page;
// each repair re-tokenizes the page, so the bound keeps it near-linear.
const maxRepairs = 8

// Repair is one swallowing element that RepairHTML closed.
type Repair struct {
	Element string // "title", "textarea", ..., or "comment"
	Offset  int    // byte offset of its start tag in the original page
	Swallow int    // bytes of page it had swallowed
}

// String says what was repaired, for a document's warnings.
func (r Repair) String() string {
	what := "<" + r.Element + ">"
	if r.Element == "comment" {
		what = "comment <!--"
	}
	return fmt.Sprintf("an unclosed %s at byte %d swallowed %d bytes of markup; it was closed before the first tag, as lenient parsers do",
		what, r.Offset, r.Swallow)
}

// rawElements are the elements whose content an HTML5 parser reads as raw
// text up to their end tag, so one left unclosed hides the rest of the page.
// noframes is left out: its normal content is a whole alternative <body>.
var rawElements = map[string]bool{
	"title": true, "textarea": true, "xmp": true, "noscript": true, "style": true,
	"script": true, "iframe": true, "noembed": true, "plaintext": true,
}

// pageStructure matches tags that only the page itself has, never the text
// of a title or the code of a script: the end of the head, the body.
var pageStructure = regexp.MustCompile(`(?i)</head\s*>|<body[\s>]|</body\s*>|</html\s*>`)

// blockTag matches an opening block-level tag: markup of page content.
var blockTag = regexp.MustCompile(`(?i)<(p|div|h[1-6]|li|ul|ol|table|tr|td|article|section|main|header|footer|nav|br|hr|img|a)[\s/>]`)

// anyTag matches the start of any tag, comment or doctype.
var anyTag = regexp.MustCompile(`<[a-zA-Z/!]`)

// minBlockTags is how many block tags an unclosed element's content must
// hold to count as swallowed page: one or two are a fallback message.
const minBlockTags = 3

// RepairHTML finds elements that swallow the rest of the page in an HTML5
// parser (an unclosed <title>, <textarea>, <xmp>, <noscript>, <script> or
// <style>, or a comment without its "-->") and closes each before the first
// tag of the markup it swallowed, then looks again. It returns body itself
// when nothing needed repair. The content counts as swallowed page when it
// holds the page's own structure (</head>, <body>, </body>) or, for an
// element left open to the end of the page, several block tags. A script
// or style counts only when a tag of the page's structure begins one of its
// lines, because code and data hold markup in strings.
func RepairHTML(body []byte) ([]byte, []Repair) {
	var done []Repair
	shift := 0 // bytes inserted so far, to report offsets in the original
	for len(done) < maxRepairs {
		if !mayNeedRepair(body) {
			break
		}
		r, at, closer, ok := findSwallow(body)
		if !ok {
			break
		}
		fixed := make([]byte, 0, len(body)+len(closer))
		fixed = append(fixed, body[:at]...)
		fixed = append(fixed, closer...)
		fixed = append(fixed, body[at:]...)
		body = fixed
		r.Offset -= shift
		shift += len(closer)
		done = append(done, r)
	}
	return body, done
}

// findSwallow returns the first swallowing element of body, the offset at
// which to close it, and the closing markup.
func findSwallow(body []byte) (Repair, int, string, bool) {
	z := html.NewTokenizer(bytes.NewReader(body))
	off := 0
	openName, openAt := "", 0
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			return Repair{}, 0, "", false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			openName, openAt = "", 0
			if rawElements[string(name)] {
				openName, openAt = string(name), start
			}
			continue
		case html.TextToken:
			if openName != "" {
				if at, ok := swallowCut(openName, raw, off == len(body)); ok {
					r := Repair{Element: openName, Offset: openAt, Swallow: len(raw) - at}
					return r, start + at, "</" + openName + ">", true
				}
			}
		case html.CommentToken:
			if off == len(body) && !bytes.HasSuffix(raw, []byte("-->")) && swallowed(raw, true) {
				// A comment that runs to the end of the page: old
				// browsers ended it at its first '>'.
				if gt := bytes.IndexByte(raw, '>'); gt >= 0 {
					r := Repair{Element: "comment", Offset: start, Swallow: len(raw) - gt - 1}
					return r, start + gt + 1, "-->", true
				}
			}
		}
		openName = ""
	}
}

// swallowCut decides whether the raw text content of element name is
// swallowed page and where to close it. toEnd says the content runs to the
// end of the page (the element was never closed).
func swallowCut(name string, content []byte, toEnd bool) (int, bool) {
	if name == "script" || name == "style" {
		// Code and data hold markup in strings (document.write, an
		// articleBody of "<body><p>..."); the page's own structure
		// starts a line.
		if !lineStartStructure(content) {
			return 0, false
		}
		return lineStartTag(content), true
	}
	if !swallowed(content, toEnd) {
		return 0, false
	}
	loc := anyTag.FindIndex(content)
	if loc == nil {
		return 0, false
	}
	return loc[0], true
}

// swallowed says whether content holds page markup: the page's structure,
// or (when blockTags) several block-level tags.
func swallowed(content []byte, blockTags bool) bool {
	if pageStructure.Match(content) {
		return true
	}
	return blockTags && len(blockTag.FindAllIndex(content, minBlockTags)) >= minBlockTags
}

// lineStartStructure says whether a tag of the page's structure begins a
// line of b.
func lineStartStructure(b []byte) bool {
	for _, loc := range pageStructure.FindAllIndex(b, -1) {
		if atLineStart(b, loc[0]) {
			return true
		}
	}
	return false
}

// atLineStart says whether only spaces or tabs stand between b[i] and the
// start of its line.
func atLineStart(b []byte, i int) bool {
	i--
	for i >= 0 && (b[i] == ' ' || b[i] == '\t') {
		i--
	}
	return i < 0 || b[i] == '\n' || b[i] == '\r'
}

// lineStartTag returns the offset of the first tag that begins a line
// (after white space only), or -1.
func lineStartTag(b []byte) int {
	for _, loc := range anyTag.FindAllIndex(b, -1) {
		if atLineStart(b, loc[0]) {
			return loc[0]
		}
	}
	return -1
}

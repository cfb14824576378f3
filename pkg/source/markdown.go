package source

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// markdownWindow is how much of a document Markdown sniffing reads.
const markdownWindow = 64 << 10

// Markdown syntax that a text dump of a page does not have: a browser's
// text rendering prints the words of bold spans, headings and links, never
// their markers.
var (
	mdHeading = regexp.MustCompile(`^#{1,6}[ \t]+\S`)
	mdStrong  = regexp.MustCompile(`\*\*[^\s*][^*\n]*\*\*|(?:^|[^\w])__[^\s_][^_\n]*__`)
	mdLink    = regexp.MustCompile(`\[[^\]\n]+\]\((?:https?://|/|#|\./|mailto:)[^)\s]*(?:\s+"[^"\n]*")?\)`)
	mdList    = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S`)
)

// markdownEvidence counts the Markdown constructs in the lines of data.
type markdownEvidence struct{ headings, strong, links, lists int }

func sniffMarkdown(data []byte) markdownEvidence {
	var e markdownEvidence
	data = data[:min(len(data), markdownWindow)]
	fence := false
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte("```")) {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if mdHeading.Match(line) {
			e.headings++
		}
		if mdList.Match(line) {
			e.lists++
		}
		e.strong += len(mdStrong.FindAllIndex(line, -1))
		e.links += len(mdLink.FindAllIndex(line, -1))
	}
	return e
}

// isMarkdown says whether data, which is not HTML, is a Markdown document
// rather than a text dump: several bold spans (the "**Name:**" of a
// transcript), or two kinds of Markdown syntax together (headings, bold,
// links, lists). List markers alone do not count: text dumps print "* "
// and "1. " too.
func isMarkdown(data []byte) bool {
	e := sniffMarkdown(data)
	if e.strong >= 3 {
		return true
	}
	kinds := 0
	for _, n := range []int{e.headings, e.strong, e.links} {
		if n > 0 {
			kinds++
		}
	}
	if e.lists >= 2 && kinds > 0 {
		kinds++
	}
	return kinds >= 2 && e.headings+e.strong+e.links >= 2
}

// markdownName says whether a file name has a Markdown extension (.md,
// .markdown, also with .gz).
func markdownName(name string) bool {
	ext := strings.ToLower(path.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	return ext == ".md" || ext == ".markdown"
}

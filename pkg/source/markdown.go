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
	// A name in underscores ("__init__", "__user__") is a program's or a
	// user's name, not emphasis someone typed.
	mdDunder = regexp.MustCompile(`__[A-Za-z0-9_]+__$`)
	// What a text browser prints and Markdown does not: its bullets, its
	// drawn rules and its empty input boxes.
	dumpMark = regexp.MustCompile(`^\s*[•◦▪□] |━━━|───|\[ {3,}\]`)
)

// dumpMarksMin is the fewest text-browser marks that outweigh Markdown's.
const dumpMarksMin = 3

// markdownEvidence counts the Markdown constructs in the lines of data.
type markdownEvidence struct{ headings, strong, links, lists, dump int }

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
		if dumpMark.Match(line) {
			e.dump++
		}
		for _, m := range mdStrong.FindAll(line, -1) {
			if !mdDunder.Match(m) {
				e.strong++
			}
		}
		e.links += len(mdLink.FindAllIndex(line, -1))
	}
	return e
}

// isMarkdown says whether data, which is not HTML, is a Markdown document
// rather than a text dump: several bold spans (the "**Name:**" of a
// transcript), or two kinds of Markdown syntax together (headings, bold,
// links, lists). List markers alone do not count: text dumps print "* "
// and "1. " too. A text browser's own marks (its "•" bullets, drawn rules,
// empty input boxes) twice as often as Markdown's say it is a dump whose
// page text happens to hold a few "#" or "**".
func isMarkdown(data []byte) bool {
	e := sniffMarkdown(data)
	if e.dump >= dumpMarksMin && e.dump >= 2*(e.headings+e.strong+e.links) {
		return false
	}
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

package blocks

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// timestampRole marks the paragraph MarkdownHTML moves a turn's timestamp
// into. It is no ARIA role, so no page carries it; FromHTML turns it into
// the chrome hint "timestamp", and the timestamp is listed in removed.
const timestampRole = "qanda-timestamp"

// hintTimestamp is the chrome hint (and removal reason) of a turn's
// timestamp.
const hintTimestamp = "timestamp"

// turnTimestamp matches a recording time at the start of a turn:
// "[12:06]", "(00:12:06)", "[1:02:03.5]", or a bare "00:12:06". A bare
// "12:06" is left alone: it may be a time of day in the text.
var turnTimestamp = regexp.MustCompile(`^(?:\[(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?\]|\((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?\)|\d{1,2}:\d{2}:\d{2})(?:\s|$)`)

// MarkdownHTML renders a Markdown document (CommonMark with GFM tables and
// strikethrough) as an HTML page, so that it is read like any page:
// **bold** and headings become the same style signals. Raw HTML in the
// Markdown is passed through, because its text is the document's. A
// timestamp that opens a turn ("[12:06] **Host:** ...") is moved into a
// paragraph of its own before the turn, marked so that it is removed as
// "timestamp" rather than read as part of the question or answer.
func MarkdownHTML(src []byte) ([]byte, error) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(timestampMover{}, 100))),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
	)
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><article>\n")
	if err := md.Convert(src, &b); err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	b.WriteString("</article></body></html>\n")
	return b.Bytes(), nil
}

// timestampMover moves the timestamp that opens a paragraph or list item
// into a paragraph of its own.
type timestampMover struct{}

func (timestampMover) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var paras []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock) {
			paras = append(paras, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		moveTimestamp(p, src)
	}
}

// moveTimestamp looks for the timestamp at the start of p, inside a
// leading bold label ("**[12:06] Host:**") or right after it
// ("**Host:** [12:06] ...").
func moveTimestamp(p ast.Node, src []byte) {
	first := p.FirstChild()
	if first == nil {
		return
	}
	var seg text.Segment
	ok := false
	if _, isEm := first.(*ast.Emphasis); isEm {
		seg, ok = cutTimestamp(first, first.FirstChild(), src)
		if !ok {
			seg, ok = cutTimestamp(p, first.NextSibling(), src)
		}
	} else {
		seg, ok = cutTimestamp(p, first, src)
	}
	if !ok {
		return
	}
	ts := ast.NewParagraph()
	ts.SetAttributeString("role", []byte(timestampRole))
	ts.AppendChild(ts, ast.NewTextSegment(seg))
	parent := p.Parent()
	parent.InsertBefore(parent, p, ts)
}

// cutTimestamp removes a timestamp from the run of text nodes that starts
// at n (a child of parent), and returns its source segment. Spaces after it
// stay in the text and are collapsed later.
func cutTimestamp(parent, n ast.Node, src []byte) (text.Segment, bool) {
	// The inline parser may split "[12:06]" into "[" and "12:06]":
	// join the text nodes that follow each other in the source.
	var run []*ast.Text
	start, stop := -1, -1
	for c := n; c != nil; c = c.NextSibling() {
		t, isText := c.(*ast.Text)
		if !isText || (stop >= 0 && t.Segment.Start != stop) {
			break
		}
		if start < 0 {
			start = t.Segment.Start
		}
		stop = t.Segment.Stop
		run = append(run, t)
		if t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
	}
	if len(run) == 0 {
		return text.Segment{}, false
	}
	s := src[start:stop]
	lead := len(s) - len(bytes.TrimLeft(s, " \t"))
	loc := turnTimestamp.FindIndex(s[lead:])
	if loc == nil {
		return text.Segment{}, false
	}
	tsLen := len(bytes.TrimRight(s[lead:lead+loc[1]], " \t\r\n"))
	cut := start + lead + tsLen
	for _, t := range run {
		switch {
		case t.Segment.Stop <= cut:
			parent.RemoveChild(parent, t)
		case t.Segment.Start < cut:
			t.Segment = t.Segment.WithStart(cut)
		}
	}
	return text.NewSegment(start+lead, cut), true
}

package blocks

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
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
// "timestamp" rather than read as part of the question or answer. An
// image followed by a short line wholly in italics is a figure with its
// caption, as HTML writes it (<figure><img><figcaption>).
func MarkdownHTML(src []byte) ([]byte, error) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(
			util.Prioritized(timestampMover{}, 100),
			util.Prioritized(figureMaker{}, 200),
		)),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe(),
			renderer.WithNodeRenderers(util.Prioritized(figureRenderer{}, 100))),
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

// captionMaxWords is the longest italic line after an image taken for its
// caption; a longer one is text set in italics.
const captionMaxWords = 40

// kindFigure and kindFigcaption are the nodes figureMaker makes.
var (
	kindFigure     = ast.NewNodeKind("QandaFigure")
	kindFigcaption = ast.NewNodeKind("QandaFigcaption")
)

type figureNode struct{ ast.BaseBlock }

func (n *figureNode) Kind() ast.NodeKind { return kindFigure }

func (n *figureNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type figcaptionNode struct{ ast.BaseBlock }

func (n *figcaptionNode) Kind() ast.NodeKind { return kindFigcaption }

func (n *figcaptionNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// figureMaker turns an image and the italic line right after it (in the
// image's paragraph after a line break, or in the next paragraph) into a
// figure with its caption. The line must be short, wholly in italics (one
// *...* or _..._ span, not bold: a bold line is a question in many
// interviews) and no question.
type figureMaker struct{}

func (figureMaker) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			paras = append(paras, p)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		if p.Parent() == nil {
			continue // already moved into a figure
		}
		images, rest := imageRun(p, src)
		if images == 0 {
			continue
		}
		var em ast.Node // the caption's emphasis
		next, _ := p.NextSibling().(*ast.Paragraph)
		switch {
		case rest != nil:
			em = captionSpan(rest, src)
		case next != nil:
			if em = captionSpan(next.FirstChild(), src); em != nil && next.FirstChild() != em {
				em = nil
			}
		}
		if em == nil {
			continue
		}
		parent := p.Parent()
		fig := &figureNode{}
		parent.InsertBefore(parent, p, fig)
		parent.RemoveChild(parent, p)
		fig.AppendChild(fig, p)
		capt := &figcaptionNode{}
		if rest != nil {
			for c := rest; c != nil; {
				nc := c.NextSibling()
				p.RemoveChild(p, c)
				if c == em {
					capt.AppendChild(capt, c)
				}
				c = nc
			}
		} else {
			parent.RemoveChild(parent, next)
			capt.AppendChild(capt, em)
		}
		fig.AppendChild(fig, capt)
	}
}

// imageRun counts the images (bare or linked) that open paragraph p, with
// only spaces between them, and returns the first node after them when a
// line break separates it from the images (nil when p holds images only).
// It returns 0 when p holds anything else.
func imageRun(p ast.Node, src []byte) (int, ast.Node) {
	n := 0
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			n++
		case *ast.Link:
			if _, ok := c.FirstChild().(*ast.Image); !ok || c.FirstChild().NextSibling() != nil {
				return 0, nil
			}
			n++
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) != 0 {
				return 0, nil
			}
			if (c.SoftLineBreak() || c.HardLineBreak()) && n > 0 && c.NextSibling() != nil {
				return n, c.NextSibling()
			}
		default:
			return 0, nil
		}
	}
	return n, nil
}

// captionSpan returns n when it is the last node of its paragraph (spaces
// aside) and a short italic span that asks no question.
func captionSpan(n ast.Node, src []byte) ast.Node {
	em, ok := n.(*ast.Emphasis)
	if !ok || em.Level != 1 {
		return nil
	}
	for c := em.NextSibling(); c != nil; c = c.NextSibling() {
		t, isText := c.(*ast.Text)
		if !isText || len(bytes.TrimSpace(t.Segment.Value(src))) != 0 {
			return nil
		}
	}
	txt := bytes.TrimSpace(inlineText(em, src))
	if len(txt) == 0 || len(bytes.Fields(txt)) > captionMaxWords || bytes.HasSuffix(txt, []byte("?")) {
		return nil
	}
	return em
}

// inlineText is the text of an inline node's text descendants.
func inlineText(n ast.Node, src []byte) []byte {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b = append(b, t.Segment.Value(src)...)
			if t.SoftLineBreak() || t.HardLineBreak() {
				b = append(b, ' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b
}

// figureRenderer writes figureMaker's nodes as <figure> and <figcaption>.
type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	tag := func(name string) renderer.NodeRendererFunc {
		return func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				_, _ = w.WriteString("<" + name + ">")
			} else {
				_, _ = w.WriteString("</" + name + ">\n")
			}
			return ast.WalkContinue, nil
		}
	}
	reg.Register(kindFigure, tag("figure"))
	reg.Register(kindFigcaption, tag("figcaption"))
}

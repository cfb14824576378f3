package blocks

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/qanda/qanda/internal/cancel"
)

// maxPathDepth is how many ancestors Block.Path names above the element:
// enough to tell an article's paragraphs from a teaser's, short enough to
// stay cheap.
const maxPathDepth = 6

// FromHTML splits a parsed page into blocks in reading order, in one walk over
// the DOM. Block elements (p, h1-h6, li, blockquote, figcaption, pre, td, ...)
// start blocks; text written directly inside a container such as a div
// becomes an "anonymous" block of its own. A <br><br> ends a block; a single
// <br> does too when it separates a fully bold line from a line that is not
// (a bold question followed by its answer in the same paragraph), and is a
// space otherwise. Page chrome is only hinted at in Block.Chrome.
func FromHTML(doc *goquery.Document) []Block { return FromHTMLDone(doc, nil) }

// stopWalk is the panic with which a walker abandons a page once its done
// channel is closed (the walk is recursive); FromHTMLDone recovers it.
type stopWalk struct{}

// FromHTMLDone is FromHTML that gives up, returning nil, soon after done
// is closed.
func FromHTMLDone(doc *goquery.Document, done <-chan struct{}) (out []Block) {
	if doc == nil {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stopWalk); !ok {
				panic(r)
			}
			out = nil
		}
	}()
	w := &walker{classes: map[string]classInfo{}, check: cancel.New(done)}
	for _, n := range doc.Nodes {
		w.findOpened(n, false)
	}
	for _, n := range doc.Nodes {
		w.walk(n, nil)
	}
	w.withdrawWrappers()
	out = splitTimestamps(w.out)
	setIDs(out)
	return out
}

// setIDs numbers the blocks. The IDs are slices of one string: one
// allocation per page instead of one per block.
func setIDs(out []Block) {
	if len(out) == 0 {
		return
	}
	all := make([]byte, 0, len(out)*len(ID(len(out)-1)))
	ends := make([]int, len(out))
	for i := range out {
		all = append(all, 'b')
		all = strconv.AppendInt(all, int64(i+1), 10)
		ends[i] = len(all)
	}
	s, start := string(all), 0
	for i := range out {
		out[i].ID = s[start:ends[i]]
		start = ends[i]
	}
}

// frame is one open element during the walk.
type frame struct {
	node       *html.Node
	parent     *frame
	chrome     string // the nearest chrome hint of this element or an ancestor
	chromeSrc  *frame // the element the hint came from
	soft       bool   // this element's own hint comes from a class, id or <form>: withdrawn if it holds <main>
	layout     bool   // ... and names what sits beside the article or the menus: withdrawn if it holds the article's text
	holdsMain  bool   // a <main> or articleBody element lies inside this element
	inMain     bool   // this element is or lies inside a <main> or articleBody element
	main       bool   // this element is a <main> or articleBody element (Element.Main)
	inArticle  bool   // inside <article> or <main>: a <header> there is the article's
	hasMedia   bool   // an image, figure or video lies inside this element
	scored     bool   // textIn counts: the element holds paragraph text (it may be 0)
	holdsText  bool   // the element is or holds the one with the most paragraph text
	keep       bool   // a descendant's frame is kept after the walk, so this one is too
	kind       Kind   // kind of text written directly in this element
	level      int
	b          *builder // the block the element's text goes to; own for block elements
	firstClass string   // the first name in the class attribute, for Block.Path
	path       string   // Block.Path, built on first use
	elem       *Element // Block.Elem, built on first use
	serial     int      // walk position, for deterministic ties
	textIn     int      // paragraph text (runes outside links) in this element, if scored
}

// piece is one line of a block's text: what lies between two <br>.
type piece struct {
	start, end int // range in builder.buf
	chars      int // non-space runes
	bold       int
	italic     int
	link       int
	lead       int  // non-space runes in bold or italic before the first that is in neither
	plain      bool // a rune in neither bold nor italic has been seen
	leadEnd    int  // end of the lead in builder.buf
	offset     int  // walk position of the first text
	breaks     int  // <br> elements after the line
}

// builder gathers the text of one block element until it is flushed.
type builder struct {
	buf    []byte
	lines  []piece
	cur    piece
	hidden int // walker.hidden when the element opened: deeper hidden inlines are skipped
}

type walker struct {
	out      []Block
	chromeBy []*frame // per block: the element that gave its chrome hint
	pos      int      // nodes seen so far; becomes Block.Offset
	check    *cancel.Check
	bold     int // depth of open b/strong (or bold-styled) elements
	italic   int
	link     int
	hidden   int                  // depth of open hidden inline elements
	scored   []*frame             // the elements with frame.scored set
	marked   bool                 // the page marks its article with <main> or articleBody
	classes  map[string]classInfo // per distinct class attribute value on the page
	opened   map[string]bool      // ids of elements that visible links open (see findOpened)

	// Allocation pools. Block elements nest, so the builders of the open
	// ones form a stack and are reused once flushed; frames and Elements
	// are carved out of chunks rather than allocated one by one, and the
	// frames of closed elements that nothing refers to are reused.
	builders []*builder
	open     int // builders in use
	frames   []frame
	free     []*frame
	elems    []Element
	scratch  []byte // collapsed text of the block being emitted
}

// findOpened collects the ids of the elements that visible links and
// buttons open: "#id" in an href or a data-target, ids in aria-controls. A
// hidden element such a link opens is content the reader asks for (a
// footnote pop-up, a collapsed box), not chrome; menus and cookie dialogs
// it opens are still chrome by their own hints.
func (w *walker) findOpened(n *html.Node, hidden bool) {
	if n.Type == html.ElementNode {
		if skipped(n) {
			return
		}
		a := w.readAttrs(n)
		hidden = hidden || hiddenElement(n, &a)
		if !hidden {
			for _, at := range n.Attr {
				switch at.Key {
				case "href", "data-target", "data-bs-target", "data-href":
					if len(at.Val) > 1 && at.Val[0] == '#' {
						w.addOpened(at.Val[1:])
					}
				case "aria-controls":
					for _, id := range strings.Fields(at.Val) {
						w.addOpened(id)
					}
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.findOpened(c, hidden)
	}
}

func (w *walker) addOpened(id string) {
	if w.opened == nil {
		w.opened = map[string]bool{}
	}
	w.opened[id] = true
}

// newFrame returns a zeroed frame.
func (w *walker) newFrame() *frame {
	if n := len(w.free); n > 0 {
		f := w.free[n-1]
		w.free = w.free[:n-1]
		*f = frame{}
		return f
	}
	if len(w.frames) == cap(w.frames) {
		w.frames = make([]frame, 0, 128)
	}
	w.frames = w.frames[:len(w.frames)+1]
	return &w.frames[len(w.frames)-1]
}

// newElement returns a zeroed Element; Blocks point into its chunk.
func (w *walker) newElement() *Element {
	if len(w.elems) == cap(w.elems) {
		w.elems = make([]Element, 0, 64)
	}
	w.elems = w.elems[:len(w.elems)+1]
	return &w.elems[len(w.elems)-1]
}

// openBuilder returns an empty builder for a block element that opens now;
// closeBuilder gives it back once the element is flushed.
func (w *walker) openBuilder() *builder {
	if w.open == len(w.builders) {
		w.builders = append(w.builders, &builder{})
	}
	b := w.builders[w.open]
	w.open++
	b.hidden = w.hidden
	return b
}

func (w *walker) closeBuilder() { w.open-- }

func (w *walker) walk(n *html.Node, parent *frame) {
	if w.check.Stop() {
		panic(stopWalk{})
	}
	w.pos++
	switch n.Type {
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, parent)
		}
		return
	case html.TextNode:
		if parent != nil {
			w.text(parent, n.Data)
		}
		return
	case html.ElementNode:
	default: // comments, doctype
		return
	}
	if isMedia(n) {
		// Mark the image's ancestors: short text beside a picture is
		// usually its caption, whatever the markup calls it.
		for g := parent; g != nil && !g.hasMedia; g = g.parent {
			g.hasMedia = true
			if g.elem != nil {
				g.elem.HasMedia = true
			}
		}
	}
	if skipped(n) {
		return
	}
	if n.DataAtom == atom.Br {
		if parent != nil {
			w.br(parent)
		}
		return
	}

	a := w.readAttrs(n)
	f := w.newFrame()
	f.node, f.parent, f.serial, f.firstClass = n, parent, w.pos, a.cls.first
	if parent != nil {
		f.chrome, f.chromeSrc, f.inArticle, f.inMain = parent.chrome, parent.chromeSrc, parent.inArticle, parent.inMain
	}
	hint, soft, layout := chromeHint(n, &a, parent)
	if hint != "" {
		f.chrome, f.chromeSrc, f.soft, f.layout = hint, f, soft, layout
	}
	if isArticle(n, &a) {
		f.inArticle = true
	}
	if holdsArticle(n, &a) {
		w.marked, f.inMain, f.main = true, true, true
		for g := parent; g != nil; g = g.parent {
			g.holdsMain = true
		}
	}

	// An inline element that is navigation ("skip to content" links,
	// breadcrumbs of bare links) stands apart from the text around it.
	block := isBlock(n, &a) || hint == hintNav
	if block {
		f.kind, f.level = kindOf(n, &a, parent)
		if parent != nil {
			w.flush(parent) // text before this element is a block of its own
		}
		f.b = w.openBuilder()
	} else if parent != nil {
		// Inline elements are transparent: their text goes to the block around them.
		f.kind, f.level, f.b = parent.kind, parent.level, parent.b
	}

	// An <a> without href is an anchor (a jump target), not a link.
	bold, italic, link := isBold(n, &a), isItalic(n, &a), n.DataAtom == atom.A && a.href
	hiddenInline := !block && hint == hintHidden
	w.bold += b2i(bold)
	w.italic += b2i(italic)
	w.link += b2i(link)
	w.hidden += b2i(hiddenInline)

	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, f)
	}

	w.bold -= b2i(bold)
	w.italic -= b2i(italic)
	w.link -= b2i(link)
	w.hidden -= b2i(hiddenInline)
	if block {
		w.flush(f)
		w.closeBuilder()
	}
	w.release(f)
}

// release reuses the frame of a closed element unless withdrawWrappers
// will look at it: as the source of a hint, as an element that holds
// paragraph text, or as an ancestor of either. Nothing else refers to a
// frame once its element is closed: blocks hold Elements, not frames.
func (w *walker) release(f *frame) {
	if f.chromeSrc == f || f.scored || f.keep {
		if f.parent != nil {
			f.parent.keep = true
		}
		return
	}
	w.free = append(w.free, f)
}

// withdrawWrappers takes back hints from elements that hold the article.
// Class names describe the page's layout as often as the element itself:
// "td-content-and-menu" or "cb-sidebar-right" wrap the article, and so do
// forms around the whole page, as ASP.NET writes them. So a hint from a
// class, id or <form> is withdrawn from an element that holds a <main> or
// articleBody element; and a layout hint (aside, ad, form, or navigation
// named by a class or id) also from an element that holds the page's main
// text: the element with the most paragraph text outside firm chrome,
// inside <main> if the page has one. The target of a skip link is named
// after the link ("skiplink-content"), and a menu's class is written on
// the page's wrapper as often as on the menu.
func (w *walker) withdrawWrappers() {
	var top *frame
	for _, f := range w.scored {
		if w.marked && !f.inMain {
			continue
		}
		// On a tie the inner element wins: it is the one that holds the text.
		if top == nil || f.textIn > top.textIn || (f.textIn == top.textIn && f.serial > top.serial) {
			top = f
		}
	}
	for g := top; g != nil; g = g.parent {
		g.holdsText = true
	}
	for i, src := range w.chromeBy {
		was := src
		for src != nil && (src.soft && src.holdsMain || src.layout && src.holdsText) {
			src = src.outerSrc()
		}
		if src != was {
			w.chromeBy[i], w.out[i].Chrome = src, ""
			if src != nil {
				w.out[i].Chrome = src.chrome
			}
		}
	}
}

// element returns the Element of a frame, building those of its ancestors
// as needed: each element is built once per page.
func (w *walker) element(f *frame) *Element {
	if f.elem != nil {
		return f.elem
	}
	e := w.newElement()
	*e = Element{Tag: f.node.Data, Class: attr(f.node, "class"), IDAttr: attr(f.node, "id"), Style: styleAttrs(f.node), Main: f.main, HasMedia: f.hasMedia}
	if f.parent != nil {
		e.Parent = w.element(f.parent)
		e.Depth = e.Parent.Depth + 1
	}
	f.elem = e
	return e
}

// isMedia reports whether an element shows a picture or a video.
func isMedia(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Img, atom.Picture, atom.Figure, atom.Video:
		return true
	}
	return false
}

// styleAttrs returns the style and data-* attributes of a node in source
// order: page builders mark questions and answers with them
// (data-type-size="5") when they use no class.
func styleAttrs(n *html.Node) string {
	var b strings.Builder
	for _, a := range n.Attr {
		if a.Key != "style" && !strings.HasPrefix(a.Key, "data-") {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(a.Key)
		b.WriteByte('=')
		b.WriteString(a.Val)
	}
	return b.String()
}

// outerSrc is the element an element would take its chrome hint from if
// it had none of its own.
func (f *frame) outerSrc() *frame {
	if f.parent == nil {
		return nil
	}
	return f.parent.chromeSrc
}

// isContainer reports whether text directly inside an element is a stray
// paragraph of a bigger unit rather than one paragraph of its own: the
// text between <br>s of a div, unlike a <p> or <li>.
func isContainer(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Dd, atom.Dt, atom.Td, atom.Th, atom.Blockquote, atom.Pre,
		atom.Figcaption, atom.Caption, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	}
	return true
}

// isArticle reports whether an element is the article or the main content.
func isArticle(n *html.Node, a *attrs) bool {
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return true
	}
	return a.role == "main" || a.role == "article"
}

// holdsArticle reports whether an element marks the main content of the
// page, as opposed to an <article> teaser card or comment.
func holdsArticle(n *html.Node, a *attrs) bool {
	return n.DataAtom == atom.Main || a.role == "main" ||
		strings.EqualFold(a.itemprop, "articleBody")
}

// text adds a text node to the block being built.
func (w *walker) text(f *frame, s string) {
	b := f.b
	if b == nil || w.hidden > b.hidden {
		return
	}
	chars := nonSpace(s)
	if chars > 0 && b.cur.chars == 0 {
		b.cur.offset = w.pos
	}
	b.buf = append(b.buf, s...)
	b.cur.end = len(b.buf)
	b.cur.chars += chars
	if w.bold > 0 {
		b.cur.bold += chars
	}
	if w.italic > 0 {
		b.cur.italic += chars
	}
	if w.link > 0 {
		b.cur.link += chars
	}
	if chars > 0 && !b.cur.plain {
		if w.bold > 0 || w.italic > 0 {
			b.cur.lead += chars
			b.cur.leadEnd = len(b.buf)
		} else {
			b.cur.plain = true
		}
	}
}

// nonSpace counts the runes of s that are not white space (isSpace), as
// ranging over s would, with a shortcut for ASCII, which most text is.
func nonSpace(s string) int {
	chars := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace(c) {
				chars++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			chars++
		}
		i += size
	}
	return chars
}

// asciiSpace is unicode.IsSpace for ASCII.
func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// appendCollapsed appends Collapse(string(s)) to dst without making the
// string first: emit builds every block's text with it into one reused
// buffer. Like ranging over a string, it writes U+FFFD for invalid UTF-8.
func appendCollapsed(dst, s []byte) []byte {
	start, space := len(dst), false
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(s[i:])
		}
		i += size
		if c < utf8.RuneSelf && asciiSpace(byte(c)) || c >= utf8.RuneSelf && isSpace(c) {
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, c)
	}
	return dst
}

// br ends the current line. Consecutive <br> with only white space between
// them count as one break of several lines.
func (w *walker) br(f *frame) {
	b := f.b
	if b == nil || w.hidden > b.hidden {
		return
	}
	if b.cur.chars == 0 {
		if n := len(b.lines); n > 0 {
			b.lines[n-1].breaks++
		}
		return
	}
	b.cur.breaks = 1
	b.buf = append(b.buf, '\n') // a line break reads as a space when lines are joined
	b.cur.end = len(b.buf)
	b.lines = append(b.lines, b.cur)
	b.cur = piece{start: len(b.buf), end: len(b.buf)}
}

// flush turns the text gathered for f into blocks and resets the builder.
func (w *walker) flush(f *frame) {
	b := f.b
	if b == nil {
		return
	}
	if b.cur.chars > 0 {
		b.lines = append(b.lines, b.cur)
	}
	if len(b.lines) > 0 {
		first := 0
		for i := 1; i <= len(b.lines); i++ {
			if i < len(b.lines) && !splitBetween(b.buf, b.lines[i-1], b.lines[i]) {
				continue
			}
			w.emit(f, b.buf, b.lines[first:i])
			first = i
		}
	}
	b.buf = b.buf[:0]
	b.lines = b.lines[:0]
	b.cur = piece{}
}

// splitBetween reports whether a <br> between two lines ends a block: a
// blank line does, so does the edge of a line set entirely in bold, and
// so does a speaker label in bold or italic that opens the next line
// ("<b>Q:</b> Why?<br><b>SK:</b> Because ..."): a new turn.
func splitBetween(buf []byte, prev, next piece) bool {
	if prev.breaks >= 2 {
		return true
	}
	return allBold(prev) != allBold(next) || speakerLead(buf, next)
}

// maxSpeakerLead is the longest emphasised label taken for a speaker's.
const maxSpeakerLead = 40

// speakerLead reports whether a line opens with an emphasised label that
// ends in a colon, and text follows it.
func speakerLead(buf []byte, l piece) bool {
	if l.lead == 0 || !l.plain || l.leadEnd-l.start > maxSpeakerLead {
		return false
	}
	lead := bytes.TrimRight(buf[l.start:l.leadEnd], " \t\n\r\f")
	colon := bytes.HasSuffix(lead, []byte(":")) || l.leadEnd < l.end && buf[l.leadEnd] == ':' // "<b>SK</b>: ..."
	return colon && bytes.Count(bytes.TrimSpace(lead), []byte(" ")) < 4
}

func allBold(p piece) bool { return p.chars > 0 && p.bold == p.chars }

func (w *walker) emit(f *frame, buf []byte, lines []piece) {
	w.scratch = appendCollapsed(w.scratch[:0], buf[lines[0].start:lines[len(lines)-1].end])
	if len(w.scratch) == 0 {
		return
	}
	text := string(w.scratch)
	var chars, bold, italic, link, lead int
	inLead := true
	for _, l := range lines {
		chars += l.chars
		bold += l.bold
		italic += l.italic
		link += l.link
		if inLead {
			lead += l.lead
			inLead = !l.plain
		}
	}
	if f.path == "" {
		f.path = pathOf(f)
	}
	w.out = append(w.out, Block{
		Kind:        f.kind,
		Text:        text,
		Level:       f.level,
		Emphasis:    share(bold, chars),
		Italic:      share(italic, chars),
		Lead:        lead,
		Path:        f.path,
		LinkDensity: share(link, chars),
		Offset:      lines[0].offset,
		Chrome:      f.chrome,
		Elem:        w.element(f),
	})
	w.chromeBy = append(w.chromeBy, f.chromeSrc)
	if f.kind != Heading && (f.chromeSrc == nil || f.chromeSrc.layout) {
		// Score the element holding the paragraph and the one above it, so
		// that a column of paragraphs, each in its own div, outweighs any
		// one long block elsewhere.
		c := f
		if !isContainer(f.node) && f.parent != nil {
			c = f.parent
		}
		w.score(c, chars-link)
		if c.parent != nil {
			w.score(c.parent, chars-link)
		}
	}
}

// score adds paragraph text to an element's count.
func (w *walker) score(f *frame, n int) {
	if !f.scored {
		f.scored = true
		w.scored = append(w.scored, f)
	}
	f.textIn += n
}

func share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isSpace matches what Collapse folds away.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// skipped elements never hold reading text: code, embedded documents,
// form controls, media fallbacks and the document head.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Embed, atom.Applet, atom.Head, atom.Title,
		atom.Input, atom.Select, atom.Textarea, atom.Button, atom.Option, atom.Datalist,
		atom.Video, atom.Audio, atom.Canvas, atom.Map:
		return true
	}
	return n.Namespace != "" // foreign content (svg, math) that slipped through
}

// isBlock reports whether an element starts blocks of its own. Unknown
// elements are inline as in browsers, except custom elements (names with a
// dash), which pages use as containers, and elements styled as captions or
// credits, which are separate units even when they are spans.
func isBlock(n *html.Node, a *attrs) bool {
	switch n.DataAtom {
	case atom.A, atom.B, atom.Strong, atom.I, atom.Em, atom.Span, atom.Font, atom.U,
		atom.Sup, atom.Sub, atom.Small, atom.Mark, atom.Q, atom.Cite, atom.Abbr,
		atom.Time, atom.Label, atom.S, atom.Strike, atom.Del, atom.Ins, atom.Code,
		atom.Kbd, atom.Var, atom.Dfn, atom.Tt, atom.Big, atom.Data, atom.Bdi, atom.Bdo,
		atom.Img, atom.Wbr, atom.Nobr, atom.Ruby, atom.Rt, atom.Rp, atom.Samp, atom.Acronym,
		atom.Picture, atom.Source, atom.Output, atom.Meter, atom.Progress:
		k := classKind(n, a)
		return k == Caption || k == Credit
	case 0:
		return strings.Contains(n.Data, "-") && !strings.Contains(n.Data, ":")
	}
	return true
}

// kindOf gives the kind of the text written directly in a block element.
// Paragraphs and containers inside a quote, caption or credit take its
// kind; inside a list item or table cell only direct children take it, and
// only when they are not paragraphs of a cell: lists and tables used for
// layout hold whole articles.
func kindOf(n *html.Node, a *attrs, parent *frame) (Kind, int) {
	inherited, level := Paragraph, 0
	if parent != nil {
		inherited, level = parent.kind, parent.level
		if (inherited == ListItem || inherited == Cell) && !isItemOrCell(parent.node) {
			inherited = Paragraph
		}
	}
	if k := classKind(n, a); k != "" && !isHeading(n) {
		return k, 0
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return Heading, int(n.Data[1] - '0')
	case atom.Li:
		return ListItem, 0
	case atom.Blockquote:
		return Quote, 0
	case atom.Figcaption, atom.Caption:
		return Caption, 0
	case atom.Pre:
		return Pre, 0
	case atom.Td, atom.Th:
		return Cell, 0
	case atom.P, atom.Dt, atom.Dd:
		if inherited == Cell {
			return Paragraph, 0
		}
	}
	if a.role == "heading" {
		if l := a.ariaLevel; len(l) == 1 && l[0] >= '1' && l[0] <= '6' {
			return Heading, int(l[0] - '0')
		}
		return Heading, 2
	}
	return inherited, level
}

func isItemOrCell(n *html.Node) bool {
	return n.DataAtom == atom.Li || n.DataAtom == atom.Td || n.DataAtom == atom.Th
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// classKind recognises captions and photo credits by class or id. The
// classes of the page and of the article describe their content
// ("f_caption_muted_videos_on"), not themselves.
func classKind(n *html.Node, a *attrs) Kind {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return ""
	}
	return a.kind
}

// tokenKind is the kind the tokens of a lower-cased class or id value give,
// split on white space, '-' and '_': a credit token wins over a caption
// token (a credit inside a caption box is a credit).
func tokenKind(v string) Kind {
	kind := Kind("")
	start := -1
	for i := 0; i <= len(v); i++ {
		if i < len(v) && !isTokenSep(v[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			switch v[start:i] {
			case "caption", "figcaption", "captiontext", "legend", "legende", "bildunterschrift":
				kind = Caption
			case "credit", "credits", "copyright", "photographer", "photocredit", "bildnachweis":
				return Credit
			}
			start = -1
		}
	}
	return kind
}

func isTokenSep(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '-' || c == '_'
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func isBold(n *html.Node, a *attrs) bool {
	if n.DataAtom == atom.B || n.DataAtom == atom.Strong {
		return true
	}
	if s := a.style; s != "" {
		v := styleValue(s, "font-weight")
		switch v {
		case "bold", "bolder", "600", "700", "800", "900":
			return true
		}
	}
	return a.cls.bold
}

func isItalic(n *html.Node, a *attrs) bool {
	if n.DataAtom == atom.I || n.DataAtom == atom.Em {
		return true
	}
	if s := a.style; s != "" && styleValue(s, "font-style") == "italic" {
		return true
	}
	return a.cls.italic
}

// styleValue returns the lower-cased value of a property in a style
// attribute, without "!important"; "" if absent.
func styleValue(style, prop string) string {
	for decl := range strings.SplitSeq(style, ";") {
		name, val, ok := strings.Cut(decl, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), prop) {
			continue
		}
		val = strings.ToLower(strings.TrimSpace(val))
		val = strings.TrimSpace(strings.TrimSuffix(val, "!important"))
		return val
	}
	return ""
}

// pathOf builds the CSS-like path of a block element: tag names and first
// classes of the element and its nearest ancestors, up to body. It sizes
// the string first, so that a path costs one allocation.
func pathOf(f *frame) string {
	var segs [maxPathDepth + 1]*frame
	n, size := 0, 0
	for g := f; g != nil && n < len(segs); g = g.parent {
		if g.node.DataAtom == atom.Html {
			break
		}
		segs[n] = g
		n++
		size += len(g.node.Data) + 1 + len(g.firstClass) + 1 // tag, '.', class, '>'
		if g.node.DataAtom == atom.Body {
			break
		}
	}
	var sb strings.Builder
	sb.Grow(size)
	for i := n - 1; i >= 0; i-- {
		sb.WriteString(segs[i].node.Data)
		if cls := segs[i].firstClass; cls != "" {
			sb.WriteByte('.')
			sb.WriteString(cls)
		}
		if i > 0 {
			sb.WriteByte('>')
		}
	}
	return sb.String()
}

// firstClass returns the first name in a class attribute.
func firstClass(cls string) string {
	cls = strings.TrimLeft(cls, " \t\n\r\f")
	if i := strings.IndexAny(cls, " \t\n\r\f"); i >= 0 {
		return cls[:i]
	}
	return cls
}

// Chrome hints, nearest first. The order within one element is the order of
// the checks in chromeHint.
const (
	hintHidden     = "hidden"
	hintNav        = "nav"
	hintHeader     = "header"
	hintFooter     = "footer"
	hintAside      = "aside"
	hintForm       = "form"
	hintComments   = "comments"
	hintShare      = "share"
	hintRelated    = "related"
	hintNewsletter = "newsletter"
	hintCookie     = "cookie"
	hintAd         = "ad"
	hintWidget     = "widget"
)

// hintRank orders the hints one element can carry.
var hintRank = map[string]int{
	hintHidden: 1, hintNav: 2, hintHeader: 3, hintFooter: 4, hintAside: 5, hintForm: 6,
	hintComments: 7, hintShare: 8, hintRelated: 9, hintNewsletter: 10, hintCookie: 11, hintAd: 12,
	hintWidget: 13, hintTimestamp: 14,
}

// tokenHints maps whole class/id tokens (split on space, '-' and '_') to
// hints. Class names are noisy, so only whole tokens count: "header" or
// "shadow" do not contain the token "ad".
var tokenHints = map[string]string{
	"nav": hintNav, "navbar": hintNav, "navigation": hintNav, "menu": hintNav, "menubar": hintNav,
	"breadcrumb": hintNav, "breadcrumbs": hintNav, "topnav": hintNav, "subnav": hintNav,
	"mainnav": hintNav, "skiplink": hintNav, "skiplinks": hintNav,
	"masthead": hintHeader, "footer": hintFooter, "colophon": hintFooter, "aside": hintAside, "rail": hintAside,
	"comment": hintComments, "comments": hintComments, "disqus": hintComments,
	"share": hintShare, "sharing": hintShare, "sharebar": hintShare,
	"sharethis": hintShare, "addthis": hintShare, "shariff": hintShare,
	"related": hintRelated, "recommended": hintRelated, "recommendations": hintRelated,
	"teasers": hintRelated, "trending": hintRelated, "mostread": hintRelated, "mostpopular": hintRelated,
	"subscribe": hintNewsletter, "signup": hintNewsletter, "optin": hintNewsletter,
	"consent": hintCookie, "gdpr": hintCookie, "cmp": hintCookie,
	"ad": hintAd, "ads": hintAd, "advert": hintAd, "adverts": hintAd, "advertisement": hintAd,
	"advertising": hintAd, "adslot": hintAd, "adunit": hintAd, "adsbygoogle": hintAd, "dfp": hintAd,
	"sponsor": hintAd, "sponsored": hintAd, "promo": hintAd, "promoted": hintAd,
	"taboola": hintAd, "outbrain": hintAd, "anzeige": hintAd,
	// Reader widgets: star ratings, polls, votes.
	"rating": hintWidget, "ratings": hintWidget, "poll": hintWidget, "polls": hintWidget,
	"vote": hintWidget, "voting": hintWidget, "survey": hintWidget,
}

// pairHints maps two consecutive tokens of a class name or id
// ("c-more-stories", "page__skip-link").
var pairHints = map[[2]string]string{
	{"skip", "link"}: hintNav, {"skip", "to"}: hintNav, {"site", "header"}: hintHeader,
	{"more", "stories"}: hintRelated, {"more", "articles"}: hintRelated, {"read", "next"}: hintRelated,
	{"teaser", "list"}: hintRelated, {"most", "read"}: hintRelated, {"most", "popular"}: hintRelated,
	{"sign", "up"}: hintNewsletter,
	// "social" alone also names embedded posts ("social-media-embed").
	{"social", "links"}: hintShare, {"social", "icons"}: hintShare, {"social", "buttons"}: hintShare,
	{"social", "bar"}: hintShare, {"social", "share"}: hintShare, {"social", "follow"}: hintShare,
}

// pairFirst holds the first tokens of pairHints: most tokens start no pair,
// and a lookup in this map is cheaper than one in pairHints.
var pairFirst = func() map[string]bool {
	m := map[string]bool{}
	for p := range pairHints {
		m[p[0]] = true
	}
	return m
}()

// wordHints are words clear enough to match inside any class name or id
// ("kn-sidebarnews", "dlf-relatedslide", "prefooter").
var wordHints = []struct{ word, hint string }{
	{"sidebar", hintAside}, {"comment", hintComments}, {"disqus", hintComments},
	{"newsletter", hintNewsletter}, {"cookie", hintCookie}, {"related", hintRelated},
	{"footer", hintFooter},
}

// hiddenClasses are whole class names that hide an element.
var hiddenClasses = map[string]bool{
	"hidden": true, "sr-only": true, "visually-hidden": true, "visuallyhidden": true,
	"screen-reader-text": true, "screenreader-only": true, "is-hidden": true, "u-hidden": true,
	"element-invisible": true, "invisible": true, "hide": true, "d-none": true,
}

// chromeHint returns the hint an element itself gives, "" if none, and
// whether the hint is soft (from a class, id or <form>) and a layout hint
// (soft, and naming what sits beside the article or the menus: aside, ad,
// form, navigation). See withdrawWrappers.
func chromeHint(n *html.Node, a *attrs, parent *frame) (hint string, soft, layout bool) {
	if hiddenElement(n, a) && !a.opened {
		return hintHidden, false, false
	}
	best := ""
	switch n.DataAtom {
	case atom.Nav:
		best = hintNav
	case atom.Header:
		if parent == nil || !parent.inArticle {
			best = hintHeader
		}
	case atom.Footer:
		best = hintFooter
	case atom.Aside:
		best = hintAside
	case atom.Form:
		best = hintForm
	case atom.Html, atom.Body:
		// Their classes describe the page ("has-sidebar", "single-post"), not chrome.
		return "", false, false
	}
	switch strings.ToLower(a.role) {
	case timestampRole:
		return hintTimestamp, false, false
	case "navigation", "menu", "menubar":
		best = betterHint(best, hintNav)
	case "banner":
		best = betterHint(best, hintHeader)
	case "contentinfo":
		best = betterHint(best, hintFooter)
	case "complementary":
		best = betterHint(best, hintAside)
	}
	if best != "" {
		return best, best == hintForm, best == hintForm
	}
	if isArticle(n, a) {
		// The element says what it is; its classes often name what sits
		// beside it ("docked-sharebar-content-container").
		return "", false, false
	}
	best = a.hint
	return best, best != "", best == hintAside || best == hintAd || best == hintNav
}

// betterHint returns the higher ranked of two hints; "" is no hint.
func betterHint(best, h string) string {
	if h != "" && (best == "" || hintRank[h] < hintRank[best]) {
		return h
	}
	return best
}

// attrs are the attributes of one element that the walk asks about, read
// in one pass over them rather than in one pass per question. Of repeated
// attributes the first counts, as with attr.
type attrs struct {
	role, style, itemprop, ariaHidden, ariaLevel string
	hidden, open, href                           bool      // the attribute is present
	opened                                       bool      // a visible link opens the element (walker.opened)
	cls                                          classInfo // of the class attribute
	hint                                         string    // the best chrome hint of all class and id values
	kind                                         Kind      // Credit or Caption if a class or id token says so (classKind)
}

func (w *walker) readAttrs(n *html.Node) attrs {
	var a attrs
	// Backwards, so that the first of repeated attributes is the one kept.
	for i := len(n.Attr) - 1; i >= 0; i-- {
		at := &n.Attr[i]
		if at.Namespace != "" {
			continue
		}
		switch at.Key {
		case "class":
			a.cls = w.classInfo(at.Val)
			a.addTokens(a.cls.hint, a.cls.kind)
		case "id":
			// Ids are unique on a page, not worth caching.
			if at.Val != "" {
				a.opened = w.opened[at.Val]
				lower := strings.ToLower(at.Val)
				a.addTokens(valueHint(lower), tokenKind(lower))
			}
		case "role":
			a.role = at.Val
		case "style":
			a.style = at.Val
		case "itemprop":
			a.itemprop = at.Val
		case "aria-hidden":
			a.ariaHidden = at.Val
		case "aria-level":
			a.ariaLevel = at.Val
		case "hidden":
			a.hidden = true
		case "open":
			a.open = true
		case "href":
			a.href = true
		}
	}
	return a
}

// addTokens merges what one class or id value says into the element's
// hint and kind: the best ranked hint, a credit over a caption.
func (a *attrs) addTokens(hint string, kind Kind) {
	a.hint = betterHint(a.hint, hint)
	if kind == Credit || kind == Caption && a.kind == "" {
		a.kind = kind
	}
}

// classInfo is what one class attribute says. Pages repeat a few class
// names on thousands of elements, so it is worked out once per distinct
// value on a page (walker.classInfo), not once per element.
type classInfo struct {
	hint         string // chrome hint (valueHint)
	kind         Kind   // tokenKind
	first        string // firstClass
	hidden       bool   // classHidden
	bold, italic bool   // the value names bold or italic type
}

func (w *walker) classInfo(v string) classInfo {
	if v == "" {
		return classInfo{}
	}
	if c, ok := w.classes[v]; ok {
		return c
	}
	lower := strings.ToLower(v)
	c := classInfo{
		hint:   valueHint(lower),
		kind:   tokenKind(lower),
		first:  firstClass(v),
		hidden: classHidden(lower),
		bold:   strings.Contains(v, "bold") || strings.Contains(v, "Bold"),
		italic: strings.Contains(v, "italic") || strings.Contains(v, "Italic"),
	}
	w.classes[v] = c
	return c
}

// valueHint reads a chrome hint from a lower-cased class or id value.
func valueHint(v string) string {
	best := ""
	for name := range strings.FieldsSeq(v) {
		// State classes describe what an element holds, not what it is:
		// "has-comments", "no-sidebar", "with-ads", "non-ad-column".
		if strings.HasPrefix(name, "has-") || strings.HasPrefix(name, "no-") || strings.HasPrefix(name, "non-") ||
			strings.HasPrefix(name, "not-") || strings.HasPrefix(name, "with-") || strings.HasPrefix(name, "without-") {
			continue
		}
		for _, wh := range wordHints {
			// "commentary" is an article genre, not a comment box.
			if strings.Contains(name, wh.word) && !(wh.word == "comment" && strings.Contains(name, "commentar")) {
				best = betterHint(best, wh.hint)
			}
		}
		prev, start := "", -1
		for i := 0; i <= len(name); i++ {
			if i < len(name) && !isTokenSep(name[i]) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				tok := name[start:i]
				best = betterHint(best, tokenHints[tok])
				if pairFirst[prev] {
					best = betterHint(best, pairHints[[2]string{prev, tok}])
				}
				prev, start = tok, -1
			}
		}
	}
	return best
}

// hiddenElement reports whether an element is hidden from readers: by the
// hidden attribute, aria-hidden, inline style or a hiding class.
func hiddenElement(n *html.Node, a *attrs) bool {
	if a.hidden || strings.EqualFold(a.ariaHidden, "true") {
		return true
	}
	if n.DataAtom == atom.Dialog && !a.open {
		return true
	}
	if s := a.style; s != "" {
		if styleValue(s, "display") == "none" || styleValue(s, "visibility") == "hidden" {
			return true
		}
	}
	return a.cls.hidden
}

// classHidden reports whether a lower-cased class attribute hides the element. A class
// "hidden" next to a responsive display class ("hidden md:block") only
// hides the element on small screens.
func classHidden(cls string) bool {
	hidden, shown := false, false
	for name := range strings.FieldsSeq(cls) {
		if hiddenClasses[name] {
			hidden = true
		}
		if i := strings.LastIndexByte(name, ':'); i >= 0 {
			switch name[i+1:] {
			case "block", "inline", "inline-block", "flex", "inline-flex", "grid", "table", "contents":
				shown = true
			}
		}
	}
	return hidden && !shown
}

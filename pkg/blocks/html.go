package blocks

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
func FromHTML(doc *goquery.Document) []Block {
	if doc == nil {
		return nil
	}
	w := &walker{textIn: map[*frame]int{}}
	for _, n := range doc.Nodes {
		w.walk(n, nil)
	}
	w.withdrawWrappers()
	for i := range w.out {
		w.out[i].ID = ID(i)
	}
	return w.out
}

// frame is one open element during the walk.
type frame struct {
	node      *html.Node
	parent    *frame
	chrome    string // the nearest chrome hint of this element or an ancestor
	chromeSrc *frame // the element the hint came from
	soft      bool   // this element's own hint comes from a class, id or <form>: withdrawn if it holds <main>
	layout    bool   // ... and names what sits beside the article: withdrawn if it holds the article's text
	holdsMain bool   // a <main> or articleBody element lies inside this element
	inMain    bool   // this element is or lies inside a <main> or articleBody element
	inArticle bool   // inside <article> or <main>: a <header> there is the article's
	kind      Kind   // kind of text written directly in this element
	level     int
	b         *builder // the block the element's text goes to; own for block elements
	own       builder
	path      string   // Block.Path, built on first use
	elem      *Element // Block.Elem, built on first use
	serial    int      // walk position, for deterministic ties
	hasMedia  bool     // an image, figure or video lies inside this element
}

// piece is one line of a block's text: what lies between two <br>.
type piece struct {
	start, end int // range in builder.buf
	chars      int // non-space runes
	bold       int
	italic     int
	link       int
	offset     int // walk position of the first text
	breaks     int // <br> elements after the line
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
	bold     int      // depth of open b/strong (or bold-styled) elements
	italic   int
	link     int
	hidden   int            // depth of open hidden inline elements
	textIn   map[*frame]int // paragraph text (runes outside links) per containing element
	marked   bool           // the page marks its article with <main> or articleBody
}

func (w *walker) walk(n *html.Node, parent *frame) {
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

	f := &frame{node: n, parent: parent, serial: w.pos}
	if parent != nil {
		f.chrome, f.chromeSrc, f.inArticle, f.inMain = parent.chrome, parent.chromeSrc, parent.inArticle, parent.inMain
	}
	hint, soft, layout := chromeHint(n, parent)
	if hint != "" {
		f.chrome, f.chromeSrc, f.soft, f.layout = hint, f, soft, layout
	}
	if isArticle(n) {
		f.inArticle = true
	}
	if holdsArticle(n) {
		w.marked, f.inMain = true, true
		for g := parent; g != nil; g = g.parent {
			g.holdsMain = true
		}
	}

	// An inline element that is navigation ("skip to content" links,
	// breadcrumbs of bare links) stands apart from the text around it.
	block := isBlock(n) || hint == hintNav
	if block {
		f.kind, f.level = kindOf(n, parent)
		if parent != nil {
			w.flush(parent) // text before this element is a block of its own
		}
		f.own.hidden = w.hidden
		f.b = &f.own
	} else if parent != nil {
		// Inline elements are transparent: their text goes to the block around them.
		f.kind, f.level, f.b = parent.kind, parent.level, parent.b
	}

	// An <a> without href is an anchor (a jump target), not a link.
	bold, italic, link := isBold(n), isItalic(n), n.DataAtom == atom.A && hasAttr(n, "href")
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
	}
}

// withdrawWrappers takes back hints from elements that hold the article.
// Class names describe the page's layout as often as the element itself:
// "td-content-and-menu" or "cb-sidebar-right" wrap the article, and so do
// forms around the whole page, as ASP.NET writes them. So a hint from a
// class, id or <form> is withdrawn from an element that holds a <main> or
// articleBody element; and a layout hint (aside, ad, form) also from an
// element that holds the page's main text: the element with the most
// paragraph text outside firm chrome, inside <main> if the page has one.
func (w *walker) withdrawWrappers() {
	var top *frame
	for f, n := range w.textIn {
		if w.marked && !f.inMain {
			continue
		}
		// On a tie the inner element wins: it is the one that holds the text.
		if top == nil || n > w.textIn[top] || (n == w.textIn[top] && f.serial > top.serial) {
			top = f
		}
	}
	holds := map[*frame]bool{}
	for g := top; g != nil; g = g.parent {
		holds[g] = true
	}
	for i, src := range w.chromeBy {
		was := src
		for src != nil && (src.soft && src.holdsMain || src.layout && holds[src]) {
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
func (f *frame) element() *Element {
	if f.elem != nil {
		return f.elem
	}
	e := &Element{Tag: f.node.Data, Class: attr(f.node, "class"), IDAttr: attr(f.node, "id"), Style: styleAttrs(f.node), Main: holdsArticle(f.node), HasMedia: f.hasMedia}
	if f.parent != nil {
		e.Parent = f.parent.element()
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
func isArticle(n *html.Node) bool {
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return true
	}
	r := attr(n, "role")
	return r == "main" || r == "article"
}

// holdsArticle reports whether an element marks the main content of the
// page, as opposed to an <article> teaser card or comment.
func holdsArticle(n *html.Node) bool {
	return n.DataAtom == atom.Main || attr(n, "role") == "main" ||
		strings.EqualFold(attr(n, "itemprop"), "articleBody")
}

// text adds a text node to the block being built.
func (w *walker) text(f *frame, s string) {
	b := f.b
	if b == nil || w.hidden > b.hidden {
		return
	}
	chars := 0
	for _, r := range s {
		if !isSpace(r) {
			chars++
		}
	}
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
			if i < len(b.lines) && !splitBetween(b.lines[i-1], b.lines[i]) {
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
// blank line does, and so does the edge of a line set entirely in bold.
func splitBetween(prev, next piece) bool {
	if prev.breaks >= 2 {
		return true
	}
	return allBold(prev) != allBold(next)
}

func allBold(p piece) bool { return p.chars > 0 && p.bold == p.chars }

func (w *walker) emit(f *frame, buf []byte, lines []piece) {
	text := Collapse(string(buf[lines[0].start:lines[len(lines)-1].end]))
	if text == "" {
		return
	}
	var chars, bold, italic, link int
	for _, l := range lines {
		chars += l.chars
		bold += l.bold
		italic += l.italic
		link += l.link
	}
	if f.path == "" {
		f.path = pathOf(f)
	}
	if f.elem == nil {
		f.elem = f.element()
	}
	w.out = append(w.out, Block{
		Kind:        f.kind,
		Text:        text,
		Level:       f.level,
		Emphasis:    share(bold, chars),
		Italic:      share(italic, chars),
		Path:        f.path,
		LinkDensity: share(link, chars),
		Offset:      lines[0].offset,
		Chrome:      f.chrome,
		Elem:        f.elem,
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
		w.textIn[c] += chars - link
		if c.parent != nil {
			w.textIn[c.parent] += chars - link
		}
	}
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
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.A, atom.B, atom.Strong, atom.I, atom.Em, atom.Span, atom.Font, atom.U,
		atom.Sup, atom.Sub, atom.Small, atom.Mark, atom.Q, atom.Cite, atom.Abbr,
		atom.Time, atom.Label, atom.S, atom.Strike, atom.Del, atom.Ins, atom.Code,
		atom.Kbd, atom.Var, atom.Dfn, atom.Tt, atom.Big, atom.Data, atom.Bdi, atom.Bdo,
		atom.Img, atom.Wbr, atom.Nobr, atom.Ruby, atom.Rt, atom.Rp, atom.Samp, atom.Acronym,
		atom.Picture, atom.Source, atom.Output, atom.Meter, atom.Progress:
		k := classKind(n)
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
func kindOf(n *html.Node, parent *frame) (Kind, int) {
	inherited, level := Paragraph, 0
	if parent != nil {
		inherited, level = parent.kind, parent.level
		if (inherited == ListItem || inherited == Cell) && !isItemOrCell(parent.node) {
			inherited = Paragraph
		}
	}
	if k := classKind(n); k != "" && !isHeading(n) {
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
	if attr(n, "role") == "heading" {
		if l := attr(n, "aria-level"); len(l) == 1 && l[0] >= '1' && l[0] <= '6' {
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
func classKind(n *html.Node) Kind {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return ""
	}
	kind := Kind("")
	forTokens(n, func(tok string) bool {
		switch tok {
		case "caption", "figcaption", "captiontext", "legend", "legende", "bildunterschrift":
			kind = Caption
		case "credit", "credits", "copyright", "photographer", "photocredit", "bildnachweis":
			kind = Credit
			return false // a credit inside a caption box is a credit
		}
		return true
	})
	return kind
}

// forTokens calls fn for each lower-cased token of the class and id
// attributes, split on white space, '-' and '_', until fn returns false.
func forTokens(n *html.Node, fn func(string) bool) {
	for _, a := range n.Attr {
		if a.Namespace != "" || (a.Key != "class" && a.Key != "id") {
			continue
		}
		v := strings.ToLower(a.Val)
		start := -1
		for i := 0; i <= len(v); i++ {
			if i < len(v) && !isTokenSep(v[i]) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !fn(v[start:i]) {
					return
				}
				start = -1
			}
		}
	}
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

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

func isBold(n *html.Node) bool {
	if n.DataAtom == atom.B || n.DataAtom == atom.Strong {
		return true
	}
	if s := attr(n, "style"); s != "" {
		v := styleValue(s, "font-weight")
		switch v {
		case "bold", "bolder", "600", "700", "800", "900":
			return true
		}
	}
	cls := attr(n, "class")
	return strings.Contains(cls, "bold") || strings.Contains(cls, "Bold")
}

func isItalic(n *html.Node) bool {
	if n.DataAtom == atom.I || n.DataAtom == atom.Em {
		return true
	}
	if s := attr(n, "style"); s != "" && styleValue(s, "font-style") == "italic" {
		return true
	}
	cls := attr(n, "class")
	return strings.Contains(cls, "italic") || strings.Contains(cls, "Italic")
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
// classes of the element and its nearest ancestors, up to body.
func pathOf(f *frame) string {
	var segs [maxPathDepth + 1]*html.Node
	n := 0
	for g := f; g != nil && n < len(segs); g = g.parent {
		if g.node.DataAtom == atom.Html {
			break
		}
		segs[n] = g.node
		n++
		if g.node.DataAtom == atom.Body {
			break
		}
	}
	var sb strings.Builder
	for i := n - 1; i >= 0; i-- {
		sb.WriteString(segs[i].Data)
		if cls := firstClass(attr(segs[i], "class")); cls != "" {
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
	hintWidget: 13,
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
// (soft, and naming what sits beside the article: aside, ad, form). See
// withdrawWrappers.
func chromeHint(n *html.Node, parent *frame) (hint string, soft, layout bool) {
	if hiddenElement(n) {
		return hintHidden, false, false
	}
	best := ""
	offer := func(h string) {
		if h != "" && (best == "" || hintRank[h] < hintRank[best]) {
			best = h
		}
	}
	switch n.DataAtom {
	case atom.Nav:
		offer(hintNav)
	case atom.Header:
		if parent == nil || !parent.inArticle {
			offer(hintHeader)
		}
	case atom.Footer:
		offer(hintFooter)
	case atom.Aside:
		offer(hintAside)
	case atom.Form:
		offer(hintForm)
	case atom.Html, atom.Body:
		// Their classes describe the page ("has-sidebar", "single-post"), not chrome.
		return "", false, false
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "menu", "menubar":
		offer(hintNav)
	case "banner":
		offer(hintHeader)
	case "contentinfo":
		offer(hintFooter)
	case "complementary":
		offer(hintAside)
	}
	if best != "" {
		return best, best == hintForm, best == hintForm
	}
	if isArticle(n) {
		// The element says what it is; its classes often name what sits
		// beside it ("docked-sharebar-content-container").
		return "", false, false
	}
	best = classHint(n)
	return best, best != "", best == hintAside || best == hintAd
}

// classHint reads a chrome hint from the class and id attributes.
func classHint(n *html.Node) string {
	best := ""
	offer := func(h string) {
		if h != "" && (best == "" || hintRank[h] < hintRank[best]) {
			best = h
		}
	}
	for _, a := range n.Attr {
		if a.Namespace != "" || (a.Key != "class" && a.Key != "id") || a.Val == "" {
			continue
		}
		v := strings.ToLower(a.Val)
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
					offer(wh.hint)
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
					offer(tokenHints[tok])
					offer(pairHints[[2]string{prev, tok}])
					prev, start = tok, -1
				}
			}
		}
	}
	return best
}

// hiddenElement reports whether an element is hidden from readers: by the
// hidden attribute, aria-hidden, inline style or a hiding class. A class
// "hidden" next to a responsive display class ("hidden md:block") only hides
// the element on small screens.
func hiddenElement(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	if n.DataAtom == atom.Dialog && !hasAttr(n, "open") {
		return true
	}
	if s := attr(n, "style"); s != "" {
		if styleValue(s, "display") == "none" || styleValue(s, "visibility") == "hidden" {
			return true
		}
	}
	cls := attr(n, "class")
	if cls == "" {
		return false
	}
	hidden, shown := false, false
	for name := range strings.FieldsSeq(strings.ToLower(cls)) {
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

package clean

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/qanda/qanda/internal/blocks"
)

const (
	// pullQuoteMaxWords is the longest text taken for a pull quote.
	pullQuoteMaxWords = 60
	// pullQuoteMinShare is the share of a pull quote's words that must
	// stand, in one unbroken run, in a longer paragraph of the page.
	pullQuoteMinShare = 0.6
	// pullQuoteUnmarkedShare is the same share for a text in no quote
	// marks: it must be a near-verbatim excerpt.
	pullQuoteUnmarkedShare = 0.9
	// creditMaxWords is the longest text taken for a photo credit.
	creditMaxWords = 14
)

// mayCredit is a cheap test before the vocabulary's Credit pattern, which
// matches photo credits: "Photo: AFP", "Siranush Sargsyan / PAN Photo via
// REUTERS", "© dpa", "Foto: imago", "Фото: ТАСС".
func (c *cleaner) mayCredit(i int) bool {
	return c.may(i, &c.v.Credit)
}

// pullQuotes removes short quoted texts whose words stand in a longer
// paragraph elsewhere on the page: a magazine's pull quote repeats the
// answer, often trimmed or slightly reworded.
func (c *cleaner) pullQuotes() {
	index := c.quoteIndex()
	displayOn, stitched := c.rules.on("display-quotes"), c.rules.on("stitched-quotes")
	var cands []int32
	for i, b := range c.bs {
		if !c.live(i) || c.ntok[i] < 4 || c.nw[i] > pullQuoteMaxWords {
			continue
		}
		// A quoted or blockquoted text may be trimmed or reworded; an
		// unmarked one must stand almost whole in the longer paragraph.
		share, least := pullQuoteMinShare, 4
		if !quoted(b.Text) && b.Kind != blocks.Quote {
			share, least = pullQuoteUnmarkedShare, 6
		}
		need := int(float64(c.ntok[i])*share + 0.999)
		need = max(need, least, 5)
		from, to := 0, c.ntok[i]
		if n := to; share == pullQuoteUnmarkedShare && n >= 8 {
			// A run of 90% of the words covers the middle half of the
			// text: its 4-grams are enough to find the paragraph (every
			// second one is in the index).
			from, to = n/4, max(n*3/4, n/4+5)
		}
		cands = c.quoteCandidates(cands[:0], index, i, from, to-shingleSize+1)
		flow := displayOn && c.displayQuote(i)
		inset := displayOn && c.ctx.HTML && c.emphasisInset(i)
		display := flow || inset
		var words []string
		for _, j := range cands {
			if int(j) == i || c.marks[j].Role != Content {
				continue
			}
			// The longer copy is the source. A copy hardly longer may be
			// the echo as well as the source; only a display quote's
			// place tells: the copy out of the flow is the echo.
			rule, least := "", need
			if c.ntok[j] < c.ntok[i]*3/2 {
				if !display || c.ntok[j] <= c.ntok[i] || flow && c.outOfFlow(int(j)) || !flow && c.bs[j].Emphasis >= insetPlainMax {
					continue
				}
				rule, least = "display-quotes", max(need, int(float64(c.ntok[i])*pullQuoteUnmarkedShare+0.999))
			}
			if words == nil {
				words = c.tokens(i)
			}
			tj := c.tokens(int(j))
			if longestCommonRun(words, tj) < least {
				// Two excerpts of the paragraph may be joined into one
				// quote.
				// Only a text set apart as a quote (quotation marks, a
				// blockquote or its indent, an aside) is taken for one: a
				// recipe's or a list's lines share runs with a summary too.
				if rule != "" || !stitched || !(quoted(b.Text) || c.outOfFlow(i)) || runCover(words, tj, stitchMinRun) < least {
					continue
				}
				rule = "stitched-quotes"
			}
			if rule != "" {
				c.removeAs(rule, i, PullQuote)
				c.marks[i].DupOf = int(j)
			} else {
				c.remove(i, PullQuote, int(j))
			}
			c.step("quote-attribution", func() { c.attribution(i) })
			break
		}
	}
	c.step("inset-lines", c.insetLines)
}

const (
	// insetMinEmphasis is the share of bold text of a line set apart by
	// emphasis; insetPlainMax the most its neighbours have.
	insetMinEmphasis = 0.9
	insetPlainMax    = 0.5
	// insetMinQuotes is how many of a page's emphasis insets must be
	// pull quotes before the others are taken for display lines too.
	insetMinQuotes = 2
)

// emphasisInset reports whether block i is set apart from the text by its
// type alone: a short line wholly in bold between live blocks that are
// not, in a page's flow of paragraphs. A question or a labelled turn is
// left alone: pages set their questions so.
func (c *cleaner) emphasisInset(i int) bool {
	b := c.bs[i]
	if b.Emphasis < insetMinEmphasis || c.nw[i] > pullQuoteMaxWords || IsQuestion(b.Text) && !quoted(b.Text) || b.Kind == blocks.Heading {
		return false
	}
	prev, next := c.prevLive(i), c.nextLive(i)
	if prev < 0 || next < 0 {
		return false
	}
	return c.bs[prev].Emphasis < insetPlainMax && c.bs[next].Emphasis < insetPlainMax &&
		c.bs[prev].Kind == b.Kind && c.bs[next].Kind == b.Kind
}

// prevLive returns the nearest live block before i, skipping removed
// ones; -1 if there is none or a block of another role comes first.
func (c *cleaner) prevLive(i int) int { return c.liveFrom(i, -1) }

// insetLines removes the lines a page sets apart as it sets its pull
// quotes (emphasisInset), when most such lines are pull quotes and at
// least insetMinQuotes are: the others are display lines that quote no
// one word for word (a pull caption, a summing-up line), printed in the
// same style between the paragraphs.
func (c *cleaner) insetLines() {
	if !c.ctx.HTML {
		return
	}
	var rest []int
	quotes := 0
	for i := range c.bs {
		c.tick()
		switch {
		case c.live(i) && c.emphasisInset(i):
			rest = append(rest, i)
		case c.marks[i].Reason == PullQuote && c.marks[i].DupOf >= 0 && c.insetOnce(i):
			quotes++
		}
	}
	if quotes < insetMinQuotes || quotes < len(rest) {
		return
	}
	for _, i := range rest {
		c.remove(i, PullQuote, -1)
	}
}

// insetOnce reports whether removed block i was an emphasis inset: wholly
// bold between blocks of its kind that are not.
func (c *cleaner) insetOnce(i int) bool {
	b := c.bs[i]
	if b.Emphasis < insetMinEmphasis || i == 0 || i+1 >= len(c.bs) {
		return false
	}
	prev, next := c.bs[i-1], c.bs[i+1]
	return prev.Emphasis < insetPlainMax && next.Emphasis < insetPlainMax && prev.Kind == b.Kind && next.Kind == b.Kind
}

// outOfFlow reports whether block i is set apart from the text: a
// blockquote, or a block inside an aside or a figure.
func (c *cleaner) outOfFlow(i int) bool {
	b := c.bs[i]
	if b.Kind == blocks.Quote {
		return true
	}
	for e, up := b.Elem, 0; e != nil && up < 4; e, up = e.Parent, up+1 {
		if e.Tag == "aside" || e.Tag == "figure" {
			return true
		}
	}
	return false
}

// displayQuote reports whether block i is set apart from the text as a
// display quote: out of the flow (outOfFlow) and alone there, between
// blocks in the flow. On a page that sets its answers, or a whole passage,
// as blockquotes the quotes are the flow.
func (c *cleaner) displayQuote(i int) bool {
	if !c.outOfFlow(i) {
		return false
	}
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(c.bs); j += step {
			if c.marks[j].Role == Removed {
				continue
			}
			if c.outOfFlow(j) && c.marks[j].Role == Content {
				return false
			}
			break
		}
	}
	return true
}

// gramSlots is how many blocks one 4-gram of the pull-quote index names.
const gramSlots = 4

// quoteIndex indexes the paragraphs a pull quote may come from, so that it
// is compared only with those that share word 4-grams with it. Each
// 4-gram keeps the first gramSlots blocks that contain it. Every second
// 4-gram of a paragraph is enough: a common run of five words or more
// always contains one, and the index is half the size. A block's own
// 4-grams that occur nowhere else are left out (see quoteCandidates).
func (c *cleaner) quoteIndex() *gramTable {
	each := func(fn func(i, g int)) {
		for i := range c.bs {
			c.tick()
			if !c.quoteIndexed(i) {
				continue
			}
			for g := c.gramOff[i]; g < c.gramOff[i+1]; g += 2 {
				if c.recurs[g] {
					fn(i, g)
				}
			}
		}
	}
	n := 0
	each(func(int, int) { n++ })
	idx := newGramTable(n) // sized up front: growing is slow on a long page
	each(func(i, g int) { idx.add(c.grams[g], int32(i), gramSlots, true) })
	return idx
}

// quoteIndexed reports whether quoteIndex takes block i; after it ran, for
// a block still live.
func (c *cleaner) quoteIndexed(i int) bool { return c.live(i) && c.ntok[i] >= 6 }

// quoteCandidates appends to dst the blocks that share a 4-gram with block
// i's k-th 4-grams for k in [from, to), until there are enough to confirm.
// The index holds every second 4-gram of a paragraph, so all of these are
// looked up. A 4-gram that occurs nowhere else names only i itself, when
// the index took it.
func (c *cleaner) quoteCandidates(dst []int32, idx *gramTable, i, from, to int) []int32 {
	var buf [gramSlots]int32
	for k := from; k < to; k++ {
		var found []int32
		switch g := c.gramOff[i] + k; {
		case c.recurs[g]:
			found = idx.appendBlocks(buf[:0], c.grams[g])
		case k%2 == 0 && c.quoteIndexed(i):
			found = append(buf[:0], int32(i))
		}
		for _, j := range found {
			if !slices.Contains(dst, j) {
				dst = append(dst, j)
			}
		}
		if len(dst) >= maxConfirm*2 {
			break
		}
	}
	return dst
}

// attributionRe matches the name printed under a pull quote: "François
// Héran", "— Jane Doe".
var attributionRe = regexp.MustCompile(`^[—–-]?\s*\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|da|von|van|der|del|la|le)){0,4}$`)

// attribution removes the speaker's name printed right after a pull quote
// at i: it belongs to the display quote, not to the text.
func (c *cleaner) attribution(i int) {
	if j := c.nextLive(i); j == i+1 && c.nw[j] <= 5 && attributionRe.MatchString(c.bs[j].Text) {
		c.remove(j, PullQuote, -1)
	}
}

// stitchMinRun is the shortest excerpt counted in a stitched pull quote:
// shorter shared runs are common phrases.
const stitchMinRun = 5

// runCover returns how many words of a stand in runs of at least minRun
// words that b holds unbroken: a pull quote that joins two excerpts of a
// paragraph, leaving out what stood between them, is covered almost whole.
func runCover(a, b []string, minRun int) int {
	covered := 0
	for i := 0; i < len(a); {
		best := 0
		for j := range b {
			k := 0
			for i+k < len(a) && j+k < len(b) && a[i+k] == b[j+k] {
				k++
			}
			best = max(best, k)
		}
		if best >= minRun {
			covered += best
			i += best
		} else {
			i++
		}
	}
	return covered
}

// longestCommonRun returns the length of the longest run of words that a
// and b share, in order and unbroken.
func longestCommonRun(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	best := 0
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				best = max(best, cur[j])
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// media moves captions and credits out of the text. HTML says which blocks
// they are; in a text dump a caption shows as a doubled line (found by
// duplicates) and a credit as a short line naming a photographer or agency
// next to a caption.
func (c *cleaner) media() {
	c.step("caption-markup", func() {
		for i, b := range c.bs {
			if !c.live(i) {
				continue
			}
			switch {
			case b.Kind == blocks.Caption:
				c.setRole(i, Caption)
			case b.Kind == blocks.Credit:
				c.setRole(i, Credit)
			}
		}
	})
	c.step("captions-beside-images", c.captionsBesideImages)
	c.step("caption-credit-tail", func() {
		for i, b := range c.bs {
			// "A view of the harbour (Photo: AFP)": a caption that carries
			// its credit.
			if c.live(i) && endsWithBracket(b.Text) && c.nw[i] <= besideImageMaxWords+10 && creditTailRe.MatchString(b.Text) {
				c.setRole(i, Caption)
			}
		}
	})
	beside, label := c.rules.on("credit-beside-caption"), c.rules.on("credit-label")
	for i, b := range c.bs {
		if !c.live(i) || c.nw[i] > creditMaxWords || EndsSentence(b.Text) {
			continue
		}
		// The cheap tests (position, anchored label) go first: creditRe
		// scans the whole text.
		switch {
		case beside && c.nextToCaption(i) && c.mayCredit(i) && c.v.Credit.Re.MatchString(b.Text):
			c.marks[i].Role, c.marks[i].Rule = Credit, "credit-beside-caption"
		case label && creditLabelRe.MatchString(b.Text):
			// "Foto: dpa" stands anywhere; "Фото:" alone names the
			// source on the next line.
			c.marks[i].Role, c.marks[i].Rule = Credit, "credit-label"
			if strings.HasSuffix(b.Text, ":") {
				if j := c.nextLive(i); j >= 0 && c.nw[j] <= 8 && !EndsSentence(c.bs[j].Text) {
					c.marks[j].Role, c.marks[j].Rule = Credit, "credit-label"
				}
			}
		}
	}
}

// creditLabelRe matches a credit that names itself: "Foto: ...",
// "Photo: ...", "Фото:", "Bild: ...", "Photographs by ...", and the compound
// labels "Photo credit:", "Fotocredit:", "Bildnachweis:", "Crédit photo :",
// and a source's label ("Quelle: ...", "Source: ...") that credits a
// table, a chart or a quoted note the same way.
// A lone "©" line is a copyright
// notice, not a credit.
var creditLabelRe = regexp.MustCompile(`(?i)^(\(?((photo|foto|bild|image)\s?(credits?|nachweis|rechte|quelle)|cr[ée]dits?\s+photos?|photo|photos|photograph|photographs|photography|foto|fotos|fotograf[íi]a|fotografie|фото|bild|bilder|titelbild|titelfoto|aufmacherbild|bildquelle|bildnachweis|image|images|picture|imagen|illustration|crédit|credit|credits|quelle|source|fuente|источник)\s*:|(?-i:(?:[Pp]hoto(?:graph)?|[Ii]llustration)s?\s+by\s+\p{Lu}))`)

// creditTailRe matches a credit in brackets at the end of a text.
var creditTailRe = regexp.MustCompile(`(?i)[(\[](photos?|fotos?|фото|bild|image|imagen|crédit|credits?)\s*:[^)\]]{2,80}[)\]]\s*$`)

// endsWithBracket is a cheap test before creditTailRe.
func endsWithBracket(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]")
}

// nextLive returns the next content block after i, or -1.
func (c *cleaner) nextLive(i int) int { return c.liveFrom(i, 1) }

// liveFrom returns the nearest live block from i in direction dir (+1 or
// -1), skipping removed ones; -1 if there is none or a block of another
// role comes first.
func (c *cleaner) liveFrom(i, dir int) int {
	for j := i + dir; j >= 0 && j < len(c.bs); j += dir {
		if c.marks[j].Role == Removed {
			continue
		}
		if c.live(j) {
			return j
		}
		return -1
	}
	return -1
}

// nextToCaption reports whether the nearest non-removed block before or
// after i is a caption.
func (c *cleaner) nextToCaption(i int) bool {
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(c.bs); j += step {
			if c.marks[j].Role == Removed {
				continue
			}
			if c.marks[j].Role == Caption {
				return true
			}
			break
		}
	}
	return false
}

// footer removes the short lines that trail the last sentence of the page:
// "Subscribe", "Google Chrome Firefox Safari", copyright lines. Only
// non-sentences are taken, so a closing remark in the text stays.
func (c *cleaner) footer() {
	c.step("beyond-footer", c.beyondFooter)
	c.step("editorial-note", c.editorialNote)
	c.step("trailing-lines", c.trailingLines)
	c.step("site-address", c.siteAddress)
	c.step("after-disclaimer", c.afterDisclaimer)
}

const (
	// siteAddressMaxWords bounds the site's closing word to the reader.
	siteAddressMaxWords = 60
	// siteAddressReach is how many of the page's last text blocks are
	// looked at: the address closes the article.
	siteAddressReach = 4
)

// siteAddress removes the site's closing word to the reader (follow us,
// get our app, subscribe to read on, write to the editors): one of the
// page's last text blocks that names the site itself and addresses the
// reader, and the short blocks that follow it. An article speaks of its
// subject, not of the site printing it: a page that names the site in its
// text too (a firm's own page) is about the site, and its last paragraph
// stays. The address stands in the page's last half, after its last
// question, so an interview's closing answer is not taken for one.
func (c *cleaner) siteAddress() {
	if len(c.ctx.SiteNames) == 0 {
		return
	}
	first, name, seen := -1, "", 0
	for i := len(c.bs) - 1; i >= 0; i-- {
		c.tick()
		if !c.live(i) {
			continue
		}
		seen++
		if IsQuestion(c.bs[i].Text) {
			break
		}
		n := ""
		if c.nw[i] <= siteAddressMaxWords && c.v.Reader.Has(c.keys[i]) {
			n = c.siteName(i)
		}
		if n != "" {
			first = i
			if len(n) > len(name) {
				name = n
			}
		} else if seen >= siteAddressReach || first >= 0 {
			// Past the reach, only a run of addresses goes on (a
			// paywall's several calls).
			break
		}
	}
	if first < 0 {
		return
	}
	before, after, short := 0, 0, true
	for i := range c.bs {
		c.tick()
		switch {
		case !c.live(i):
		case i < first:
			before += c.nw[i]
			if c.nw[i] > bylineMaxWords && c.names(i, name) {
				return // the site is the page's subject
			}
		default:
			after += c.nw[i]
			short = short && c.nw[i] <= siteAddressMaxWords
		}
	}
	if before < after {
		return
	}
	for i := first; i < len(c.bs); i++ {
		if c.live(i) && (i == first || short) {
			c.remove(i, Footer, -1)
		}
	}
}

// bylineMaxWords bounds a byline or source line ("Article by Example
// News"), which may name the site without making it the page's subject.
const bylineMaxWords = 12

// siteName returns the longest of the site's names that block i names,
// or "": the name spans whole words of the block's key, spaces aside
// ("Example Times" for "@ExampleTimes", "example.com"), not part of a
// longer word.
func (c *cleaner) siteName(i int) string {
	best := ""
	for _, n := range c.ctx.SiteNames {
		if len(n) > len(best) && c.names(i, n) {
			best = n
		}
	}
	return best
}

// names reports whether block i names n (see siteName).
func (c *cleaner) names(i int, n string) bool {
	ws := strings.Split(c.keys[i], " ")
	for j := range ws {
		rest := n
		for k := j; k < len(ws) && rest != ""; k++ {
			r, ok := strings.CutPrefix(rest, ws[k])
			if !ok {
				break
			}
			rest = r
		}
		if rest == "" {
			return true
		}
	}
	return false
}

// afterDisclaimer removes what follows a closing disclaimer: a note on
// whose views an interview gives or on paid links closes the article, so
// the blocks after it (teasers, feeds) are the page's. It holds only when
// nothing after the note asks a question (the interview is over) and the
// note lies in the page's last half.
func (c *cleaner) afterDisclaimer() {
	d := -1
	for i := len(c.bs) - 1; i >= len(c.bs)/2; i-- {
		if c.marks[i].Rule == "disclaimer" {
			d = i
			break
		}
	}
	if d < 0 {
		return
	}
	for i := d + 1; i < len(c.bs); i++ {
		if c.live(i) && IsQuestion(c.bs[i].Text) {
			return
		}
	}
	for i := d + 1; i < len(c.bs); i++ {
		if c.live(i) {
			c.remove(i, Footer, -1)
		}
	}
}

// trailingLines removes the short non-sentences after the page's last
// sentence. A disclaimer counts as a sentence here although it is removed:
// it closes the article, so the short lines above it (a closing list of
// links in the last answer) are the article's, not the page footer.
func (c *cleaner) trailingLines() {
	last := -1
	for i, b := range c.bs {
		closes := c.live(i) || c.marks[i].Rule == "disclaimer"
		if closes && EndsSentence(b.Text) && c.nw[i] >= 6 {
			last = i
		}
	}
	if last < 0 {
		return
	}
	for i := last + 1; i < len(c.bs); i++ {
		if c.live(i) && c.nw[i] <= 12 && !EndsSentence(c.bs[i].Text) {
			c.remove(i, Footer, -1)
		}
	}
}

const (
	// beyondFooterMaxWords bounds the text that may trail the page's
	// footer: a tagline, a loader text.
	beyondFooterMaxWords = 15
	// footerWall is how many removed blocks in a row make the footer
	// wall that ends the page's text.
	footerWall = 3
)

const (
	// editorialNoteMaxWords bounds a closing note of the editors.
	editorialNoteMaxWords = 60
	// noteLineMaxWords bounds each block of a note of several blocks.
	noteLineMaxWords = 25
)

// editorialNote removes the italic note that editors print under an
// article (a disclaimer, "this interview was shortened", a source line,
// "Want to know more? Follow them on ..."): the page's last text block, or
// last short blocks, wholly in italics and 60 words at most together,
// after a paragraph that is not in italics or a heading. Only HTML shows
// italics.
func (c *cleaner) editorialNote() {
	if !c.ctx.HTML {
		return
	}
	var run []int // the trailing italic blocks, last first
	words := 0
	for i := len(c.bs) - 1; i >= 0; i-- {
		c.tick()
		if !c.live(i) {
			continue
		}
		b := c.bs[i]
		fits := words+c.nw[i] <= editorialNoteMaxWords
		if len(run) > 0 {
			// A note of several blocks is made of short lines; longer
			// italic paragraphs in a row are the article's own.
			fits = fits && c.nw[i] <= noteLineMaxWords && c.nw[run[0]] <= noteLineMaxWords
		}
		if b.Italic >= 0.9 && (b.Kind == blocks.Paragraph || b.Kind == blocks.ListItem) && !IsQuestion(b.Text) && fits {
			run = append(run, i)
			words += c.nw[i]
			continue
		}
		// The note stands under text that is not in italics (or under a
		// heading): a page set wholly in italics has no such note.
		if b.Italic < 0.5 || b.Kind == blocks.Heading {
			for _, j := range run {
				c.remove(j, EditorialNote, -1)
			}
		}
		return
	}
}

// beyondFooter removes a little text that stands after the page's footer
// (a run of removed navigation): a tagline or a loading screen's text
// printed at the very end of the document.
func (c *cleaner) beyondFooter() {
	words, removed := 0, 0
	var tail []int
	for i := len(c.bs) - 1; i >= 0; i-- {
		c.tick()
		switch {
		case c.marks[i].Role == Removed:
			removed++
			if removed >= footerWall && len(tail) > 0 {
				for _, j := range tail {
					c.remove(j, Footer, -1)
				}
				return
			}
		case c.live(i):
			if removed >= footerWall {
				return
			}
			removed = 0
			words += c.nw[i]
			if words > beyondFooterMaxWords {
				return
			}
			tail = append(tail, i)
		default:
			return // media belongs to the article
		}
	}
}

const (
	// besideImageMaxWords is the longest text taken for an unmarked
	// caption beside an image.
	besideImageMaxWords = 30
	// besideImageMaxBlocks is how many blocks the element holding the
	// image may hold: a caption box has one or two, an article many.
	besideImageMaxBlocks = 2
	// besideImageMaxShare guards chat-style pages, where every turn sits
	// beside an avatar: if unmarked captions would be more than this
	// share of the text blocks, none is taken.
	besideImageMaxShare = 0.3
	// besideImageSentenceWords is the shortest sentence-ended text read as
	// running text rather than a label.
	besideImageSentenceWords = 8
)

// captionsBesideImages moves to media the short texts that share a small
// element with an image (within two levels), when the page did not mark
// them as captions: outfit notes behind an "Info" toggle, photo
// descriptions in a slider.
func (c *cleaner) captionsBesideImages() {
	if !c.ctx.HTML {
		return
	}
	// count holds the blocks within three levels of an element, all the
	// blocks at any depth: an article whose paragraphs sit deeper than its
	// lead image looks small to count alone.
	count := map[*blocks.Element]int{}
	all := map[*blocks.Element]int{}
	for i, b := range c.bs {
		if c.marks[i].Role == Removed {
			continue
		}
		for e, up := b.Elem, 0; e != nil; e, up = e.Parent, up+1 {
			if up < 3 {
				count[e]++
			}
			all[e]++
		}
	}
	var found []int
	live := 0
	for i, b := range c.bs {
		if !c.live(i) {
			continue
		}
		live++
		if b.Kind == blocks.Heading || b.Elem == nil || IsQuestion(b.Text) || c.nw[i] > besideImageMaxWords {
			continue
		}
		for e, up := b.Elem, 0; e != nil && up < 3; e, up = e.Parent, up+1 {
			// Running text (a sentence of some length) beside an image
			// is a caption only if the box holds few blocks in all;
			// short labels, dates and bylines keep the shallow count.
			n := count[e]
			if c.nw[i] >= besideImageSentenceWords && EndsSentence(b.Text) {
				n = all[e]
			}
			if e.HasMedia && n <= besideImageMaxBlocks {
				found = append(found, i)
				break
			}
		}
	}
	if float64(len(found)) > besideImageMaxShare*float64(live) {
		return
	}
	for _, i := range found {
		c.setRole(i, Caption)
	}
}

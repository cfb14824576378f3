package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"

	"github.com/qanda/qanda/internal/words"
)

// Reasons given by main-content extraction.
const (
	// OutsideMain: the block lies outside the container that holds the
	// article's text (sidebars, teasers around the article, page footer
	// not marked as such).
	OutsideMain Reason = "outside-main"
	// Teaser: an article card (headline and summary of another story)
	// inside or next to the article.
	Teaser Reason = "teaser"
	// Related: a list of links to other pages, or the heading of a section
	// whose blocks are all removed.
	Related Reason = "related"
	// AuthorBio: a box about the author after the article.
	AuthorBio Reason = "author-bio"
)

const (
	// paraMinChars is the shortest paragraph that scores for its container.
	paraMinChars = 25
	// siblingShare is the share of the top container's score a sibling
	// container needs to be part of the article too.
	siblingShare = 0.2
	// linkLineDensity is the link density of a line that is a link.
	linkLineDensity = 0.8
	// cardMaxChars and cardMaxBlocks bound a teaser card.
	cardMaxChars  = 700
	cardMaxBlocks = 6
	// stubMaxWords is the longest link line the link-stub rule takes.
	stubMaxWords = 12
	// authorMaxChars bounds a box about the author.
	authorMaxChars = 1000
)

// elemStat is what mainContent knows about one element: the live text
// below it and its content score.
type elemStat struct {
	chars  int     // characters of live blocks below the element
	link   int     // ... of them inside links
	blocks int     // live blocks below the element
	score  float64 // content score from the paragraphs below it
	kids   int     // child elements that hold live blocks
	first  int     // index of the first live block below the element
	last   int     // ... and of the last
}

// mainContent removes, on HTML pages, the blocks outside the article's main
// content that the HTML did not mark as chrome (teasers, related links,
// author boxes, ...).
//
// It scores containers as Readability does: each paragraph gives points
// (one, one per comma, one per 100 characters up to three) to the element
// around it, half of them to the next one up and a third, a sixth, ... to
// those above; a container's score is scaled by its share of text outside
// links and by what its class says (article, content, post / comment,
// sidebar, related). The best container, moved up while it is the only
// child or while its parent scores higher, is the article; siblings that
// score well too join it. Then, inside the article, lists of links,
// teaser cards and author boxes go, and so do headings whose whole
// section went.
func (c *cleaner) mainContent() {
	if !c.ctx.HTML {
		return
	}
	stats := map[*blocks.Element]*elemStat{}
	stat := func(e *blocks.Element) *elemStat {
		s := stats[e]
		if s == nil {
			s = &elemStat{first: -1}
			stats[e] = s
		}
		return s
	}
	lengths := make([]int, len(c.bs))
	for i, b := range c.bs {
		if b.Elem == nil || !c.live(i) {
			continue
		}
		n := utf8.RuneCountInString(b.Text)
		lengths[i] = n
		link := int(b.LinkDensity*float64(n) + 0.5)
		for e := b.Elem; e != nil; e = e.Parent {
			s := stat(e)
			if s.blocks == 0 && e.Parent != nil {
				stat(e.Parent).kids++
			}
			s.chars += n
			s.link += link
			s.blocks++
			if s.first < 0 {
				s.first = i
			}
			s.last = i
		}
		if !scoring(b) || n < paraMinChars {
			continue
		}
		points := 1 + float64(strings.Count(b.Text, ",")+strings.Count(b.Text, "،")+strings.Count(b.Text, "，")) + min(float64(n)/100, 3)
		e := b.Elem
		if !isContainerTag(e.Tag) && e.Parent != nil {
			e = e.Parent
		}
		for level := 0; e != nil && level < 5; level++ {
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level * 3)
			}
			stat(e).score += points / div
			e = e.Parent
		}
	}
	if len(stats) == 0 {
		return
	}
	final := func(e *blocks.Element) float64 {
		s := stats[e]
		if s == nil || s.score == 0 {
			return 0
		}
		ld := 0.0
		if s.chars > 0 {
			ld = float64(s.link) / float64(s.chars)
		}
		return (s.score + classWeight(e)) * (1 - ld)
	}
	var top *blocks.Element
	best := 0.0
	for e := range stats {
		if f := final(e); f > best || (f == best && top != nil && f > 0 && stats[e].first < stats[top].first) {
			top, best = e, f
		}
	}
	if top == nil {
		return
	}
	top = c.moveUp(top, stats, final)

	// The article: the top container and its siblings that score well.
	in := map[*blocks.Element]bool{top: true}
	topScore := final(top)
	if top.Parent != nil {
		threshold := max(10, topScore*siblingShare)
		for e, s := range stats {
			if e == top {
				continue
			}
			// The article printed in several sections of one class
			// (one per page of a CMS's content fields).
			same := e.Class != "" && e.Class == top.Class && e.Tag == top.Tag
			if e.Parent != top.Parent && !(same && e.Depth == top.Depth) {
				continue
			}
			bonus := 0.0
			if same {
				bonus = topScore * 0.2
			}
			if final(e)+bonus >= threshold || e.Parent == top.Parent && c.paragraphSibling(e, s) {
				in[e] = true
			}
		}
	}
	inMain := func(i int) bool {
		for e := c.bs[i].Elem; e != nil; e = e.Parent {
			if in[e] {
				return true
			}
		}
		return false
	}
	// A guard against a wrong choice: when three times more paragraph text lies
	// outside the article than inside, the page is not one article with
	// furniture around it (a gallery, a page of several interviews), and
	// only the cleaning inside containers applies.
	inside, outside := 0, 0
	for i, b := range c.bs {
		if !c.live(i) || b.Elem == nil || b.Kind != blocks.Paragraph || !scoring(b) || lengths[i] < paraMinChars {
			continue
		}
		n := int(float64(lengths[i]) * (1 - b.LinkDensity))
		if inMain(i) {
			inside += n
		} else {
			outside += n
		}
	}
	c.step("lead-siblings", func() {
		// After the guard: a box of a few sentences does not change
		// whether the page is one article. A box taken makes the one
		// before it adjacent.
		for e := c.siblingBefore(top, in, stats); e != nil && c.sentenceSibling(e, stats[e]); e = c.siblingBefore(top, in, stats) {
			in[e] = true
			// The blocks it keeps name the step, so that `qanda rules`
			// and the ablation see where it works.
			for i, b := range c.bs {
				if c.live(i) && b.Elem != nil && within(b.Elem, e) {
					c.marks[i].Rule = c.rule
				}
			}
		}
	})
	start, end := len(c.bs), -1
	for i := range c.bs {
		c.tick()
		if c.live(i) && c.bs[i].Elem != nil && inMain(i) {
			start, end = min(start, i), max(end, i)
		}
	}
	if end < 0 {
		return
	}
	var lead map[int]bool
	c.step("standfirst", func() {
		// The look ends at the top container's text, not at a sibling
		// taken with it: the article's header is often such a sibling.
		first := start
		for i := start; i <= end; i++ {
			if c.live(i) && c.bs[i].Elem != nil && within(c.bs[i].Elem, top) {
				first = i
				break
			}
		}
		lead = c.standfirst(first)
		for i := range lead {
			c.marks[i].Lead = true
			c.marks[i].Rule = c.rule
		}
	})
	c.step("outside-main", func() {
		for i, b := range c.bs {
			if outside > 3*inside || !c.live(i) || b.Elem == nil || inMain(i) || lead[i] {
				continue
			}
			// Captions of the article's pictures, printed beside the text
			// column, are media, not chrome.
			if (b.Kind == blocks.Caption || b.Kind == blocks.Credit) && i > start && i < end {
				continue
			}
			c.remove(i, OutsideMain, -1)
		}
	})
	c.insideMain(in, stats)
	c.step("empty-sections", c.emptySections)
}

const (
	// leadMinWords is the shortest standfirst; a shorter line between
	// headline and text is a byline, a date or a label.
	leadMinWords = 8
	// leadLongWords is how long a standfirst that does not end in a
	// sentence mark must be.
	leadLongWords = 15
)

// standfirst returns the blocks between the headline and the article's
// first block that are its standfirst (lead, summary, deck): paragraphs of
// sentence text outside links. Pages set the standfirst in the header of
// the article, outside the container that holds the text, and often name it
// "teaser" or "intro"; bylines, dates and share buttons there are short and
// no sentences. A heading that is no standfirst ends the look (what follows
// it is a box of its own: teasers, a newsletter form), unless it comes
// right after the title: then it is the article's own headline under the
// site's name, or a second line of the headline. So does an
// article that opens with a heading of its own: the page's headline then
// is the site's name, and its standfirst would follow inside.
func (c *cleaner) standfirst(start int) map[int]bool {
	t := c.ctx.TitleBlock
	if t < 0 || t >= start || start >= len(c.bs) || c.bs[start].Kind == blocks.Heading && c.bs[start].Level <= 2 {
		return nil
	}
	lead := map[int]bool{}
	seen := false // a live block after the title
	for i := t + 1; i < start; i++ {
		b := c.bs[i]
		if !c.live(i) || b.Elem == nil {
			continue
		}
		if c.leadParagraph(i) {
			lead[i] = true
		} else if b.Kind == blocks.Heading && seen {
			break
		}
		seen = true
	}
	return lead
}

// leadParagraph reports whether block i reads as a standfirst: a paragraph
// or subheading of sentences outside links, not in a box about the author,
// not a line of fields ("date | author | section").
func (c *cleaner) leadParagraph(i int) bool {
	b := c.bs[i]
	if b.LinkDensity >= 0.2 || c.nw[i] < leadMinWords {
		return false
	}
	// A standfirst set as a heading is a sentence or more; a headline
	// is shorter and ends in no full stop.
	heading := b.Kind == blocks.Heading && c.nw[i] >= leadLongWords && EndsSentence(b.Text) && !IsQuestion(b.Text)
	if b.Kind != blocks.Paragraph && !heading {
		return false
	}
	named := false
	for e := b.Elem; e != nil; e = e.Parent {
		if authorNamed(e) {
			return false
		}
		named = named || leadNamed(e)
	}
	if !named {
		return false
	}
	if EndsSentence(b.Text) {
		return true
	}
	return c.nw[i] >= leadLongWords && !strings.Contains(b.Text, " | ")
}

// scoring reports whether a block is a paragraph that scores for its
// container.
func scoring(b blocks.Block) bool {
	switch b.Kind {
	case blocks.Paragraph, blocks.Quote, blocks.Pre, blocks.Cell, blocks.ListItem:
		return b.LinkDensity < 0.5
	}
	return false
}

// isContainerTag reports whether text written directly in an element is
// part of a bigger unit (the text of a div between <br>s) rather than one
// paragraph of its own.
func isContainerTag(tag string) bool {
	switch tag {
	case "p", "li", "dd", "dt", "td", "th", "blockquote", "pre", "figcaption", "caption",
		"h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "b", "strong", "i", "em", "font", "u", "small":
		return false
	}
	return true
}

// moveUp moves the top container up while it is the only child of its
// parent that holds text, or while its parent scores as well as it does
// (the article split into sections, each a good candidate of its own).
func (c *cleaner) moveUp(top *blocks.Element, stats map[*blocks.Element]*elemStat, final func(*blocks.Element) float64) *blocks.Element {
	for top.Parent != nil && top.Parent.Tag != "body" && top.Parent.Tag != "html" {
		p := top.Parent
		ps := stats[p]
		if ps.kids == 1 {
			top = p
			continue
		}
		// A parent that holds several good candidates is the article.
		if final(p) >= final(top) {
			top = p
			continue
		}
		break
	}
	return top
}

// paragraphSibling reports whether a sibling of the article's container
// is a paragraph of the article all the same: text outside links, long or
// ending in a sentence.
func (c *cleaner) paragraphSibling(e *blocks.Element, s *elemStat) bool {
	if s.blocks != 1 || isContainerTag(e.Tag) {
		return false
	}
	b := c.bs[s.first]
	if b.Kind != blocks.Paragraph {
		return false
	}
	ld := float64(s.link) / float64(max(s.chars, 1))
	return s.chars > 80 && ld < 0.25 || ld == 0 && EndsSentence(b.Text) && words.Count(b.Text) >= 4
}

const (
	// siblingMaxBlocks bounds the blocks of a sentence sibling: a lead, a
	// closing line, not a second column of text.
	siblingMaxBlocks = 3
	// siblingMaxLink is the link density a sentence sibling stays below.
	siblingMaxLink = 0.1
)

// siblingBefore returns the sibling of the article's container that holds
// text right before the article (its container and the siblings taken
// with it), nil if there is none.
func (c *cleaner) siblingBefore(top *blocks.Element, in map[*blocks.Element]bool, stats map[*blocks.Element]*elemStat) *blocks.Element {
	if top.Parent == nil {
		return nil
	}
	first := stats[top].first
	for e := range in {
		if s := stats[e]; s != nil && s.blocks > 0 {
			first = min(first, s.first)
		}
	}
	var prev *blocks.Element
	for e, s := range stats {
		if e.Parent == top.Parent && !in[e] && s.blocks > 0 && s.last < first && (prev == nil || s.last > stats[prev].last) {
			prev = e
		}
	}
	return prev
}

// sentenceSibling reports whether a sibling container before the article
// is part of it: a lead set in a box of its own, a few paragraphs of
// sentence text outside links, under no name of page furniture, an
// author or a deck. A box of the site's has links, a label or a heading,
// or a name.
func (c *cleaner) sentenceSibling(e *blocks.Element, s *elemStat) bool {
	if s.blocks > siblingMaxBlocks || float64(s.link) >= siblingMaxLink*float64(max(s.chars, 1)) {
		return false
	}
	words, last := 0, -1
	for i := s.first; i <= s.last; i++ {
		b := c.bs[i]
		if !c.live(i) || b.Elem == nil || !within(b.Elem, e) {
			continue
		}
		if b.Kind != blocks.Paragraph {
			return false
		}
		for g := b.Elem; g != nil && g != e.Parent; g = g.Parent {
			if authorNamed(g) || deckNamed(g) || furnitureNamed(g) && !leadNamed(g) {
				return false
			}
		}
		words += c.nw[i]
		last = i
	}
	return last >= 0 && words >= leadMinWords && EndsSentence(c.bs[last].Text)
}

// classWeight reads the class and id of a container as Readability does:
// names of article bodies add, names of page furniture subtract.
func classWeight(e *blocks.Element) float64 {
	w := 0.0
	if e.Main {
		w += 25
	}
	for _, v := range []string{e.Class, e.IDAttr} {
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		if containsAny(v, negativeNames) {
			w -= 25
		}
		if containsAny(v, positiveNames) {
			w += 25
		}
	}
	return w
}

var (
	positiveNames = []string{"article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "interview"}
	negativeNames = []string{"hidden", "banner", "combx", "comment", "com-", "contact", "foot", "masthead", "media", "meta",
		"outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
		"tags", "tool", "widget", "teaser", "recirc", "author", "byline", "newsletter", "disclaimer", "disclosure"}
)

// furnitureNamed reports whether an element's class or id holds a name
// of page furniture, whatever else it holds ("article-disclaimer").
func furnitureNamed(e *blocks.Element) bool {
	return containsAny(strings.ToLower(e.Class), negativeNames) || containsAny(strings.ToLower(e.IDAttr), negativeNames)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// insideMain removes, inside the article, teaser cards, nested article
// cards and runs of link lines.
func (c *cleaner) insideMain(in map[*blocks.Element]bool, stats map[*blocks.Element]*elemStat) {
	// below reports whether e lies strictly inside the article's
	// containers (not one of them, not around them).
	below := func(e *blocks.Element) bool {
		for g := e; g != nil; g = g.Parent {
			if in[g] {
				return g != e
			}
		}
		return false
	}
	// Linked headlines per element, to tell a card from a list of cards.
	headlines := map[*blocks.Element]int{}
	for i, b := range c.bs {
		if c.linkedHeadline(i) {
			for e := b.Elem; e != nil; e = e.Parent {
				headlines[e]++
			}
		}
	}
	cards := map[*blocks.Element]string{} // card -> the step that found it
	for i, b := range c.bs {
		if !c.rules.on("teaser-cards") || !c.linkedHeadline(i) || !below(b.Elem) {
			continue
		}
		// A teaser card: the largest element around a linked headline
		// that holds no other headline and little text.
		card := b.Elem
		for p := card.Parent; p != nil && !in[p] && headlines[p] == 1; p = p.Parent {
			if s := stats[p]; s != nil && (s.chars > cardMaxChars || s.blocks > cardMaxBlocks) {
				break
			}
			card = p
		}
		cards[card] = "teaser-cards"
	}
	// Articles inside the article: cards of other stories, comments.
	for e, s := range stats {
		if !c.rules.on("nested-articles") || e.Tag != "article" || in[e] || !below(e) {
			continue
		}
		for g := e.Parent; g != nil; g = g.Parent {
			if in[g] {
				if s.chars*2 < stats[g].chars {
					cards[e] = "nested-articles"
				}
				break
			}
		}
	}
	if len(cards) > 0 {
		for i, b := range c.bs {
			if !c.live(i) || b.Elem == nil {
				continue
			}
			for e := b.Elem; e != nil && !in[e]; e = e.Parent {
				if rule, ok := cards[e]; ok {
					c.removeAs(rule, i, Teaser)
					break
				}
			}
		}
	}
	c.step("link-runs", c.linkRuns)
	c.step("link-boxes", c.linkBoxes)
	c.step("trailing-links", func() { c.trailingLinks(in) })
	c.step("author-boxes", func() { c.authorBoxes(in, stats, below) })
	c.step("after-author-box", c.afterAuthorBox)
}

const (
	// authorBoxAt is the share of the article's words that must stand
	// before an author box for it to close the article.
	authorBoxAt = 0.8
	// afterAuthorMaxShare bounds the text after the closing author box,
	// as a share of the text before it.
	afterAuthorMaxShare = 0.25
	// authorBioMinWords is the shortest sentence about the author.
	authorBioMinWords = 8
)

// afterAuthorBox removes the text that follows the author box closing the
// article: a donation appeal, a newsletter box, a campaign's slogan. The
// box about the author is the article's last part on every site that
// prints one there; what comes after it is the site's.
func (c *cleaner) afterAuthorBox() {
	box, bio := -1, false
	for i := len(c.bs) - 1; i >= 0; i-- {
		c.tick()
		if c.marks[i].Rule != "author-boxes" {
			if box >= 0 {
				break
			}
			continue
		}
		if box < 0 {
			box = i
		}
		// A box that tells about the author in a sentence or is
		// labelled so: photo credits and quoted customers' names are
		// neither.
		bio = bio || c.nw[i] >= authorBioMinWords && EndsSentence(c.bs[i].Text) || authorLabel(c.bs[i].Text, c.nw[i])
	}
	if box < 0 || !bio {
		return
	}
	before, after := 0, 0
	for i := range c.bs {
		c.tick()
		if !c.live(i) {
			continue
		}
		if i < box {
			before += c.nw[i]
		} else {
			after += c.nw[i]
		}
	}
	if after == 0 || float64(before) < authorBoxAt*float64(before+after) || float64(after) > afterAuthorMaxShare*float64(before) {
		return
	}
	for i := box + 1; i < len(c.bs); i++ {
		if c.live(i) {
			c.remove(i, Footer, -1)
		}
	}
}

// linkRuns removes runs of link lines: a list of related stories, the
// anchor links of a table of contents. Short lines that are not questions
// are left to the link-stub rule.
func (c *cleaner) linkRuns() {
	for i := 0; i < len(c.bs); {
		j := i
		for j < len(c.bs) && c.bs[j].Elem != nil && (c.marks[j].Role == Removed || c.bs[j].LinkDensity >= linkLineDensity && c.live(j)) {
			j++
		}
		n, long := 0, false
		for k := i; k < j; k++ {
			if c.live(k) {
				n++
				long = long || c.nw[k] > stubMaxWords || IsQuestion(c.bs[k].Text)
			}
		}
		if long && (n >= 2 || n == 1 && !IsQuestion(c.bs[i].Text)) {
			for k := i; k < j; k++ {
				if c.live(k) {
					c.remove(k, Related, -1)
				}
			}
		}
		i = j + 1
	}
}

const (
	// linkBoxMinLinks is how many lines with a link a link box holds at
	// least; linkBoxMaxWords bounds each of its lines.
	linkBoxMinLinks = 3
	linkBoxMaxWords = 40
	// linkBoxMaxShare bounds a link box's words, as a share of the
	// page's live words.
	linkBoxMaxShare = 0.25
	// boxHeadingMaxWords bounds the heading that opens a link box.
	boxHeadingMaxWords = 5
)

// linkBoxes removes boxes of links set inside the article: a short heading
// line ("RELATED LINKS", "More on this:") opens short lines, three or more
// of which hold a link (the rest are labels like the heading), and one
// element holds
// the heading and these lines but not the text that follows them: the box
// is closed. Lines that are only half link ("May 4: The vote, in pictures")
// escape link-runs; the heading and the box's markup tell them apart from
// answers that cite a link, which no such heading opens and which run on
// in the same container. Every short line in that element goes.
func (c *cleaner) linkBoxes() {
	words := c.wordsBefore(len(c.bs))
	for i := 0; i < len(c.bs); i++ {
		if !c.live(i) || c.bs[i].Elem == nil || c.bs[i].LinkDensity > 0 || !c.boxHeading(i) {
			continue
		}
		box, links, last := c.bs[i].Elem, 0, i
		for j := i + 1; j < len(c.bs); j++ {
			c.tick()
			if c.marks[j].Role == Removed {
				continue
			}
			b := c.bs[j]
			if !c.live(j) || b.Elem == nil || c.nw[j] > linkBoxMaxWords || b.LinkDensity == 0 && !c.boxHeading(j) {
				break
			}
			if b.LinkDensity > 0 {
				links++
			}
			box, last = commonAncestor(box, b.Elem), j
		}
		if links < linkBoxMinLinks || box == nil || c.tableGrid(i, last) {
			continue
		}
		// The box is closed: the next line is outside it.
		if next := c.nextLive(last); next >= 0 && c.bs[next].Elem != nil && within(c.bs[next].Elem, box) {
			continue
		}
		var in []int
		n := 0
		for k := range c.bs {
			c.tick()
			if c.live(k) && c.bs[k].Elem != nil && within(c.bs[k].Elem, box) {
				in = append(in, k)
				n += c.nw[k]
				if c.nw[k] > linkBoxMaxWords {
					n = words // a paragraph of text: not a box
				}
			}
		}
		if float64(n) > linkBoxMaxShare*float64(words) {
			continue
		}
		for _, k := range in {
			c.remove(k, Related, -1)
		}
		i = last
	}
}

// tableGrid reports whether two of the live blocks from..to lie in
// different cells of one table row: a data table (a schedule, a product
// comparison) whose header cells read like labels, not a box of lines.
func (c *cleaner) tableGrid(from, to int) bool {
	cells := map[*blocks.Element]*blocks.Element{} // row -> a cell
	for k := from; k <= to; k++ {
		if !c.live(k) {
			continue
		}
		for e := c.bs[k].Elem; e != nil; e = e.Parent {
			if e.Tag != "td" && e.Tag != "th" {
				continue
			}
			if row := e.Parent; row != nil && row.Tag == "tr" {
				if cell, ok := cells[row]; ok && cell != e {
					return true
				}
				cells[row] = e
			}
			break
		}
	}
	return false
}

// boxHeading reports whether block i reads as the heading of a box or a
// label in one: at most a few words, no link, no sentence or question, in
// capitals (letters the most of it) or ending with a colon.
func (c *cleaner) boxHeading(i int) bool {
	t := strings.TrimSpace(c.bs[i].Text)
	if c.nw[i] == 0 || c.nw[i] > boxHeadingMaxWords || c.bs[i].LinkDensity > 0 || IsQuestion(t) {
		return false
	}
	if strings.HasSuffix(t, ":") {
		return true
	}
	upper, lower, other := 0, 0, 0
	for _, r := range t {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case !unicode.IsSpace(r):
			other++
		}
	}
	return upper >= 2 && lower == 0 && upper > other
}

// commonAncestor returns the innermost element that is or holds both a
// and b, nil if none.
func commonAncestor(a, b *blocks.Element) *blocks.Element {
	for e := a; e != nil; e = e.Parent {
		if within(b, e) {
			return e
		}
	}
	return nil
}

// within reports whether e is box or lies inside it.
func within(e, box *blocks.Element) bool {
	for ; e != nil; e = e.Parent {
		if e == box {
			return true
		}
		if e.Depth < box.Depth {
			return false
		}
	}
	return false
}

// trailingLinks removes the list of links that follows the article's last
// paragraph ("More stories", other interviews of a series) and the short
// line that announces it.
func (c *cleaner) trailingLinks(in map[*blocks.Element]bool) {
	last := -1
	for i, b := range c.bs {
		if c.live(i) && b.Kind == blocks.Paragraph && b.LinkDensity < 0.3 && c.nw[i] >= 25 {
			last = i
		}
	}
	if last < 0 {
		return
	}
	stop := last // where the look back for an announcing line ends
	for i := last + 1; i < len(c.bs); i++ {
		b := c.bs[i]
		if !c.live(i) || b.Kind != blocks.ListItem || b.LinkDensity == 0 || c.nw[i] > 30 {
			continue
		}
		c.remove(i, Related, -1)
		// The line announcing the list: "More Great Stories", "Read more:".
		for j := i - 1; j > stop; j-- {
			if c.marks[j].Role == Removed {
				continue
			}
			if c.live(j) && c.bs[j].Kind != blocks.ListItem && c.nw[j] <= 8 && !EndsSentence(c.bs[j].Text) {
				c.remove(j, Related, -1)
			}
			break
		}
		stop = i
	}
}

// authorBoxes removes boxes about the author, named so by their class or
// id ("author-bio", "about-the-author", "autor"), inside the article.
func (c *cleaner) authorBoxes(in map[*blocks.Element]bool, stats map[*blocks.Element]*elemStat, below func(*blocks.Element) bool) {
	boxes := map[*blocks.Element]bool{}
	for e, s := range stats {
		if !below(e) || s.chars > authorMaxChars || !authorNamed(e) {
			continue
		}
		boxes[e] = true
	}
	if len(boxes) == 0 {
		return
	}
	for i, b := range c.bs {
		if !c.live(i) || b.Elem == nil {
			continue
		}
		for e := b.Elem; e != nil && !in[e]; e = e.Parent {
			if boxes[e] {
				c.remove(i, AuthorBio, -1)
				break
			}
		}
	}
}

// authorNamed reports whether an element's class or id names an author
// box.
func authorNamed(e *blocks.Element) bool {
	found := false
	for _, v := range []string{e.Class, e.IDAttr} {
		forWords(strings.ToLower(v), func(w string) { found = found || authorWord(w) })
	}
	return found
}

// leadNamed reports whether an element's class or id names the article's
// lead paragraph ("lead", "intro", "excerpt"): the opening paragraph of
// the text, set apart in the header. A deck ("dek", "subtitle",
// "summary") is a second headline, not the text, and is not taken.
func leadNamed(e *blocks.Element) bool {
	found := false
	for _, v := range []string{e.Class, e.IDAttr} {
		forWords(strings.ToLower(v), func(w string) {
			switch w {
			case "lead", "lede", "leader", "intro", "excerpt", "teaser", "standfirst", "bajada", "chapo", "chapeau", "anriss", "vorspann":
				found = true
			}
		})
	}
	return found
}

// deckNamed reports whether an element's class or id names a deck, a
// second headline under the first ("dek", "subtitle", "summary"): set
// apart from the text, and no part of it.
func deckNamed(e *blocks.Element) bool {
	found := false
	for _, v := range []string{e.Class, e.IDAttr} {
		forWords(strings.ToLower(v), func(w string) {
			switch w {
			case "dek", "deck", "subtitle", "subhead", "summary", "abstract":
				found = true
			}
		})
	}
	return found
}

// authorWord reports whether a lower-case word names an author or a bio.
func authorWord(w string) bool {
	switch w {
	case "author", "authors", "autor", "autorin", "autoren", "auteur", "bio", "biography", "authorbio", "aboutauthor", "contributor":
		return true
	}
	return false
}

// authorLabel reports whether a short block labels an author box
// ("Autor", "Autoren:", "About the author").
func authorLabel(s string, words int) bool {
	if words > 4 {
		return false
	}
	found := false
	forWords(strings.ToLower(s), func(w string) { found = found || authorWord(w) })
	return found
}

// forWords calls fn for each run of ASCII letters in s.
func forWords(s string, fn func(string)) {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(s[start:i])
			start = -1
		}
	}
}

// linkedHeadline reports whether block i is a heading that is a link: the
// headline of a teaser.
func (c *cleaner) linkedHeadline(i int) bool {
	b := c.bs[i]
	return b.Kind == blocks.Heading && b.LinkDensity >= linkLineDensity && b.Elem != nil && c.marks[i].Role != Title
}

// emptySections removes headings whose section lost all its blocks: the
// title of a related-stories box or of a newsletter form. A section runs
// to the next heading of the same or a higher level.
func (c *cleaner) emptySections() {
	for i, b := range c.bs {
		if !c.live(i) || b.Kind != blocks.Heading {
			continue
		}
		var reason Reason
		empty := true
		for j := i + 1; j < len(c.bs); j++ {
			c.tick()
			o := c.bs[j]
			if o.Kind == blocks.Heading && o.Level <= b.Level {
				break
			}
			if c.marks[j].Role != Removed {
				empty = false
				break
			}
			if reason == "" {
				reason = c.marks[j].Reason
			}
		}
		if empty && reason != "" {
			c.remove(i, reason, -1)
		}
	}
}

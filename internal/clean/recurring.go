package clean

import "strings"

// A page prints some lines in every card it shows: a sponsorship or
// cooperation credit, a category line, a "posted in" line. In a text dump
// the cards after the article go with its footer, but the copy of the
// line at the top of the article, printed in the same card shape, stays.
// Its opening words recur in the removed cards; a speaker's line does not
// open with the same words as two lines of the page's furniture, and ends
// like a sentence.
const (
	recurringPrefixWords = 4 // the words a line and its copies open with
	recurringMinCopies   = 2 // the fewest removed copies
	// A credit or category line (with its tags) is short; a teaser card
	// may repeat the article's own opening paragraph, which must stay.
	recurringMaxWords = 30
)

// recurringLines removes, in a text dump, a live line that ends no
// sentence, is no question or speaker's turn, and opens with the same
// recurringPrefixWords words as at least (it is at most recurringMaxWords
// words long) recurringMinCopies lines already
// removed as chrome.
func (c *cleaner) recurringLines() {
	if c.ctx.HTML {
		return
	}
	prefix := func(i int) string {
		if c.ntok[i] < recurringPrefixWords {
			return ""
		}
		ws := strings.SplitN(c.keys[i], " ", recurringPrefixWords+1)
		return strings.Join(ws[:recurringPrefixWords], " ")
	}
	removed := map[string]int{}
	for i := range c.bs {
		c.tick()
		if m := c.marks[i]; m.Role == Removed && m.DupOf < 0 {
			if p := prefix(i); p != "" {
				removed[p]++
			}
		}
	}
	if len(removed) == 0 {
		return
	}
	for i := max(c.ctx.TitleBlock+1, 0); i < len(c.bs); i++ {
		t := c.bs[i].Text
		if !c.live(i) || c.ntok[i] > recurringMaxWords || EndsSentence(t) || IsQuestion(t) || c.turn(i, chromeLine) {
			continue
		}
		if p := prefix(i); p != "" && removed[p] >= recurringMinCopies {
			c.remove(i, Boilerplate, -1)
		}
	}
}

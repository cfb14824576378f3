package clean

// mainContent removes, on HTML pages, the blocks outside the article's main
// content that the HTML did not mark as chrome (teasers, related links,
// author boxes, ...).
func (c *cleaner) mainContent() {
	if !c.ctx.HTML {
		return
	}
}

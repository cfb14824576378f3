package clean

// textChrome removes, in text dumps, page chrome that has no markup to
// give it away: menus, teasers, footers.
func (c *cleaner) textChrome() {
	if c.ctx.HTML {
		return
	}
}

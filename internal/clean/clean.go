package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/cancel"
	"github.com/qanda/qanda/internal/vocab"
	"github.com/qanda/qanda/internal/words"
)

// Role is where a block ends up.
type Role string

// Roles. Every block has exactly one.
const (
	Content Role = "content"
	Title   Role = "title"
	Caption Role = "caption"
	Credit  Role = "credit"
	Removed Role = "removed"
)

// Reason says why a block was removed.
type Reason string

// Removal reasons, as they appear in the output's `removed` list.
const (
	Navigation       Reason = "navigation"
	Ticker           Reason = "ticker"
	LanguageLink     Reason = "language-link"
	OtherLanguage    Reason = "other-language"
	LinkStub         Reason = "link-stub"
	Boilerplate      Reason = "boilerplate"
	Footer           Reason = "footer"
	RepeatedRun      Reason = "repeated-run"
	Duplicate        Reason = "duplicate"
	NearDuplicate    Reason = "near-duplicate"
	DuplicateCaption Reason = "duplicate-caption"
	PullQuote        Reason = "pull-quote"
	Disclaimer       Reason = "disclaimer"
	EditorialNote    Reason = "editorial-note"
	Separator        Reason = "separator" // a drawn line or a bare bullet: "━━━━", "* * *", "•"
	Poll             Reason = "poll"      // a poll's results in a text dump
	Timestamp        Reason = "timestamp" // a recording time that opened a turn
	Form             Reason = "form"      // a form field's label in a text dump
)

// Mark is the verdict on one block.
type Mark struct {
	Role   Role
	Reason Reason // set when Role is Removed
	DupOf  int    // index of the block this one copies; -1 if none
	Key    string // the block's text in comparison form (see Key), for later stages
	Rule   string // the rule (see Rules) that removed the block or gave it its role; "" if none
	// Lead marks the article's standfirst: content that opens the page
	// and belongs to its intro, never to a question or an answer.
	Lead bool
}

// Context is what clean needs to know about the page besides its blocks.
type Context struct {
	TitleBlock int  // index of the title block, -1 if unknown
	HTML       bool // blocks came from HTML (chrome hints are meaningful)
	// Disabled names the rules (see Rules) that do not run; a parent
	// switches its steps off too.
	Disabled map[string]bool
	// Vocab holds the phrases of stubs, boilerplate and credits; nil
	// means vocab.Default().
	Vocab *vocab.Vocab
	// SiteNames are the page's names for its own site, as letters (see
	// meta.SiteNames); none when unknown.
	SiteNames []string
	// Done, when closed, stops Clean within a thousand steps of a rule;
	// the marks it returns then are incomplete, for the caller to
	// discard.
	Done <-chan struct{}
}

// stopped reports whether ctx.Done is closed.
func (ctx Context) stopped() bool {
	select {
	case <-ctx.Done:
		return true
	default:
		return false
	}
}

// Clean returns one Mark per block.
func Clean(bs []blocks.Block, ctx Context) (marks []Mark) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
			marks = nil // the caller's ctx is done
		}
	}()
	c := newCleaner(bs, ctx)
	c.title()
	for _, r := range Rules() {
		if r.run == nil || !c.rules.on(r.Name) {
			continue
		}
		if ctx.stopped() {
			break
		}
		if r.Name == "duplicates" || r.Name == "pull-quotes" {
			// Copies and pull quotes are looked for among the blocks
			// still live, hashed once for both.
			c.ensureGrams()
		}
		c.rule = r.Name
		r.run(c)
	}
	c.rule = ""
	for i := range c.marks {
		c.tick()
		c.marks[i].Key = c.keys[i]
	}
	return c.marks
}

// cleaner holds the page and, per block, the features the rules share,
// computed once.
type cleaner struct {
	bs      []blocks.Block
	ctx     Context
	v       *vocab.Vocab
	nw      []int // word counts
	keys    []string
	ntok    []int    // how many words (tokens) the keys have
	scripts []Script // scriptOf of the text
	letters []int    // letter counts, from scriptOf
	grams   []uint64 // hashes of the word 4-grams of live blocks (see hashLiveGrams)
	gramOff []int    // where each block's start in grams
	recurs  []bool   // per 4-gram in grams, whether its hash may recur
	marks   []Mark
	rules   ruleSet
	rule    string // the rule running, recorded in the marks it sets
	hashed  bool   // grams hold the live blocks' 4-grams
	check   *cancel.Check
}

func newCleaner(bs []blocks.Block, ctx Context) *cleaner {
	n := len(bs)
	c := &cleaner{bs: bs, ctx: ctx, nw: make([]int, n), keys: make([]string, n),
		ntok: make([]int, n), scripts: make([]Script, n), letters: make([]int, n), marks: make([]Mark, n),
		rules: newRuleSet(ctx.Disabled), v: ctx.Vocab, check: cancel.New(ctx.Done)}
	if c.v == nil {
		c.v = vocab.Default()
	}
	for i, b := range bs {
		c.tick()
		if words.IsASCII(b.Text) {
			c.keys[i], c.nw[i], c.letters[i] = words.ScanASCII(b.Text)
			if c.letters[i] > 0 {
				c.scripts[i] = Latin
			}
		} else {
			c.keys[i] = Key(b.Text)
			c.nw[i] = words.Count(b.Text)
			c.scripts[i], c.letters[i] = scriptOf(b.Text)
		}
		if c.keys[i] != "" {
			c.ntok[i] = strings.Count(c.keys[i], " ") + 1
		}
		c.marks[i] = Mark{Role: Content, DupOf: -1}
	}
	return c
}

// ensureGrams hashes the word 4-grams of the blocks still live, once: copies
// and pull quotes are looked for among them only, and on an HTML page the
// chrome is gone by now.
func (c *cleaner) ensureGrams() {
	if c.hashed {
		return
	}
	c.hashed = true
	n := make([]int, len(c.bs))
	for i := range c.bs {
		c.tick()
		if c.live(i) {
			n[i] = c.ntok[i]
		}
	}
	c.grams, c.gramOff = hashGrams(c.keys, n, c.tick)
	c.recurs = recurring(c.grams, c.tick)
}

// tokens returns the words of block i's key. Most rules need only their
// number (ntok), so the words are split off when asked for.
func (c *cleaner) tokens(i int) []string {
	if c.keys[i] == "" {
		return nil
	}
	return strings.Split(c.keys[i], " ")
}

func (c *cleaner) live(i int) bool {
	c.tick()
	return c.marks[i].Role == Content
}

// stop is the panic with which tick abandons a cancelled Clean; Clean
// recovers it. A panic, because the rules' loops are many and deep, and
// each of them calls live or another ticking helper per block.
type stop struct{}

// tick counts one step of a rule and abandons the rules soon after
// ctx.Done is closed.
func (c *cleaner) tick() {
	if c.check.Stop() {
		panic(stop{})
	}
}

func (c *cleaner) remove(i int, r Reason, dupOf int) {
	c.marks[i] = Mark{Role: Removed, Reason: r, DupOf: dupOf, Rule: c.rule}
}

// title marks the title block.
func (c *cleaner) title() {
	if t := c.ctx.TitleBlock; t >= 0 && t < len(c.bs) {
		c.marks[t].Role = Title
	}
}

// textHeader removes, in a text dump, everything above the title: the page
// header (menus, tickers, account links).
func (c *cleaner) textHeader() {
	t := c.ctx.TitleBlock
	if t < 0 || t >= len(c.bs) || c.ctx.HTML {
		return
	}
	for i := 0; i < t; i++ {
		if tickerRe.MatchString(c.bs[i].Text) {
			c.remove(i, Ticker, -1)
		} else {
			c.remove(i, Navigation, -1)
		}
	}
}

// gluedKickers removes, in a text dump, the kickers that blocks split off
// the paragraphs they were printed on (see blocks.HintKicker).
func (c *cleaner) gluedKickers() {
	if c.ctx.HTML {
		return
	}
	for i, b := range c.bs {
		if b.Chrome == blocks.HintKicker && c.live(i) {
			c.remove(i, Navigation, -1)
		}
	}
}

// tickerRe matches a rate or quote in a ticker: "USD103.43", "EUR 1,07", "DAX +0.4%".
var tickerRe = regexp.MustCompile(`^[\p{Lu}]{2,6}\s?[+\-−]?\d[\d.,]*\s?%?$`)

// timestamps removes the recording times that blocks split off the turns
// they open, in any input.
func (c *cleaner) timestamps() {
	for i, b := range c.bs {
		if b.Chrome == string(Timestamp) && c.live(i) {
			c.remove(i, Timestamp, -1)
		}
	}
}

// chrome removes blocks the HTML marked as page chrome.
func (c *cleaner) chrome() {
	if !c.ctx.HTML {
		return
	}
	for i, b := range c.bs {
		if b.Chrome != "" && c.live(i) {
			c.remove(i, Reason(b.Chrome), -1)
		}
	}
}

// separators removes the blocks that are only rule or bullet characters:
// a text dump draws a horizontal rule as "━━━━", a page may print "* * *"
// between sections or leave a bullet with nothing after it. They hold no
// text, and left in place they would end up inside an answer.
func (c *cleaner) separators() {
	for i, b := range c.bs {
		if c.live(i) && c.keys[i] == "" && decorationOnly(b.Text) {
			c.remove(i, Separator, -1)
		}
	}
}

// decorationOnly reports whether s is made of box-drawing and block
// characters, rule-like punctuation and bullets only.
func decorationOnly(s string) bool { return blocks.DecorationOnly(s) }

// mayStub is a cheap test before the vocabulary's Stub pattern: in ASCII
// text, whose key keeps every run of letters and digits (see may), a match
// ends the key with "here" or one of its translations, or starts it with
// "read more" or another of the phrases.
func (c *cleaner) mayStub(i int) bool {
	if !words.IsASCII(c.bs[i].Text) {
		return true
	}
	k := c.keys[i]
	for _, w := range c.v.StubEnds {
		if strings.HasSuffix(k, w) {
			return true
		}
	}
	for _, w := range c.v.StubStarts {
		if strings.HasPrefix(k, w) {
			return true
		}
	}
	return false
}

// may is a cheap test before s.Re: a text without one of the set's marks
// or words cannot match (see vocab.Set). An ASCII text is tested by its
// key, which keeps each run of letters and digits, lower-cased; other text
// by itself, ignoring ASCII case, when the set's phrases allow it.
func (c *cleaner) may(i int, s *vocab.Set) bool {
	c.tick()
	t := c.bs[i].Text
	ascii := words.IsASCII(t)
	for _, m := range s.Marks {
		if (!ascii || m[0] < utf8.RuneSelf) && strings.Contains(t, m) {
			return true
		}
	}
	if ascii {
		for _, w := range s.Words {
			if strings.Contains(c.keys[i], w) {
				return true
			}
		}
		return false
	}
	for _, w := range s.Folds {
		if containsASCIIFold(t, w) {
			return true
		}
	}
	for _, r := range s.Runs {
		if strings.Contains(c.keys[i], r) {
			return true
		}
	}
	return s.Open
}

// containsASCIIFold reports whether s contains word, which has no
// upper-case letters, with ASCII letters in any case.
func containsASCIIFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && lowerASCII(s[i+j]) == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// The longest link stub and boilerplate line the vocabulary rules take
// (leaveToLaterRules leaves them no longer ones).
const (
	linkStubMaxWords = 15
	boilerMaxWords   = 12
	// pluginMaxWords bounds a plug-in notice: "Can't see the menu?
	// Download Flash Player now for free to view this content."
	pluginMaxWords = 20
)

// stubsAndBoilerplate removes link stubs and boxes that invite the reader
// to subscribe, share or accept cookies. Only short blocks that are not
// questions qualify: an answer may well mention a newsletter.
func (c *cleaner) stubsAndBoilerplate() {
	on := c.rules.on
	line, stub, boiler, action, disclaimer := on("link-line"), on("link-stub"), on("boilerplate"), on("call-to-action"), on("disclaimer")
	plugin, teasers, issue := on("plugin-notice"), on("teaser-lines"), on("issue-promo")
	v := c.v
	for i, b := range c.bs {
		// A question is no box, unless a kicker in capitals opens it:
		// "SEE ALSO: Who pays for the quay?" is a link to another story.
		if !c.live(i) || IsQuestion(b.Text) && !(action && v.Teaser.Re.MatchString(b.Text)) {
			continue
		}
		n := c.nw[i]
		if line && c.ctx.HTML && n <= 12 && b.LinkDensity >= 0.8 && b.Kind != blocks.Heading {
			c.removeAs("link-line", i, LinkStub)
			continue
		}
		if issue && c.issuePromo(i) {
			c.removeAs("issue-promo", i, Boilerplate)
			continue
		}
		if n > 45 || !c.v.HasTrigger(c.keys[i]) {
			continue // none of the vocabulary below: spare the regular expressions
		}
		switch {
		case stub && n <= linkStubMaxWords && c.mayStub(i) && v.Stub.Re.MatchString(b.Text):
			c.removeAs("link-stub", i, LinkStub)
		case boiler && n <= boilerMaxWords && c.may(i, &v.Boiler) && v.Boiler.Re.MatchString(b.Text):
			c.removeAs("boilerplate", i, Boilerplate)
		case action && n <= 25 && (v.CallToAction.Re.MatchString(b.Text) || v.Teaser.Re.MatchString(b.Text)):
			c.removeAs("call-to-action", i, Boilerplate)
		case teasers && n <= teaserLineMaxWords && (!c.ctx.HTML || b.LinkDensity >= teaserLinkShare) && teaserLine(b.Text, &v.TeaserPhrase):
			c.removeAs("teaser-lines", i, Teaser)
		case disclaimer && n <= 45 && c.may(i, &v.Disclaimer) && v.Disclaimer.Re.MatchString(b.Text):
			c.removeAs("disclaimer", i, Disclaimer)
		case plugin && n <= pluginMaxWords && c.may(i, &v.Plugin) && v.Plugin.Re.MatchString(b.Text):
			c.removeAs("plugin-notice", i, Boilerplate)
		}
	}
}

// issuePromoMaxWords bounds a box selling the publication's issues.
const issuePromoMaxWords = 30

// issuePromo reports whether block i sells the publication's issues: a
// short sentence with a word of the vocabulary's issue pitch ("the new
// issue"), or a box of up to 30 words naming two of its ways to buy
// ("in the app, by subscription or as a single issue"). Speech may name
// an issue; it does not list the formats it is sold in.
func (c *cleaner) issuePromo(i int) bool {
	n := c.nw[i]
	if n > issuePromoMaxWords || !c.may(i, &c.v.Issue) {
		return false
	}
	found := len(c.v.Issue.Re.FindAllStringIndex(c.bs[i].Text, 2))
	return found >= 2 || found == 1 && n >= issuePitchMinWords && n <= boilerMaxWords
}

// issuePitchMinWords is the shortest pitch with one issue word: a bare
// "Current issue" is a menu's link, left to the chrome rules.
const issuePitchMinWords = 4

// teaserLineMaxWords bounds a kicker line: a kicker over a headline, not
// over a paragraph.
const teaserLineMaxWords = 25

// teaserLinkShare is the least share of an HTML teaser line in links: its
// headline points to the other story.
const teaserLinkShare = 0.3

// teaserLine reports a line that opens with a kicker phrase in any case
// and its colon and goes on with a headline that ends no sentence ("Read
// also: The harbour reopens"): a link to another story set in the text.
func teaserLine(s string, kicker *vocab.Set) bool {
	loc := kicker.Re.FindStringIndex(s)
	if loc == nil {
		return false
	}
	rest := strings.TrimSpace(s[loc[1]:])
	return words.Count(rest) >= 2 && !EndsSentence(rest)
}

// removeAs removes block i by the named step of the current rule, for
// rules whose steps share one pass over the blocks.
func (c *cleaner) removeAs(rule string, i int, r Reason) {
	c.marks[i] = Mark{Role: Removed, Reason: r, DupOf: -1, Rule: rule}
}

// otherScript removes blocks written in another script than the page: the
// "read in Russian" link of an English page, a notice left in the site's
// home language. A page that mixes scripts throughout is left alone.
func (c *cleaner) otherScript() {
	counts := map[Script]int{}
	total := 0
	for i := range c.bs {
		c.tick()
		if c.marks[i].Role != Removed {
			counts[c.scripts[i]] += c.letters[i]
			total += c.letters[i]
		}
	}
	main, best := NoScript, 0
	for s, n := range counts {
		if s != NoScript && n > best {
			main, best = s, n
		}
	}
	if total == 0 || best*100 < total*85 {
		return
	}
	for i := range c.bs {
		c.tick()
		if !c.live(i) || c.scripts[i] == NoScript || c.scripts[i] == main {
			continue
		}
		if c.nw[i] <= 6 {
			c.remove(i, LanguageLink, -1)
		} else {
			c.remove(i, OtherLanguage, -1)
		}
	}
}

// wordsBefore counts the live words above block i.
func (c *cleaner) wordsBefore(i int) int {
	n := 0
	for j := 0; j < i; j++ {
		if c.live(j) {
			n += c.nw[j]
		}
	}
	return n
}

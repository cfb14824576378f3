package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/words"
)

const (
	// bodyProseWords is the length from which a line ending like a
	// sentence counts as body text; bodyLongWords the length from which
	// any line does.
	bodyProseWords = 8
	bodyLongWords  = 20
	// chromeLineCost is what a line that is neither body text nor an
	// interview turn costs the stretch of body around it: the article is
	// the stretch where prose outweighs short lines.
	chromeLineCost = 6
	// proseDiscount is taken off every prose line's word count: a teaser's
	// two-line description must not outweigh the headline and date around
	// it, an answer of fifty words easily does.
	proseDiscount = 10
	// turnWeight is what a question or speaker line adds: short turns
	// ("Warum?", "Fischer:") belong to the body they alternate with.
	turnWeight = 4
	// minChromeRun is the shortest run of link-list lines removed inside
	// the body.
	minChromeRun = 3
)

// textChrome removes, in text dumps, page chrome that has no markup to
// give it away: menus, teasers, footers. Without markup, chrome shows as
// runs of short lines; the article is the densest stretch of long,
// sentence-like lines. The stretch is found in one pass (a maximum-sum
// segment: prose lines count their words less proseDiscount, questions and
// speaker lines turnWeight, short sentences and captions nothing, every
// other line costs chromeLineCost), then
//   - after the stretch (and a last heading-plus-answer, which weighs too
//     little on its own) every line is page footer (related links,
//     comments, imprint): Footer;
//   - between the title and the stretch: when nothing there reads as text,
//     its lines (bylines, dates, share buttons) are Navigation, except a
//     short line right above a first question (a speaker's name); when
//     there is an intro, only link-list runs go, as inside;
//   - inside the stretch, runs of at least minChromeRun lines, mostly
//     link-list lines (list items, "□" menu entries, form widgets, teaser
//     headlines), are Teaser;
//   - a short text with a photo credit in it is a Caption.
//
// Questions, speaker labels, short sentences and the short answer after a
// question never make a run. Photo credits alone, link stubs, subscription
// boxes and lines in another script are left to the later, more specific
// rules.
func (c *cleaner) textChrome() {
	if c.ctx.HTML {
		return
	}
	script := c.mainScript()
	// Lines that are chrome on their own shape go first, so that the
	// stretch of body text is measured on what is left.
	c.removeLines("inline-menus", Navigation, words.InlineMenu)
	c.removeLines("icon-labels", Navigation, func(t string) bool {
		return words.Count(t) <= iconLabelMaxWords && !EndsSentence(t) && iconLabel(t)
	})
	c.removeLines("doubled-labels", Duplicate, doubledLine)
	c.step("form-fields", c.formFields)
	idx, kind := c.liveLines()
	if len(idx) == 0 {
		return
	}
	for p := 1; p < len(idx); p++ {
		c.tick()
		// A short line right after a question is its answer.
		if kind[p-1] == turnLine && kind[p] == chromeLine && IsQuestion(c.bs[idx[p-1]].Text) {
			kind[p] = answerLine
		}
	}
	s, e := bodySpan(c.nw, idx, kind)
	if s < 0 {
		return
	}
	// A last short answer under its own heading ("On what happens next",
	// then two lines) weighs too little to join the body on its own.
	if e+2 < len(idx) && kind[e+1] != proseLine && kind[e+2] == proseLine && (e+3 == len(idx) || kind[e+3] != proseLine) {
		e += 2
	} else if e+2 == len(idx) && kind[e+1] == proseLine {
		e++
	}
	c.step("text-footer", func() {
		for p := e + 1; p < len(idx); p++ {
			c.tick()
			if !c.leaveToLaterRules(idx[p], script) {
				c.remove(idx[p], Footer, -1)
			}
		}
	})
	// Between the title and the body: bylines, dates, share buttons and
	// captions, which go when nothing there reads as text; otherwise
	// (an intro, a first question) only link-list runs go.
	pure := true
	for p := 0; p < s; p++ {
		if kind[p] == proseLine || kind[p] == turnLine || kind[p] == sentenceLine {
			pure = false
		}
	}
	if pure {
		c.step("text-preamble", func() {
			for p := 0; p < s; p++ {
				// The short line right above a first question may name the
				// speaker or topic.
				if p == s-1 && kind[p] == chromeLine && (kind[s] == turnLine || IsQuestion(c.bs[idx[s]].Text)) {
					continue
				}
				if kind[p] != captionLine && !c.leaveToLaterRules(idx[p], script) {
					c.remove(idx[p], Navigation, -1)
				}
			}
		})
		c.step("text-link-runs", func() { c.chromeRuns(idx[s:e+1], kind[s:e+1], script) })
	} else {
		// One pass over both: a list that ends where the body begins
		// may take the body's first line (see headlineTurn).
		c.step("text-link-runs", func() { c.chromeRuns(idx[:e+1], kind[:e+1], script) })
	}
	c.step("intro-furniture", func() { c.introFurniture(idx, kind, script) })
	c.step("text-captions", func() {
		for p := 0; p <= e; p++ {
			if kind[p] == captionLine && c.live(idx[p]) {
				c.setRole(idx[p], Caption)
			}
		}
	})
	c.step("shared-credits", c.sharedCredits)
	var images []int
	c.step("image-names", func() {
		for p := 0; p <= e; p++ {
			if c.live(idx[p]) && imageName(c.bs[idx[p]].Text) {
				c.setRole(idx[p], Caption)
				images = append(images, idx[p])
			}
		}
	})
	c.step("captions-under-images", func() { c.captionsUnderImages(images) })
}

// Under a picture a text dump prints what the page set beside it: its
// caption and credits ("Coat: Maker. Shoes: Maker"), often its alt text,
// and a lightbox's buttons ("Info", "Close"). These are short lines that
// end no sentence, where a speaker's words end like sentences.
const (
	underImageMaxLines = 4  // the most lines taken under one picture
	underImageMaxWords = 30 // the longest caption line
	underImageShort    = 8  // the longest caption that ends like a sentence
)

// captionsUnderImages moves to Caption, under each picture placeholder in
// images, the run of short lines that are no question: lines that end no
// sentence, and a short one that does when a line that does not follows
// it ("Dress by Maker." over "Shoes: Maker"). A one-word line that recurs
// on the page is a lightbox's button and is removed. The run must end at
// the next question or with such a button. A picture right after a
// question is left alone: what follows it is the answer.
func (c *cleaner) captionsUnderImages(images []int) {
	if len(images) == 0 {
		return
	}
	idx, _ := c.liveLines()
	seen := c.keyCounts(idx)
	for _, im := range images {
		if q := c.prevUnremoved(im); q >= 0 && IsQuestion(c.bs[q].Text) {
			continue
		}
		var run []int
		for j := c.nextLive(im); j >= 0 && len(run) < underImageMaxLines; j = c.nextLive(j) {
			if !c.underImageLine(j, false) {
				break
			}
			if EndsSentence(c.bs[j].Text) {
				if n := c.nextLive(j); n < 0 || !c.underImageLine(n, true) {
					break
				}
			}
			run = append(run, j)
		}
		// An article's subheading under a picture leads into prose; a
		// caption is followed by the next question, or closed by the
		// lightbox's button.
		if len(run) == 0 {
			continue
		}
		last := run[len(run)-1]
		button := c.nw[last] == 1 && seen[c.keys[last]] > 1
		if n := c.nextLive(last); !button && n >= 0 && !IsQuestion(c.bs[n].Text) {
			continue
		}
		for _, j := range run {
			if c.nw[j] == 1 && seen[c.keys[j]] > 1 {
				c.remove(j, Navigation, -1)
			} else {
				c.setRole(j, Caption)
			}
		}
	}
}

// underImageLine reports a line that may stand under a picture: short, no
// question, and, when plain is set, ending no sentence.
func (c *cleaner) underImageLine(i int, plain bool) bool {
	t := c.bs[i].Text
	if c.nw[i] == 0 || c.nw[i] > underImageMaxWords || IsQuestion(t) || listLike(c.bs[i]) || imageName(t) {
		return false
	}
	if EndsSentence(t) {
		return !plain && c.nw[i] <= underImageShort
	}
	return true
}

// prevUnremoved returns the nearest block before i that is not removed,
// or -1.
func (c *cleaner) prevUnremoved(i int) int {
	for j := i - 1; j >= 0; j-- {
		if c.marks[j].Role != Removed {
			return j
		}
	}
	return -1
}

// imageName reports a text that is what a text dump prints for a picture:
// one or more placeholders in square brackets without a space inside
// ("[portrait_01-300x298]"), or a bare file-name slug of three or more
// parts joined by hyphens or underscores ("Jane-doe-headshot-cropped").
// No one's sentence is a single word of that shape.
func imageName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	if imageFile(s) {
		return true
	}
	if s[0] == '[' {
		for s != "" {
			end := strings.IndexByte(s, ']')
			if s[0] != '[' || end < 2 {
				return false
			}
			s = s[end+1:]
		}
		return true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) < 3 {
		return false
	}
	fileLike := strings.Contains(s, "_")
	lower := 0
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return false
		}
		fileLike = fileLike || (unicode.IsDigit(r) && len(parts) >= 4)
	}
	for _, p := range parts {
		if startsLower(p) {
			lower++
		}
	}
	// A compound noun ("On-Off-Mechanismus", "Sars-CoV-2") joins
	// capitalised words; a file name has an underscore, lower-case parts
	// or many parts with digits ("Screen-Shot-2012-10-08").
	return fileLike || lower >= 2
}

// imageExts are the file-name endings of pictures.
var imageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"}

// imageFile reports a bare picture file name ("harbour_view-02.jpg"):
// letters, digits, hyphens and underscores before a picture's extension.
func imageFile(s string) bool {
	lower := strings.ToLower(s)
	for _, ext := range imageExts {
		stem, ok := strings.CutSuffix(lower, ext)
		if !ok || stem == "" {
			continue
		}
		for _, r := range stem {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
				return false
			}
		}
		return true
	}
	return false
}

// The answer's tail. Speakers' paragraphs end like sentences: of the 278
// paragraphs after an answer's first in the hand-made transcripts, none
// is a short line without a sentence's end but social-media handles (a
// "Name: value" line). So in a text dump of an interview, such a stray
// line after the last answered question, between text and what is not a
// question, is no one's words: it opens what follows the article (an
// author's bio, related stories, comments). Inside the interview the same
// line is as often a caption or a topic heading, and stays.
const (
	strayMaxWords = 15 // the longest line taken for a box's title
	strayMinTurns = 3  // the fewest questions or speaker lines of an interview
)

// turn reports a question or a line opened by a speaker's label, of any
// length.
func (c *cleaner) turn(i int, k lineKind) bool {
	t := c.bs[i].Text
	return k == turnLine || IsQuestion(t) || (strings.Contains(head(t, 48), ":") && speakerRe.MatchString(t))
}

// answerTail, in a text dump, removes as Footer the rest of the text from
// the first stray line after the last answered question or speaker line,
// and from a list's opener or an author's bio after the interview. It
// runs after the other text-dump rules, on what they kept.
func (c *cleaner) answerTail() {
	if c.ctx.HTML {
		return
	}
	c.strayTail()
	c.step("list-tail", func() { c.openerTail(c.listOpener) })
	c.step("bio-tail", func() { c.openerTail(c.bioOpener) })
}

// strayTail removes the rest of the text from the first stray line after
// the last answered question or speaker line.
func (c *cleaner) strayTail() {
	idx, kind := c.liveLines()
	// A line printed more than once in the body (a speaker's name under
	// each pull quote or over each answer) is the interview's own
	// furniture, not the start of what follows it.
	seen := c.keyCounts(idx)
	short := func(p int) bool { return kind[p] == chromeLine || kind[p] == listLine }
	// A teaser's headline may be a question; what follows it is then a
	// date, a byline or a form, not an answer. A speaker's name over every
	// answer recurs as often as there are turns.
	unanswered := func(p int) bool {
		n := p + 1
		return n == len(idx) || (short(n) && !c.turn(idx[n], kind[n]) && seen[c.keys[idx[n]]] < strayMinTurns)
	}
	first, last, turns := -1, -1, 0
	for p := range idx {
		c.tick()
		if !c.turn(idx[p], kind[p]) {
			continue
		}
		if first < 0 {
			first = p
		}
		if !unanswered(p) {
			last = p
		}
		turns++
	}
	if turns < strayMinTurns || last < 0 {
		return
	}
	stray := func(p int) bool {
		i := idx[p]
		if !c.live(i) || !short(p) || c.nw[i] > strayMaxWords || listLike(c.bs[i]) || IsQuestion(c.bs[i].Text) {
			return false
		}
		if p == 0 || (kind[p-1] != proseLine && kind[p-1] != sentenceLine && kind[p-1] != answerLine) || c.turn(idx[p-1], kind[p-1]) {
			return false
		}
		return p+1 == len(idx) || !c.turn(idx[p+1], kind[p+1])
	}
	// What follows an article weighs less than the interview; more text
	// after a stray line (answers under topic headings, their questions
	// listed above) is the interview.
	words := make([]int, len(idx)+1) // words[p]: words in idx[p:]
	for p := len(idx) - 1; p >= 0; p-- {
		c.tick()
		words[p] = words[p+1] + c.nw[idx[p]]
	}
	// An interview that heads its answers with stray lines (topics over
	// answers whose questions are listed elsewhere) may go on after its
	// last question: no tail is cut.
	for p := first + 1; p < last; p++ {
		if stray(p) {
			return
		}
	}
	for p := last + 1; p < len(idx); p++ {
		c.tick()
		if !stray(p) || seen[c.keys[idx[p]]] > 1 {
			continue
		}
		if words[p] >= words[first]-words[p] {
			return
		}
		for q := p; q < len(idx); q++ {
			c.tick()
			c.remove(idx[q], Footer, -1)
		}
		return
	}
}

// What follows an interview may open without a stray line: with a list's
// opener ("Related links:", "Weiterführende Links:"), a short line ending
// in a colon over short headlines, which no speaker's label is (a label
// is followed by the answer, and recurs); or with an author's bio, a name
// on a line of its own over a sentence that opens with that name ("Jane",
// "Jane Doe writes for ..."), which no answer does. Either counts once
// the interview has had its turns, when at most one exchange follows it
// in the page (a question over its answer, with nothing removed between)
// and what follows weighs less than the interview before it.
const (
	openerMaxWords   = 6 // the longest list opener
	openerItemMin    = 3 // the fewest words of a headline under it
	bioNameMaxWords  = 3 // the longest name over a bio
	openerMaxAnswers = 1 // the most exchanges after an opener
)

// openerTail removes as Footer the text from the first position that
// opener accepts after the interview's turns to the end.
func (c *cleaner) openerTail(opener func(idx []int, kind []lineKind, p int) bool) {
	idx, kind := c.liveLines()
	seen := c.keyCounts(idx)
	// answered[p]: exchanges in idx[p:], a turn directly over prose.
	answered := make([]int, len(idx)+1)
	words := make([]int, len(idx)+1)
	for p := len(idx) - 1; p >= 0; p-- {
		c.tick()
		answered[p] = answered[p+1]
		words[p] = words[p+1] + c.nw[idx[p]]
		if p+1 < len(idx) && idx[p+1] == idx[p]+1 && c.turn(idx[p], kind[p]) && kind[p+1] == proseLine {
			answered[p]++
		}
	}
	turns := 0
	for p := range idx {
		c.tick()
		if turns >= strayMinTurns && seen[c.keys[idx[p]]] == 1 && answered[p] <= openerMaxAnswers &&
			words[p] < words[0]-words[p] && opener(idx, kind, p) {
			for q := p; q < len(idx); q++ {
				c.tick()
				c.remove(idx[q], Footer, -1)
			}
			return
		}
		if c.turn(idx[p], kind[p]) {
			turns++
		}
	}
}

// titleLike reports a text that opens like a title or a list's item: with
// a capital letter or a digit ("Related posts:", "2. Next story"), not a
// symbol or a lower-case word (a line of code, a copyright line).
func titleLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// listOpener reports a list's opener at p: a short line ending in a
// colon, after text, over two headlines of a few words that end no
// sentence with a full stop.
func (c *cleaner) listOpener(idx []int, kind []lineKind, p int) bool {
	t := strings.TrimSpace(c.bs[idx[p]].Text)
	if !strings.HasSuffix(t, ":") || !titleLike(t) || strings.Contains(t, ",") || c.nw[idx[p]] < 2 || c.nw[idx[p]] > openerMaxWords || p == 0 || p+2 >= len(idx) {
		return false
	}
	if k := kind[p-1]; k != proseLine && k != sentenceLine && k != answerLine {
		return false
	}
	for q := p + 1; q <= p+2; q++ {
		u := strings.TrimSpace(c.bs[idx[q]].Text)
		if kind[q] == proseLine || kind[q] == sentenceLine || !titleLike(u) || c.nw[idx[q]] < openerItemMin || c.nw[idx[q]] > strayMaxWords ||
			strings.HasSuffix(u, ":") || strings.HasSuffix(u, ".") {
			return false
		}
	}
	return true
}

// handleBioRe matches a bio's opening: a name of one to three capitalised
// words and the person's handle in brackets ("Jane Doe (@janedoe) is").
var handleBioRe = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2} \(@\w+\) \p{L}`)

// bioOpener reports an author's bio at p: a name of one to three
// capitalised words on its own line, over one paragraph that opens with
// it (a heading repeated in its section's first sentence has more
// paragraphs under it); or one paragraph that opens with a name and the
// person's handle in brackets.
func (c *cleaner) bioOpener(idx []int, kind []lineKind, p int) bool {
	if kind[p] == proseLine && handleBioRe.MatchString(c.bs[idx[p]].Text) && (p+1 == len(idx) || kind[p+1] != proseLine) {
		return true
	}
	if p+1 >= len(idx) || kind[p+1] != proseLine || c.nw[idx[p]] > bioNameMaxWords || p+2 < len(idx) && kind[p+2] == proseLine {
		return false
	}
	name := strings.Fields(c.bs[idx[p]].Text)
	for _, w := range name {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '.' }) {
			return false
		}
	}
	next := strings.Fields(c.bs[idx[p+1]].Text)
	if len(name) == 0 || len(next) <= len(name) {
		return false
	}
	for k, w := range name {
		if next[k] != w {
			return false
		}
	}
	return true
}

// leaveToLaterRules reports a block that a later, more specific rule
// names better: a photo credit, a link stub, a subscription box, a line in
// another script.
func (c *cleaner) leaveToLaterRules(i int, script Script) bool {
	t := c.bs[i].Text
	// Only what those rules take: a credit that ends no sentence (a
	// copyright line "© 2024 X. All rights reserved." is the footer's).
	if c.creditOnly(i) && !EndsSentence(t) || !IsQuestion(t) &&
		(c.nw[i] <= linkStubMaxWords && c.mayStub(i) && c.v.Stub.Re.MatchString(t) || c.nw[i] <= boilerMaxWords && c.may(i, &c.v.Boiler) && c.v.Boiler.Re.MatchString(t)) {
		return true
	}
	s := c.scripts[i]
	return s != NoScript && s != script
}

type lineKind int

const (
	chromeLine   lineKind = iota // short, not a sentence: menus, teasers, dates
	listLine                     // a list item, widget or teaser headline
	proseLine                    // body text
	turnLine                     // a question or a speaker's line
	answerLine                   // a short line right after a question
	sentenceLine                 // a short sentence: "Ja, absolut.", "Thanks Junior!"
	captionLine                  // a picture's caption with its credit
)

// lineKind classifies block i; next is the next live block or -1.
func (c *cleaner) lineKind(i, next int) lineKind {
	c.tick()
	b := c.bs[i]
	t := b.Text
	n := c.nw[i]
	list := listLike(b)
	switch {
	case words.InlineMenu(t):
		return listLine
	case list && n >= bodyLongWords && EndsSentence(t):
		return proseLine
	case list:
		return listLine
	case n <= captionMaxWords && c.mayCaptionCredit(i) && c.v.CaptionCredit.MatchString(t) &&
		!IsQuestion(t) && !c.creditOnly(i):
		return captionLine
	case n >= bodyLongWords || (n >= bodyProseWords && EndsSentence(t)):
		return proseLine
	case IsQuestion(t):
		if next >= 0 && (isWidget(c.bs[next].Text) || listLike(c.bs[next])) {
			return listLine // a poll, or a teaser list
		}
		return turnLine
	case strings.Contains(head(t, 48), ":") && speakerRe.MatchString(t):
		return turnLine
	case EndsSentence(t) && n >= 2:
		return sentenceLine
	case n >= 4 && startsLower(t):
		return sentenceLine // the rest of a paragraph the dump broke
	case n >= 5:
		return listLine // a headline-like line: teaser, related link
	}
	return chromeLine
}

// mainScript returns the script most letters of the page are written in.
func (c *cleaner) mainScript() Script {
	counts := map[Script]int{}
	for i := range c.bs {
		c.tick()
		counts[c.scripts[i]] += c.letters[i]
	}
	main, best := NoScript, 0
	for _, s := range []Script{Latin, Cyrillic, Other} {
		if counts[s] > best {
			main, best = s, counts[s]
		}
	}
	return main
}

// creditOnly reports a block that is a photo credit and nothing else
// ("Photo: Jane Doe / Reuters"): media() pairs it with its caption.
func (c *cleaner) creditOnly(i int) bool {
	if c.nw[i] > creditMaxWords || !c.mayCaptionCredit(i) {
		return false
	}
	loc := c.v.CaptionCredit.FindStringIndex(c.bs[i].Text)
	return loc != nil && loc[0] == 0
}

// startsLower reports whether a text starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// captionMaxWords is the longest text taken for a caption by its credit.
const captionMaxWords = 30

// mayCaptionCredit is a cheap test before the vocabulary's CaptionCredit
// pattern, which matches the credit that ends or opens a caption: "... -
// Fotos: Moritz Pappert", "Photographs by ..." (a name follows: not
// "photographs by then"), "Titelbild: ...", "(picture alliance / dpa)",
// "© Getty Images". A label needs a colon or "by" after it.
func (c *cleaner) mayCaptionCredit(i int) bool {
	t := c.bs[i].Text
	return c.may(i, &c.v.CreditLabel) && (strings.Contains(t, ":") || containsASCIIFold(t, "by")) ||
		c.may(i, &c.v.CreditMark)
}

// listLike reports a list item, a menu entry drawn with a symbol ("□ Wissen",
// "☆ Media Summit") or a form widget ("[ ]", "( ) Ja", "[Speichern]").
func listLike(b blocks.Block) bool {
	if b.Kind == blocks.ListItem || b.Bullet != "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(b.Text)
	return unicode.IsSymbol(r) || isWidget(b.Text)
}

// head returns at most the first n bytes of s.
func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// widgetRe matches what a text browser prints for form fields and
// buttons: "[ ]", "( ) Ja", "[Abstimmen]".
var widgetRe = regexp.MustCompile(`\[ *\]|\( *\)|^\[[^\]]*\]$`)

// isWidget reports whether widgetRe matches s. Every match opens a bracket
// right before a space or its closing bracket, or is a text in square
// brackets: a cheap test spares most texts the pattern.
func isWidget(s string) bool {
	may := strings.Contains(s, "[ ") || strings.Contains(s, "[]") || strings.Contains(s, "( ") || strings.Contains(s, "()") ||
		(strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"))
	return may && widgetRe.MatchString(s)
}

// speakerRe matches a line opened by a speaker label or an interview
// label: "Fischer:", "Q:", "Karin Fischer: Warum ...", "AP:".
var speakerRe = regexp.MustCompile(`^[\p{Lu}][\p{L}.'’\- ]{0,40}:(\s|$)`)

// bodySpan returns the first and last position (in idx) of the stretch of
// lines with the most body weight, or -1, -1 when there is none.
func bodySpan(nw []int, idx []int, kind []lineKind) (int, int) {
	bestS, bestE, best := -1, -1, 0
	sum, start := 0, 0
	for p, i := range idx {
		if sum <= 0 {
			sum, start = 0, p
		}
		switch kind[p] {
		case proseLine:
			sum += max(nw[i]-proseDiscount, 1)
		case turnLine:
			sum += turnWeight
		case answerLine, sentenceLine, captionLine:
		default:
			sum -= chromeLineCost
		}
		if sum > best {
			bestS, bestE, best = start, p, sum
		}
	}
	return bestS, bestE
}

// chromeRuns removes, inside the body, runs of link-list lines: a teaser
// box or a poll between two answers. Short lines that are not list-like
// (a speaker's name, a topic heading, a credit) do not make a run, nor
// does a single list line; an answer's list of items is kept when its
// items are sentences.
func (c *cleaner) chromeRuns(idx []int, kind []lineKind, script Script) {
	for p := 0; p < len(idx); {
		if kind[p] != listLine && kind[p] != chromeLine {
			p++
			continue
		}
		q, lists := p, 0
		for q < len(idx) && (kind[q] == listLine || kind[q] == chromeLine || c.headlineTurn(idx, kind, q, q-p)) {
			if kind[q] != chromeLine {
				lists++
			}
			q++
		}
		if q-p >= minChromeRun && lists*2 > q-p {
			for r := p; r < q; r++ {
				if !c.leaveToLaterRules(idx[r], script) {
					c.remove(idx[r], Teaser, -1)
				}
			}
		}
		p = q
	}
}

// headlineTurn reports whether the line at p, which looks like a turn, is
// one more headline of a list of them that began run lines before it: a
// short question between two headlines (no one answers it), or a line opened by
// a name and a colon that ends no sentence after minChromeRun of them.
// The headlines are plain lines, not list items: an answer may list its
// points, and the next question follow them.
func (c *cleaner) headlineTurn(idx []int, kind []lineKind, p, run int) bool {
	t := c.bs[idx[p]].Text
	question := IsQuestion(t) && c.nw[idx[p]] <= strayMaxWords
	if kind[p] != turnLine && !(kind[p] == proseLine && question) || run == 0 || !c.plainHeadline(idx, kind, p-1) {
		return false
	}
	if question {
		return p+1 < len(idx) && c.plainHeadline(idx, kind, p+1)
	}
	return run >= minChromeRun && c.nw[idx[p]] >= 5 && !EndsSentence(t)
}

// plainHeadline reports a headline-like line at p that is no list item.
func (c *cleaner) plainHeadline(idx []int, kind []lineKind, p int) bool {
	return kind[p] == listLine && !listLike(c.bs[idx[p]]) && !words.InlineMenu(c.bs[idx[p]].Text)
}

// introFurnitureMinRun is the shortest run of furniture lines taken
// between the intro and the first question.
const introFurnitureMinRun = 5

// introFurniture removes, before the first question or speaker's turn, a
// run of at least introFurnitureMinRun short lines that are no sentences
// ("Author", a name, "Date", a date, "Cover", a credit): a box of the
// page's metadata, which an intro of prose does not hold. The line right
// above the first question may name its speaker or topic and stays.
func (c *cleaner) introFurniture(idx []int, kind []lineKind, script Script) {
	first := -1
	for p := range idx {
		c.tick()
		if c.live(idx[p]) && c.turn(idx[p], kind[p]) {
			first = p
			break
		}
	}
	// A headline-like line (a portrait's caption naming the speaker's
	// post) counts as furniture too; a list item does not.
	furniture := func(p int) bool {
		return kind[p] == chromeLine || kind[p] == listLine && !listLike(c.bs[idx[p]]) && c.nw[idx[p]] <= strayMaxWords
	}
	for p := 0; p < first; {
		if !furniture(p) || !c.live(idx[p]) {
			p++
			continue
		}
		q := p
		for q < first && furniture(q) && c.live(idx[q]) && !IsQuestion(c.bs[idx[q]].Text) {
			q++
		}
		end := q
		if end == first {
			end-- // the line above the first question
		}
		if end-p >= introFurnitureMinRun {
			for r := p; r < end; r++ {
				if !c.leaveToLaterRules(idx[r], script) {
					c.remove(idx[r], Navigation, -1)
				}
			}
		}
		p = max(q, p+1)
	}
}

// Cards between drawn rules: a text dump prints a list of other stories as
// cards of the same shape (kicker, headline, image, summary), each opened
// by a rule ("━━━━").
const (
	ruledCardMinBlocks  = 3 // the fewest blocks a card has
	ruledCardMaxBlocks  = 6 // the most
	ruledKickerMaxWords = 4
)

// ruledCards removes, in a text dump, a series of at least two cards
// opened by drawn rules: rules at an equal distance of three to six
// blocks, each followed by a kicker (a short line, not a sentence), and
// the card after the last rule when it has the same shape. Sections of an
// article are longer, and an exchange between rules opens with a question.
func (c *cleaner) ruledCards() {
	if c.ctx.HTML {
		return
	}
	var rules []int
	for i, b := range c.bs {
		if c.live(i) && c.keys[i] == "" && utf8.RuneCountInString(b.Text) >= 3 && decorationOnly(b.Text) {
			rules = append(rules, i)
		}
	}
	for s := 0; s+1 < len(rules); {
		size := rules[s+1] - rules[s] - 1
		e := s + 1 // the series runs from rules[s] to rules[e]
		for e+1 < len(rules) && rules[e+1]-rules[e]-1 == size {
			e++
		}
		if size < ruledCardMinBlocks || size > ruledCardMaxBlocks || !c.kickersAfter(rules[s:e+1]) {
			s = e
			continue
		}
		end := rules[e] // the last rule; its card too when it is whole
		if last := rules[e] + size; last < len(c.bs) && c.kickerAt(rules[e]+1) {
			end = last
		}
		for i := rules[s]; i <= end; i++ {
			if c.live(i) {
				c.remove(i, Teaser, -1)
			}
		}
		s = e + 1
	}
}

// kickersAfter reports whether a kicker follows every rule but the last.
func (c *cleaner) kickersAfter(rules []int) bool {
	for _, r := range rules[:len(rules)-1] {
		if !c.kickerAt(r + 1) {
			return false
		}
	}
	return true
}

// kickerAt reports whether block i is a card's kicker: a short line, not a
// sentence or a question, and words rather than an image's placeholder (an
// article's sections may each open with a rule and a picture).
func (c *cleaner) kickerAt(i int) bool {
	return i < len(c.bs) && c.live(i) && c.nw[i] >= 1 && c.nw[i] <= ruledKickerMaxWords && !EndsSentence(c.bs[i].Text) && !IsQuestion(c.bs[i].Text) && !imagePlaceholder(c.bs[i].Text)
}

// imagePlaceholder reports whether s is only what a text dump prints for an
// image: its alt text or file name in square brackets.
func imagePlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) > 2 && s[0] == '[' && s[len(s)-1] == ']' && strings.IndexByte(s[1:], ']') == len(s)-2
}

// Cards of other stories without drawn rules: a text dump prints each as
// a few lines (a picture's caption, a headline) over its summary, which
// opens with the story's date and is cut off with an ellipsis
// ("12.06.2018 Im Streit um ... bahnt sich…"). No speaker opens a
// paragraph with a date and breaks it off.
const (
	datedCardMinLines = 2 // the fewest lines of a card, the summary's included
	datedCardMaxLines = 4 // the most
	datedCardMin      = 2 // the fewest cards of a list
)

// datedSummaryRe matches a summary's opening date: "12.06.2018", "2018-06-12".
var datedSummaryRe = regexp.MustCompile(`^(?:\d{1,2}\.\d{1,2}\.(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\s+\S`)

// datedSummary reports a card's summary: a text that opens with a date
// and ends with an ellipsis.
func datedSummary(s string) bool {
	s = strings.TrimSpace(s)
	return (strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")) && datedSummaryRe.MatchString(s)
}

// datedCards removes, in a text dump, a list of at least two cards of
// equal size, each ending with a dated, cut-off summary: the summaries at
// an equal distance of two to four live lines, with the lines of each
// card above its summary.
func (c *cleaner) datedCards() {
	if c.ctx.HTML {
		return
	}
	var idx, sums []int // sums: positions in idx
	for i := range c.bs {
		c.tick()
		if c.live(i) {
			if datedSummary(c.bs[i].Text) {
				sums = append(sums, len(idx))
			}
			idx = append(idx, i)
		}
	}
	for s := 0; s+1 < len(sums); {
		size := sums[s+1] - sums[s]
		e := s + 1
		for e+1 < len(sums) && sums[e+1]-sums[e] == size {
			e++
		}
		if size < datedCardMinLines || size > datedCardMaxLines || e-s+1 < datedCardMin || sums[s]-size+1 < 0 {
			s = e
			continue
		}
		for p := sums[s] - size + 1; p <= sums[e]; p++ {
			c.remove(idx[p], Teaser, -1)
		}
		s = e + 1
	}
}

// Cards that cite another story: a text dump prints a box of links to the
// publication's other stories as a headline that ends with the issue or
// year it appeared in ("“Title of the story” (Magazine 08/2019)",
// "Dossier: Topic (2018)") over its one-paragraph summary. A speaker's
// line does not end with a bracketed date and end no sentence.
const (
	citedCardMaxWords  = 12 // the longest headline
	citedSummaryWords  = 80 // the longest summary
	citedCardMaxGap    = 4  // the most live lines from one card to the next
	citedCardMinSeries = 2  // the fewest cards of a box
)

// citedDateRe matches the bracketed issue or year that ends a cited
// headline: "(Magazine 08/2019)", "(2018)", "(12.2020)".
var citedDateRe = regexp.MustCompile(`\((?:[^()]{1,40}\s)?(?:\d{1,2}[./])?(?:19|20)\d\d\)$`)

// citedCards removes, in a text dump, a series of at least two cited
// cards (a headline ending with a bracketed date, not a question, over
// one paragraph that is no question) a few lines apart.
func (c *cleaner) citedCards() {
	if c.ctx.HTML {
		return
	}
	live := c.liveIndexes()
	var cards []int // positions in live of the headlines
	for p := 0; p+1 < len(live); p++ {
		if c.citedHeadline(live[p]) && c.citedSummary(live[p+1]) {
			cards = append(cards, p)
			p++
		}
	}
	for s := 0; s < len(cards); {
		e := s
		for e+1 < len(cards) && cards[e+1]-cards[e] <= citedCardMaxGap {
			e++
		}
		if e-s+1 >= citedCardMinSeries {
			for k := s; k <= e; k++ {
				c.remove(live[cards[k]], Teaser, -1)
				c.remove(live[cards[k]+1], Teaser, -1)
			}
		}
		s = e + 1
	}
}

// citedHeadline reports a short line that ends with a bracketed date and
// is no question.
func (c *cleaner) citedHeadline(i int) bool {
	t := strings.TrimSpace(c.bs[i].Text)
	return c.nw[i] >= 2 && c.nw[i] <= citedCardMaxWords && strings.HasSuffix(t, ")") && !IsQuestion(t) && citedDateRe.MatchString(t)
}

// citedSummary reports a paragraph that may summarise a cited story: a
// sentence or two, no question, no list item.
func (c *cleaner) citedSummary(i int) bool {
	t := c.bs[i].Text
	return c.nw[i] >= 6 && c.nw[i] <= citedSummaryWords && EndsSentence(t) && !IsQuestion(t) && !listLike(c.bs[i])
}

// controlWords are the labels of a media player's buttons, which a text
// dump prints as a line of their own ("Sound on Sound off Play Pause").
var controlWords = map[string]bool{
	"play": true, "pause": true, "stop": true, "replay": true, "mute": true, "unmute": true, "sound": true,
	"volume": true, "on": true, "off": true, "fullscreen": true, "full": true, "screen": true, "exit": true,
	"captions": true, "subtitles": true, "cc": true, "settings": true, "skip": true, "ad": true, "close": true,
	"abspielen": true, "ton": true, "an": true, "aus": true, "lecture": true, "reproducir": true, "pausa": true,
}

// controlMinWords is the fewest button labels that make a player's row.
const controlMinWords = 3

// playerControls removes, in a text dump, a line made only of a media
// player's button labels, with at least one of play, pause or mute.
func (c *cleaner) playerControls() {
	if c.ctx.HTML {
		return
	}
	for i := range c.bs {
		c.tick()
		if !c.live(i) || c.ntok[i] < controlMinWords || c.ntok[i] > 4*controlMinWords {
			continue
		}
		all, button := true, false
		for w := range strings.SplitSeq(c.keys[i], " ") {
			if !controlWords[w] {
				all = false
				break
			}
			button = button || w == "play" || w == "pause" || w == "mute" || w == "unmute" || w == "abspielen" || w == "reproducir"
		}
		if all && button {
			c.remove(i, Navigation, -1)
		}
	}
}

// pollShareRe matches one answer's share in a poll's results: "48%",
// "53 % (105 Stimmen)", "12.5% (3 votes)".
var pollShareRe = regexp.MustCompile(`^\d{1,3}(?:[.,]\d+)?\s?%(?:\s*\(\s*\d[\d.,]*\s*\p{L}*\s*\))?$`)

const (
	pollMaxGap      = 2  // the most blocks from one share to the next
	pollOptionWords = 6  // the longest answer option
	pollCountWords  = 8  // the longest "200 have voted" line
	pollQuestion    = 30 // the longest poll question, in words
)

// pollResults removes, in a text dump, a poll's results: two or more
// shares close together ("48% (95 Stimmen)"), the option printed before
// each, the poll's question before the first and a vote count after the
// last ("200 haben ihre Stimme bereits abgegeben").
func (c *cleaner) pollResults() {
	if c.ctx.HTML {
		return
	}
	var shares []int
	for i, b := range c.bs {
		if c.live(i) && c.nw[i] <= 4 && strings.Contains(b.Text, "%") && pollShareRe.MatchString(b.Text) {
			shares = append(shares, i)
		}
	}
	for s := 0; s < len(shares); {
		e := s
		for e+1 < len(shares) && shares[e+1]-shares[e] <= pollMaxGap {
			e++
		}
		if e > s {
			c.removePoll(shares[s], shares[e])
		}
		s = e + 1
	}
}

// removePoll removes the results from the first share to the last, with
// the option before the first, the question before it and the count after
// the last.
func (c *cleaner) removePoll(first, last int) {
	start, end := first, last
	if j := first - 1; j >= 0 && c.live(j) && c.nw[j] <= pollOptionWords && !EndsSentence(c.bs[j].Text) {
		start = j
		if q := j - 1; q >= 0 && c.live(q) && c.nw[q] <= pollQuestion && IsQuestion(c.bs[q].Text) {
			start = q
		}
	}
	if j := last + 1; j < len(c.bs) && c.live(j) && c.nw[j] <= pollCountWords && startsWithDigit(c.bs[j].Text) && !IsQuestion(c.bs[j].Text) {
		end = j
	}
	for i := start; i <= end; i++ {
		if c.live(i) {
			c.remove(i, Poll, -1)
		}
	}
}

func startsWithDigit(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

// formField reports a line that opens with a checkbox or a radio button as
// a text browser prints them ("[ ]", "[X]", "( )", "(*)") and goes on with
// its label in words.
func formField(s string) bool {
	if len(s) < 5 || s[0] != '[' && s[0] != '(' {
		return false
	}
	closer := byte(']')
	if s[0] == '(' {
		closer = ')'
	}
	// "[ ] [ » ] What ..." is two pictures without alternative text.
	r, _ := utf8.DecodeRuneInString(s[4:])
	return (s[1] == ' ' || s[1] == 'x' || s[1] == 'X' || s[1] == '*') && s[2] == closer && s[3] == ' ' && unicode.IsLetter(r)
}

// buttonMaxWords bounds the label of a button printed on its own line.
const buttonMaxWords = 5

// buttonLine reports a line that is only a button as a text browser
// prints a submit button or a boxed link: a short label padded inside
// square brackets ("[ Send ]", "[   Abstimmen   ]"). An editor's note in
// brackets is not padded, and says more than a few words.
func buttonLine(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[ ") || !strings.HasSuffix(s, " ]") || strings.Count(s, "[") != 1 || strings.Count(s, "]") != 1 {
		return false
	}
	label := strings.TrimSpace(s[1 : len(s)-1])
	n := words.Count(label)
	return n > 0 && n <= buttonMaxWords && strings.ContainsFunc(label, unicode.IsLetter) && !EndsSentence(label)
}

// formMaxGap is the most live lines between a form's question and its
// first field (a short label such as "Options").
const formMaxGap = 2

// formFields removes the lines that label a form's fields (see formField),
// and with a poll's options the poll's question above them and the button
// under them ("[Vote]"): no interview question is answered by check boxes.
func (c *cleaner) formFields() {
	from := max(c.ctx.TitleBlock+1, 0)
	var firsts, lasts []int // the first and last field of each form
	for i := from; i < len(c.bs); i++ {
		if c.live(i) && buttonLine(c.bs[i].Text) {
			c.remove(i, Form, -1)
			continue
		}
		if !c.live(i) || !formField(c.bs[i].Text) {
			continue
		}
		// The fields of one form follow each other, with nothing but
		// removed lines between them.
		c.remove(i, Form, -1)
		if n := len(lasts); n > 0 && c.prevUnremoved(i) < lasts[n-1] {
			lasts[n-1] = i
			continue
		}
		firsts, lasts = append(firsts, i), append(lasts, i)
	}
	for f, first := range firsts {
		q, gap := c.prevLive(first), 0
		for q >= from && gap < formMaxGap && !IsQuestion(c.bs[q].Text) && c.nw[q] <= 3 && !EndsSentence(c.bs[q].Text) {
			q, gap = c.prevLive(q), gap+1
		}
		if q >= from && IsQuestion(c.bs[q].Text) && c.nw[q] <= pollQuestion {
			for j := q; j < first; j++ {
				if c.live(j) {
					c.remove(j, Form, -1)
				}
			}
		}
		if b := c.nextLive(lasts[f]); b >= 0 && imagePlaceholder(c.bs[b].Text) {
			c.remove(b, Form, -1)
		}
	}
}

// removeLines is step name: it removes, for reason, every live line after
// the title whose text is.
func (c *cleaner) removeLines(name string, reason Reason, is func(string) bool) {
	c.step(name, func() {
		for i := max(c.ctx.TitleBlock+1, 0); i < len(c.bs); i++ {
			if c.live(i) && is(c.bs[i].Text) {
				c.remove(i, reason, -1)
			}
		}
	})
}

// liveLines returns the live blocks after the title and their line kinds.
func (c *cleaner) liveLines() ([]int, []lineKind) {
	var idx []int
	for i := max(c.ctx.TitleBlock+1, 0); i < len(c.bs); i++ {
		if c.live(i) {
			idx = append(idx, i)
		}
	}
	kind := make([]lineKind, len(idx))
	for p, i := range idx {
		next := -1
		if p+1 < len(idx) {
			next = idx[p+1]
		}
		kind[p] = c.lineKind(i, next)
	}
	return idx, kind
}

// keyCounts counts how often each key stands among the blocks idx.
func (c *cleaner) keyCounts(idx []int) map[string]int {
	seen := map[string]int{}
	for _, i := range idx {
		seen[c.keys[i]]++
	}
	return seen
}

// iconLabelMaxWords is the longest line taken for a button with an icon.
const iconLabelMaxWords = 8

// iconLabel reports a line that opens with the name of an icon-font
// ligature, as a text browser prints a button's icon ("chevron_left
// Browse all posts", "library_books CURRENT ISSUE"): lower-case ASCII
// words joined by underscores, then the button's words. No one's sentence
// opens with such a word.
func iconLabel(s string) bool {
	sp := strings.IndexByte(s, ' ')
	if sp < 0 || sp+1 >= len(s) {
		return false
	}
	w, parts := s[:sp], 1
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '_' && i > 0 && i+1 < len(w) && w[i-1] != '_':
			parts++
		case c < 'a' || c > 'z':
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s[sp+1:])
	return parts >= 2 && unicode.IsLetter(r)
}

// doubledMinLetters is the fewest letters a doubled line's half has:
// shorter halves ("Ha ha") are speech.
const doubledMinLetters = 4

// doubledLine reports a line that is one text printed two or more times
// over, glued or with one space between ("Harbour viewHarbour view",
// "ratingratingrating"): a text browser prints a lazily loaded picture's
// alternative text once for the picture and again for its fallback copy,
// an icon button's label beside its icon's, a row of star pictures by
// their names. A speaker who repeats words does not end a sentence and
// start the same one with no space, so a glued run is always taken, a
// spaced one only when its part ends no sentence ("No, never. No, never.").
func doubledLine(s string) bool {
	s = strings.TrimSpace(s)
	for k := 2; k <= len(s)/doubledMinLetters; k++ {
		for _, sep := range []string{"", " "} {
			n := len(s) - (k-1)*len(sep)
			if n%k != 0 {
				continue
			}
			part := s[:n/k]
			if part == "" || strings.TrimSpace(part) != part || sep != "" && EndsSentence(part) {
				continue
			}
			// The cheap test first: most lines fail on their second part.
			if !strings.HasPrefix(s[len(part):], sep+part) {
				continue
			}
			if strings.Repeat(part+sep, k-1)+part == s && words.Letters(part) >= doubledMinLetters {
				return true
			}
		}
	}
	return false
}

// sharedCreditMaxWords is the longest line taken for a picture's second
// caption by the credit it shares with the first.
const sharedCreditMaxWords = 60

// bracketTail returns the text in the brackets that end s ("(Agency /
// Name)"), or "" when s does not end with a bracket of two words or more.
func bracketTail(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return ""
	}
	open := strings.LastIndexByte(s, '(')
	if open <= 0 {
		return ""
	}
	tail := s[open:]
	if strings.Count(tail, " ") < 1 || strings.ContainsAny(tail[1:], "()") && strings.Count(tail, ")") > 1 {
		return ""
	}
	return tail
}

// sharedCredits moves to Caption a line next to a caption that ends with
// the same bracketed credit: a dump prints a picture's caption and its
// second caption (a quote under a gallery's picture) each with the
// credit, and the second may be longer than a caption is taken for by
// its credit alone. No speaker ends a paragraph with the credit of the
// picture beside it.
func (c *cleaner) sharedCredits() {
	for i := range c.bs {
		c.tick()
		if c.marks[i].Role != Caption {
			continue
		}
		tail := bracketTail(c.bs[i].Text)
		if tail == "" {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j > c.ctx.TitleBlock && j < len(c.bs) && c.live(j) && c.nw[j] <= sharedCreditMaxWords &&
				!IsQuestion(c.bs[j].Text) && bracketTail(c.bs[j].Text) == tail {
				c.setRole(j, Caption)
			}
		}
	}
}

package clean

import "fmt"

// Input says which kind of page a rule applies to.
type Input string

// Inputs.
const (
	AnyInput  Input = "any"
	HTMLInput Input = "html" // blocks from the element tree
	TextInput Input = "text" // blocks from a text dump
)

// Rule is one named cleaning rule. Rules are listed so that each can be
// named in the output (Mark.Rule, the `removed` list), switched off
// (Context.Disabled) and measured on its own: a rule that helps one page
// only is not general, and one with no effect is dead weight.
type Rule struct {
	Name string
	// Parent is the rule this one is a step of, or "". Switching a
	// parent off switches its steps off.
	Parent string
	Input  Input
	// Does says what the rule removes (the reasons it gives) or which
	// role it moves blocks to.
	Does string
	// Why is the signal, and why it holds across sites and languages.
	Why string

	run func(*cleaner) // top-level rules only
}

// Rules returns every cleaning rule, top-level rules in the order Clean
// runs them, each followed by its steps. Site boilerplate is learned
// across a batch (SiteModel.Apply) and is listed last.
func Rules() []Rule {
	return []Rule{
		{Name: "text-header", Input: TextInput, Does: "removes navigation, ticker",
			Why: "a text dump prints the page's menus, tickers and account links above the headline", run: (*cleaner).textHeader},
		{Name: "timestamps", Input: AnyInput, Does: "removes timestamp",
			Why: "a recording time that opens a turn (\"[00:12:06] NAME: ...\") is the turn's metadata, not its text", run: (*cleaner).timestamps},
		{Name: "glued-kickers", Input: TextInput, Does: "removes navigation",
			Why: "a dump prints an inline kicker on its paragraph's line with no space: two to six lower-case words, the last running into the paragraph's capitalised first word ('series nameThe text ...'), which no writer glues; the reader splits it off, and it goes", run: (*cleaner).gluedKickers},
		{Name: "html-chrome", Input: HTMLInput, Does: "removes navigation, footer, aside, form, hidden, ...",
			Why: "elements and ARIA roles that are page furniture by definition (nav, footer, aside, forms, hidden), and class or id names of furniture; such a name on an element that holds the page's main text (a wrapper named after the sidebar, the menu or the skip link that jumps to it) describes the layout and is taken back", run: (*cleaner).chrome},
		{Name: "main-content", Input: HTMLInput, Does: "parent of the main-content steps",
			Why: "the article is the container with the most paragraph text outside links (Readability's scoring)", run: (*cleaner).mainContent},
		{Name: "lead-siblings", Parent: "main-content", Input: HTMLInput, Does: "keeps the sibling boxes of sentences right before the article's container",
			Why: "page builders set the opening paragraphs in a box of their own before the text's box: one to three paragraphs of sentences (the last ends like one), at least a sentence's words, no links, under no name of furniture, author or deck; the site's boxes hold links, labels or headings, or are named so. Only before: after the text, such boxes are info boxes, disclosures and bios"},
		{Name: "standfirst", Parent: "main-content", Input: HTMLInput, Does: "keeps the standfirst outside the article's container and gives it to the intro",
			Why: "paragraphs of sentences between the headline and the article's text, in an element named as the lead (lead, intro, excerpt, teaser, standfirst...), open the article; bylines, dates and share buttons there are short and no sentences, and a deck is a second headline. A lead-named heading of fifteen words or more that ends like a sentence is a standfirst too (a headline is shorter and has no full stop). A heading right after the title does not end the look: it is the article's own headline under a title that is the site's name. Set in bold or italic, a standfirst would read as a question"},
		{Name: "outside-main", Parent: "main-content", Input: HTMLInput, Does: "removes outside-main",
			Why: "blocks outside the article's containers are sidebars, teasers and footers"},
		{Name: "teaser-cards", Parent: "main-content", Input: HTMLInput, Does: "removes teaser",
			Why: "a linked headline with little text around it is a card pointing to another story"},
		{Name: "nested-articles", Parent: "main-content", Input: HTMLInput, Does: "removes teaser",
			Why: "a small <article> inside the article is another story's card or a comment"},
		{Name: "link-runs", Parent: "main-content", Input: HTMLInput, Does: "removes related",
			Why: "consecutive lines that are links are a list of related stories or a table of contents"},
		{Name: "link-boxes", Parent: "main-content", Input: HTMLInput, Does: "removes related",
			Why: "a short heading in capitals or ending with a colon that opens three or more short lines holding links, in one element closed before the text goes on, is a box of links, however little of each line is link"},
		{Name: "trailing-links", Parent: "main-content", Input: HTMLInput, Does: "removes related",
			Why: "list items with links after the article's last paragraph are a 'more stories' list"},
		{Name: "author-boxes", Parent: "main-content", Input: HTMLInput, Does: "removes author-bio",
			Why: "a short box whose class or id names an author or bio"},
		{Name: "after-author-box", Parent: "main-content", Input: HTMLInput, Does: "removes footer",
			Why: "an author box that closes the article (80% of its words before it) ends it; the little text after it is the site's (donation, newsletter boxes)"},
		{Name: "empty-sections", Parent: "main-content", Input: HTMLInput, Does: "removes the reason of its section",
			Why: "a heading whose whole section was removed titled that furniture"},
		{Name: "text-chrome", Input: TextInput, Does: "parent of the text-dump chrome steps",
			Why: "without markup, the article is the densest stretch of long sentence-like lines; chrome is runs of short lines", run: (*cleaner).textChrome},
		{Name: "inline-menus", Parent: "text-chrome", Input: TextInput, Does: "removes navigation",
			Why: "a row of links printed as one line: three or more short capitalised items joined by one symbol"},
		{Name: "icon-labels", Parent: "text-chrome", Input: TextInput, Does: "removes navigation",
			Why: "a short line opening with an icon-font ligature's name (\"chevron_left Browse all posts\") is a button"},
		{Name: "doubled-labels", Parent: "text-chrome", Input: TextInput, Does: "removes duplicate",
			Why: "a line that is one text twice over, glued or spaced ('Harbour viewHarbour view') is a picture's alternative text printed for the picture and its fallback copy, or a button's label beside its icon's; no one's sentence runs into itself"},
		{Name: "form-fields", Parent: "text-chrome", Input: TextInput, Does: "removes form",
			Why: "a line that opens with a checkbox or radio button as a text browser prints it (\"[ ] I agree ...\", \"( ) Yes\") labels a form field, and a line that is only a short label padded inside square brackets (\"[ Send ]\") is a submit button or a boxed link"},
		{Name: "text-footer", Parent: "text-chrome", Input: TextInput, Does: "removes footer",
			Why: "lines after the article's stretch are related links, comments and imprint"},
		{Name: "text-preamble", Parent: "text-chrome", Input: TextInput, Does: "removes navigation",
			Why: "between headline and text, when nothing there reads as text, lines are bylines, dates and share buttons"},
		{Name: "text-link-runs", Parent: "text-chrome", Input: TextInput, Does: "removes teaser",
			Why: "runs of three or more mostly list-like short lines inside the text are teaser boxes and menus; a short question between two of their headlines (no one answers it) or a line opened by a name and a colon that ends no sentence after three of them is one more headline"},
		{Name: "intro-furniture", Parent: "text-chrome", Input: TextInput, Does: "removes navigation",
			Why: "five or more short lines that are no sentences between the intro and the first question are a box of the page's metadata (author, date, credits)"},
		{Name: "text-captions", Parent: "text-chrome", Input: TextInput, Does: "moves to caption",
			Why: "a short line that carries a photo credit is a caption"},
		{Name: "shared-credits", Parent: "text-chrome", Input: TextInput, Does: "moves to caption",
			Why: "a line beside a caption that ends with the same bracketed credit is the same picture's second caption, however long; no speaker ends a paragraph with the credit of the picture beside it"},
		{Name: "image-names", Parent: "text-chrome", Input: TextInput, Does: "moves to caption",
			Why: "a single word in brackets, a file-name slug ('jane-doe-headshot') or a picture's file name ('harbour_01.jpg') is what a text dump prints for a picture"},
		{Name: "captions-under-images", Parent: "text-chrome", Input: TextInput, Does: "moves to caption, removes navigation",
			Why: "under a picture a dump prints its caption, credits ('Coat: Maker. Shoes: Maker') and lightbox buttons: short lines that end no sentence, where speakers' words do; a one-word line recurring under pictures is a button"},
		{Name: "ruled-cards", Input: TextInput, Does: "removes teaser",
			Why: "cards of equal size opened by drawn rules and a short kicker are a list of other stories", run: (*cleaner).ruledCards},
		{Name: "dated-cards", Input: TextInput, Does: "removes teaser",
			Why: "cards of equal size, each ending with a summary that opens with a date and is cut off with an ellipsis, are a list of other stories; no speaker opens a paragraph with a date and breaks it off", run: (*cleaner).datedCards},
		{Name: "cited-cards", Input: TextInput, Does: "removes teaser",
			Why: "two or more headlines a few lines apart, each ending with the bracketed issue or year of another story ('(Magazine 08/2019)') over a one-paragraph summary, are a box of links to the publication's stories; no speaker's line ends with a bracketed date and no sentence", run: (*cleaner).citedCards},
		{Name: "player-controls", Input: TextInput, Does: "removes navigation",
			Why: "a line made only of a media player's button labels", run: (*cleaner).playerControls},
		{Name: "poll-results", Input: TextInput, Does: "removes poll",
			Why: "two or more percentage shares close together, with their options", run: (*cleaner).pollResults},
		{Name: "answer-tail", Input: TextInput, Does: "removes footer",
			Why: "speakers' paragraphs end like sentences: after the last answered question, a short line without one opens what follows the article (a bio, related stories, comments)", run: (*cleaner).answerTail},
		{Name: "list-tail", Parent: "answer-tail", Input: TextInput, Does: "removes footer",
			Why: "after the interview's turns, a short line ending in a colon over short headlines opens a list of links (a speaker's label is followed by the answer, and recurs)"},
		{Name: "bio-tail", Parent: "answer-tail", Input: TextInput, Does: "removes footer",
			Why: "after the interview's turns, a name on its own line over a sentence that opens with it, or a paragraph opened by a name and a handle in brackets, is the author's bio; no answer opens with the name above it"},
		{Name: "related-tail", Input: AnyInput, Does: "removes related",
			Why: "a line that only names a list of other stories (the vocabulary's related headings: 'Related posts', 'Ähnliche Beiträge', 'Похожие статьи', or one that asks: 'Already read?'), below 150 words and, in a text dump, half of the page's text (in HTML the box stands inside the article's container and its summaries may outweigh the text) and with no speaker's turn after it (a label that opened a line before the heading: a teaser's kicker and colon is none), opens the page's lists of links; it and what follows are the site's", run: (*cleaner).relatedTail},
		{Name: "more-links", Input: TextInput, Does: "removes teaser",
			Why: "a short paragraph that ends, after its last sentence or its cut, with the vocabulary's link word ('... in April. more', '... the town… Read more') is a teaser card's summary, and the short headline above it is the card's; no one's sentence ends with a lone 'more' after its full stop, and a speaker's turn is never taken", run: (*cleaner).moreLinks},
		{Name: "download-links", Input: TextInput, Does: "removes boilerplate",
			Why: "a short line that ends with a file's size, alone or in brackets with its format ('Download (123 KB)', '(PDF 3,9 MB)'), is a download link, and the short label above it is its; speech gives a size inside a sentence", run: (*cleaner).downloadLinks},
		{Name: "timed-feed", Input: TextInput, Does: "removes teaser",
			Why: "four or more short lines a few blocks apart ending with times of day that run backwards are a feed of the site's latest stories or newest posts; a recording's timestamps count up, and a live blog (its entries run backwards too) is the page's text, so the feed must start below half of its words", run: (*cleaner).timedFeed},
		{Name: "recurring-lines", Input: TextInput, Does: "removes boilerplate",
			Why: "a line printed in every card of the page (a sponsorship credit, a category line): it opens with the same four words as two or more lines already removed as chrome and ends no sentence; no speaker's line opens like the page's furniture twice", run: (*cleaner).recurringLines},
		{Name: "boxes", Input: AnyInput, Does: "parent of the short-box steps",
			Why: "short blocks that are not questions and speak the vocabulary of site furniture", run: (*cleaner).stubsAndBoilerplate},
		{Name: "link-line", Parent: "boxes", Input: HTMLInput, Does: "removes link-stub",
			Why: "a short block that is almost all link text points elsewhere"},
		{Name: "link-stub", Parent: "boxes", Input: AnyInput, Does: "removes link-stub",
			Why: "a short sentence that only points to a link ('can be found here', 'read more')"},
		{Name: "boilerplate", Parent: "boxes", Input: AnyInput, Does: "removes boilerplate",
			Why: "a very short block in the vocabulary of subscription, sharing, cookie and advertising boxes"},
		{Name: "call-to-action", Parent: "boxes", Input: AnyInput, Does: "removes boilerplate",
			Why: "a box that opens by telling the reader to subscribe, or an embedded teaser's kicker ('VIDEO:'), even over a headline that asks"},
		{Name: "teaser-lines", Parent: "boxes", Input: AnyInput, Does: "removes teaser",
			Why: "a line opened by a kicker phrase in any case and a colon ('Read also:', 'Lesen Sie auch:', 'Vea también:') over a headline that ends no sentence (in HTML, a third of it or more in links) is a link to another story; a speaker's answer after a label ends like a sentence, and one-word kickers stay capitals-only as they may be a name"},
		{Name: "issue-promo", Parent: "boxes", Input: AnyInput, Does: "removes boilerplate",
			Why: "a box that sells the publication's issues names the ways to buy them (the vocabulary's issue words: 'current issue', 'e-paper', 'Einzelheft', 'en kiosque'): two of them in up to 30 words, or one in a very short line; speech may name an issue, it does not list the formats it is sold in"},
		{Name: "disclaimer", Parent: "boxes", Input: AnyInput, Does: "removes disclaimer",
			Why: "the legal notes printed under interviews and advertising posts"},
		{Name: "plugin-notice", Parent: "boxes", Input: AnyInput, Does: "removes boilerplate",
			Why: "a short block naming a browser plug-in or media player (Flash Player, RealAudio) tells the reader to install it or offers a version for it; product names, the same in every language"},
		{Name: "comment-thread", Input: AnyInput, Does: "removes comments",
			Why: "readers' posts after the article each carry a short line with a reply button and a date or time; two such lines at short intervals are a thread, on any site, and so is one post under a signed header (a short line ending in a colon, \"Name says:\", over a line of only its date and time), unless the posts outweigh a text of fewer than 400 words above them (a forum); a text dump may print a header's reply button, author and date as a line each", run: (*cleaner).commentThread},
		{Name: "other-script", Input: AnyInput, Does: "removes language-link, other-language",
			Why: "a block in another script than a page written 85% in one script", run: (*cleaner).otherScript},
		{Name: "duplicates", Input: AnyInput, Does: "parent of the echo steps",
			Why: "a copy of an earlier block is an echo unless it is a question or a short prompt asked again", run: (*cleaner).duplicates},
		{Name: "repeated-run", Parent: "duplicates", Input: AnyInput, Does: "removes repeated-run",
			Why: "adjacent copies of adjacent blocks: a passage captured twice"},
		{Name: "exact-duplicate", Parent: "duplicates", Input: AnyInput, Does: "removes duplicate",
			Why: "the same text printed again outside a run"},
		{Name: "near-duplicate", Parent: "duplicates", Input: AnyInput, Does: "removes near-duplicate",
			Why: "a text 90% equal by edit distance to an earlier one"},
		{Name: "doubled-caption", Parent: "duplicates", Input: AnyInput, Does: "moves to caption, removes duplicate-caption",
			Why: "a short text printed twice in a row is an image's alt text and its caption"},
		{Name: "near-captions", Parent: "duplicates", Input: TextInput, Does: "moves to caption, removes duplicate-caption",
			Why: "a dump prints a picture's alt text over its caption: two adjacent short lines ending no sentence, with the same words but for spaces and punctuation, or one opening the other; no speaker says a line twice, and a heading is not printed twice"},
		{Name: "pull-quotes", Input: AnyInput, Does: "removes pull-quote",
			Why: "a short quoted text whose words stand in a longer paragraph elsewhere on the page", run: (*cleaner).pullQuotes},
		{Name: "display-quotes", Parent: "pull-quotes", Input: AnyInput, Does: "removes pull-quote",
			Why: "a quote set apart (a lone blockquote, in an aside or figure, or a line wholly in bold between plain paragraphs of a page) that a paragraph in the text holds almost whole, however little longer: the copy out of the flow is the echo"},
		{Name: "stitched-quotes", Parent: "pull-quotes", Input: AnyInput, Does: "removes pull-quote",
			Why: "a pull quote may join two excerpts of one paragraph, leaving out what stood between: its words stand, in runs of five or more, in a longer paragraph almost whole, which a speaker's own sentence does not"},
		{Name: "inset-lines", Parent: "pull-quotes", Input: HTMLInput, Does: "removes pull-quote",
			Why: "where most lines set wholly in bold between plain paragraphs are pull quotes (two at least), the other such lines are display lines of the same kind (pull captions quoting no one word for word)"},
		{Name: "quote-attribution", Parent: "pull-quotes", Input: AnyInput, Does: "removes pull-quote",
			Why: "a bare name right after a pull quote is its attribution"},
		{Name: "media", Input: AnyInput, Does: "parent of the caption and credit steps", run: (*cleaner).media,
			Why: "captions and credits are media, not text"},
		{Name: "caption-markup", Parent: "media", Input: HTMLInput, Does: "moves to caption, credit",
			Why: "figcaption and caption elements, credit classes"},
		{Name: "captions-beside-images", Parent: "media", Input: HTMLInput, Does: "moves to caption",
			Why: "a short text sharing a small element with an image; running text counts the element's blocks at every depth"},
		{Name: "caption-credit-tail", Parent: "media", Input: AnyInput, Does: "moves to caption",
			Why: "a short text ending in a bracketed credit ('(Photo: AFP)')"},
		{Name: "credit-beside-caption", Parent: "media", Input: AnyInput, Does: "moves to credit",
			Why: "a short line next to a caption naming a photographer or agency"},
		{Name: "credit-label", Parent: "media", Input: AnyInput, Does: "moves to credit",
			Why: "a short line that names itself a credit ('Foto:', 'Photo by') or a source ('Quelle:', 'Source:')"},
		{Name: "date-lines", Input: AnyInput, Does: "removes metadata",
			Why: "a line made only of dates, times, numbers and the vocabulary's date words (month and weekday names, 'updated', 'min read') and at most one other word (a category, a name) only dates the article; at its edges (before its second paragraph of running text and its first question, or after its last) it carries none of its text, where inside the text a date may head a part of it", run: (*cleaner).dateLines},
		{Name: "footer", Input: AnyInput, Does: "parent of the footer steps", run: (*cleaner).footer,
			Why: "the page's text ends with its last sentence"},
		{Name: "beyond-footer", Parent: "footer", Input: AnyInput, Does: "removes footer",
			Why: "a little text after a wall of removed blocks at the end of the page"},
		{Name: "editorial-note", Parent: "footer", Input: HTMLInput, Does: "removes editorial-note",
			Why: "the page's last short blocks wholly in italics under upright text"},
		{Name: "trailing-lines", Parent: "footer", Input: AnyInput, Does: "removes footer",
			Why: "short non-sentences after the page's last sentence"},
		{Name: "site-address", Parent: "footer", Input: AnyInput, Does: "removes footer",
			Why: "one of the page's last four text blocks that names the site itself (og:site_name, the host name; letters only, so '@ExampleTimes' and 'example.com' count) and addresses the reader (the vocabulary's reader words: 'you', 'follow', 'unser', 'únete', 'vous', 'подпишитесь') is the site's closing call (follow us, get our app, subscribe to read on, write to the editors): an article speaks of its subject, not of the site printing it; it and what follows go when it lies in the page's last half and after its last question"},
		{Name: "after-disclaimer", Parent: "footer", Input: AnyInput, Does: "removes footer",
			Why: "a disclaimer in the page's last half closes the article: what follows it, when nothing there asks a question, is the page's"},
		{Name: "separators", Input: AnyInput, Does: "removes separator",
			Why: "blocks of rule or bullet characters hold no text", run: (*cleaner).separators},
		{Name: "site-boilerplate", Input: AnyInput, Does: "removes site-boilerplate (batches only)",
			Why: "a block on at least 3 and a quarter of a host's pages in one batch"},
	}
}

// RuleNames returns the names of every cleaning rule.
func RuleNames() []string {
	rs := Rules()
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return names
}

// ruleSet is the rules of one Clean call, with what is switched off.
type ruleSet struct {
	parent map[string]string
	off    map[string]bool
}

func newRuleSet(disabled map[string]bool) ruleSet {
	rs := ruleSet{parent: map[string]string{}, off: disabled}
	for _, r := range Rules() {
		rs.parent[r.Name] = r.Parent
	}
	return rs
}

// on reports whether the rule runs. A name that is not in Rules is a bug
// in this package, caught by its tests.
func (rs ruleSet) on(name string) bool {
	p, ok := rs.parent[name]
	if !ok {
		panic(fmt.Sprintf("clean: rule %q is not listed in Rules", name))
	}
	return !rs.off[name] && (p == "" || !rs.off[p])
}

// step runs fn as the named step of the current rule, if it is on: what
// fn removes or moves is recorded under the step's name.
func (c *cleaner) step(name string, fn func()) {
	if !c.rules.on(name) {
		return
	}
	parent := c.rule
	c.rule = name
	fn()
	c.rule = parent
}

// setRole moves block i to a role other than Removed, recording the rule.
func (c *cleaner) setRole(i int, r Role) {
	c.marks[i].Role = r
	c.marks[i].Rule = c.rule
}

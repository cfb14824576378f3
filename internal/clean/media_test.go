package clean

import (
	"fmt"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/qanda/qanda/internal/blocks"
)

func htmlBlocks(t *testing.T, page string) []blocks.Block {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return blocks.FromHTML(doc)
}

func roleOf(t *testing.T, bs []blocks.Block, marks []Mark, text string) Mark {
	t.Helper()
	for i, b := range bs {
		if b.Text == text {
			return marks[i]
		}
	}
	t.Fatalf("no block %q", text)
	return Mark{}
}

func TestCaptionBesideImage(t *testing.T) {
	page := `<html><body><article>
<p>` + longA + `</p>
<div class="module"><div class="pic"><figure><img src="a.jpg"></figure></div>
<div class="info"><p>Dress: Christopher Kane. The dog is called Bandit</p></div></div>
<p>` + longB + `</p><p>` + longC + `</p>
</article></body></html>`
	bs := htmlBlocks(t, page)
	marks := Clean(bs, Context{TitleBlock: -1, HTML: true})
	if m := roleOf(t, bs, marks, "Dress: Christopher Kane. The dog is called Bandit"); m.Role != Caption {
		t.Errorf("caption beside image: %+v", m)
	}
	if m := roleOf(t, bs, marks, longB); m.Role != Content {
		t.Errorf("article text: %+v", m)
	}
}

// A chat-style page puts an avatar beside every turn: those are not captions.
func TestAvatarTurnsAreNotCaptions(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><article><h1>Two neighbours talk about the coast</h1>")
	for _, s := range []string{
		"Why did you move to the coast after thirty years in the city, and why now?",
		"Because the city had become too loud for me, and the rents had doubled in five years.",
		"Do you miss anything about it, now that the first winter by the sea is over?",
		"Sometimes, in winter, I miss the cinemas and the late trams, but not very much.",
		"What do you do on the long evenings, when the ferries stop running?",
		"I read, I cook for the neighbours, and I have started to repair old boats.",
	} {
		b.WriteString(`<div class="turn"><img src="avatar.png"><p>` + s + `</p></div>`)
	}
	b.WriteString("</article></body></html>")
	bs := htmlBlocks(t, b.String())
	marks := Clean(bs, Context{TitleBlock: 0, HTML: true})
	for i, m := range marks[1:] {
		if m.Role == Caption {
			t.Errorf("block %q taken for a caption", bs[i+1].Text)
		}
	}
}

func TestTextBeyondFooter(t *testing.T) {
	bs := page("Title of the interview page here", longA, longB, "Contact", "Imprint", "Privacy", "The style magazine. Fashion, design, people.")
	c := newCleaner(bs, Context{TitleBlock: 0})
	for i := 3; i <= 5; i++ {
		c.remove(i, Navigation, -1)
	}
	c.beyondFooter()
	if m := c.marks[6]; m.Role != Removed || m.Reason != Footer {
		t.Errorf("tagline after the footer: %+v", m)
	}
	if c.marks[2].Role != Content {
		t.Errorf("article text removed: %+v", c.marks[2])
	}
	// Without a wall of removed blocks, the last paragraph stays.
	c = newCleaner(bs, Context{TitleBlock: 0})
	c.remove(4, Navigation, -1)
	c.beyondFooter()
	if c.marks[6].Role != Content {
		t.Errorf("removed without a footer wall: %+v", c.marks[6])
	}
}

func TestCaptionWithCreditInBrackets(t *testing.T) {
	bs := page("Title of the interview page here", longA, "Utopia or dystopia? In Korea an app shows where infected people were (Photo: picture alliance/Kyodo)", longB)
	if m := Clean(bs, Context{TitleBlock: 0}); m[2].Role != Caption {
		t.Errorf("caption with credit: %+v", m[2])
	}
}

func TestEditorialNoteAtTheEnd(t *testing.T) {
	note := "Statements by our guests reflect their own views; the radio does not adopt them."
	page := `<html><body><article><p>` + longA + `</p><p>` + longB + `</p><p><em>` + note + `</em></p></article></body></html>`
	bs := htmlBlocks(t, page)
	marks := Clean(bs, Context{TitleBlock: -1, HTML: true})
	if m := roleOf(t, bs, marks, note); m.Role != Removed || m.Reason != EditorialNote {
		t.Errorf("closing italic note: %+v", m)
	}
	// An italic paragraph in the middle stays.
	page = `<html><body><article><p>` + longA + `</p><p><em>` + note + `</em></p><p>` + longB + `</p></article></body></html>`
	bs = htmlBlocks(t, page)
	marks = Clean(bs, Context{TitleBlock: -1, HTML: true})
	if m := roleOf(t, bs, marks, note); m.Role != Content {
		t.Errorf("italic paragraph inside the text: %+v", m)
	}
	// A note of several short italic lines goes whole; italic paragraphs
	// of some length at the end are the article's.
	lines := []string{"Want to know more about her? Follow her on GitHub or Twitter.", "Want to read more interviews? Read about:", "Check back soon, we add new interviews every week."}
	page = `<html><body><article><p>` + longA + `</p><p>` + longB + `</p><p><em>` + strings.Join(lines, `</em></p><p><em>`) + `</em></p></article></body></html>`
	bs = htmlBlocks(t, page)
	marks = Clean(bs, Context{TitleBlock: -1, HTML: true})
	for _, l := range lines {
		if m := roleOf(t, bs, marks, l); m.Role != Removed || m.Reason != EditorialNote {
			t.Errorf("note line %q: %+v", l, m)
		}
	}
	italic := []string{longB + " " + longC, longC + " " + longA}
	page = `<html><body><article><p>` + longA + `</p><p><em>` + italic[0] + `</em></p><p><em>` + italic[1] + `</em></p></article></body></html>`
	bs = htmlBlocks(t, page)
	marks = Clean(bs, Context{TitleBlock: -1, HTML: true})
	for _, p := range italic {
		if m := roleOf(t, bs, marks, p); m.Role != Content {
			t.Errorf("italic article paragraph: %+v", m)
		}
	}
}

// A text dump's credit lines name themselves in several ways, a source's
// too ("Quelle: ..." under a table or a note); a sentence that mentions
// photographs stays text.
func TestTextCreditLabels(t *testing.T) {
	credits := []string{
		"Photograph: Tim Example/Agency Images",
		"Photographs by Jane Example",
		"Illustration: Raúl Example",
		"Fotografía: Ana Ejemplo",
		"Photo credit: Lee Example",
		"Fotocredit: Max Beispiel",
		"Bildnachweis: Archiv Beispiel",
		"Quelle: Amt für Beispiele",
		"Source: Example Statistics Office",
	}
	kept := []string{
		"Photographs by then were rare, she said, and nobody kept them at home for long.",
		"They sent photographs by the dozen, and we kept every one of them in a box.",
	}
	text := longA + "\n\n" + strings.Join(credits, "\n\n") + "\n\n" + longB + "\n\n" + kept[0] + "\n\n" + longC + "\n\n" + kept[1] + "\n\n" + longA + " Again.\n"
	bs := blocks.FromText(text)
	marks := Clean(bs, Context{TitleBlock: -1})
	for _, s := range credits {
		// A credit beside another may be read as the caption it
		// credits: either way it is picture furniture, not content.
		if m := roleOf(t, bs, marks, s); m.Role != Credit && m.Role != Caption {
			t.Errorf("%q: %+v, want a credit", s, m)
		}
	}
	for _, s := range kept {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("%q: %+v, want content", s, m)
		}
	}
}

// A newsletter box may lead in before it asks: "Never miss ...: subscribe".
// An answer that says "subscribe" elsewhere stays.
func TestCallToActionAfterLeadIn(t *testing.T) {
	box := "Never miss a story from the media business again: Subscribe to our free newsletters and stay up to date on the industry."
	answer := "We asked readers to subscribe, and to our surprise most of them did so within the first week of the launch."
	text := longA + "\n\n" + answer + "\n\n" + longB + "\n\n" + box + "\n\n" + longC + "\n"
	bs := blocks.FromText(text)
	marks := Clean(bs, Context{TitleBlock: -1})
	if m := roleOf(t, bs, marks, box); m.Role != Removed || m.Reason != Boilerplate {
		t.Errorf("newsletter box: %+v", m)
	}
	if m := roleOf(t, bs, marks, answer); m.Role != Content {
		t.Errorf("answer: %+v", m)
	}
}

// Story cards between drawn rules after an interview go; an interview
// whose exchanges stand between rules stays.
func TestRuledCards(t *testing.T) {
	rule := "━━━━━━━━━━━━━━━━━━━━"
	lines := []string{longA, "Why did the plan surprise you?", longB, "What comes next for the harbour?", longC, rule}
	var cards []string
	for _, topic := range []string{"Politics", "Mediterranean", "History"} {
		cards = append(cards, "Interviews "+topic, "« A conversation about "+strings.ToLower(topic)+" and the future »", topic+" [photo]",
			"In this interview, a former minister looks back on twenty years of "+strings.ToLower(topic)+" and on the mistakes made along the way, "+
				"from the first treaties to the crisis of the last decade, and explains why he still believes that the next generation will do better than his own did.")
	}
	lines = append(lines, cards[:4]...)
	lines = append(lines, rule)
	lines = append(lines, cards[4:8]...)
	lines = append(lines, rule)
	lines = append(lines, cards[8:]...)
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := Clean(bs, Context{TitleBlock: -1})
	for _, s := range cards {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Teaser {
			t.Errorf("card line %q: %+v", s, m)
		}
	}
	for _, s := range []string{longA, longB, longC, "What comes next for the harbour?"} {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("interview %q: %+v", s, m)
		}
	}

	// Exchanges between rules: each opens with a question, not a kicker.
	var ex []string
	for _, q := range []string{"Why did the plan surprise you?", "What comes next for the harbour?", "Who pays for it?"} {
		ex = append(ex, rule, q, longA+" "+q, longB, longC+" "+q)
	}
	bs = blocks.FromText(strings.Join(ex, "\n\n"))
	marks = Clean(bs, Context{TitleBlock: -1})
	if m := roleOf(t, bs, marks, "Who pays for it?"); m.Role != Content {
		t.Errorf("question between rules: %+v", m)
	}

	// Exchanges between rules, each opened by its picture: an image's
	// placeholder is not a kicker.
	ex = ex[:0]
	qs := []string{"Question 1: Why did the plan surprise you?", "Question 2: What comes next for the harbour?", "Question 3: Who pays for it?"}
	for n, a := range []string{longA, longB, longC} {
		ex = append(ex, rule, fmt.Sprintf("[interview-question_%d-300x298]", n+1), qs[n], a)
	}
	bs = blocks.FromText(strings.Join(ex, "\n\n"))
	marks = Clean(bs, Context{TitleBlock: -1})
	for _, s := range append(qs, longB) {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("exchange under a picture between rules %q: %+v", s, m)
		}
	}
}

// A media player's row of buttons goes; a sentence that uses some of the
// same words stays.
func TestPlayerControls(t *testing.T) {
	controls := []string{"Sound on Sound off Play Pause", "Ton an Ton aus Abspielen"}
	kept := []string{"Play on", "Play it again, and pause when the sound goes off.", "Stop Stop Stop"}
	var lines []string
	for i, s := range append(append([]string{}, controls...), kept...) {
		lines = append(lines, []string{longA, longB, longC}[i%3], s)
	}
	lines = append(lines, longA+" The end.")
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := Clean(bs, Context{TitleBlock: -1})
	for _, s := range controls {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Navigation {
			t.Errorf("%q: %+v", s, m)
		}
	}
	for _, s := range kept {
		if m := roleOf(t, bs, marks, s); m.Role == Removed && m.Reason == Navigation {
			t.Errorf("%q removed as player controls", s)
		}
	}
}

// A poll's results in a text dump go, question, options, shares and the
// count; a percentage in an answer stays.
func TestPollResults(t *testing.T) {
	poll := []string{"Would you share your location data to fight the virus?", "Yes", "48% (95 votes)", "No", "53 % (105 votes)", "200 have already voted"}
	answer := "About 40% of them said yes, which surprised us."
	lines := append([]string{longA, "What did the survey show?", answer, longB}, poll...)
	for _, q := range []string{"Why did the plan surprise you?", "What comes next for the harbour?", "Who pays for it?"} {
		lines = append(lines, q, longC+" "+longA, longB+" "+longC)
	}
	lines = append(lines, "50%", longA+" Again.")
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := Clean(bs, Context{TitleBlock: -1})
	for _, s := range poll {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Poll {
			t.Errorf("%q: %+v", s, m)
		}
	}
	for _, s := range []string{answer, "What did the survey show?", "50%"} {
		if m := roleOf(t, bs, marks, s); m.Reason == Poll {
			t.Errorf("%q removed as a poll", s)
		}
	}
}

// A sentence of an answer set apart as a display quote (a lone blockquote
// between the answers) is an echo even when it is most of its paragraph,
// where a paragraph must otherwise be 1.5 times as long to be the source.
// A quote in the flow is no echo: the intro's quote of the interviewee,
// and blockquotes that follow each other (a page setting its answers as
// blockquotes), stay.
func TestDisplayQuote(t *testing.T) {
	source := "Worse than the surveys said. The iron frame of the lantern had rusted through in four places, and the salt had worked its way into the mortar."
	quote := "The iron frame of the lantern had rusted through in four places, and the salt had worked its way into the mortar."
	wrap := func(body string) string {
		return "<html><body><article><h1>Restoring a lighthouse nobody needs</h1>" + body + "</article></body></html>"
	}
	bs := htmlBlocks(t, wrap("<p>"+longA+"</p><p>"+source+"</p><p>"+longB+"</p><blockquote><p>"+quote+"</p></blockquote><p>"+longC+"</p>"))
	marks := Clean(bs, Context{TitleBlock: 0, HTML: true})
	if m := roleOf(t, bs, marks, quote); m.Role != Removed || m.Reason != PullQuote || m.Rule != "display-quotes" || bs[m.DupOf].Text != source {
		t.Errorf("display quote: %+v", m)
	}
	if m := roleOf(t, bs, marks, source); m.Role != Content {
		t.Errorf("its source: %+v", m)
	}
	// Without the rule, the pull-quote rule leaves it.
	marks = Clean(bs, Context{TitleBlock: 0, HTML: true, Disabled: map[string]bool{"display-quotes": true}})
	if m := roleOf(t, bs, marks, quote); m.Role != Content {
		t.Errorf("display-quotes off: %+v", m)
	}

	// The same words quoted in a paragraph of the intro, in the flow.
	intro := "“" + quote + "”"
	bs = htmlBlocks(t, wrap("<p>"+intro+"</p><p>"+longA+"</p><p>"+source+"</p><p>"+longB+"</p>"))
	marks = Clean(bs, Context{TitleBlock: 0, HTML: true})
	if m := roleOf(t, bs, marks, intro); m.Role != Content {
		t.Errorf("a quote in the flow: %+v", m)
	}

	// Blockquotes in a row are the page's flow.
	bs = htmlBlocks(t, wrap("<p>"+longA+"</p><p>"+source+"</p><blockquote><p>"+quote+"</p></blockquote><blockquote><p>"+longC+"</p></blockquote>"))
	marks = Clean(bs, Context{TitleBlock: 0, HTML: true})
	if m := roleOf(t, bs, marks, quote); m.Role != Content {
		t.Errorf("blockquotes in a row: %+v", m)
	}
}

// A line wholly in bold between plain paragraphs is set apart like a
// blockquote: when the next paragraph holds it whole, however little
// longer, it is the echo. Where most such lines are pull quotes, the other
// bold lines are display lines too; where most are not (a page that sets
// its prompts in bold), they stay.
func TestEmphasisInsets(t *testing.T) {
	const (
		p1   = "The minister said on Tuesday that the harbour would reopen in spring, after two years of repairs and long delays for everyone."
		p2   = "Engineers, who had warned about the state of the quay walls for a decade, welcomed the decision, but asked for more money soon."
		q1   = "The walls were in far worse shape than anyone had thought. We had to rebuild most of them from the sea floor up, one by one, and that takes years."
		q2   = "Nobody wanted to pay for the divers at first, so we waited, and the winter storms did the rest of the damage to the old northern quay."
		echo = "The harbour is not a museum, it is a workplace."
	)
	body := func(extra string) []byte {
		return []byte(`<html><head><title>Harbour</title></head><body><div class="article"><h1>Harbour</h1>` +
			`<p>` + p1 + `</p>` +
			`<p><b>"` + echo + `"</b></p>` +
			`<p>JANE DOE, Harbour Master: ` + echo + `</p>` +
			`<p>` + p2 + `</p>` +
			`<p><b>"The walls were in far worse shape than anyone had thought."</b></p>` +
			`<p>` + q1 + `</p>` +
			`<p><b>"Nobody wanted to pay for the divers at first."</b></p>` +
			`<p>` + q2 + `</p>` + extra +
			`</div></body></html>`)
	}
	find := func(bs []blocks.Block, sub string) int {
		for i, b := range bs {
			if strings.Contains(b.Text, sub) {
				return i
			}
		}
		t.Fatalf("no block holds %q", sub)
		return -1
	}
	bs, m := htmlMarks(t, body(`<p><b>In the port, anger at the long delay.</b></p><p>Dockers marched to the town hall on Friday, and the mayor came out to speak to them about the plans for the spring.</p>`))
	if i := find(bs, `"The harbour is not`); m[i].Role != Removed || m[i].Rule != "display-quotes" {
		t.Errorf("bold echo: %+v, want removed by display-quotes", m[i])
	}
	if i := find(bs, "JANE DOE"); m[i].Role != Content {
		t.Errorf("the source of the echo went: %+v", m[i])
	}
	if i := find(bs, "In the port, anger"); m[i].Role != Removed || m[i].Rule != "inset-lines" {
		t.Errorf("bold display line: %+v, want removed by inset-lines", m[i])
	}
	// Most bold lines are prompts, not quotes: they stay.
	prompts := ""
	answers := []string{
		"They came in November and did not stop until March, and each one took another piece of the northern wall with it.",
		"More than the cranes and the rail link together, because every diver works for a few hours a day in that cold water.",
		"We will replace the two oldest ones first and then see how much money is left for the rest of them next year.",
		"It will carry containers to the city and the wine to the south, if the government keeps its promise about it.",
	}
	for k, s := range []string{"Tell us about the storms.", "The cost of the divers.", "Your plans for the cranes.", "The rail link, then."} {
		prompts += `<p><b>` + s + `</b></p><p>` + answers[k] + `</p>`
	}
	bs, m = htmlMarks(t, body(prompts))
	for _, s := range []string{"Tell us about", "The cost of", "Your plans", "The rail link"} {
		for i, b := range bs {
			if b.Text == s || strings.HasPrefix(b.Text, s) && b.Emphasis > 0.9 {
				if m[i].Role != Content {
					t.Errorf("bold prompt %q: %+v, want kept", b.Text, m[i])
				}
			}
		}
	}
}

// An article whose lead image sits high while its paragraphs sit deep in
// nested wrappers: the opening paragraph beside the image is running text,
// not a caption, because the element it shares with the image holds many
// blocks in all. A sentence in a real caption box is still a caption.
func TestRunningTextBesideLeadImage(t *testing.T) {
	opening := "The lighthouse keepers of the northern isles kept a log for two hundred years."
	caption := "A grey heron waits on the old harbour wall at dawn."
	page := `<html><body><article>
<div class="lead-image"><img src="a.jpg"></div>
<div class="body"><p>` + opening + `</p>
<div class="wrap"><div class="inner"><div class="col">
<p>` + longA + `</p>
<div class="pic"><img src="b.jpg"><p>` + caption + `</p></div>
<p>` + longB + `</p><p>` + longC + `</p>
</div></div></div></div>
</article></body></html>`
	bs := htmlBlocks(t, page)
	marks := Clean(bs, Context{TitleBlock: -1, HTML: true})
	if m := roleOf(t, bs, marks, opening); m.Role != Content {
		t.Errorf("opening paragraph beside the lead image: %+v", m)
	}
	if m := roleOf(t, bs, marks, caption); m.Role != Caption {
		t.Errorf("caption in a small box: %+v", m)
	}
}

package qanda

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/qanda/qanda/pkg/source"
)

// A podcast panel published as Markdown (two hosts, one guest, a timestamp
// before every turn) gives its exchanges without Markdown syntax or
// timestamps in the text; every timestamp is listed in removed.
func TestMarkdownPodcastPanel(t *testing.T) {
	doc := extractFile(t, filepath.Join(testdataDir, "markdown", "podcast-panel.md"))
	if doc.Source.Format != string(source.Markdown) {
		t.Errorf("format %q, want markdown", doc.Source.Format)
	}
	want := []struct{ asker, question, answerStart string }{
		{"Mara Lindqvist", "Ines, thank you for coming on the show. How did you end up working on harbours rather than on big ports?", "I grew up in a village"},
		{"Jonas Ferreira", "So what changed? Why are these harbours suddenly in trouble?", "Two things at once."},
		{"Mara Lindqvist", "Is raising the quay the obvious answer, or is that too simple?", "It is the answer everyone asks for first"},
		{"Jonas Ferreira", "How much does a breakwater like that cost for a village harbour?", "Less than people fear."},
		{"Mara Lindqvist", "Who should pay for it: the fishermen, the village or the state?", "All three"},
		{"Jonas Ferreira", "Last question from us. If you could change one rule tomorrow, which would it be?", "I would let small harbours"},
	}
	if len(doc.Exchanges) != len(want) {
		t.Fatalf("%d exchanges, want %d", len(doc.Exchanges), len(want))
	}
	syntax := regexp.MustCompile(`\*\*|__|\[\d|\(\d\d:|^#`)
	for i, w := range want {
		e := doc.Exchanges[i]
		if e.Question.Text != w.question || e.Question.Speaker == nil || *e.Question.Speaker != w.asker {
			t.Errorf("exchange %d: question %q, want %q by %q", i+1, e.Question.Text, w.question, w.asker)
		}
		if !strings.HasPrefix(e.Answer.Text, w.answerStart) || len(e.Answer.Speakers) != 1 || e.Answer.Speakers[0] != "Ines Okafor" {
			t.Errorf("exchange %d: answer %.60q by %q", i+1, e.Answer.Text, e.Answer.Speakers)
		}
		for _, s := range append([]string{e.Question.Text}, e.Answer.Paragraphs...) {
			if syntax.MatchString(s) {
				t.Errorf("exchange %d: Markdown syntax or a timestamp in %q", i+1, s)
			}
		}
	}
	if n := len(doc.Exchanges[0].Answer.Paragraphs); n != 2 {
		t.Errorf("first answer has %d paragraphs, want 2", n)
	}
	timestamps := 0
	for _, r := range doc.Removed {
		if r.Reason == "timestamp" {
			timestamps += r.Count
		}
	}
	if timestamps != 14 {
		t.Errorf("%d timestamps removed, want 14", timestamps)
	}
	if doc.Title == nil || *doc.Title != "The Tide Table, episode 41: What the rising sea does to small harbours" {
		t.Errorf("title %v", doc.Title)
	}
}

// A Markdown interview as a site's export writes it: the italic line under
// an image is the image's caption (media, not the answer), while an
// italic question after an image stays a question; a heading between
// turns is the next question's topic, and the heading after the last turn
// that opens a section without turns (a newsletter's pitch, the footer)
// ends the last answer: what follows is the outro.
func TestMarkdownCaptionAndClosingSection(t *testing.T) {
	md := `# Keeping bees on city roofs

An intro that says who we met and where we met her, on a windy morning.

**Laura:** How did you start keeping bees on roofs?

**Tom:** By accident. A colleague retired and left me two hives in his garden.

![A beekeeper on a roof](/img/roof.jpg)

*Tom Harrow on the hospital roof. Photo: Ledger archive*

**Laura:** Is a city a better place for bees than a field?

**Tom:** Often it is. Gardens flower one after another from March to October.

## The honey

**Laura:** Can the honey from a city roof be safe to eat?

**Tom:** We send samples to a laboratory every year, and they have never found more lead than in honey from the countryside.

![The lab](/img/lab.jpg)

*Why would city honey be different?*

**Laura:** What would you ask the council for?

**Tom:** Stop mowing the verges in June. That one change would feed more bees than all my hives.

### Get the Ledger in your inbox

Our free weekly newsletter brings you the best stories of the week. [Sign up](/newsletter)

© 2024 The Ledger Media Group. All rights reserved.
`
	doc := extractString(t, "bees.md", md)
	if len(doc.Exchanges) != 4 {
		t.Fatalf("%d exchanges, want 4", len(doc.Exchanges))
	}
	for _, e := range doc.Exchanges {
		for _, p := range e.Answer.Paragraphs {
			if strings.Contains(p, "Photo:") || strings.Contains(p, "newsletter") || strings.Contains(p, "©") || strings.Contains(p, "inbox") {
				t.Errorf("chrome in the answer to %q: %q", e.Question.Text, p)
			}
		}
	}
	if n := len(doc.Exchanges[0].Answer.Paragraphs); n != 1 {
		t.Errorf("first answer has %d paragraphs, want 1: %q", n, doc.Exchanges[0].Answer.Paragraphs)
	}
	captioned := false
	for _, m := range doc.Media {
		captioned = captioned || strings.HasPrefix(m.Caption, "Tom Harrow on the hospital roof.")
	}
	if !captioned {
		t.Errorf("the caption is not in media: %+v", doc.Media)
	}
	if e := doc.Exchanges[2]; e.Topic == nil || *e.Topic != "The honey" {
		t.Errorf("third exchange's topic %v, want the heading between the turns", e.Topic)
	}
	if a := doc.Exchanges[2].Answer.Paragraphs; len(a) != 2 || a[1] != "Why would city honey be different?" {
		t.Errorf("the italic question after an image is no caption: third answer %q", a)
	}
	outro := strings.Join(doc.Outro, "\n")
	if !strings.Contains(outro, "Get the Ledger in your inbox") || !strings.Contains(outro, "Our free weekly newsletter") {
		t.Errorf("the section after the last turn is not the outro: %q", doc.Outro)
	}
}

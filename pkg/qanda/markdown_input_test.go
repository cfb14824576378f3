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

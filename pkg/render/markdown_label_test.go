package render

import (
	"bytes"
	"strings"
	"testing"
)

// A label that is the speaker's surname is not printed again.
func TestMarkdownSkipsLabelThatNamesSpeaker(t *testing.T) {
	d := &Document{Title: Str("T"), Exchanges: []Exchange{
		{N: 1, Question: Question{Text: "Why?", Speaker: Str("Karin Fischer"), Label: Str("Fischer")}, Answer: Answer{Text: "Because.", Paragraphs: []string{"Because."}}},
		{N: 2, Question: Question{Text: "How?", Speaker: Str("Karin Fischer"), Label: Str("Q")}, Answer: Answer{Text: "So.", Paragraphs: []string{"So."}}},
	}}
	var b bytes.Buffer
	if err := Markdown(&b, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "*Fischer*") {
		t.Errorf("surname label printed:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "*Q*") {
		t.Errorf("generic label missing:\n%s", b.String())
	}
}

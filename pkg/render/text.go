package render

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Text writes d as plain text: the title underlined with "=", a metadata
// line, the intro, then per exchange its topic (underlined with "-"),
// "Q (speaker): question" and "A (speaker): answer", further answer
// paragraphs indented. Lines are not wrapped: one paragraph per line, so the
// output pastes cleanly into editors and other tools.
func Text(w io.Writer, d *Document) error {
	if err := checkDoc(d); err != nil {
		return err
	}
	var b strings.Builder
	title := "Untitled"
	if d.Title != nil && oneLine(*d.Title) != "" {
		title = oneLine(*d.Title)
	}
	b.WriteString(title + "\n")
	b.WriteString(strings.Repeat("=", utf8.RuneCountInString(title)) + "\n")
	if m := metaLine(d); m != "" {
		b.WriteString(m + "\n")
	}

	for _, p := range nonEmpty(d.Intro) {
		b.WriteString("\n" + oneLine(p) + "\n")
	}

	for _, e := range d.Exchanges {
		b.WriteString("\n")
		if e.Topic != nil && oneLine(*e.Topic) != "" {
			topic := oneLine(*e.Topic)
			b.WriteString(topic + "\n")
			b.WriteString(strings.Repeat("-", utf8.RuneCountInString(topic)) + "\n")
		}
		q := "Q"
		if e.Question.Speaker != nil && oneLine(*e.Question.Speaker) != "" {
			q += " (" + oneLine(*e.Question.Speaker) + ")"
		}
		b.WriteString(q + ": " + oneLine(e.Question.Text) + "\n")
		a := "A"
		if who := speakers(e.Answer.Speakers); who != "" {
			a += " (" + who + ")"
		}
		paras := nonEmpty(answerParagraphs(e.Answer))
		if len(paras) == 0 {
			b.WriteString(a + ":\n")
		}
		for i, p := range paras {
			if i == 0 {
				b.WriteString(a + ": " + oneLine(p) + "\n")
			} else {
				// Indented so each exchange reads as one unit.
				b.WriteString("   " + oneLine(p) + "\n")
			}
		}
	}

	if outro := nonEmpty(d.Outro); len(outro) > 0 {
		b.WriteString("\n---\n")
		for _, p := range outro {
			b.WriteString("\n" + oneLine(p) + "\n")
		}
	}

	if items := mediaItems(d.Media); len(items) > 0 {
		b.WriteString("\nMedia:\n")
		for _, it := range items {
			b.WriteString("- " + it + "\n")
		}
	}
	if e := editsLine(d); e != "" {
		b.WriteString("\n" + e + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

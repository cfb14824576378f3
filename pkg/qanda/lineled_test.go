package qanda

import (
	"strings"
	"testing"
)

// lineLedDump builds a text dump the way a browser prints run-in questions
// broken off by <br>: each question on its own line, its answer on the next
// line with no blank line between, and the answer's further paragraphs
// after blank lines.
func lineLedDump(intro []string, turns [][]string) string {
	var b strings.Builder
	for _, p := range intro {
		b.WriteString(p + "\n\n")
	}
	for _, t := range turns {
		b.WriteString(t[0] + "\n" + t[1] + "\n\n")
		for _, p := range t[2:] {
			b.WriteString(p + "\n\n")
		}
	}
	return b.String()
}

// In a text dump whose questions each head their answer's paragraph, a
// statement set the same way is a question too; a box whose first line
// ends with a comma (a bio) stays text.
func TestLineLedQuestions(t *testing.T) {
	for _, c := range []struct {
		lang  string
		intro []string
		turns [][]string
	}{
		{"en", []string{
			"The harbour master retires this spring after thirty years on the quay.",
			"Interview by Tom Weller",
		}, [][]string{
			{"How did you start?", "I came as a deckhand at sixteen and never found a reason to leave the water.", "My mother wanted me to be a teacher, and she still reminds me of it."},
			{"The quay looks very different today.", "It does. The cranes are twice as tall and the ships four times as long, but the tides are the same."},
			{"What was your worst night?", "The storm of the winter when the pier broke, when we kept the lights on with a generator for three days."},
			{"You are known for never taking holidays.", "That is a rumour I started myself, so that nobody would ask me to cover their shifts."},
			{"Who will take over?", "My deputy, who knows every buoy by name and argues with the pilots better than I ever did."},
			{"Will you miss it?", "Every morning at five, when I wake up and there is no radio to listen to."},
		}},
		{"de", []string{
			"Die Bäckerin schließt nach vierzig Jahren ihren Laden am Marktplatz.",
			"Das Gespräch führte Anna Berg",
		}, [][]string{
			{"Wann haben Sie angefangen?", "Mit vierzehn, als Lehrling bei meinem Onkel, der mich jeden Morgen um drei geweckt hat."},
			{"Viele Kunden kommen seit Jahrzehnten zu Ihnen.", "Manche kenne ich schon als Kinder, die heute ihre Enkel mitbringen und dasselbe Brot kaufen."},
			{"Was war Ihr schwierigstes Jahr?", "Das Jahr, in dem der Ofen zweimal ausfiel und wir das Brot beim Nachbarn backen mussten."},
			{"Ihr Roggenbrot ist in der ganzen Stadt bekannt.", "Das Rezept stammt von meiner Großmutter, und ich habe nie ein Gramm daran geändert."},
			{"Wer übernimmt den Laden?", "Eine junge Bäckerin aus dem Nachbarort, die schon seit einem Jahr bei mir mitarbeitet."},
			{"Werden Sie das Backen vermissen?", "Den Geruch am Morgen ganz sicher, das frühe Aufstehen überhaupt nicht."},
		}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			dump := lineLedDump(c.intro, c.turns) + "Jane Doe, 41,\nwrites about the coast for the paper and lives by the harbour.\n"
			d := extractString(t, "line-led-"+c.lang+".txt", dump)
			if len(d.Exchanges) != len(c.turns) {
				for _, e := range d.Exchanges {
					t.Logf("Q %q", e.Question.Text)
				}
				t.Fatalf("%d exchanges, want %d", len(d.Exchanges), len(c.turns))
			}
			for k, turn := range c.turns {
				e := d.Exchanges[k]
				if e.Question.Text != turn[0] {
					t.Errorf("question %d = %q, want %q", k+1, e.Question.Text, turn[0])
				}
				if want := strings.Join(turn[1:], "\n\n"); !strings.HasPrefix(e.Answer.Text, want) {
					t.Errorf("answer %d = %q, want %q", k+1, e.Answer.Text, want)
				}
				if k > 0 && strings.Contains(d.Exchanges[k-1].Answer.Text, turn[0]) {
					t.Errorf("question %d is inside the answer before", k+1)
				}
			}
			for _, e := range d.Exchanges {
				if strings.HasPrefix(e.Question.Text, "Jane Doe") {
					t.Errorf("the bio is a question: %q", e.Question.Text)
				}
			}
		})
	}
}

// Lines broken without blank lines in an article (an address, verse) with
// few questions are no interview layout.
func TestLineLedNeedsQuestions(t *testing.T) {
	dump := "The town opens its new library on Saturday.\n\n" +
		"The building stands on the old market square.\nIt was designed by a local architect.\n\n" +
		"Opening hours are printed at the door.\nThe café on the ground floor opens at nine.\n\n" +
		"Who will run it? The town has hired two librarians from the city.\n\n" +
		"Library of the Town\nMarket Square 4\nOpen daily.\n"
	d := extractString(t, "article.txt", dump)
	if len(d.Exchanges) != 0 {
		t.Errorf("%d exchanges in an article, want 0: %+v", len(d.Exchanges), d.Exchanges)
	}
}

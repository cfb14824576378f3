package qanda

import (
	"strings"
	"testing"
)

// A transcript that labels only the answers with the speaker's name, the
// questions standing unlabelled before them, gives one exchange per
// answer even when there are three and the questions address no one.
func TestAnswerOnlyLabels(t *testing.T) {
	for _, c := range []struct {
		name, label string
		qs, as      []string
	}{
		{"de", "Berg", []string{
			"Frau Berg, der Hafen wird umgebaut. Warum jetzt?",
			"Wer bezahlt die neuen Mauern?",
			"Wann sind die Arbeiten fertig?",
		}, []string{
			"Weil der Ausschuss sich endlich auf einen Plan geeinigt hat, den alle mittragen, und das Geld vom Land bereitsteht.",
			"Das Land zahlt die Hälfte, der Bund ein Drittel, und die Stadt bringt den Rest aus den Hafengebühren auf.",
			"Wenn der Winter gnädig ist, stehen die Mauern im Sommer, und die Kräne sind einen Monat später wieder am Kai.",
		}},
		{"en", "Okafor", []string{
			"Ms Okafor, the ferry line closes in May. What happens to the island?",
			"Who pays for the new boat?",
			"When will it sail?",
			"And the old ferry?",
		}, []string{
			"The island keeps its school and its shop, because the council has promised a smaller boat that runs every day.",
			"The county pays two thirds, and the rest comes from the harbour fees that the island has collected for years.",
			"If the yard keeps its promise, the first crossing is in the autumn, before the storms make the channel too rough.",
			"It goes to a museum on the mainland, where children can climb on the bridge and ring the bell.",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("News from the coast\n\nA short conversation about the harbour and its plans.\n\n")
			for k := range c.qs {
				b.WriteString(c.qs[k] + "\n\n" + c.label + ": " + c.as[k] + "\n\n")
			}
			d := extractString(t, "answer-labels-"+c.name+".txt", b.String())
			if len(d.Exchanges) != len(c.qs) {
				t.Fatalf("%d exchanges, want %d: %+v", len(d.Exchanges), len(c.qs), d.Exchanges)
			}
			for k, e := range d.Exchanges {
				if e.Question.Text != c.qs[k] || e.Answer.Text != c.as[k] {
					t.Errorf("exchange %d: %q / %q", k+1, e.Question.Text, e.Answer.Text)
				}
			}
		})
	}
}

// Quotes under one name that follow no question are no transcript.
func TestAnswerLabelsNeedQuestions(t *testing.T) {
	page := "The harbour reopens\n\nThe quay was rebuilt over two winters.\n\n" +
		"Berg: We are proud of the new walls and of everyone who worked on them.\n\n" +
		"The first ships are expected in April, and the fish market moves back to the quay.\n\n" +
		"Berg: The market belongs by the water, where it stood for two hundred years.\n\n" +
		"The council will decide on the harbour fees in the summer.\n\n" +
		"Berg: Nobody should pay more than before, and the fishermen least of all.\n"
	d := extractString(t, "quotes.txt", page)
	if len(d.Exchanges) != 0 {
		t.Errorf("%d exchanges from quotes, want 0: %+v", len(d.Exchanges), d.Exchanges)
	}
}

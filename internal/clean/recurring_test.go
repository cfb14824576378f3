package clean_test

import (
	"strings"
	"testing"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
)

// A credit line printed in every card of the page stays at the top of the
// article when the cards after it go with the footer: its opening words
// recur in the removed cards. A line whose opening stands in one removed
// card only, or that ends like a sentence, stays.
func TestRecurringLines(t *testing.T) {
	const intro = "The town rebuilt its harbour after the storm, and the woman who led the work tells us how the money was found and what comes next for the old ferry terminal."
	for _, c := range []struct{ credit, other, sentence string }{
		{"Erstellt gemeinsam mit der Hafenredaktion Stadt Meer Hafen", "Erstellt gemeinsam mit der Hafenredaktion", "Erstellt gemeinsam mit der Hafenredaktion, die uns half."},
		{"Produced in partnership with Harbour Desk boats towns tides", "Produced in partnership with Harbour Desk", "Produced in partnership with Harbour Desk, who helped us."},
	} {
		qa := harbourQA()
		lines := []string{"A headline about the interview here", intro, c.credit, c.sentence}
		lines = append(lines, qa...)
		lines = append(lines, "More stories",
			"Another story about the river and its bridges", c.other+" rivers bridges",
			"A third story about the old market square", c.other+" markets squares",
			"Imprint", "Privacy", "Terms")
		bs := blocks.FromText(strings.Join(lines, "\n\n"))
		marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
		if m := roleOf(t, bs, marks, c.credit); m.Role != clean.Removed || m.Rule != "recurring-lines" {
			t.Errorf("%q: %+v, want removed by recurring-lines", c.credit, m)
		}
		for _, l := range append([]string{c.sentence}, qa...) {
			if m := roleOf(t, bs, marks, l); m.Role != clean.Content {
				t.Errorf("%q: %+v, want content", l, m)
			}
		}
		// One removed copy is no series.
		lines = []string{"A headline about the interview here", intro, c.credit}
		lines = append(lines, qa...)
		lines = append(lines, "More stories", "Another story about the river and its bridges", c.other+" rivers bridges", "Imprint", "Privacy", "Terms")
		bs = blocks.FromText(strings.Join(lines, "\n\n"))
		marks = clean.Clean(bs, clean.Context{TitleBlock: 0})
		if m := roleOf(t, bs, marks, c.credit); m.Rule == "recurring-lines" {
			t.Errorf("%q with one copy: %+v", c.credit, m)
		}
	}
}

// A second caption under a picture ends with the same bracketed credit as
// the first and goes to media however long it is; an answer ending with
// another bracket stays.
func TestSharedCredits(t *testing.T) {
	for _, c := range []struct{ caption, second string }{
		{"Die Bürgermeisterin am neuen Kai. (Foto: Bildagentur Nord / Hanna Beispiel)",
			"„Der Hafen ist nie fertig, das Meer prüft jede Mauer und jedes Tor, und die Stadt muss jedes Mal darauf antworten, auch wenn es Jahre dauert“, sagt die Bürgermeisterin im Gespräch. (Foto: Bildagentur Nord / Hanna Beispiel)"},
		{"La alcaldesa en el nuevo muelle. (Imagen: Agencia Sur / Ana Ejemplo)",
			"«El puerto nunca está terminado, el mar pone a prueba cada muro y cada puerta, y la ciudad tiene que responder cada vez, aunque tarde años», dice la alcaldesa en la entrevista. (Imagen: Agencia Sur / Ana Ejemplo)"},
	} {
		qa := harbourQA()
		answer := "A: It will become a market hall again, as it was a hundred years ago, with stalls for the fishermen and a small museum about the storm (and the long rebuilding)."
		lines := append([]string{"A headline about the interview here", c.caption, c.second}, qa...)
		lines = append(lines, "Q: What comes next for the old ferry terminal?", answer)
		bs := blocks.FromText(strings.Join(lines, "\n\n"))
		marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
		if m := roleOf(t, bs, marks, c.second); m.Role != clean.Caption || m.Rule != "shared-credits" {
			t.Errorf("%q: %+v, want caption by shared-credits", c.second, m)
		}
		if m := roleOf(t, bs, marks, answer); m.Role != clean.Content {
			t.Errorf("%q: %+v, want content", answer, m)
		}
	}
}

// A list of other stories' headlines may hold a headline that is a
// question, or one opened by a name and a colon: no one answers the
// question, and the named one ends no sentence, so they go with the list.
// A question between bulleted points of answers stays.
func TestHeadlineTurns(t *testing.T) {
	const intro = "The town rebuilt its harbour after the storm, and the woman who led the work tells us how the money was found and what comes next for the old ferry terminal."
	const summary = "It took eleven years, three mayors and one very patient foundation, and the fishermen paid a share nobody had asked them for."
	for _, c := range []struct{ opener, question, named string }{
		{"Lire aussi", "Le port pourra-t-il résister à la prochaine grande tempête d'hiver ?", "Anne Exemple : « Les digues » Pourquoi la mer gagne toujours à la fin"},
		{"Mehr lesen", "Kann der Hafen dem nächsten großen Wintersturm noch standhalten?", "Anna Beispiel: „Die Deiche“ Warum das Meer am Ende immer gewinnt"},
	} {
		lines := []string{"A headline about the interview here", intro, c.opener,
			"Neue Mauern für den alten Hafen der Stadt", "Die Fischer sparen seit zwanzig Jahren für ihren Steg",
			c.question,
			"Ein Museum über den Sturm im alten Fährhaus", "Die Schulen zuerst und dann die Straßen am Fluss",
			c.named, summary}
		lines = append(lines, harbourQA()...)
		bs := blocks.FromText(strings.Join(lines, "\n\n"))
		marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
		for _, l := range []string{c.question, c.named} {
			if m := roleOf(t, bs, marks, l); m.Role != clean.Removed || m.Rule != "text-link-runs" {
				t.Errorf("%q: %+v, want removed by text-link-runs", l, m)
			}
		}
		for _, l := range append([]string{intro, summary}, harbourQA()...) {
			if m := roleOf(t, bs, marks, l); m.Role != clean.Content {
				t.Errorf("%q: %+v, want content", l, m)
			}
		}
	}
	qa := harbourQA()
	lines := []string{"A headline about the interview here", qa[0], qa[1], "Q: Which three things came first after the storm had gone?",
		"• The schools by the river and the market", "• The roads to the harbour and the pier", "• The bridges over the river and the canal",
		"Q: And which of them took the longest to finish in the end?",
		"• The bridges over the river and the canal, by far", "• Then the roads to the harbour and the pier", "• Then the schools by the river",
		qa[2], qa[3], qa[4], qa[5]}
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
	if m := roleOf(t, bs, marks, "Q: And which of them took the longest to finish in the end?"); m.Role != clean.Content {
		t.Errorf("question between points: %+v", m)
	}
}

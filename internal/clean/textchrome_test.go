package clean_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/meta"
	"github.com/qanda/qanda/pkg/source"
)

// textGold is the part of a gold file the text-chrome test reads.
type textGold struct {
	ID        string
	Exchanges []struct {
		Question string
		Answer   []string
	}
	MustNotContain []string `json:"must_not_contain"`
}

// cleanDump runs the text path up to clean on a bundled dump.
func cleanDump(t *testing.T, id string) ([]blocks.Block, []clean.Mark) {
	t.Helper()
	d, err := source.Open(filepath.Join("..", "..", "testdata", "corpus", "interviews-text", id+".txt.gz"), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bs := blocks.FromText(string(d.Body))
	m := meta.FromText(bs)
	return bs, clean.Clean(bs, clean.Context{TitleBlock: m.TitleBlock})
}

// labels maps the key of a block opened by a speaker label ("Name: Yes,
// ...") to the key of the text after the label; one map per page.
type labels map[string]string

func (l labels) unlabelled(k string) string {
	if u, ok := l[k]; ok {
		return u
	}
	return k
}

// kept reports whether gold paragraph key gk survives as content: a content
// block holds it whole (a label such as "Q:" may stand before it), or, when
// the dump split it, content blocks inside it cover most of it. A copy of a
// part of it (a pull quote) may be removed as long as the paragraph stays.
func kept(gk string, keys []string, marks []clean.Mark, l labels) bool {
	whole, covered := false, 0
	for i, k := range keys {
		if k == "" {
			continue
		}
		if strings.Contains(k, gk) {
			if marks[i].Role == clean.Content {
				return true
			}
			whole = true
		} else if u := l.unlabelled(k); len(u) >= 20 && strings.Contains(gk, u) && marks[i].Role == clean.Content {
			covered += len(u)
		}
	}
	return !whole && covered*10 >= len(gk)*8
}

// Every gold question and answer paragraph of the bundled text dumps stays
// content after Clean: removing page chrome never removes the interview.
func TestTextChromeKeepsInterview(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "gold-text", "*.json"))
	if len(files) < 18 {
		t.Fatalf("only %d gold files found", len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g textGold
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		t.Run(g.ID, func(t *testing.T) {
			bs, marks := cleanDump(t, g.ID)
			keys := make([]string, len(bs))
			l := labels{}
			for i, b := range bs {
				keys[i] = clean.Key(b.Text)
				if j := strings.Index(b.Text, ":"); j > 0 && len(strings.Fields(b.Text[:j])) <= 4 {
					l[keys[i]] = clean.Key(b.Text[j+1:])
				}
			}
			var paras []string
			for _, x := range g.Exchanges {
				paras = append(paras, x.Question)
				paras = append(paras, x.Answer...)
			}
			for _, p := range paras {
				if gk := clean.Key(p); gk != "" && !kept(gk, keys, marks, l) {
					t.Errorf("gold paragraph not kept as content: %.100q", p)
				}
			}
		})
	}
}

// Page chrome of the bundled dumps mostly goes: of all the boilerplate the
// gold files list, at most a quarter is still content after Clean (the rest
// are captions and teasers that look like text; see the README).
func TestTextChromeRemovesBoilerplate(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "gold-text", "*.json"))
	total, leaked := 0, 0
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		var g textGold
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		bs, marks := cleanDump(t, g.ID)
		for _, s := range g.MustNotContain {
			sk := clean.Key(s)
			if sk == "" {
				continue
			}
			total++
			for i, b := range bs {
				if marks[i].Role == clean.Content && strings.Contains(clean.Key(b.Text), sk) {
					leaked++
					break
				}
			}
		}
	}
	if total == 0 || leaked*4 > total {
		t.Errorf("%d of %d boilerplate texts still content", leaked, total)
	}
	t.Logf("%d of %d boilerplate texts still content", leaked, total)
}

func TestTextChromeSynthetic(t *testing.T) {
	answers := []string{
		"The harbour was rebuilt twice in the last century, and each time the town argued for years about who should pay for the new walls and the cranes.",
		"Nobody in the council expected the storm to be that strong; the forecasts had promised rain and wind, but not a flood that reached the market square.",
		"We started with the schools, because children cannot wait, and then moved on to the roads, the bridges and finally the old ferry terminal by the river.",
		"In the end the money came from three places at once: the region, a foundation in the capital and, to everyone's surprise, the fishermen themselves. They had saved for a new pier for twenty years, and they decided that the town needed the money more than they needed the pier.",
	}
	long := func(n int) string { return answers[n-1] }
	lines := []string{
		"Home", "• News", "• Sport",
		"A headline about the interview here",
		"By Jane Doe", "12 March 2024",
		long(1),
		"Why?",
		long(2),
		"Fischer:",
		long(3),
		"• Related one headline with words", "• Related two headline with words", "• Related three headline with words",
		long(4),
		"Imprint", "• Privacy", "• Terms", "© 2024 Example Media",
	}
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	m := meta.FromText(bs)
	if m.TitleBlock != 3 {
		t.Fatalf("title %d %q", m.TitleBlock, m.Title)
	}
	marks := clean.Clean(bs, clean.Context{TitleBlock: m.TitleBlock})
	want := map[int]string{
		4: "navigation", 5: "navigation", 7: "content", 9: "content",
		11: "teaser", 12: "teaser", 13: "teaser",
		15: "footer", 16: "footer", 17: "footer", 18: "footer",
	}
	for i, w := range want {
		got := string(marks[i].Role)
		if marks[i].Role == clean.Removed {
			got = string(marks[i].Reason)
		}
		if got != w {
			t.Errorf("block %d %q: got %s, want %s", i, bs[i].Text, got, w)
		}
	}
}

// harbourQA returns a short labelled interview the text-dump fixtures
// share.
func harbourQA() []string {
	return []string{
		"Q: Why did it take so long to agree on the money for the walls?",
		"A: Nobody in the council expected the storm to be that strong; the forecasts had promised rain and wind, but not a flood that reached the market square.",
		"Q: Where did you start when the water had gone back to the sea?",
		"A: We started with the schools, because children cannot wait, and then moved on to the roads, the bridges and finally the old ferry terminal by the river.",
		"Q: And who paid in the end, after all those years of argument?",
		"A: In the end the money came from three places at once: the region, a foundation in the capital and, to everyone's surprise, the fishermen themselves.",
	}
}

// After the interview, a newsletter box's sentence and a copyright line
// are the footer's even though each names a vocabulary word ("newsletter",
// "©"): the rules that take such lines take short ones that end no
// sentence, so the text-footer rule must not leave these to them.
func TestTextFooterTakesLongBoxLines(t *testing.T) {
	lines := []string{
		"A headline about the interview here",
		"The harbour was rebuilt twice in the last century, and each time the town argued for years about who should pay for the new walls and the cranes.",
	}
	lines = append(lines, harbourQA()...)
	lines = append(lines,
		"More from the paper",
		"• Five walks along the old canal",
		"• Council approves new cycle lanes",
		"Our free weekly newsletter brings you the best stories of the week every Friday morning.",
		"© 2024 Example Media Group. All rights reserved.",
	)
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
	for i := 11; i <= 12; i++ {
		if marks[i].Role != clean.Removed {
			t.Errorf("block %d %q kept: %+v", i, bs[i].Text, marks[i])
		}
	}
	for i := 1; i <= 7; i++ {
		if marks[i].Role != clean.Content {
			t.Errorf("block %d %q: %+v, want content", i, bs[i].Text, marks[i])
		}
	}
}

// A box of the page's metadata between the intro and the first question
// goes; the short line right above the first question (its topic) stays,
// and so does a shorter run.
func TestIntroFurniture(t *testing.T) {
	lines := []string{
		"A headline about the interview here",
		"The harbour was rebuilt twice in the last century, and each time the town argued for years about who should pay for the new walls and the cranes.",
		"Author", "Jane Example", "Cover", "City Archive", "Date", "2 March 2020",
		"On the walls",
	}
	lines = append(lines, harbourQA()...)
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
	for i := 2; i <= 7; i++ {
		if marks[i].Role != clean.Removed || marks[i].Rule != "intro-furniture" {
			t.Errorf("block %d %q: %+v, want removed by intro-furniture", i, bs[i].Text, marks[i])
		}
	}
	if marks[8].Role != clean.Content {
		t.Errorf("the topic above the first question: %+v", marks[8])
	}
	off := clean.Clean(bs, clean.Context{TitleBlock: 0, Disabled: map[string]bool{"intro-furniture": true}})
	if off[3].Rule == "intro-furniture" {
		t.Error("intro-furniture off, still fires")
	}
	short := append(append([]string{}, lines[:2]...), lines[6:]...) // "Date", a date, the topic
	bs = blocks.FromText(strings.Join(short, "\n\n"))
	marks = clean.Clean(bs, clean.Context{TitleBlock: 0})
	for i := range marks {
		if marks[i].Rule == "intro-furniture" {
			t.Errorf("a run of two lines taken: %q", bs[i].Text)
		}
	}
}

// roleOf finds the block whose text is t and returns its mark.
func roleOf(t *testing.T, bs []blocks.Block, marks []clean.Mark, text string) clean.Mark {
	t.Helper()
	for i, b := range bs {
		if b.Text == text {
			return marks[i]
		}
	}
	t.Fatalf("no block %q", text)
	return clean.Mark{}
}

// Chrome set inside an interview's dump: a picture with its caption and
// lightbox buttons (German), a poll with its question (Spanish), an alt
// text over its caption (English), a box of cited stories (French) and a
// pull quote joining two excerpts of an answer (English). Each leaves the interview whole.
func TestChromeInsideInterview(t *testing.T) {
	qa := harbourQA()
	lines := []string{"A headline about the interview here", qa[0], qa[1],
		"“The money came from three places at once. To everyone's surprise, the fishermen themselves.”",
		"[hafen_bild-40x60]", "Info", "Mantel: Beispielhaus. Schuhe: Musterwerk", "Close",
		"¿Usted cree que el puerto debería cerrar los domingos?", "Opciones", "( ) Sí", "( ) No", "[Votar]",
		qa[2], qa[3],
		"« Le port renaît » (Revue du Port 03/2019)",
		"Comment une ville a reconstruit ses quais en dix ans, racontée par ceux qui y travaillent.",
		"Dossier: Les marées (2018)",
		"Toutes nos enquêtes sur la mer et les digues, réunies en un seul volume.",
		"Q: What did the town learn from those years of building and arguing?",
		"A: We learned that a harbour is never finished; the sea keeps testing every wall, every gate and every promise the council makes, and the town has to answer each time.",
		"[hafen_bild-40x60]", "Info", "Look von Beispielhaus.", "Brille: Musterwerk", "Close",
		"Q: Would you do it again, knowing how long it would take?",
		"A: Without a doubt, because the people who fish and sail here need the harbour more than they need any of the things the money could have bought instead.",
		"Jane Example at the harbour pier", "Jane Example at the old harbour pier",
		qa[4], qa[5],
		"Q: What comes next for the old ferry terminal by the river?",
		"A: It will become a market hall again, as it was a hundred years ago, with stalls for the fishermen and a small museum about the storm and the long rebuilding.",
	}
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
	for _, c := range []struct {
		text string
		role clean.Role
		rule string
	}{
		{"Mantel: Beispielhaus. Schuhe: Musterwerk", clean.Caption, "captions-under-images"},
		{"Look von Beispielhaus.", clean.Caption, "captions-under-images"},
		{"Brille: Musterwerk", clean.Caption, "captions-under-images"},
		{"Info", clean.Removed, "captions-under-images"},
		{"¿Usted cree que el puerto debería cerrar los domingos?", clean.Removed, "form-fields"},
		{"[Votar]", clean.Removed, "form-fields"},
		{"Jane Example at the old harbour pier", clean.Caption, "near-captions"},
		{"Jane Example at the harbour pier", clean.Removed, "near-captions"},
		{"« Le port renaît » (Revue du Port 03/2019)", clean.Removed, "cited-cards"},
		{"Toutes nos enquêtes sur la mer et les digues, réunies en un seul volume.", clean.Removed, "cited-cards"},
		{"“The money came from three places at once. To everyone's surprise, the fishermen themselves.”", clean.Removed, "stitched-quotes"},
	} {
		if m := roleOf(t, bs, marks, c.text); m.Role != c.role || m.Rule != c.rule {
			t.Errorf("%q: %+v, want %s by %s", c.text, m, c.role, c.rule)
		}
	}
	for _, l := range harbourQA() {
		if m := roleOf(t, bs, marks, l); m.Role != clean.Content {
			t.Errorf("interview line %q: %+v", l, m)
		}
	}
	// A picture right after a question: the short line under it is the
	// answer, and one cited headline alone is no box.
	lines = []string{"A headline about the interview here", harbourQA()[0], "[hafen_bild-40x60]", "Not really", harbourQA()[1],
		"Dossier: Les marées (2018)", "Toutes nos enquêtes sur la mer et les digues, réunies en un seul volume."}
	lines = append(lines, harbourQA()[2:]...)
	bs = blocks.FromText(strings.Join(lines, "\n\n"))
	marks = clean.Clean(bs, clean.Context{TitleBlock: 0})
	for _, l := range []string{"Not really", "Dossier: Les marées (2018)"} {
		if m := roleOf(t, bs, marks, l); m.Role != clean.Content {
			t.Errorf("%q: %+v, want content", l, m)
		}
	}
}

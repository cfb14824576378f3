package clean

import (
	"hash/fnv"
	"strings"
	"testing"

	"github.com/qanda/qanda/internal/blocks"
)

// page builds blocks from lines, as a text dump would give them.
func page(lines ...string) []blocks.Block {
	return blocks.FromText(strings.Join(lines, "\n\n"))
}

func roles(bs []blocks.Block, marks []Mark) map[string]string {
	out := map[string]string{}
	for i, b := range bs {
		r := string(marks[i].Role)
		if marks[i].Role == Removed {
			r += ":" + string(marks[i].Reason)
		}
		if prev, ok := out[b.Text]; ok && prev != r {
			r = prev + "," + r
		}
		out[b.Text] = r
	}
	return out
}

const (
	longA = "The committee met for the third time this year and agreed on a plan that nobody had expected, least of all the minister."
	longB = "We will publish the full report in the spring, together with the figures that the auditors asked us to add."
	longC = "There is no quick fix for the harbour, but the first repairs will start before the storms of the coming winter."
)

func TestRepeatedRunKeepsFirstCopy(t *testing.T) {
	bs := page("Title of the interview page here", longA, "Question 1", "Why now?", "Question 2", "What next for the harbour?", longB,
		"Question 1", "Why now?", "Question 2", "What next for the harbour?", longC)
	marks := Clean(bs, Context{TitleBlock: 0})
	for i := 2; i <= 5; i++ {
		if marks[i].Role != Content {
			t.Errorf("first copy block %d %q: %v", i, bs[i].Text, marks[i])
		}
	}
	for i := 7; i <= 10; i++ {
		if marks[i].Role != Removed || marks[i].Reason != RepeatedRun || marks[i].DupOf != i-5 {
			t.Errorf("echo block %d %q: %+v", i, bs[i].Text, marks[i])
		}
	}
	if marks[11].Role != Content {
		t.Errorf("answer after the echo removed: %+v", marks[11])
	}
}

// The same question put to several people, each time with another answer,
// is legitimate repetition.
func TestRepeatedQuestionWithDifferentAnswersKept(t *testing.T) {
	q := "What is your favourite dish to cook at home?"
	bs := page("Twenty cooks answer the same question", "Anna Smith", q, longA, "Boris Jones", q, longB, "Carla Diaz", q, longC)
	marks := Clean(bs, Context{TitleBlock: 0})
	for i, b := range bs {
		if marks[i].Role == Removed {
			t.Errorf("block %d %q removed as %s", i, b.Text, marks[i].Reason)
		}
	}
}

func TestNearDuplicateEcho(t *testing.T) {
	q1 := "What is the status of the humanitarian corridor for those who want to leave? Is it possible now or not?"
	q1b := "What is the status of the humanitarian  corridor for those who want to leave ? Is it possible now, or not?"
	bs := page("Title of the interview page here", "Question 1", q1, "Question 2", "Why?", longA, "Question 1", q1b, "Question 2", "Why?", longB)
	marks := Clean(bs, Context{TitleBlock: 0})
	if marks[7].Role != Removed || marks[7].Reason != RepeatedRun {
		t.Errorf("near-identical echo not removed: %+v", marks[7])
	}
}

func TestDoubledCaptionAndCredit(t *testing.T) {
	cap := "A view of the harbour after the storm, January 2024."
	bs := page("Title of the interview page here", longA, cap, cap, "Photo: Jane Doe / Reuters", longB)
	marks := Clean(bs, Context{TitleBlock: 0})
	want := []Role{Title, Content, Caption, Removed, Credit, Content}
	for i, r := range want {
		if marks[i].Role != r {
			t.Errorf("block %d %q: role %s, want %s", i, bs[i].Text, marks[i].Role, r)
		}
	}
	if marks[3].Reason != DuplicateCaption || marks[3].DupOf != 2 {
		t.Errorf("doubled caption: %+v", marks[3])
	}
}

func TestPullQuote(t *testing.T) {
	long := "We have always said that Azerbaijan is ready to include them in our society as citizens with equal rights, and we mean it."
	bs := page("Title of the interview page here", longA, "“Ready to include them in our society as citizens.”", long)
	marks := Clean(bs, Context{TitleBlock: 0})
	if marks[2].Role != Removed || marks[2].Reason != PullQuote || marks[2].DupOf != 3 {
		t.Errorf("pull quote: %+v", marks[2])
	}
	// A quoted answer that is not repeated elsewhere stays.
	bs = page("Title of the interview page here", longA, "“We will never agree to that.”", long)
	if m := Clean(bs, Context{TitleBlock: 0}); m[2].Role != Content {
		t.Errorf("quoted answer removed: %+v", m[2])
	}
}

func TestChromeInTextDump(t *testing.T) {
	bs := page("HOME", "POLITICS", "  • USD103.43", "Title of the interview page here", "Читать на русском языке", longA,
		"The exact wording of the question can be found here.", longB, "Subscribe to our weekly digest", "Google Chrome Firefox Safari")
	marks := Clean(bs, Context{TitleBlock: 3})
	got := roles(bs, marks)
	want := map[string]string{
		"HOME":      "removed:navigation",
		"USD103.43": "removed:ticker",
		"Читать на русском языке":                              "removed:language-link",
		"The exact wording of the question can be found here.": "removed:link-stub",
		"Subscribe to our weekly digest":                       "removed:boilerplate",
		"Google Chrome Firefox Safari":                         "removed:footer",
		longA:                                                  "content",
		longB:                                                  "content",
	}
	for text, r := range want {
		if got[text] != r {
			t.Errorf("%q: %s, want %s", text, got[text], r)
		}
	}
}

// A question that mentions a newsletter is not boilerplate.
func TestBoilerplateSparesQuestions(t *testing.T) {
	bs := page("Title of the interview page here", "Do you read any newsletter?", longA)
	if m := Clean(bs, Context{TitleBlock: 0}); m[1].Role != Content {
		t.Errorf("question removed: %+v", m[1])
	}
}

func TestKey(t *testing.T) {
	if Key("“Don’t  panic!” — she said") != Key(`"Don't panic!" - She said`) {
		t.Errorf("keys differ: %q vs %q", Key("“Don’t  panic!” — she said"), Key(`"Don't panic!" - She said`))
	}
	if Key("ｆｕｌｌ width") != "full width" {
		t.Errorf("NFKC not applied: %q", Key("ｆｕｌｌ width"))
	}
}

func TestLongestCommonRun(t *testing.T) {
	a := Tokens("we are ready to include them")
	b := Tokens("Azerbaijan is ready to include them in our society")
	if n := longestCommonRun(a, b); n != 4 {
		t.Errorf("longestCommonRun = %d, want 4", n)
	}
}

func FuzzClean(f *testing.F) {
	f.Add("Title here\n\nQuestion 1\n\nWhy?\n\nQuestion 1\n\nWhy?\n\nA caption.\nA caption.\nPhoto: AP\n")
	f.Add("“quote”\n\n“quote” is what she said, and more words here to make it long.\n")
	f.Fuzz(func(t *testing.T, s string) {
		bs := blocks.FromText(s)
		for _, title := range []int{-1, 0} {
			marks := Clean(bs, Context{TitleBlock: title})
			if len(marks) != len(bs) {
				t.Fatalf("%d marks for %d blocks", len(marks), len(bs))
			}
			for i, m := range marks {
				if m.Role == Removed && m.Reason == "" {
					t.Fatalf("block %d removed without a reason", i)
				}
				if m.DupOf >= len(bs) || m.DupOf == i {
					t.Fatalf("block %d: bad DupOf %d", i, m.DupOf)
				}
			}
		}
	})
}

// Several questions put to several people, in the same order each time:
// the copies follow their originals' order, but answers stand between
// them, so they are not an echo.
func TestQuestionSeriesRepeatedPerPersonKept(t *testing.T) {
	q1, q2 := "What inspired you to start cooking?", "Your exclusive recipe for a quick dinner."
	bs := page("Twenty cooks answer the same questions", "Anna Smith", q1, longA, q2, longB, "Boris Jones", q1, longC, q2,
		"Pasta with tomatoes, garlic and a lot of fresh basil, ready in fifteen minutes.")
	marks := Clean(bs, Context{TitleBlock: 0})
	for i, b := range bs {
		if marks[i].Role == Removed {
			t.Errorf("block %d %q removed as %s", i, b.Text, marks[i].Reason)
		}
	}
}

// A magazine may repeat a sentence of an answer as a display line without
// quote marks; only a near-verbatim excerpt counts.
func TestUnquotedPullQuote(t *testing.T) {
	long := "I see a break between the past and today: in the past everybody agreed on the basics, and now nobody does, which makes every debate harder."
	bs := page("Title of the interview page here", longA, "I see a break between the past and today: in the past everybody agreed on the basics", long)
	if m := Clean(bs, Context{TitleBlock: 0}); m[2].Role != Removed || m[2].Reason != PullQuote {
		t.Errorf("unquoted excerpt: %+v", m[2])
	}
	bs = page("Title of the interview page here", longA, "In the past everybody agreed, but what about the future of the debate itself?", long)
	if m := Clean(bs, Context{TitleBlock: 0}); m[2].Role != Content {
		t.Errorf("a question sharing a few words was removed: %+v", m[2])
	}
}

func TestCallsToActionTeasersDisclaimers(t *testing.T) {
	bs := page("Title of the interview page here", longA,
		"Subscribe to The Harbour Times and stay smart with more of your favourite writers every single week.",
		"VIDEO: Ten harbour towns you need to see before you die",
		"Statements by our interviewees reflect their own opinions. The Harbour Times does not adopt them as its own (disclaimer).",
		longB, "Why do you never subscribe to any newsletter at all, even the ones your friends write?",
		"VIDEO: Who will pay for the new quay?", longC)
	m := Clean(bs, Context{TitleBlock: 0})
	// A kicker in capitals opens a link to another story even when its
	// headline asks.
	want := map[int]Reason{2: Boilerplate, 3: Boilerplate, 4: Disclaimer, 7: Boilerplate}
	for i, r := range want {
		if m[i].Role != Removed || m[i].Reason != r {
			t.Errorf("block %d %q: %+v, want removed as %s", i, bs[i].Text, m[i], r)
		}
	}
	if m[6].Role != Content {
		t.Errorf("a question about newsletters was removed: %+v", m[6])
	}
}

// A closing disclaimer (whose views an interview gives, a notice that
// links may earn the publisher money) is removed in every language, while
// an answer that talks about opinions or pay stays.
func TestClosingDisclaimers(t *testing.T) {
	notes := []string{
		"Advertising disclosure: The Harbour Times may receive compensation for purchases made through links on this page.",
		"Die Aussagen unserer Gäste geben deren eigene Auffassungen wieder und nicht die des Hafenblatts.",
		"Les propos tenus dans cet entretien n'engagent que leur auteur et non la Gazette du Port.",
		"Las opiniones expresadas por los entrevistados no reflejan necesariamente las del Diario del Puerto.",
		"Мнение редакции может не совпадать с точкой зрения собеседника.",
	}
	for _, note := range notes {
		bs := page("Title of the interview page here", longA,
			"Do you think people were fairly paid for their opinions back then?",
			"Nobody received compensation, and what people said at the meetings was rarely written down by anyone.",
			note)
		m := Clean(bs, Context{TitleBlock: 0})
		last := len(bs) - 1
		if m[last].Role != Removed || m[last].Reason != Disclaimer {
			t.Errorf("%q: %+v, want removed as disclaimer", note, m[last])
		}
		for i := 2; i < last; i++ {
			if m[i].Role == Removed {
				t.Errorf("%q: block %d %q removed: %+v", note, i, bs[i].Text, m[i])
			}
		}
	}
}

// Short link lines that end the last answer stay when a disclaimer follows
// them: the disclaimer, not they, closes the article.
func TestLinkLinesAboveDisclaimer(t *testing.T) {
	bs := page("Title of the interview page here", longA,
		"Where can readers find your work these days, and the drawings from the harbour?",
		"Mostly online, and at the small gallery by the pier where I show a few pieces each summer.",
		"harbourgull.example", "Follow: @harbourgull",
		"Advertising disclosure: The Harbour Times may receive compensation for purchases made through links on this page.")
	m := Clean(bs, Context{TitleBlock: 0})
	for i := 2; i < 6; i++ {
		if m[i].Role == Removed {
			t.Errorf("block %d %q removed: %+v", i, bs[i].Text, m[i])
		}
	}
	if m[6].Role != Removed || m[6].Reason != Disclaimer {
		t.Errorf("disclaimer: %+v", m[6])
	}
}

// What follows a closing disclaimer is the page's (teasers, a feed), but
// only when no question comes after the note.
func TestAfterDisclaimer(t *testing.T) {
	teasers := []string{
		"Der Leuchtturmwärter erzählt von vierzig Jahren auf der kleinen Insel und von den Stürmen.",
		"Un nouveau café ouvre ses portes près du port et propose des gâteaux aux amandes chaque matin.",
	}
	note := "Las opiniones expresadas por los entrevistados no reflejan necesariamente las del Diario del Puerto."
	bs := page(append([]string{"Title of the interview page here", longA,
		"Do you think people were fairly paid for their work back then?", longB, note}, teasers...)...)
	m := Clean(bs, Context{TitleBlock: 0})
	for i := 5; i < len(bs); i++ {
		if m[i].Role != Removed {
			t.Errorf("block %d %q after the disclaimer kept: %+v", i, bs[i].Text, m[i])
		}
	}
	if m[3].Role != Content {
		t.Errorf("the answer was removed: %+v", m[3])
	}
	// A question after the note: the interview goes on, so nothing goes.
	bs = page("Title of the interview page here", longA, note,
		"And what did the harbour master say when the new pier finally opened last spring?", longB)
	m = Clean(bs, Context{TitleBlock: 0})
	for i := 3; i < len(bs); i++ {
		if m[i].Role == Removed {
			t.Errorf("block %d %q removed: %+v", i, bs[i].Text, m[i])
		}
	}
}

// The ASCII fast path must agree with the general one.
func TestKeyASCIIFastPath(t *testing.T) {
	for _, s := range []string{"", "  ", "Hello, World!", "Q1: why?? -- now", "a_b c-d 42x", "ALL CAPS", "x"} {
		slow := strings.Join(unicodeTokens(s), " ")
		if got := Key(s); got != slow {
			t.Errorf("Key(%q) = %q, want %q", s, got, slow)
		}
		if got := strings.Join(Tokens(s), " "); got != slow {
			t.Errorf("Tokens(%q) = %q, want %q", s, got, slow)
		}
	}
}

// hashGrams gives each word 4-gram the FNV-1a hash of its words, each
// followed by a space.
func TestHashGrams(t *testing.T) {
	texts := []string{"one two three", "The quick brown fox jumps over the lazy dog, and then über Straße ﬁne", "", "a b c d"}
	var keys []string
	var ntok []int
	for _, s := range texts {
		keys = append(keys, Key(s))
		ntok = append(ntok, len(Tokens(s)))
	}
	hs, off := hashGrams(keys, ntok, func() {})
	for i, s := range texts {
		ts := Tokens(s)
		for k := 0; k+shingleSize <= len(ts); k++ {
			h := fnv.New64a()
			for _, w := range ts[k : k+shingleSize] {
				h.Write([]byte(w + " "))
			}
			if got := hs[off[i]+k]; got != h.Sum64() {
				t.Errorf("block %d gram %d %q: %x, want %x", i, k, ts[k:k+shingleSize], got, h.Sum64())
			}
		}
		if n := off[i+1] - off[i]; n != max(len(ts)-shingleSize+1, 0) {
			t.Errorf("block %d: %d 4-grams for %d words", i, n, len(ts))
		}
	}
}

// recurring may flag a hash that occurs once, but never misses one
// that recurs.
func TestRecurring(t *testing.T) {
	var hs []uint64
	for i := range 200000 {
		h := uint64(i) * 0x9e3779b97f4a7c15
		if i%7 == 0 && i > 0 {
			h = hs[i/2]
		}
		hs = append(hs, h)
	}
	count := map[uint64]int{}
	for _, h := range hs {
		count[h]++
	}
	rec := recurring(hs, func() {})
	spurious := 0
	for k, h := range hs {
		switch {
		case count[h] > 1 && !rec[k]:
			t.Fatalf("hash %d at %d recurs but is not flagged", h, k)
		case count[h] == 1 && rec[k]:
			spurious++
		}
	}
	if spurious > len(hs)/10 {
		t.Errorf("%d of %d unique hashes flagged", spurious, len(hs))
	}
}

// Rule and bullet lines hold no text; short texts of punctuation that are
// not decoration stay.
func TestSeparators(t *testing.T) {
	for _, sep := range []string{"━━━━━━━━━━━━━━━━━━", "* * *", "•", "___", "—", "= = ="} {
		if !decorationOnly(sep) {
			t.Errorf("%q is not taken for decoration", sep)
		}
	}
	for _, text := range []string{"", "…", "?!", "— Yes.", "***Note", "2 + 2"} {
		if decorationOnly(text) {
			t.Errorf("%q is taken for decoration", text)
		}
	}
	page := `<html><body><article><h1>A talk about the harbour</h1><p>` + longA + `</p><p>* * *</p><p>` + longB +
		`</p><p>…</p><p>` + longC + `</p></article></body></html>`
	bs := htmlBlocks(t, page)
	marks := Clean(bs, Context{TitleBlock: 0, HTML: true})
	if m := roleOf(t, bs, marks, "* * *"); m.Role != Removed || m.Reason != Separator {
		t.Errorf("section break: %+v", m)
	}
	if m := roleOf(t, bs, marks, "…"); m.Role != Content {
		t.Errorf("ellipsis: %+v", m)
	}
}

func TestPluginNotices(t *testing.T) {
	bs := page("Title of the interview page here", longA,
		"Missing the menu? Get the QuickTime Player today to view this video.",
		"An audio version of this talk for RealPlayer is available.",
		longB,
		"Why did you never release the show for Windows Media Player users, after all those letters they wrote to you?",
		"We talked about the old Flash Player days for a long while over dinner, and honestly it was the best part of the whole evening for both of us, I think.")
	m := Clean(bs, Context{TitleBlock: 0})
	for _, i := range []int{2, 3} {
		if m[i].Role != Removed || m[i].Rule != "plugin-notice" {
			t.Errorf("block %d %q: %+v, want removed by plugin-notice", i, bs[i].Text, m[i])
		}
	}
	for _, i := range []int{5, 6} {
		if m[i].Role != Content {
			t.Errorf("block %d %q (a question, a long answer) was removed: %+v", i, bs[i].Text, m[i])
		}
	}
}

package interview

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
)

// htmlInput turns an HTML page into the interview stage's input.
func htmlInput(t testing.TB, page string) Input {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	bs := blocks.FromHTML(doc)
	return Input{Blocks: bs, Marks: clean.Clean(bs, clean.Context{TitleBlock: -1, HTML: true})}
}

// textInput turns text-dump lines into the interview stage's input.
func textInput(lines ...string) Input {
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	return Input{Blocks: bs, Marks: clean.Clean(bs, clean.Context{TitleBlock: -1})}
}

// formatFixtures are small interviews, one or more per format, with the
// format that should read each.
func formatFixtures(t testing.TB) map[string]Input {
	p := func(s string) string { return "<p>" + s + "</p>" }
	b := func(s string) string { return "<p><b>" + s + "</b></p>" }
	i := func(s string) string { return "<p><i>" + s + "</i></p>" }
	h := func(s string) string { return "<h3>" + s + "</h3>" }
	page := func(q func(string) string) string {
		return "<html><body><article>" + p("The mayor talks about trams, money and the harbour.") +
			q("When will the tram line open?") + p("Next spring, if the tests go well.") +
			q("What will it cost?") + p("About two hundred million, most of it from the state.") +
			q("And the harbour?") + p("It reopens in May, after the repairs to the quay walls.") +
			q("Will you run again?") + p("I have not decided yet, and I will not decide this year.") +
			"</article></body></html>"
	}
	runIn := func(q string) string {
		return "<p><b>" + q[:strings.Index(q, "?")+1] + "</b> " + q[strings.Index(q, "?")+1:] + "</p>"
	}
	return map[string]Input{
		"run-in-questions": htmlInput(t, "<html><body><article>"+p("The mayor talks about trams, money and the harbour.")+
			runIn("When will the tram line open? Next spring, if the tests go well.")+
			runIn("What will it cost? About two hundred million, most of it from the state.")+
			runIn("And the harbour? It reopens in May, after the repairs to the quay walls.")+
			runIn("Will you run again? I have not decided yet, and I will not decide this year.")+
			"</article></body></html>"),
		"bold-questions":    htmlInput(t, page(b)),
		"italic-questions":  htmlInput(t, page(i)),
		"heading-questions": htmlInput(t, page(h)),
		"labels": textInput(
			"The mayor spoke to us about the new tram line and the budget.",
			"Q: When will the tram line open?", "A: Next spring, if the tests go well.",
			"Q: What will it cost?", "A: About two hundred million, most of it from the state.",
			"Q: And the harbour?", "A: It reopens in May, after the repairs to the quay walls.",
		),
		"dialogue-dashes": textInput(
			"El alcalde habló con nosotros sobre el tranvía.",
			"—¿Cuándo abrirá la línea de tranvía?", "—La próxima primavera, si las pruebas salen bien.",
			"—¿Cuánto costará?", "—Unos doscientos millones, la mayor parte del Estado.",
			"—¿Y el puerto?", "—Reabre en mayo, después de las reparaciones.",
		),
		"question-marks": textInput(
			"The actress spoke to us in her house in the hills.",
			"What was your first thought when you woke up?", "That it was not only about me. My son was very small then.",
			"Did the stroke change your personality?", "Yes. I had to learn to listen to others, really listen.",
			"Do you still read the reviews of your films?", "Never. I stopped twenty years ago and I sleep better.",
			"Are you still passionate about acting?", "I feel more at ease in front of the camera than ever.",
		),
		"question-list": textInput(
			"The spokesman answered our questions in writing.",
			"Question 1", "Why should nobody leave the region?", "Question 2", "What happens after the talks?",
			"On leaving the region", "Because they are safe, he said, and nobody is forcing anybody out of the region.",
			"On what happens after the talks", "Talks will start on Thursday, in a town chosen by both sides.",
		),
	}
}

var kebab = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func TestFormatNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Formats() {
		if !kebab.MatchString(f.Name) || seen[f.Name] || f.Proposes == "" || f.Why == "" || f.propose == nil {
			t.Errorf("format %+v: name not unique kebab-case, or a field missing", f)
		}
		seen[f.Name] = true
	}
}

// Each fixture is read by its format, every exchange's method starts with
// a format's name, and disabling the format makes it propose nothing.
func TestFormatFixtures(t *testing.T) {
	names := map[string]bool{}
	for _, f := range Formats() {
		names[f.Name] = true
	}
	for want, in := range formatFixtures(t) {
		if !names[want] {
			t.Fatalf("fixture for unknown format %q", want)
		}
		tr := Build(in)
		if tr.Format != want || len(tr.Exchanges) < 2 {
			t.Errorf("%s fixture: format %q with %d exchanges", want, tr.Format, len(tr.Exchanges))
		}
		for _, e := range tr.Exchanges {
			if name, _, _ := strings.Cut(e.Method, "+"); !names[name] {
				t.Errorf("%s fixture: method %q does not start with a format name", want, e.Method)
			}
		}
		in.Disabled = map[string]bool{want: true}
		if off := Build(in); off.Format == want {
			t.Errorf("%s fixture: still read by %s when it is disabled", want, want)
		}
	}
}

// Disabling any one format, or all, never fails on any fixture.
func TestDisableEachFormat(t *testing.T) {
	all := map[string]bool{}
	for _, f := range Formats() {
		all[f.Name] = true
	}
	for name, in := range formatFixtures(t) {
		for _, f := range Formats() {
			in.Disabled = map[string]bool{f.Name: true}
			Build(in)
		}
		in.Disabled = all
		if tr := Build(in); len(tr.Exchanges) != 0 || len(tr.Warnings) == 0 {
			t.Errorf("%s fixture with every format disabled: %d exchanges", name, len(tr.Exchanges))
		}
	}
}

// The question list competes on score: a page whose short question list
// covers two of its questions, but whose labelled turns are many, is read
// by its labels.
func TestQuestionListCompetes(t *testing.T) {
	tr := Build(textInput(
		"The spokesman answered our questions.",
		"Question 1", "Why should nobody leave the region?", "Question 2", "What happens after the talks?",
		"On leaving the region", "Q: Why should nobody leave the region?", "A: Because they are safe and nobody forces them out.",
		"Q: Who guarantees that?", "A: The government does, and observers will check it.",
		"On what happens after the talks", "Q: What happens after the talks?", "A: Talks start on Thursday in a town both sides chose.",
		"Q: Will you take part?", "A: Yes, our delegation will be there.",
		"Q: And if they fail?", "A: Then we talk again the week after.",
		"Q: How long can that go on?", "A: As long as it takes; there is no other way.",
	))
	if tr.Format != "labels" || len(tr.Exchanges) != 6 {
		t.Errorf("format %q with %d exchanges, want labels with 6", tr.Format, len(tr.Exchanges))
	}
}

// A run-in question opens the paragraph of its answer, in bold or italic,
// with or without a line break, in every language qanda reads.
func TestRunInQuestions(t *testing.T) {
	for _, tc := range []struct {
		open, close string
		qa          [][2]string
	}{
		{"<b>", "</b> ", [][2]string{{"Why did you leave?", "Because the work was done."}, {"Was it hard?", "No, it was time."}, {"What comes next?", "A book, and a long walk."}}},
		{"<em>", "<br></em>", [][2]string{{"Warum sind Sie gegangen?", "Weil die Arbeit getan war."}, {"War es schwer?", "Nein, es war Zeit."}, {"Sie gelten als Optimist.", "Das bin ich nicht."}, {"Was kommt jetzt?", "Ein Buch und ein langer Spaziergang."}}},
		{"<strong>", "</strong><br>", [][2]string{{"Почему вы ушли?", "Потому что работа была сделана."}, {"Было трудно?", "Нет, пришло время."}, {"Что дальше?", "Книга и долгая прогулка."}}},
		{"<i>", "</i> ", [][2]string{{"Pourquoi êtes-vous parti ?", "Parce que le travail était fait."}, {"Était-ce difficile ?", "Non, il était temps."}, {"Et maintenant ?", "Un livre, et une longue marche."}}},
		{"<b>", "</b>", [][2]string{{"¿Por qué se fue?", " Porque el trabajo estaba hecho."}, {"¿Fue difícil?", " No, era el momento."}, {"¿Y ahora?", " Un libro y un largo paseo."}}},
	} {
		page := "<html><body><article><p>We met the director after her last day at the theatre.</p>"
		var want []string
		for _, qa := range tc.qa {
			page += "<p>" + tc.open + qa[0] + tc.close + qa[1] + "</p>"
			want = append(want, qa[0])
		}
		tr := Build(htmlInput(t, page+"</article></body></html>"))
		// (A line break after bold already ends a block: bold-questions reads those.)
		if tr.Format != "run-in-questions" && tr.Format != "bold-questions" || !slices.Equal(questions(tr), want) {
			t.Errorf("%s: format %q questions %q, want %q", tc.open, tr.Format, questions(tr), want)
			continue
		}
		for k, e := range tr.Exchanges {
			if len(e.Answer) != 1 || e.Answer[0] != strings.TrimSpace(tc.qa[k][1]) {
				t.Errorf("%s: answer %q, want %q", tc.open, e.Answer, tc.qa[k][1])
			}
		}
	}
}

// Paragraphs that open with a bold statement are no interview.
func TestRunInNeedsQuestions(t *testing.T) {
	tr := Build(htmlInput(t, "<html><body><article><p>How to repot a plant, in four steps.</p>"+
		"<p><b>Water it the day before.</b> Wet roots hold the soil together.</p>"+
		"<p><b>Choose a bigger pot.</b> Two centimetres wider is enough.</p>"+
		"<p><b>Loosen the roots gently.</b> Do not tear them.</p>"+
		"<p><b>Water it again.</b> Then leave it in the shade for a week.</p></article></body></html>"))
	if len(tr.Exchanges) != 0 {
		t.Errorf("format %q with %d exchanges, want none", tr.Format, len(tr.Exchanges))
	}
}

// A hosted chat: the host opens, the askers' turns are labelled "Question"
// once and "Q" after, the guest answers under her name and then her
// initials, and the host and the guest close.
func TestHostedChatSession(t *testing.T) {
	tr := Build(htmlInput(t, "<html><body><article>"+
		"<p><b>Host:</b> Welcome to our chat. Anna Berg, our garden expert, is here to answer your questions.</p>"+
		"<p><b>Anna Berg:</b> Good morning, it is great to be back.</p>"+
		"<p><b>Question:</b> When should I prune my roses?<br><b>AB:</b> In early spring, when the buds swell.</p>"+
		"<p><b>Q:</b> My tomatoes split. What do I do wrong?<br><b>AB:</b> You water them unevenly; water a little every day.</p>"+
		"<p><b>Q:</b> Can I grow lemons on a balcony?<br><b>AB:</b> Yes, in a big pot, and inside for the winter.</p>"+
		"<p><b>Q:</b> Which tool would you never give away?<br><b>AB:</b> My old pair of secateurs.</p>"+
		"<p><b>Host:</b> Our chat hour has ended. Thank you, Anna, for your answers.</p>"+
		"<p><b>Anna Berg:</b> My pleasure, see you next time.</p>"+
		"</article></body></html>"))
	want := []string{"When should I prune my roses?", "My tomatoes split. What do I do wrong?", "Can I grow lemons on a balcony?", "Which tool would you never give away?"}
	if !slices.Equal(questions(tr), want) {
		t.Fatalf("questions %q, want %q", questions(tr), want)
	}
	for _, e := range tr.Exchanges {
		if len(e.Answer) != 1 || strings.Contains(e.Answer[0], ":") || !slices.Equal(e.AnswerSpeakers, []string{"Anna Berg"}) {
			t.Errorf("answer %q by %q, want one paragraph by Anna Berg", e.Answer, e.AnswerSpeakers)
		}
	}
	if len(tr.Intro) != 2 || len(tr.Outro) != 2 {
		t.Errorf("intro %v outro %v, want the host's and the guest's opening and closing turns", tr.Intro, tr.Outro)
	}

	// The askers are readers labelled "Name, Place", each once; the guest
	// answers under her title and name, then her surname.
	tr = Build(htmlInput(t, "<html><body><article>"+
		"<p><b>Moderación:</b> Bienvenidos a nuestro encuentro digital con la doctora Elena Ruiz.</p>"+
		"<p><b>Dra. Elena Ruiz:</b> Buenas tardes, gracias por invitarme.</p>"+
		"<p><b>Lucía, Granada:</b> ¿Cuándo debo podar los rosales?</p>"+
		"<p><b>Dra. Elena Ruiz:</b> A principios de la primavera, cuando se hinchan las yemas.</p>"+
		"<p><b>Andrés, Murcia:</b> Mis tomates se rajan. ¿Qué hago mal?</p>"+
		"<p><b>Ruiz:</b> Los riega de forma irregular; riegue un poco cada día.</p>"+
		"<p><b>Carmen, Málaga:</b> ¿Puedo cultivar limones en un balcón?</p>"+
		"<p><b>Ruiz:</b> Sí, en una maceta grande, y dentro en invierno.</p>"+
		"<p><b>Moderación:</b> Se nos ha acabado el tiempo. Gracias, Elena, por sus respuestas.</p>"+
		"<p><b>Dra. Elena Ruiz:</b> Un placer, hasta la próxima.</p>"+
		"</article></body></html>"))
	want = []string{"¿Cuándo debo podar los rosales?", "Mis tomates se rajan. ¿Qué hago mal?", "¿Puedo cultivar limones en un balcón?"}
	askers := []string{"Lucía, Granada", "Andrés, Murcia", "Carmen, Málaga"}
	if !slices.Equal(questions(tr), want) {
		t.Fatalf("questions %q, want %q", questions(tr), want)
	}
	for k, e := range tr.Exchanges {
		if e.Label != askers[k] || e.QuestionSpeaker != askers[k] {
			t.Errorf("question %q label %q by %q, want %q", e.Question, e.Label, e.QuestionSpeaker, askers[k])
		}
		if len(e.Answer) != 1 || strings.Contains(e.Answer[0], ":") || !slices.Equal(e.AnswerSpeakers, []string{"Dra. Elena Ruiz"}) {
			t.Errorf("answer %q by %q, want one paragraph by Dra. Elena Ruiz", e.Answer, e.AnswerSpeakers)
		}
	}
	if len(tr.Intro) != 2 || len(tr.Outro) != 2 {
		t.Errorf("intro %v outro %v, want the host's and the guest's opening and closing turns", tr.Intro, tr.Outro)
	}
}

func TestInitials(t *testing.T) {
	for l, want := range map[string]string{"SK": "SK", "S.K.": "SK", "S. K.": "SK", "Q": "", "Smith": "", "SKXYZ": ""} {
		if got := initialsOf(l); got != want {
			t.Errorf("initialsOf(%q) = %q, want %q", l, got, want)
		}
	}
	if got := initials("Susan Khalje"); got != "SK" {
		t.Errorf("initials = %q", got)
	}
	if got := speakerNames(map[string]int{"Susan Khalje": 1, "SK": 5, "Q": 6})["SK"]; got != "Susan Khalje" {
		t.Errorf("SK is %q", got)
	}
}

// Upper-case speaker labels, and the guest's initials after the first
// turn, in a text dump.
func TestUpperCaseLabelsAndInitials(t *testing.T) {
	tr := wantQuestions(t, []string{
		"A transcript of the evening programme.",
		"MARGARET WARNER: Mr. Jones, why did the talks fail?",
		"PETER JONES: Because neither side would move on the border question.",
		"MARGARET WARNER: Will they start again?",
		"P.J.: In the autumn, I think, once the elections are over.",
		"MARGARET WARNER: And who will lead them?",
		"P.J.: The foreign ministers, as before.",
	}, []string{"Mr. Jones, why did the talks fail?", "Will they start again?", "And who will lead them?"})
	for _, e := range tr.Exchanges {
		if !slices.Equal(e.AnswerSpeakers, []string{"PETER JONES"}) || strings.Contains(e.Answer[0], ":") {
			t.Errorf("answer %q by %q", e.Answer, e.AnswerSpeakers)
		}
	}
}

// runInCut splits a block's text without losing or inventing any of it.
func FuzzRunInCut(f *testing.F) {
	f.Add("Why now? Because it was time.", 8)
	f.Add("Warum? Weil.", 3)
	f.Add("„Wer?“ Ich.", 5)
	f.Fuzz(func(t *testing.T, text string, lead int) {
		text = blocks.Collapse(text)
		cut := runInCut(blocks.Block{Text: text, Lead: lead})
		if cut < 0 || cut > len(text) || cut > 0 && strings.TrimSpace(text[cut:]) == "" {
			t.Fatalf("cut %d of %q", cut, text)
		}
		if cut > 0 && strings.TrimRight(text[:cut], " ")+" "+text[cut:] != text && text[:cut]+text[cut:] != text {
			t.Fatalf("cut %d of %q loses text", cut, text)
		}
	})
}

func TestQuestionLedCut(t *testing.T) {
	for s, want := range map[string]string{
		"Frau Wendler, wie oft wird eine Brücke geprüft? Alle drei Jahre gibt es eine Prüfung.": "Alle drei Jahre gibt es eine Prüfung.",
		"Viele Brücken sind alt. Sind sie ein Risiko? Nicht, wenn man sie ehrlich bewertet.":    "Nicht, wenn man sie ehrlich bewertet.",
		"¿Por qué ahora? «Porque el agua está más caliente que nunca», dice.":                   "«Porque el agua está más caliente que nunca», dice.",
		"Why? Because.": "", // no answer to speak of
		"She asked: “Do you really mean it? I was told otherwise by everyone here.”": "", // a quote left open
		"Was ist das?": "",
		"The harbour was rebuilt twice and nobody knows why? it was never said.": "", // lower case after the mark
	} {
		got := ""
		if n := questionLedCut(s); n > 0 {
			got = s[n:]
		}
		if got != want {
			t.Errorf("questionLedCut(%q) leaves %q, want %q", s, got, want)
		}
	}
}

func TestQuestionThenRemark(t *testing.T) {
	for s, want := range map[string]bool{
		"Will the old shop on the harbour open again? I would queue for it.":                                       true,
		"¿Volverá a abrir la tienda? Yo iría el primer día.":                                                       true,
		"Are you ever going to make that table again?":                                                             false, // a question: read as one anyway
		"Would you pick a fight on moving day? Neither would they. We never do, and the bees know it well enough.": false,
		"instructions for a beginner? Thanks":                                                                      false, // the rest of a wrapped line
		"Why? Because: reasons.":                                                                                   false,
	} {
		if got := questionThenRemark(s); got != want {
			t.Errorf("questionThenRemark(%q) = %v, want %v", s, got, want)
		}
	}
}

// A byline right above a text dump's first question ("Von Jana
// Beispiel") names the author: it is no section heading, so it becomes
// neither the first exchange's topic nor the person who answers.
func TestBylineIsNoSection(t *testing.T) {
	in := textInput(
		"Die Hafenmeisterin über den Umbau, das Geld und den Winter, der alles verzögern kann.",
		"Von Jana Beispiel",
		"Frau Berg, warum hat Sie der Plan überrascht?",
		"Weil der Ausschuss zum dritten Mal in diesem Jahr tagte und sich auf einen Plan einigte, den niemand erwartet hatte.",
		"Was kommt als Nächstes für Sie und den Hafen?",
		"Wir veröffentlichen den ganzen Bericht im Frühjahr, zusammen mit den Zahlen der Prüfer.",
		"Wer bezahlt Ihre neuen Mauern?",
		"Das Land zahlt die Hälfte, der Bund ein Drittel, und die Stadt den Rest aus den Hafengebühren.",
		"Und wann sind Sie fertig?",
		"Wenn der Winter gnädig ist, stehen die Mauern im Sommer, und die Kräne sind einen Monat später wieder am Kai.",
	)
	in.Language = "de"
	tr := Build(in)
	if len(tr.Exchanges) != 4 {
		t.Fatalf("%d exchanges, want 4", len(tr.Exchanges))
	}
	if e := tr.Exchanges[0]; e.Topic != "" || len(e.AnswerSpeakers) != 0 || len(tr.Interviewees) != 0 {
		t.Errorf("the byline became a section: topic %q, speakers %v, interviewees %v", e.Topic, e.AnswerSpeakers, tr.Interviewees)
	}
}

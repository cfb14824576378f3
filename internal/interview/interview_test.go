package interview

import (
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
)

func build(lines ...string) (Transcript, []blocks.Block) {
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := clean.Clean(bs, clean.Context{TitleBlock: -1})
	return Build(Input{Blocks: bs, Marks: marks}), bs
}

func TestMatchTopicsFollowsWording(t *testing.T) {
	questions := []string{
		"My first question concerns the plan and guarantees for the civilian population, including military personnel who laid down arms.",
		"What about common people? I am afraid of the troops. Can you promise there will be no violence and no rape?",
		"What is the status of the humanitarian corridor for those who want to leave?",
		"How do you assess the government's commitment to avoiding escalation after the statement by the prime minister?",
	}
	topics := []string{
		"On the humanitarian corridor and its safety",
		"On guarantees towards the civilian population",
		"On the prime minister's statement about avoiding escalation",
		"On possible violence and rape committed by military personnel",
	}
	assign, _ := matchTopics(topics, questions)
	want := []int{2, 0, 3, 1}
	for k := range want {
		if assign[k] != want[k] {
			t.Errorf("topic %q -> question %d, want %d", topics[k], assign[k], want[k])
		}
	}
}

func TestMatchTopicsMoreTopicsThanQuestions(t *testing.T) {
	assign, _ := matchTopics([]string{"On taxes and the budget", "On the weather", "On the budget deficit"}, []string{"Will taxes rise?", "How big is the deficit?"})
	taken := map[int]bool{}
	for _, q := range assign {
		if q >= 0 {
			if taken[q] {
				t.Fatalf("question %d assigned twice: %v", q, assign)
			}
			taken[q] = true
		}
	}
	if len(taken) != 2 {
		t.Errorf("want both questions assigned: %v", assign)
	}
}

func TestLabelledTurns(t *testing.T) {
	tr, _ := build(
		"The mayor spoke to us about the new tram line and the budget.",
		"Q: When will the tram line open?",
		"A: Next spring, if the tests go well.",
		"The first cars have already arrived in the depot.",
		"Q: And what will it cost?",
		"A: About two hundred million, most of it from the state.",
	)
	if len(tr.Exchanges) != 2 {
		t.Fatalf("got %d exchanges: %+v", len(tr.Exchanges), tr)
	}
	e := tr.Exchanges[0]
	if e.Question != "When will the tram line open?" || e.Label != "Q" {
		t.Errorf("question %q label %q", e.Question, e.Label)
	}
	if len(e.Answer) != 2 || e.Answer[0] != "Next spring, if the tests go well." {
		t.Errorf("answer %q", e.Answer)
	}
	if len(tr.Intro) != 1 {
		t.Errorf("intro %v", tr.Intro)
	}
}

// A speaker's label comes off a one-word question too, once the label
// recurs on the page.
func TestLabelBeforeOneWordQuestion(t *testing.T) {
	wantQuestions(t, []string{
		"Karin Fischer spoke with the philosopher about work and machines.",
		"Fischer: What comes next after the factories, now that robots do the work there?",
		"Precht: The offices. Clerks, bank tellers and insurance agents will be the next to go, and faster than most think.",
		"Fischer: Why?",
		"Precht: Because software is cheaper than people, and it does not need a pension or a holiday.",
		"Fischer: And the car industry?",
		"Precht: The self-driving car will change it more than anything since the assembly line did.",
	}, []string{"What comes next after the factories, now that robots do the work there?", "Why?", "And the car industry?"})
}

func TestNoInterview(t *testing.T) {
	tr, _ := build(
		"The council met on Tuesday and approved the budget for next year.",
		"The vote was unanimous. The new budget takes effect in January and includes more money for schools.",
		"Opposition members said they would have liked more for public transport.",
	)
	if len(tr.Exchanges) != 0 || len(tr.Warnings) == 0 || len(tr.Intro) != 3 {
		t.Errorf("want no exchanges, a warning and all text in intro: %+v", tr)
	}
}

func TestPeopleFromIntro(t *testing.T) {
	tr, _ := build(
		"The spokesman Aykhan Hajizada told The Insider. He stressed that nobody should leave.",
		"Question 1", "Why should nobody leave?", "Question 2", "What happens next?",
		"On leaving the region", "Because they are safe, he said, and nobody is forcing anybody out of the region.",
		"On what happens next", "Talks will start on Thursday, in a town chosen by both sides.",
	)
	if tr.Interviewer != "The Insider" || len(tr.Interviewees) != 1 || tr.Interviewees[0] != "Aykhan Hajizada" {
		t.Errorf("interviewer %q interviewees %q", tr.Interviewer, tr.Interviewees)
	}
	if len(tr.Exchanges) != 2 || tr.Exchanges[0].QuestionSpeaker != "The Insider" || tr.Exchanges[1].AnswerSpeakers[0] != "Aykhan Hajizada" {
		t.Errorf("exchanges %+v", tr.Exchanges)
	}
}

func TestStripDash(t *testing.T) {
	for in, want := range map[string]string{"— Why?": "Why?", "–¿Por qué?": "¿Por qué?", "Plain": "Plain", "—": "—"} {
		if got := stripDash(in); got != want {
			t.Errorf("stripDash(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpeakerLabelsMergeSurnames(t *testing.T) {
	tr, _ := build(
		"A conversation about work and machines, recorded on Monday.",
		"Karin Fischer: Richard David Precht, will robots take our jobs?",
		"Precht: Many of them, yes, and sooner than we think.",
		"Fischer: Which ones first?",
		"Precht: Those in banks and insurance companies.",
		"Fischer: And then?",
		"Precht: Then the lorry drivers, once the lorries drive themselves.",
	)
	if len(tr.Exchanges) != 3 {
		t.Fatalf("got %d exchanges", len(tr.Exchanges))
	}
	for _, e := range tr.Exchanges {
		if e.QuestionSpeaker != "Karin Fischer" || len(e.AnswerSpeakers) != 1 || e.AnswerSpeakers[0] != "Precht" {
			t.Errorf("speakers %q -> %q", e.QuestionSpeaker, e.AnswerSpeakers)
		}
		if strings.Contains(e.Question, ":") || strings.HasPrefix(e.Answer[0], "Precht") {
			t.Errorf("label left in text: %q / %q", e.Question, e.Answer)
		}
	}
	if tr.Interviewer != "Karin Fischer" {
		t.Errorf("interviewer %q", tr.Interviewer)
	}
}

func TestSignOffGoesToOutro(t *testing.T) {
	tr, _ := build(
		"An interview about the harbour.",
		"Q: When will the harbour reopen?", "A: In spring, after the repairs to the quay walls.",
		"Q: Who pays for it?", "A: The state pays two thirds and the city the rest.",
		"Q: Will the ferries come back?", "A: Yes, from the first of May, twice a day.",
		"Q: Thank you for your time.", "A: My pleasure.",
	)
	if len(tr.Exchanges) != 3 || len(tr.Outro) != 2 {
		t.Errorf("got %d exchanges and outro %v", len(tr.Exchanges), tr.Outro)
	}
}

func TestBoldQuestionsWithoutQuestionMarks(t *testing.T) {
	bold := func(s string) blocks.Block { return blocks.Block{Kind: blocks.Paragraph, Text: s, Emphasis: 1} }
	plain := func(s string) blocks.Block { return blocks.Block{Kind: blocks.Paragraph, Text: s} }
	bs := []blocks.Block{
		plain("The professor talks about data and the virus."),
		bold("In South Korea the government uses phone data to track patients. What do you think?"),
		plain("It is an important tool, but it has a price."),
		bold("Sounds like surveillance."),
		plain("It can be read that way, or as a sensible measure. Is it not both?"),
		bold("So the data cannot track patients?"),
		plain("No, the cells are too coarse for that."),
		bold("What would you need?"),
		plain("Much more precise data, and a law that limits its use."),
	}
	tr := buildAllContent(bs)
	if tr.Format != "bold-questions" || len(tr.Exchanges) != 4 {
		t.Fatalf("format %q with %d exchanges", tr.Format, len(tr.Exchanges))
	}
	if tr.Exchanges[1].Question != "Sounds like surveillance." {
		t.Errorf("exchange 2 question %q", tr.Exchanges[1].Question)
	}
}

// A lede set in bold like the questions, at the top of a page without an
// intro, is the intro; a bold context paragraph that speaks to the
// interviewee stays part of the first question.
func TestBoldLedeIsIntro(t *testing.T) {
	bold := func(s string) blocks.Block { return blocks.Block{Kind: blocks.Paragraph, Text: s, Emphasis: 1} }
	plain := func(s string) blocks.Block { return blocks.Block{Kind: blocks.Paragraph, Text: s} }
	lede := "SPESSART - The Spessart is a holiday region in the middle of Germany. Its untouched forest, the largest mixed deciduous forest in the country, makes the region unique, and the tourist board wants to make travel there more sustainable."
	context := "Mr Weber, before we talk about the forest, let us talk about the guests, who come in greater numbers than ever and who expect you to have answers about the climate and their own footprint."
	rest := []blocks.Block{
		bold("How exactly do you define sustainability?"), plain("As a balance between nature, the people who live here and the guests."),
		bold("What have you changed?"), plain("We have certified our hosts and we support the bus lines."),
		bold("Do the guests notice it?"), plain("More and more of them ask about it when they book."),
		bold("What comes next?"), plain("A network of trails that starts at the railway stations."),
	}
	tr := buildAllContent(append([]blocks.Block{bold(lede)}, rest...))
	if len(tr.Intro) != 1 || tr.Exchanges[0].Question != "How exactly do you define sustainability?" {
		t.Errorf("intro %v, first question %q", tr.Intro, tr.Exchanges[0].Question)
	}
	tr = buildAllContent(append([]blocks.Block{bold(context)}, rest...))
	if len(tr.Intro) != 0 || !strings.HasPrefix(tr.Exchanges[0].Question, "Mr Weber") {
		t.Errorf("intro %v, first question %q", tr.Intro, tr.Exchanges[0].Question)
	}
}

// Each section of a group interview is headed by the name of the person
// who answers it.
func TestGroupInterviewSections(t *testing.T) {
	h := func(s string) blocks.Block { return blocks.Block{Kind: blocks.Heading, Level: 2, Text: s} }
	bold := func(s string) blocks.Block { return blocks.Block{Kind: blocks.Paragraph, Text: s, Emphasis: 1} }
	plain := func(s string) blocks.Block { return blocks.Block{Kind: blocks.Paragraph, Text: s} }
	bs := []blocks.Block{
		plain("We asked three cooks the same questions."),
		h("Anna Smith"), bold("What inspired you to cook?"), plain("My grandmother, who cooked every day."),
		bold("Your recipe for a quick dinner."), plain("Pasta with lemon and a lot of pepper."),
		h("Boris Jones"), bold("What inspired you to cook?"), plain("Hunger, mostly, when I was a student."),
		bold("Your recipe for a quick dinner."), plain("An omelette with whatever is in the fridge."),
	}
	tr := buildAllContent(bs)
	if len(tr.Exchanges) != 4 {
		t.Fatalf("got %d exchanges", len(tr.Exchanges))
	}
	want := []string{"Anna Smith", "Anna Smith", "Boris Jones", "Boris Jones"}
	for k, e := range tr.Exchanges {
		if len(e.AnswerSpeakers) != 1 || e.AnswerSpeakers[0] != want[k] {
			t.Errorf("exchange %d speakers %q, want %s", k+1, e.AnswerSpeakers, want[k])
		}
	}
	if tr.Exchanges[0].Topic != "Anna Smith" || tr.Exchanges[2].Topic != "Boris Jones" {
		t.Errorf("topics %q, %q", tr.Exchanges[0].Topic, tr.Exchanges[2].Topic)
	}
}

// A page builder that marks questions only with a data attribute.
func TestQuestionsMarkedByAttribute(t *testing.T) {
	q := func(s string) string { return `<p data-size="5">` + s + `</p>` }
	a := func(s string) string { return `<p data-size="4">` + s + `</p>` }
	page := `<html><body><article>` +
		a("The actress talks about her illness, her book and her work.") +
		q("Mrs Stone, what was your first thought when you woke up?") + a("That it was not only about me. My son was very small then.") +
		q("Did the stroke change your personality?") + a("Yes. I had to learn to listen to others, really listen.") +
		q("According to Wikipedia, Richard Gere made you a Buddhist.") + a("That is nonsense, like so much on Wikipedia.") +
		q("Are you still passionate about acting?") + a("I feel more at ease in front of the camera than ever.") +
		`</article></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	bs := blocks.FromHTML(doc)
	marks := clean.Clean(bs, clean.Context{TitleBlock: -1, HTML: true})
	tr := Build(Input{Blocks: bs, Marks: marks})
	if len(tr.Exchanges) != 4 || tr.Format != "markup-questions" {
		t.Fatalf("format %q, %d exchanges", tr.Format, len(tr.Exchanges))
	}
	if tr.Exchanges[2].Question != "According to Wikipedia, Richard Gere made you a Buddhist." {
		t.Errorf("statement question missed: %q", tr.Exchanges[2].Question)
	}
}

// actressOpening is the start of a plain-text interview: an intro and two
// exchanges.
func actressOpening() []string {
	return []string{
		"The actress spoke to us in her house in Beverly Hills.",
		"What was your first thought when you woke up?",
		"That it was not only about me. My son was very small then, and I was afraid for him.",
		"Did the stroke change your personality?",
		"Yes. I had to learn to listen to others, really listen, and I am still learning it.",
	}
}

// Without markup, a statement put to the interviewee is found between
// answers: it speaks to them and never of itself.
func TestStatementQuestionInPlainText(t *testing.T) {
	tr, _ := build(append(actressOpening(),
		"According to Wikipedia, Richard Gere made you a Buddhist.",
		"That is nonsense, like so much on Wikipedia. I read Hesse at fourteen and found my way alone.",
		"Are you still passionate about acting?",
		"I feel more at ease in front of the camera than ever, because I know who I am.",
	)...)
	if len(tr.Exchanges) != 4 {
		t.Fatalf("got %d exchanges: %+v", len(tr.Exchanges), tr.Exchanges)
	}
	if tr.Exchanges[2].Question != "According to Wikipedia, Richard Gere made you a Buddhist." {
		t.Errorf("exchange 3 question %q", tr.Exchanges[2].Question)
	}
}

// A short remark of the interviewer between two long answers starts an
// exchange of its own; a short line of the answer's own ("Yikes.", or one
// in the first person) does not.
func TestInterjectionBetweenAnswers(t *testing.T) {
	long := func(s string) string {
		return s + " The data came from the phone networks, and the health offices had to compare it with their own lists by hand, which took weeks."
	}
	wantQuestions(t, []string{
		"The researcher spoke to us about data and the pandemic in his office in Basel.",
		"What do you think of the tracing apps that some countries have introduced?",
		long("They work well where people trust the state."),
		"Sounds like surveillance and rather dystopian.",
		long("One can read it as the start of a surveillance state, or as care for public health."),
		"Yikes.",
		long("That said, the rules for deleting the data were clear from the start."),
		"So the data cannot track patients at all.",
		long("No, because the cells are far too coarse for that."),
		"I was surprised by that myself.",
		long("Nobody had expected the numbers to be so coarse."),
		"Would you hand over your own movement data?",
		long("Yes, if the use is limited and the data is deleted afterwards."),
	}, []string{
		"What do you think of the tracing apps that some countries have introduced?",
		"Sounds like surveillance and rather dystopian.",
		"So the data cannot track patients at all.",
		"Would you hand over your own movement data?",
	})
}

// An answer that ends on a question (a quoted one, a rhetorical one) stays
// the answer; a question of the interviewer that quotes a question stays a
// question.
func TestAnswerEndingInQuestion(t *testing.T) {
	wantQuestions(t, []string{
		"The publisher spoke to us in New York about money, politics and the shutdown.",
		"Who is taking the blame in public opinion for this shutdown situation?",
		"Right now it is both sides, but more of the Democrats in the sense people feel. There is a lot of trafficking, and drugs are a huge problem. But most people simply feel: “Why can't these alleged adults resolve the thing?”",
		"Let's talk about the documentary you published in December. What is your view on money?",
		"Money is a means of measuring value, like a scale measures weight or a clock measures time, and it should be stable. When it is, people prosper, trade grows and savings keep their worth for decades. But which central bank has kept its currency stable for long?",
		"Your critics once asked in a headline: “Is he serious about gold?” Are you?",
		"I am, and I have been for forty years, because stable money is what lets people trade with strangers.",
		"Do you remember the first dollar you earned?",
		"Well, I was a kid doing chores at home, pulling out weeds, to get my allowance.",
	}, []string{
		"Who is taking the blame in public opinion for this shutdown situation?",
		"Let's talk about the documentary you published in December. What is your view on money?",
		"Your critics once asked in a headline: “Is he serious about gold?” Are you?",
		"Do you remember the first dollar you earned?",
	})
}

// A short labelled answer ("A: Trip to Disney World") looks like a heading
// in a text dump, but it answers the question before it.
func TestShortLabelledAnswersAreNoHeadings(t *testing.T) {
	tr := wantQuestions(t, []string{
		"Ten questions for our new chief executive, who started in the spring.",
		"Q: Where did you grow up?",
		"A: On an island in the Caribbean, the most beautiful place in the world, though I may be biased about it.",
		"Q: Favorite childhood memory?",
		"A: Trip to Disney World",
		"Q: Favorite apps?",
		"A: Bleacher Report, Uber Eats, and ParkMobile",
		"Q: Favorite athlete?",
		"A: Lebron James",
		"Q: What are your hobbies?",
		"A: Watching basketball, reading, travel, and spending time with my family and friends.",
	}, []string{"Where did you grow up?", "Favorite childhood memory?", "Favorite apps?", "Favorite athlete?", "What are your hobbies?"})
	for _, e := range tr.Exchanges {
		if e.Topic != "" {
			t.Errorf("exchange %q has topic %q", e.Question, e.Topic)
		}
	}
}

// A statement put to the interviewee may quote them: the quoted "I" is
// not its speaker's.
func TestStatementQuotingTheInterviewee(t *testing.T) {
	wantQuestions(t, append(actressOpening(),
		"You have lived without a partner for twenty years. On a talk show you said: “I have had a lot of love in my life.”",
		"God knows I have. I do not feel bad because there is nobody I want to share my days with right now.",
		"Are you still passionate about acting?",
		"I feel more at ease in front of the camera than ever, because I know who I am.",
	), []string{
		"What was your first thought when you woke up?",
		"Did the stroke change your personality?",
		"You have lived without a partner for twenty years. On a talk show you said: “I have had a lot of love in my life.”",
		"Are you still passionate about acting?",
	})
	for in, want := range map[string]string{
		"you said: „Ich war es“ und gingen": "you said:   und gingen",
		"«je pense» dit-il":                 "  dit-il",
		"an “open quote":                    "an “open quote",
	} {
		if got := unquoted(in); got != want {
			t.Errorf("unquoted(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAddressIsPerLanguage(t *testing.T) {
	p := &page{in: Input{Language: "fr"}}
	if p.addressesReader("La part du Maghreb a dépassé les 40 %.") {
		t.Error(`French "du" taken for German "you"`)
	}
	if !p.addressesReader("Pourquoi avez-vous quitté Paris ?") {
		t.Error(`French "vous" not seen`)
	}
	p.in.Language = "de"
	if !p.addressesReader("Wie genau definiert Ihr Nachhaltigkeit?") || !p.addressesReader("Wie funktioniert die Umsetzung Eurer Ideen?") {
		t.Error("German address not seen")
	}
	if p.addressesReader("Die Zahlen sind hoch, aber sie sinken.") {
		t.Error(`German "sie" (they) taken for "Sie" (you)`)
	}
}

func TestNumberedAndDoubleColonLabels(t *testing.T) {
	tr, _ := build(
		"Our reporter asked the mayor three questions about the harbour.",
		"Q1. When will the harbour reopen?", "A1. In spring, after the repairs to the quay walls.",
		"Q2. Who pays for it?", "A2. The state pays two thirds and the city the rest.",
		"Q3:: Will the ferries come back?", "A3:: Yes, from the first of May, twice a day.",
	)
	if len(tr.Exchanges) != 3 {
		t.Fatalf("got %d exchanges: %+v", len(tr.Exchanges), tr.Exchanges)
	}
	want := []string{"When will the harbour reopen?", "Who pays for it?", "Will the ferries come back?"}
	for k, e := range tr.Exchanges {
		if e.Question != want[k] || strings.HasPrefix(e.Answer[0], "A") && strings.Contains(e.Answer[0][:3], ".") {
			t.Errorf("exchange %d: %q / %q (label %q)", k+1, e.Question, e.Answer, e.Label)
		}
	}
	if tr.Exchanges[1].Label != "Q2" {
		t.Errorf("label %q, want Q2 as printed", tr.Exchanges[1].Label)
	}
}

// A numbered answer that opens with a short sentence ("A3. Meistens ja.")
// is still the answer, and its label is cut off, in every language.
func TestNumberedLabelsShortAnswer(t *testing.T) {
	for _, tc := range []struct{ q, a string }{
		{"F", "A"}, {"Q", "A"}, {"P", "R"}, {"В", "О"},
	} {
		tr, _ := build(
			"Unsere Reporterin hat der Prüferin drei Fragen gestellt.",
			tc.q+"1. Wie oft wird eine Brücke geprüft?", tc.a+"1. Alle drei Jahre, und alle sechs Jahre genauer.",
			tc.q+"2. Sind alte Brücken ein Risiko?", tc.a+"2. Nein. Nicht, wenn man rechtzeitig handelt.",
			tc.q+"3. Gehen Sie entspannt über Brücken?", tc.a+"3. Meistens ja. Ich schaue aber immer unter die Fahrbahn.",
		)
		want := []string{"Alle drei Jahre, und alle sechs Jahre genauer.", "Nein. Nicht, wenn man rechtzeitig handelt.", "Meistens ja. Ich schaue aber immer unter die Fahrbahn."}
		if len(tr.Exchanges) != 3 {
			t.Errorf("%s/%s: %d exchanges, want 3", tc.q, tc.a, len(tr.Exchanges))
			continue
		}
		for k, e := range tr.Exchanges {
			if len(e.Answer) != 1 || e.Answer[0] != want[k] {
				t.Errorf("%s/%s exchange %d: answer %q, want %q", tc.q, tc.a, k+1, e.Answer, want[k])
			}
		}
	}
}

// buildAllContent structures hand-made blocks, every one of them content,
// so a test sees the interview stage alone.
// wantQuestions builds a transcript from text-dump lines and checks its
// questions.
func wantQuestions(t *testing.T, lines, want []string) Transcript {
	t.Helper()
	tr, _ := build(lines...)
	if qs := questions(tr); !slices.Equal(qs, want) {
		t.Errorf("questions\n%q\nwant\n%q", qs, want)
	}
	return tr
}

// questions lists the questions of a transcript's exchanges.
func questions(tr Transcript) []string {
	var qs []string
	for _, e := range tr.Exchanges {
		qs = append(qs, e.Question)
	}
	return qs
}

func buildAllContent(bs []blocks.Block) Transcript {
	marks := make([]clean.Mark, len(bs))
	for i := range bs {
		bs[i].ID = blocks.ID(i)
		marks[i] = clean.Mark{Role: clean.Content, DupOf: -1}
	}
	return Build(Input{Blocks: bs, Marks: marks})
}

// Unstyled questions that speak to no one by pronoun ("¿Qué le pediría
// ...?") make an interview when the intro announces one; the same text
// without the announcement is an article with rhetorical questions.
func TestAnnouncedInterviewWithoutAddress(t *testing.T) {
	body := []string{
		"¿Cuándo llegaron las primeras tortugas a estas playas del sur?",
		"Los primeros nidos se registraron hace unos quince años, casi por casualidad, cuando un pescador vio huellas en la arena al amanecer.",
		"¿Por qué eligen ahora las costas de la península?",
		"El agua del Mediterráneo oriental está cada vez más caliente y las playas de allí están llenas, así que las hembras buscan arena más fresca hacia el oeste.",
		"¿Qué hacen los voluntarios durante una noche de vigilancia?",
		"Caminan la playa en parejas, sin linternas blancas, y avisan al equipo técnico cuando encuentran un rastro reciente que sale del agua.",
		"¿Qué le pediría a los ayuntamientos de la costa?",
		"Que apaguen las luces del paseo marítimo durante las semanas de eclosión y que no limpien la arena con máquinas antes del amanecer.",
	}
	intro := "El coordinador dirige desde hace doce años un programa de voluntarios en las playas del sur. Hablamos con él sobre nidos, turistas y el calor de la arena."
	bs := blocks.FromText(strings.Join(append([]string{intro}, body...), "\n\n"))
	in := Input{Blocks: bs, Marks: clean.Clean(bs, clean.Context{TitleBlock: -1}), Language: "es"}
	if got := len(Build(in).Exchanges); got != 4 {
		t.Errorf("announced: %d exchanges, want 4", got)
	}
	article := "El coordinador dirige desde hace doce años un programa de voluntarios en las playas del sur, donde cada verano llegan más nidos."
	bs = blocks.FromText(strings.Join(append([]string{article}, body...), "\n\n"))
	in = Input{Blocks: bs, Marks: clean.Clean(bs, clean.Context{TitleBlock: -1}), Language: "es"}
	if got := len(Build(in).Exchanges); got != 0 {
		t.Errorf("not announced: %d exchanges, want 0", got)
	}
	in.Title = "Entrevista con el coordinador de los voluntarios"
	if got := len(Build(in).Exchanges); got != 4 {
		t.Errorf("announced in the title: %d exchanges, want 4", got)
	}
}

// "tells the Dutch weekly De Krant": the outlet is the name after the
// kind of publication, not the adjective before it; "told the New York
// Times on Monday" keeps its outlet.
func TestOutletAfterItsKind(t *testing.T) {
	for s, want := range map[string]string{
		"Publisher Steve Example tells the Swiss weekly DIE WOCHE that it hurt him.": "DIE WOCHE",
		"Jane Example told the German newspaper Die Zeitung about her plans.":        "Die Zeitung",
		"Jane Example told the New York Times on Monday that she would stay.":        "the New York Times",
		"Aykhan Hajizada told The Insider.":                                          "The Insider",
	} {
		m := toldRes[0].find(s)
		if m == nil || m[2] != want {
			t.Errorf("%q: outlet %q, want %q", s, m, want)
		}
	}
}

// A speaker labelled with a role the first time ("NAME, Role:") and by the
// name alone after that is one speaker; a sentence with a comma and a
// colon is no label unless its opening names such a speaker.
func TestLabelWithRoleFirstTime(t *testing.T) {
	tr, _ := build(
		"HOST: Thank you for coming. What happened last week in the markets?",
		"JANE EXAMPLE, Harbour Bank: The markets fell, and they fell hard, because nobody expected the rate to move that early in the year.",
		"HOST: Why did nobody expect it?",
		"JANE EXAMPLE: The forecasts had all pointed the other way, and the bank had said nothing for months about its plans for the spring.",
		"HOST: What happens next, in your view?",
		"JANE EXAMPLE: We wait, as everyone in the trade does when the bank goes quiet for that long.",
		"However, one thing is clear: the next move will not come before the summer, whatever the papers write.",
		"HOST: Thank you.",
	)
	if len(tr.Exchanges) < 3 {
		t.Fatalf("%d exchanges: %+v", len(tr.Exchanges), tr.Exchanges)
	}
	e := tr.Exchanges[0]
	if !strings.HasPrefix(e.Answer[0], "The markets fell") || len(e.AnswerSpeakers) != 1 || e.AnswerSpeakers[0] != "JANE EXAMPLE" {
		t.Errorf("first answer %q by %q", e.Answer, e.AnswerSpeakers)
	}
	last := tr.Exchanges[2]
	if len(last.Answer) != 2 || !strings.HasPrefix(last.Answer[1], "However, one thing") {
		t.Errorf("a sentence with a comma and a colon taken for a label: %q", last.Answer)
	}
	// The host's closing thanks is the host's, not part of the answer.
	if len(tr.Outro) != 1 {
		t.Errorf("outro %v, want the host's thanks", tr.Outro)
	}
}

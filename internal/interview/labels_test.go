package interview

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// parseLabelRef is parseLabel as labelRe states it, on the whole text.
func parseLabelRef(s string) (string, string, bool) {
	head := s
	if len(head) > maxLabelBytes {
		head = head[:maxLabelBytes]
	}
	if !strings.ContainsAny(head, ":.–—") {
		return "", s, false
	}
	m := labelRe.FindStringSubmatch(s)
	if m == nil {
		return "", s, false
	}
	return strings.TrimSpace(m[1]), m[2], true
}

func checkParseLabel(t *testing.T, s string) {
	t.Helper()
	l, r, ok := parseLabel(s)
	wl, wr, wok := parseLabelRef(s)
	if l != wl || r != wr || ok != wok {
		t.Fatalf("parseLabel(%q) = %q, %q, %v; want %q, %q, %v", s, l, r, ok, wl, wr, wok)
	}
}

// parseLabel matches a bounded prefix; it must agree with labelRe on the
// whole text, whatever the text.
func TestParseLabelAsLabelRe(t *testing.T) {
	pieces := []string{"Q", "A", "a", "Karin", "Fischer", "fluter.de", "12", "Ü", "é", "Frage",
		":", "::", ".", ". ", " – ", " — ", "–", "-", "’", "&", " ", "  ", "\t", "\n", "\f", "\u00a0",
		"?", "x", "text", "Q2", "A6", "é.", "\xff", "\xe2\x80", ",", "!"}
	randomTexts(1, pieces, 200000, 16, func(s string) { checkParseLabel(t, s) })
}

// randomTexts calls check on n texts of 1 to maxPieces pieces each, drawn
// with a fixed seed so a failure repeats.
func randomTexts(seed uint64, pieces []string, n, maxPieces int, check func(string)) {
	r := rand.New(rand.NewPCG(seed, seed+1))
	for range n {
		var sb strings.Builder
		for range 1 + r.IntN(maxPieces) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(sb.String())
	}
}

func FuzzParseLabel(f *testing.F) {
	for _, s := range []string{"Q: What?", "Karin Fischer: Ja.", "A. B", "MARGARET WARNER: So", "a b c d e f: g", "Q:\nA"} {
		f.Add(s)
	}
	f.Fuzz(checkParseLabel)
}

// A numbered label is its letters, its number and its separator: a short
// first sentence after it stays in the turn's text.
func TestNumberedLabelEndsAtItsFullStop(t *testing.T) {
	for _, tc := range []struct{ in, label, rest string }{
		{"A6. Meistens ja. Ich schaue immer unter die Fahrbahn.", "A6", "Meistens ja. Ich schaue immer unter die Fahrbahn."},
		{"Q12. Yes. Every single day.", "Q12", "Yes. Every single day."},
		{"О3. Да. Каждый день.", "О3", "Да. Каждый день."},
		{"R 4. Oui. Tous les jours.", "R 4", "Oui. Tous les jours."},
		{"P5. Sí. Cada día, sin falta.", "P5", "Sí. Cada día, sin falta."},
		{"Frage 3. Wirklich? Ja.", "Frage 3", "Wirklich? Ja."},
		{"A6: Meistens ja. Ich auch.", "A6", "Meistens ja. Ich auch."},
		// Not numbered: the label still runs to its separator.
		{"Dr. Ruiz: Sí, cada día.", "Dr. Ruiz", "Sí, cada día."},
		{"Teil 2 und 3: Das Ende.", "Teil 2 und 3", "Das Ende."},
		{"Q6 Kommentar: Gut.", "Q6 Kommentar", "Gut."},
	} {
		l, rest, ok := parseLabel(tc.in)
		if !ok || l != tc.label || rest != tc.rest {
			t.Errorf("parseLabel(%q) = %q, %q, %v; want %q, %q", tc.in, l, rest, ok, tc.label, tc.rest)
		}
	}
	// A number inside a sentence is no label.
	for _, s := range []string{"A6.5 Prozent sind viel.", "In 2014. Then more."} {
		if l, _, ok := parseLabel(s); ok && numberedRe.MatchString(l) {
			t.Errorf("parseLabel(%q): numbered label %q", s, l)
		}
	}
}

// An asker's label is a name, a comma and a place, in capitalised words,
// before a colon.
func TestAskerLabel(t *testing.T) {
	for _, tc := range []struct{ in, label, rest string }{
		{"Tom, Leeds: When do bees swarm?", "Tom, Leeds", "When do bees swarm?"},
		{"Lucía, Granada: ¿Cuándo llegaron?", "Lucía, Granada", "¿Cuándo llegaron?"},
		{"Ирина, Москва: Когда это началось?", "Ирина, Москва", "Когда это началось?"},
		{"Marie, Lyon : Pourquoi ?", "Marie, Lyon", "Pourquoi ?"},
		{"Anna B., Frankfurt am Main: Wie oft?", "Anna B., Frankfurt am Main", "Wie oft?"},
		{"Dr. Jan Weber, Bad Kreuznach: Warum?", "Dr. Jan Weber, Bad Kreuznach", "Warum?"},
		{"Mary-Ann O’Neill, New York: Why?", "Mary-Ann O’Neill, New York", "Why?"},
	} {
		l, rest, ok := askerLabel(tc.in)
		if !ok || l != tc.label || rest != tc.rest {
			t.Errorf("askerLabel(%q) = %q, %q, %v; want %q, %q", tc.in, l, rest, ok, tc.label, tc.rest)
		}
	}
	for _, s := range []string{
		"However, the city: a new plan.",  // a lower-case word after the comma
		"Ich, ehrlich gesagt: nein.",      // the same
		"Tom, Leeds, Yorkshire: Why?",     // two commas
		"Tom, Leeds:",                     // no text
		"Tom, Leeds: Why?\nBecause.",      // a text that spans lines
		"Tom Leeds: Why?",                 // no comma: parseLabel's
		"tom, Leeds: Why?",                // not capitalised
		"Tom, Leeds and York and Hull: x", // too long a place
		"Erstens, Zweitens, Drittens: x",
	} {
		if l, _, ok := askerLabel(s); ok {
			t.Errorf("askerLabel(%q) = %q, want none", s, l)
		}
	}
}

// chatPage is a text dump of a chat session: the host opens, each asker
// asks once, the expert answers each, and the host closes.
func chatPage(host, hostOpen, hostClose, expert string, qa [][3]string) []string {
	lines := []string{"We invited our readers to send their questions to the expert.", host + ": " + hostOpen}
	for _, e := range qa {
		lines = append(lines, e[0]+": "+e[1], expert+": "+e[2])
	}
	return append(lines, host+": "+hostClose)
}

// In a chat session each asker's "Name, Place" is the question's label and
// speaker, not part of its text; the expert answers, the host's turns are
// intro and outro. In every language qanda reads.
func TestChatSessionAskers(t *testing.T) {
	for _, tc := range []struct {
		host, open, close, expert string
		qa                        [][3]string
	}{
		{"Host", "Welcome to our live chat with Dr. Ruiz.", "Our hour is over, thank you all.", "Dr. Ruiz", [][3]string{
			{"Tom, Leeds", "When do bees swarm?", "Mostly in May and June, on warm days."},
			{"Sarah, Bristol", "Can I keep bees in a small garden?", "Yes, if the hive faces away from the path."},
			{"Ahmed, Cardiff", "How much honey does one hive give?", "Between ten and thirty kilos a year."},
			{"Jane, New York", "Do bees sting more in summer?", "They defend more when the nectar runs short."},
		}},
		{"Moderatorin", "Willkommen zu unserem Leserchat.", "Unsere Stunde ist um, danke an alle.", "Katharina Wendler", [][3]string{
			{"Jan, Köln", "Wie oft wird eine Brücke geprüft?", "Alle drei Jahre, und alle sechs Jahre gründlich."},
			{"Petra M., Frankfurt am Main", "Sind alte Brücken gefährlich?", "Nicht, wenn man rechtzeitig handelt."},
			{"Uwe, Kiel", "Wer bezahlt die Prüfungen?", "Der Bund für die Autobahnen, sonst die Länder."},
		}},
		{"Ведущая", "Добрый день, начинаем нашу онлайн-конференцию.", "Наше время истекло, спасибо всем.", "Иван Петров", [][3]string{
			{"Ирина, Москва", "Почему тают ледники?", "Потому что лето стало длиннее и теплее."},
			{"Олег, Казань", "Можно ли это остановить?", "Замедлить можно, остановить уже нельзя."},
			{"Анна, Пермь", "Что будет с реками?", "Сначала воды станет больше, потом меньше."},
		}},
		{"Animatrice", "Bonjour et bienvenue dans notre tchat.", "C’est la fin de notre tchat, merci à tous.", "Claire Martin", [][3]string{
			{"Marie, Lyon", "Comment choisir un livre pour un enfant ?", "En le laissant choisir lui-même, souvent."},
			{"Paul, Nantes", "Les librairies vont-elles disparaître ?", "Non, elles changent, elles ne disparaissent pas."},
			{"Luc, Saint-Étienne", "Que lisez-vous en ce moment ?", "Un roman islandais, très sombre."},
		}},
		{"Marta Iglesias", "Buenas tardes y bienvenidos a nuestro encuentro digital.", "Se nos ha acabado el tiempo, gracias a todos.", "Javier Ruiz Ortega", [][3]string{
			{"Lucía, Granada", "¿Cuándo llegaron las primeras tortugas?", "El primer nido fue en 2014."},
			{"Andrés, Murcia", "¿Por qué eligen ahora estas playas?", "Por el calor del mar y de la arena."},
			{"Carmen, Málaga", "Dicen que la arena decide el sexo de las crías. ¿Es así?", "Sí, por encima de veintinueve grados nacen hembras."},
		}},
	} {
		tr, _ := build(chatPage(tc.host, tc.open, tc.close, tc.expert, tc.qa)...)
		if len(tr.Exchanges) != len(tc.qa) {
			t.Errorf("%s: %d exchanges, want %d: %q", tc.expert, len(tr.Exchanges), len(tc.qa), questions(tr))
			continue
		}
		for k, e := range tr.Exchanges {
			want := tc.qa[k]
			if e.Question != want[1] || e.Label != want[0] || e.QuestionSpeaker != want[0] {
				t.Errorf("%s: question %q label %q by %q, want %q by %q", tc.expert, e.Question, e.Label, e.QuestionSpeaker, want[1], want[0])
			}
			if !slices.Equal(e.Answer, []string{want[2]}) || !slices.Equal(e.AnswerSpeakers, []string{tc.expert}) {
				t.Errorf("%s: answer %q by %q, want %q", tc.expert, e.Answer, e.AnswerSpeakers, want[2])
			}
		}
		if len(tr.Outro) != 1 || slices.Contains(tr.Interviewees, tc.host) || strings.Contains(tr.Interviewer, ",") {
			t.Errorf("%s: outro %v, interviewer %q, interviewees %q", tc.expert, tr.Outro, tr.Interviewer, tr.Interviewees)
		}
	}
}

// Two experts may answer one asker; an asker who gets no answer, and an
// answer that opens like an asker's label ("However, Berlin: ..."), stay
// text.
func TestChatSessionTwoExperts(t *testing.T) {
	tr, _ := build(
		"Two experts answered our readers' questions about the new tram line.",
		"Host: Welcome, our guests are Dr. Weber and Anna Berg.",
		"Tom, Leeds: When will the tram line open?",
		"Dr. Weber: Next spring, if the tests go well.",
		"Anna Berg: And the timetable follows a month later.",
		"Sarah, Bristol: What will it cost?",
		"Dr. Weber: About two hundred million.",
		"However, Berlin: a city that built its line in half the time.",
		"Ahmed, Cardiff: Will the buses stop?",
		"Anna Berg: No, they will feed the tram stops.",
		"Jane, York: Who pays for it?",
		"Dr. Weber: The state pays most of it, the city the rest.",
	)
	want := []string{"When will the tram line open?", "What will it cost?", "Will the buses stop?", "Who pays for it?"}
	if !slices.Equal(questions(tr), want) {
		t.Fatalf("questions %q, want %q", questions(tr), want)
	}
	if e := tr.Exchanges[0]; !slices.Equal(e.AnswerSpeakers, []string{"Dr. Weber", "Anna Berg"}) || len(e.Answer) != 2 {
		t.Errorf("first answer %q by %q, want both experts", e.Answer, e.AnswerSpeakers)
	}
	if a := tr.Exchanges[1].Answer; len(a) != 2 || a[1] != "However, Berlin: a city that built its line in half the time." {
		t.Errorf("second answer %q, want the sentence kept whole", a)
	}
}

// "Name, Place:" openings are askers only when an answerer follows them:
// a recurring label that mostly opens no question, after at least
// minAskers distinct askers.
func TestChatAskersNeedAnAnswerer(t *testing.T) {
	type turn struct {
		asker, label string
		qmark        bool
	}
	q := func(asker string) turn { return turn{asker: asker, qmark: true} }
	a := func(label string) turn { return turn{label: label} }
	ask := func(label string) turn { return turn{label: label, qmark: true} } // a labelled question
	text := turn{}
	for _, tc := range []struct {
		name  string
		turns []turn
		want  int // askers accepted
	}{
		{"chat", []turn{a("Host"), q("Tom, Leeds"), a("Dr. Ruiz"), text, q("Sarah, Bristol"), a("Ruiz"), q("Ahmed, Cardiff"), text, a("Dr. Ruiz"), a("Host")}, 3},
		{"two askers", []turn{q("Tom, Leeds"), a("Dr. Ruiz"), q("Sarah, Bristol"), a("Dr. Ruiz"), q("Tom, Leeds"), a("Dr. Ruiz")}, 0},
		{"answerer once", []turn{q("Tom, Leeds"), a("Dr. Ruiz"), q("Sarah, Bristol"), a("Anna Berg"), q("Ahmed, Cardiff"), a("Jan Kos")}, 0},
		{"askers in a row", []turn{q("Tom, Leeds"), q("Sarah, Bristol"), q("Ahmed, Cardiff"), q("Jane, York"), a("Dr. Ruiz"), a("Dr. Ruiz")}, 0},
		// the interviewer's questions follow sentences that open so
		{"interviewer follows", []turn{ask("Q"), a("A"), turn{asker: "Sicher, Herr Kos"}, ask("Q"), a("A"), turn{asker: "Nein, Frau Berg"}, ask("Q"), a("A"), turn{asker: "Gut, Herr Kos"}, ask("Q"), a("A")}, 0},
		{"named interviewer follows", []turn{ask("Spiegel"), a("Kos"), turn{asker: "Sicher, Herr Kos"}, ask("Spiegel"), a("Kos"), turn{asker: "Nein, Frau Berg"}, ask("Spiegel"), a("Kos"), turn{asker: "Gut, Frau Weber"}, ask("Spiegel"), a("Kos")}, 0},
		// "Frage" asks, with a question mark or without
		{"question label follows", []turn{a("Frage"), a("Kos"), turn{asker: "Sicher, Herr Kos"}, a("Frage"), a("Kos"), turn{asker: "Nein, Frau Berg"}, a("Frage"), a("Kos"), turn{asker: "Gut, Frau Weber"}, a("Frage"), a("Kos")}, 0},
	} {
		var askerAt, rawAt []string
		var qmark []bool
		for _, u := range tc.turns {
			askerAt, rawAt, qmark = append(askerAt, u.asker), append(rawAt, u.label), append(qmark, u.qmark)
		}
		n := 0
		for _, ok := range chatAskers(askerAt, rawAt, qmark) {
			if ok {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%s: %d askers, want %d", tc.name, n, tc.want)
		}
	}
}

// A labelled interview whose answers end in sentences that open "Word,
// Name:" keeps them whole; an article whose paragraphs open so has no
// labels.
func TestNoAskersWithoutChat(t *testing.T) {
	tr := wantQuestions(t, []string{
		"Die Bürgermeisterin sprach mit uns über die neue Straßenbahn.",
		"F: Wann fährt die erste Bahn?", "A: Im Frühjahr, wenn die Tests gut laufen.", "Sicher, Herr Kos: das hängt auch vom Wetter ab.",
		"F: Was kostet sie?", "A: Etwa zweihundert Millionen.", "Nein, Frau Berg: die Stadt zahlt nicht alles.",
		"F: Und der Hafen?", "A: Er öffnet im Mai wieder.", "Gut, Frau Weber: dann fahren auch die Fähren.",
		"F: Treten Sie wieder an?", "A: Das habe ich noch nicht entschieden.",
	}, []string{"Wann fährt die erste Bahn?", "Was kostet sie?", "Und der Hafen?", "Treten Sie wieder an?"})
	for _, e := range tr.Exchanges {
		if len(e.Answer) > 1 && !strings.Contains(e.Answer[1], ", Herr Kos: ") && !strings.Contains(e.Answer[1], ", Frau ") {
			t.Errorf("answer %q: the sentence after it is not kept whole", e.Answer)
		}
	}
	tr, _ = build(
		"Three cities, three ways to build a tram line.",
		"However, Berlin: the city built its line in half the time, and for less money.",
		"Meanwhile, Paris: the line opened late, but the trams are full every morning.",
		"Finally, Vienna: nobody there talks about trams, because they simply run.",
		"What can the others learn from them? Mostly patience, the planners say.",
	)
	for _, e := range tr.Exchanges {
		if strings.Contains(e.Label, ",") {
			t.Errorf("label %q", e.Label)
		}
	}
}

package clean

import (
	"testing"
)

// tailInterview is a text dump's interview of four exchanges.
func tailInterview() []string {
	return []string{
		"Talking to the harbour master",
		longA, "Why did the plan surprise you?", longB, "What comes next for the harbour?", longC,
		"Who pays for the new walls?", "The region pays half, the state a third, and the town finds the rest from the harbour fees it has raised since the spring.",
		"And when will the work be finished?", "If the winter is kind to us, the walls will stand by the summer and the cranes will be back on the quay a month later.",
	}
}

// After the last answered question, a stray line (short, no sentence's
// end) opens what follows the article: the bio, related stories (one a
// question with a date under it) and comments go as footer; the
// interview stays whole.
func TestAnswerTail(t *testing.T) {
	tail := []string{
		"About the author",
		"Jane Doe writes about coasts and the people who live on them. She has reported from ports on four continents and lives in Lisbon.",
		"Related stories",
		"Is the old lighthouse safe after the storm?",
		"12 March 2024",
		"The keepers say the tower moved in the night; engineers will inspect the foundations next week and decide whether it can reopen.",
		"Comments",
		"I grew up in that town and I can tell you the harbour has been a mess for thirty years, whatever the council says now.",
	}
	lines := append(tailInterview(), tail...)
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range tail {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Footer {
			t.Errorf("tail line %q: %+v", s, m)
		}
	}
	for _, s := range tailInterview()[1:] {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("interview line %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"answer-tail": true}})
	if m := roleOf(t, bs, off, "About the author"); m.Role != Content {
		t.Errorf("answer-tail off, the tail still goes: %+v", m)
	}
}

// A line printed over several answers (a speaker's name under each pull
// quote) is the interview's furniture: the last answer keeps its rest. A
// page with fewer than three turns is no interview to cut.
func TestAnswerTailKeeps(t *testing.T) {
	answers := [][2]string{
		{"The plan asked the fishermen to pay first, which nobody in this town had ever dared to propose in public.", "They agreed because the alternative was to lose the quay to the sea within ten winters."},
		{"Next comes the breakwater, a long wall of stone that will take the force out of the autumn storms.", "After that we rebuild the slipway, so that the boats can be hauled out before the ice."},
		{"The region pays half of it, the state a third, and the town raises the rest from harbour fees.", "Nobody likes the fees, but every skipper I have asked would rather pay them than move away."},
	}
	var lines []string
	for n, q := range []string{"Why did the plan surprise you?", "What comes next for the harbour?", "Who pays for the new walls?"} {
		lines = append(lines, q, answers[n][0], "“There is no quick fix.”", "Karin Fischer", answers[n][1])
	}
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: -1})
	if m := roleOf(t, bs, marks, lines[len(lines)-1]); m.Role != Content {
		t.Errorf("answer after a repeated name line: %+v", m)
	}

	article := []string{longA, "Why now?", longB, "A short line", longC}
	bs = page(article...)
	marks = Clean(bs, Context{TitleBlock: -1})
	for _, s := range article {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("article line %q: %+v", s, m)
		}
	}
}

// A picture's placeholder or file name is not text; compound words,
// buttons and bracketed remarks are.
func TestImageName(t *testing.T) {
	for s, want := range map[string]bool{
		"[portrait_01-300x298]":     true,
		"[svg][banner-support-3-2]": true,
		"Jane-doe-headshot-cropped": true,
		"harbour-at-night-unsplash": true,
		"IMG_2041":                  false, // two parts
		"cover_photo_final":         true,
		"On-Off-Mechanismus":        false,
		"Baden-Württemberg-Ticket":  false,
		"[ Buy this book ]":         false,
		"[laughs] Yes.":             false,
		"Jane Doe":                  false,
		"state-of-the-art work":     false,
		"[":                         false,
		"[]":                        false,
		"Sars-CoV-2":                false,
		"Screen-Shot-2012-10-08":    true,
	} {
		if got := imageName(s); got != want {
			t.Errorf("imageName(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestFormField(t *testing.T) {
	for s, want := range map[string]bool{
		"[ ] I agree to the privacy policy and the newsletter's terms.": true,
		"[X] Keep me signed in":                true,
		"[*] Notwendige Cookies [ ] Marketing": true,
		"( ) Ja":                               true,
		"(*) Нет":                              true,
		"[ ] [ » ] What was the motivation behind it?": false, // pictures without alternative text
		"[ ]":                                           false,
		"[laughs] Yes, that is right.":                  false,
		"(1) The first point is the money.":             false,
		"Q: [ ] is what the form shows.":                false,
		"[ Order the book ]":                            true,
		"[   Absenden   ]":                              true,
		"[ Enviar comentario ]":                         true,
		"[Editor's note: the talk was held in May.]":    false,
		"[ This part of the talk was cut for length. ]": false,
		"[                    ]":                        false,
	} {
		if got := formField(s) || buttonLine(s); got != want {
			t.Errorf("formField(%q) = %v, want %v", s, got, want)
		}
	}
}

// labelledInterview is a text dump's interview whose turns open with the
// speakers' labels, in German.
func labelledInterview() []string {
	return []string{
		"Gespräch mit der Hafenmeisterin",
		"Fischer: Warum hat Sie der Plan überrascht?",
		"Berg: Weil der Ausschuss zum dritten Mal in diesem Jahr tagte und sich auf einen Plan einigte, den niemand erwartet hatte, am wenigsten die Ministerin.",
		"Fischer: Was kommt als Nächstes für den Hafen?",
		"Berg: Wir veröffentlichen den ganzen Bericht im Frühjahr, zusammen mit den Zahlen, die die Prüfer noch verlangt haben, und dann beginnen die Arbeiten.",
		"Fischer: Wer bezahlt die neuen Mauern?",
		"Berg: Das Land zahlt die Hälfte, der Bund ein Drittel, und die Stadt bringt den Rest aus den Hafengebühren auf, die sie seit dem Frühjahr erhebt.",
		"Fischer: Und wann sind die Arbeiten fertig?",
		"Berg: Wenn der Winter gnädig ist, stehen die Mauern im Sommer, und die Kräne sind einen Monat später wieder am Kai.",
		"Vielen Dank für das Gespräch!",
	}
}

// After the interview, a short line ending in a colon over short
// headlines opens a list of links; the list and what follows go as
// footer, the interview and its sign-off stay. Inside an interview that
// goes on after such a line (an answer listing its points), nothing goes.
func TestListTail(t *testing.T) {
	tail := []string{
		"Weiterführende Links:",
		"Die Hafenmeisterin auf der Messe in Kiel",
		"Zur Website des Hafens",
		"Verwandte Themen:",
		"Hafenbau: Die Trends der Wasserbauer",
		"Sturmflut: Wie sicher ist der Deich?",
		"Der Newsletter bringt jede Woche die neuesten Reportagen, Features und Interviews aus der Hafenwelt in Ihr Postfach, kostenlos und jederzeit kündbar.",
	}
	lines := append(labelledInterview(), tail...)
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range tail {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Footer {
			t.Errorf("tail line %q: %+v", s, m)
		}
	}
	for _, s := range labelledInterview()[1:] {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("interview line %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"list-tail": true}})
	if m := roleOf(t, bs, off, "Weiterführende Links:"); m.Role != Content {
		t.Errorf("list-tail off, the list still goes: %+v", m)
	}

	// The same opener in the middle: two more exchanges follow.
	in := labelledInterview()
	mid := append(append(append([]string{}, in[:5]...), tail[:3]...), in[5:]...)
	bs = page(mid...)
	marks = Clean(bs, Context{TitleBlock: 0})
	for _, s := range in[5 : len(in)-1] {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("interview line after a mid list %q: %+v", s, m)
		}
	}
}

// After the interview, a name on its own line over one paragraph that
// opens with it is the author's bio: it goes, with what follows. A
// heading repeated in the first sentence of a section of several
// paragraphs is the article's.
func TestBioTail(t *testing.T) {
	tail := []string{
		"Anna Berg",
		"Anna Berg schreibt über Küsten und die Menschen, die dort leben. Sie hat aus Häfen auf vier Kontinenten berichtet und lebt in Lissabon.",
		"Unterstütze uns mit einem Abo",
	}
	in := labelledInterview()
	in = in[:len(in)-1] // no sign-off: the bio follows the last answer
	lines := append(append([]string{}, in...), tail...)
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range tail {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Footer {
			t.Errorf("bio line %q: %+v", s, m)
		}
	}
	for _, s := range in[1:] {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("interview line %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"bio-tail": true}})
	if m := roleOf(t, bs, off, tail[1]); m.Role != Content {
		t.Errorf("bio-tail off, the bio still goes: %+v", m)
	}

	// A bio that opens with the name and a handle in brackets.
	handle := []string{
		"Jane Doe (@janedoe) is a contributor who writes about coasts and the people who live on them, and hosts a weekly radio show on harbours.",
		"Contributor",
	}
	lines = append(append([]string{}, in...), handle...)
	bs = page(lines...)
	marks = Clean(bs, Context{TitleBlock: 0})
	if m := roleOf(t, bs, marks, handle[0]); m.Role != Removed || m.Rule != "bio-tail" {
		t.Errorf("handle bio: %+v", m)
	}

	section := []string{
		"Gefrorene Flächen",
		"Gefrorene Flächen dürfen nicht gedüngt werden, auch wenn sie tagsüber auftauen; das gilt für Acker und Grünland gleichermaßen, in allen Lagen des Landes.",
		"Wer dagegen verstößt, muss mit einem Bußgeld rechnen, und die Behörde kann die Förderung für das ganze Jahr kürzen, wenn sie den Verstoß feststellt.",
	}
	lines = append(append([]string{}, in...), section...)
	bs = page(lines...)
	marks = Clean(bs, Context{TitleBlock: 0})
	for _, s := range section {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("section line %q: %+v", s, m)
		}
	}
}

// Cards of other stories, each a caption, a headline and a summary that
// opens with a date and is cut off, go as teasers; an answer that opens
// with a date, or a single dated summary, stays.
func TestDatedCards(t *testing.T) {
	cards := []string{
		"Der Hafenmeister auf dem Kai",
		"Neue Mauern: Das Land zahlt die Hälfte der Kosten",
		"12.06.2018 Im Streit um die Kosten für die neuen Mauern bahnt sich eine Einigung an: Das Land will die Hälfte…",
		"Fischer auf dem Weg zum Hafen",
		"Sturmflut: Wie sicher ist der alte Deich?",
		"12.04.2018 Nach der Sturmflut im Winter fragen sich viele Anwohner, ob der alte Deich noch einmal hält...",
		"Die Werft bei Nacht",
		"Werft: Ein Käufer für die alten Kräne",
		"21.12.2017 Die Stadt verabschiedet sich aus dem Geschäft mit den Kränen und hat einen Käufer gefunden…",
	}
	in := labelledInterview()
	answer := "Berg: 12.06.2018 war der Tag, an dem wir den Plan vorgelegt haben, und seither hat sich im Hafen sehr viel bewegt…"
	lines := append(append(append([]string{}, in[:3]...), answer), in[3:]...)
	lines = append(lines, cards...)
	lines = append(lines, "Der Newsletter bringt jede Woche die neuesten Reportagen, Features und Interviews aus der Hafenwelt in Ihr Postfach, kostenlos und jederzeit kündbar.")
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range cards {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Rule != "dated-cards" {
			t.Errorf("card line %q: %+v", s, m)
		}
	}
	for _, s := range append([]string{answer}, in[1:len(in)-1]...) {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("interview line %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"dated-cards": true}})
	if m := roleOf(t, bs, off, cards[1]); m.Rule == "dated-cards" {
		t.Errorf("dated-cards off, the cards still go: %+v", m)
	}
}

func TestIconLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"chevron_left Browse All Posts":              true,
		"library_books AKTUELLE AUSGABE":             true,
		"filter_none WEITERE BEITRÄGE":               true,
		"keyboard_arrow_down Mehr anzeigen":          true,
		"chevron_left":                               false, // an image's name, for image-names
		"snake_case names are common in Python code": true,  // short lines only: the caller bounds the length
		"The file_name variable holds it":            false,
		"__init__ runs first":                        false,
		"user_ 42":                                   false,
	} {
		if got := iconLabel(s); got != want {
			t.Errorf("iconLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

// A picture's alternative text printed twice between two exchanges, and an
// icon button's label beside its icon's, go; the speakers' lines stay, and
// with the step off the doubled lines are kept.
func TestDoubledLabels(t *testing.T) {
	in := labelledInterview()
	doubled := []string{"Die Mole im NebelDie Mole im Nebel", "Teilen Teilen"}
	lines := append(append(append([]string{}, in[:3]...), doubled...), in[3:]...)
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range doubled {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Duplicate {
			t.Errorf("doubled line %q: %+v", s, m)
		}
	}
	for _, s := range in[1 : len(in)-1] {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("interview line %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"doubled-labels": true}})
	if m := roleOf(t, bs, off, doubled[0]); m.Role == Removed && m.Reason == Duplicate {
		t.Errorf("doubled-labels off, the line still goes as a duplicate: %+v", m)
	}
	for s, want := range map[string]bool{
		"Harbour viewHarbour view":      true,
		"Logo der Stadt Logo der Stadt": true,
		"Фото порта Фото порта":         true,
		"No, never. No, never.":         false, // spoken, and spaced
		"No, never.No, never.":          true,
		"Ha ha":                         false,
		"Bye bye":                       false,
		"[      ] [      ]":             false,
		"The harbour view":              false,
	} {
		if got := doubledLine(s); got != want {
			t.Errorf("doubledLine(%q) = %v, want %v", s, got, want)
		}
	}
}

package clean

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// An interview followed by readers' posts, each under a line with a date,
// a time and a reply button: the posts, the thread's count and title go
// as comments; the interview and its closing bio stay.
func TestCommentThread(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><table><tr><td>")
	b.WriteString("<h2>Talking to the harbour master</h2>")
	for _, s := range []string{"Why did the plan surprise you?", longA, "What comes next for the harbour?", longB,
		"Who pays for the new walls?", longC, longA + " " + longB, longB + " " + longC, longC + " " + longA} {
		b.WriteString("<p>" + s + "</p>")
	}
	b.WriteString("<p>Jane Doe writes about coasts and the people who live on them, and has done so for twenty years.</p>")
	thread := []string{
		"Will the walls hold?",
		"Showing messages 1 through 3 of 3.",
		"Not convinced",
		"2021-03-04 10:12:00 harbourfan [Reply | View]",
		"The walls will not hold a single winter, mark my words.",
		"Re: Not convinced",
		"2021-03-05 08:01:33 skipper [Reply | View]",
		"They held in the last storm, so I am more hopeful than you.",
		"Great read",
		"2021-03-06 19:45:10 anna [Reply | View]",
		"Thanks for this, I grew up by that quay.",
	}
	b.WriteString("<p><b>" + thread[0] + "</b></p><p>" + thread[1] + "</p><ul>")
	for i := 2; i < len(thread); i += 3 {
		b.WriteString("<li><b>" + thread[i] + "</b><br>" + thread[i+1] + "<br><br>" + thread[i+2] + "</li>")
	}
	b.WriteString("</ul></td></tr></table></body></html>")
	bs := htmlBlocks(t, b.String())
	marks := Clean(bs, Context{TitleBlock: 0, HTML: true})
	for _, s := range thread {
		if m := roleOf(t, bs, marks, s); m.Role != Removed {
			t.Errorf("thread line %q kept: %+v", s, m)
		}
	}
	for _, s := range []string{"Not convinced", "The walls will not hold a single winter, mark my words.", "Showing messages 1 through 3 of 3."} {
		if m := roleOf(t, bs, marks, s); m.Reason != Comments || m.Rule != "comment-thread" {
			t.Errorf("thread line %q: %+v", s, m)
		}
	}
	for _, s := range []string{longC + " " + longA, "Jane Doe writes about coasts and the people who live on them, and has done so for twenty years.", "Who pays for the new walls?"} {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("article line %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, HTML: true, Disabled: map[string]bool{"comment-thread": true}})
	if m := roleOf(t, bs, off, "Showing messages 1 through 3 of 3."); m.Role != Content {
		t.Errorf("comment-thread off, the count still goes: %+v", m)
	}
}

// Dated lines without a reply button (prices, a list of dated headlines)
// are no thread; nor are posts that outweigh the text above them (a
// forum's page, whose posts are its text).
func TestCommentThreadKeeps(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><div><h1>Toys for a rainy day</h1>")
	for _, s := range []string{longA, longB, longC, longA + " " + longC, longB + " " + longA} {
		b.WriteString("<p>" + s + "</p>")
	}
	prices := []string{"Price on 02.01.2023 10:46", "A wooden stacking tower in six colours, for babies from a year old.",
		"Price on 02.01.2023 12:53", "A rainbow of nine arches that children sort and stack on the floor."}
	for _, s := range prices {
		b.WriteString("<p>" + s + "</p>")
	}
	b.WriteString("</div></body></html>")
	bs := htmlBlocks(t, b.String())
	marks := Clean(bs, Context{TitleBlock: 0, HTML: true})
	for _, s := range prices {
		if m := roleOf(t, bs, marks, s); m.Rule == "comment-thread" {
			t.Errorf("price line %q taken for a thread: %+v", s, m)
		}
	}

	var f strings.Builder
	f.WriteString("<html><body><div><h1>Update fails with an error</h1><p>" + longA + " " + longB + "</p>")
	for i := 0; i < 6; i++ {
		f.WriteString("<p>03.03.2011, 14:3" + string(rune('0'+i)) + " Reply</p><p>" + longC + " " + longB + "</p>")
	}
	f.WriteString("</div></body></html>")
	bs = htmlBlocks(t, f.String())
	marks = Clean(bs, Context{TitleBlock: 0, HTML: true})
	for i, m := range marks {
		if m.Rule == "comment-thread" {
			t.Fatalf("forum post %q taken for comments: %+v", bs[i].Text, m)
		}
	}
}

// The author box that closes the article ends it: a donation appeal after
// it goes as footer. Photo credits named "author" in the middle of the
// text end nothing.
func TestAfterAuthorBox(t *testing.T) {
	appeal := []string{"#SupportYourLocalPaper", "Support us with 2 euros!", "Did you know that there is no other paper about the harbour in the whole region?"}
	page := `<html><body><article><h1>Talking to the harbour master</h1>` +
		`<h2>Why did the plan surprise you?</h2><p>` + longA + " " + longB + `</p>` +
		`<h2>What comes next for the harbour?</h2><p>` + longB + " " + longC + `</p>` +
		`<h2>Who pays for the new walls?</h2><p>` + longC + " " + longA + `</p><p>` + longA + " " + longC + `</p>` +
		`<div class="author-box"><p>Jane Doe writes about coasts and has reported from ports on four continents.</p></div>` +
		`<div class="appeal"><h2>` + appeal[0] + `</h2><h3>` + appeal[1] + `</h3><p>` + appeal[2] + `</p></div>` +
		`</article></body></html>`
	bs := htmlBlocks(t, page)
	marks := Clean(bs, Context{TitleBlock: 0, HTML: true})
	for _, s := range appeal {
		if m := roleOf(t, bs, marks, s); m.Rule != "after-author-box" || m.Reason != Footer {
			t.Errorf("appeal line %q: %+v", s, m)
		}
	}
	if m := roleOf(t, bs, marks, longA+" "+longC); m.Role != Content {
		t.Errorf("last answer: %+v", m)
	}
	credit := strings.Replace(page, `<div class="author-box"><p>Jane Doe writes about coasts and has reported from ports on four continents.</p></div>`,
		`<div class="author-box"><p>Photograph by Jane Doe</p></div>`, 1)
	bs = htmlBlocks(t, credit)
	marks = Clean(bs, Context{TitleBlock: 0, HTML: true})
	if m := roleOf(t, bs, marks, appeal[2]); m.Rule == "after-author-box" {
		t.Errorf("a credit box ended the article: %+v", m)
	}
}

// postInterview is labelledInterview with one more exchange and without
// its sign-off: it ends on an answer.
func postInterview() []string {
	in := labelledInterview()
	return append(in[:len(in)-1],
		"Fischer: Was sagen die Fischer selbst zu den Plänen?",
		"Berg: Die meisten sind erleichtert, dass endlich etwas geschieht, auch wenn sie die Gebühren nicht mögen und lieber heute als morgen mit dem Bau beginnen würden.")
}

// A single post under a signed header ("Name says:", its date and time on
// the next line) after the interview is a thread, in a text dump as in
// any language; a speaker's label over its answer is not.
func TestSignedPost(t *testing.T) {
	for _, post := range [][]string{
		{"Comments", "1. Roscoe says:", "August 15, 2020 at 1:49 pm", "It seems like there should be a simple fix to this, and nobody has tried it yet. The council could ask the state for the money today, and the skippers would gladly pay a fee for the repairs if it kept the quay open through the winter storms."},
		{"Alle Kommentare", "1. B.A. sagt:", "16.03.2016 um 18:40 Uhr", "Ich finde, der Hafen hätte schon vor zehn Jahren neue Mauern gebraucht. Die Stadt hat das Geld lieber für andere Dinge ausgegeben, und jetzt zahlen die Fischer die Rechnung dafür, mit höheren Gebühren und einem Kai, der jeden Winter ein Stück kleiner wird."},
		{"Commentaires", "Marie écrit :", "3 mars 2021 à 16:15", "Merci pour cet entretien, j'ai grandi près de ce port. Les murs promis depuis vingt ans n'ont jamais été construits, et chaque tempête emporte un morceau du quai ; j'espère que cette fois la région tiendra parole et que les travaux commenceront enfin."},
	} {
		lines := append(postInterview(), post...)
		bs := page(lines...)
		marks := Clean(bs, Context{TitleBlock: 0})
		for _, s := range post {
			if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Comments {
				t.Errorf("post line %q: %+v", s, m)
			}
		}
		for _, s := range postInterview()[1:] {
			if m := roleOf(t, bs, marks, s); m.Role != Content {
				t.Errorf("interview line %q: %+v", s, m)
			}
		}
		off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"comment-thread": true}})
		if m := roleOf(t, bs, off, post[3]); m.Reason == Comments {
			t.Errorf("comment-thread off, the post still goes: %+v", m)
		}
	}
	// A label over its answer, then a dated line: no post.
	lines := append(postInterview(), "Berg:", "Das bleibt abzuwarten, aber wir haben gute Gründe, optimistisch zu sein, und die Prüfer sehen es genauso.")
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	if m := roleOf(t, bs, marks, "Berg:"); m.Reason == Comments {
		t.Errorf("speaker label taken for a post: %+v", m)
	}
}

// In a text dump the footer step may take the later posts of a thread
// before comment-thread runs: the thread is still seen (its headers and
// posts are on the page), and its opening lines and first post go too,
// in English as in Spanish.
func TestCommentThreadAfterTextFooter(t *testing.T) {
	for _, thread := range [][]string{
		{"See every story from the coast.", "Will the walls hold?", "Post a comment", "Newest first",
			"Showing messages 1 through 3 of 3.", "Not convinced", "2021-03-04 10:12:00 harbourfan [Reply | View]",
			"The walls will not hold a single winter, mark my words and come back in March when the first storm has done its work. I have lived by this quay for forty years and seen three councils promise the same thing, and every time the money went somewhere else before the stones arrived.",
			"Re: Not convinced", "2021-03-05 08:01:33 skipper [Reply | View]", "They held in the last storm",
			"Great read", "2021-03-06 19:45:10 anna [Reply | View]", "Thanks for this"},
		{"Todas las entrevistas del puerto", "¿Aguantarán los muros?", "Escribir un comentario", "Primero los nuevos",
			"Mensajes 1 a 3 de 3", "No me convence", "04.03.2021 10:12 pescador [Responder]",
			"Los muros no aguantarán ni un invierno, ya lo verán en marzo cuando llegue la primera tormenta. Vivo junto a este muelle desde hace cuarenta años y he visto a tres ayuntamientos prometer lo mismo, y cada vez el dinero se fue a otra parte antes de que llegaran las piedras.",
			"Re: No me convence", "05.03.2021 08:01 patrón [Responder]", "Aguantaron la última tormenta",
			"Buen artículo", "06.03.2021 19:45 ana [Responder]", "Gracias por esto"},
	} {
		lines := append(postInterview(), thread...)
		bs := page(lines...)
		marks := Clean(bs, Context{TitleBlock: 0})
		for _, s := range thread {
			if m := roleOf(t, bs, marks, s); m.Role != Removed {
				t.Errorf("thread line %q kept: %+v", s, m)
			}
		}
		off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"comment-thread": true}})
		for _, s := range thread[:5] {
			if m := roleOf(t, bs, off, s); m.Role == Removed {
				t.Errorf("comment-thread off, %q removed: %+v", s, m)
			}
		}
		for _, s := range postInterview()[1:] {
			if m := roleOf(t, bs, marks, s); m.Role != Content {
				t.Errorf("interview line %q: %+v", s, m)
			}
		}
	}
}

// A line opened by a kicker phrase in any case and a colon over a
// headline is a link to another story; a speaker's answer after a label,
// or a kicker phrase over a sentence, is not.
func TestTeaserLines(t *testing.T) {
	teasers := []string{"Also read: The ferry that never came back", "Auch interessant: Der Kai wird neu gebaut",
		"Vea también: Los pescadores votan la nueva tasa"}
	keep := []string{"Lea también: el informe dice que el muro aguantará diez años más.", "Video: Hamburg"}
	in := postInterview()
	lines := append(append(append([]string{}, in[:3]...), teasers...), in[3:]...)
	lines = append(lines[:len(lines)-1], append(keep, lines[len(lines)-1])...)
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range teasers {
		if m := roleOf(t, bs, marks, s); m.Rule != "teaser-lines" || m.Reason != Teaser {
			t.Errorf("teaser %q: %+v", s, m)
		}
	}
	for _, s := range keep {
		if m := roleOf(t, bs, marks, s); m.Rule == "teaser-lines" {
			t.Errorf("%q taken for a teaser: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"teaser-lines": true}})
	if m := roleOf(t, bs, off, teasers[0]); m.Rule == "teaser-lines" {
		t.Errorf("teaser-lines off, still removed: %+v", m)
	}
}

// A line that only names a list of other stories, after the interview,
// opens the page's links: it and what follows go, in German as in English
// or Russian; the same heading with a speaker's turn after it does not.
func TestRelatedTail(t *testing.T) {
	byRule := 0
	for _, h := range []string{"Ähnliche Beiträge", "Related posts:", "Похожие статьи"} {
		tail := []string{h, "Der Leuchtturm bekommt einen neuen Wärter", "Warum die Fähre wieder fährt?", "Drei Tage auf der Hallig"}
		lines := append(postInterview(), tail...)
		bs := page(lines...)
		marks := Clean(bs, Context{TitleBlock: 0})
		for _, s := range tail {
			if m := roleOf(t, bs, marks, s); m.Role != Removed {
				t.Errorf("%q kept after %q: %+v", s, h, m)
			}
		}
		if m := roleOf(t, bs, marks, h); m.Rule == "related-tail" {
			byRule++
		}
		for _, s := range postInterview()[1:] {
			if m := roleOf(t, bs, marks, s); m.Role != Content {
				t.Errorf("interview line %q: %+v", s, m)
			}
		}
		off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"related-tail": true}})
		if m := roleOf(t, bs, off, h); m.Rule == "related-tail" {
			t.Errorf("related-tail off, %q still removed by it", h)
		}
	}
	// The footer step may take a German list of short lines first; the
	// others are this rule's.
	if byRule < 2 {
		t.Errorf("related-tail took %d of 3 headings", byRule)
	}
	// Teasers opened by a kicker and a colon are no turn: no speaker
	// before the heading used that label.
	kicked := []string{"Ähnliche Beiträge",
		"Mode: Die neuen Mäntel des Winters", "Aus alten Segeln nähen zwei Schneiderinnen am Hafen Mäntel, die jeden Sturm aushalten, und die Kundschaft wartet inzwischen ein halbes Jahr auf einen davon.",
		"Reise: Drei Tage auf der Hallig", "Wer im Herbst auf die Hallig fährt, erlebt Landunter, hört nachts nur den Wind und lernt, warum die Leute dort ihre Häuser auf Warften bauen.",
		"Küche: Fisch vom Kai", "Ein Koch zeigt, wie man den Fang des Tages am besten zubereitet, ohne viel Aufwand und mit dem, was der Markt am Morgen hergibt."}
	bs := page(append(postInterview(), kicked...)...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range kicked {
		if m := roleOf(t, bs, marks, s); m.Role != Removed {
			t.Errorf("%q kept after a related heading: %+v", s, m)
		}
	}
	turn := append(postInterview(), "Ähnliche Beiträge", "Fischer: Und was sagen die Fischer zum neuen Kai, der im Frühjahr fertig wird?",
		"Berg: Sie sind froh, dass er endlich kommt, und viele wollen beim Bau mithelfen, weil sie die Arbeit kennen.")
	bs = page(turn...)
	marks = Clean(bs, Context{TitleBlock: 0})
	if m := roleOf(t, bs, marks, "Ähnliche Beiträge"); m.Rule == "related-tail" {
		t.Errorf("heading over a speaker's turn taken for a list: %+v", m)
	}
}

// A text dump prints a post's header as list items, a line each (reply
// button, author, date); and a thread longer than the article under it is
// still the article's comments when the article is long.
func TestCommentThreadHeaderLines(t *testing.T) {
	lines := []string{"Talking to the harbour master"}
	for k := 0; k < 6; k++ {
		lines = append(lines, "Why did the plan surprise you?", longA, "What comes next for the harbour?", longB, "Who pays for the new walls?", longC)
	}
	article := len(lines)
	post := "I grew up by that quay and I remember the winter when the old wall broke. " +
		"My father lost two boats that night, and nobody from the council came for a week. " +
		"If the new walls hold, it will be the first good news from the harbour in my lifetime, and I will believe it when I see the ships come back in April."
	for _, who := range []string{"Anna Berg", "Tom Weller", "Marie Lenoir", "Jon Okafor", "Eva Stein", "Paul Ruiz", "Ida Hahn", "Leo Marsh", "Nina Holt", "Ben Lund"} {
		lines = append(lines, "• Reply\n• "+who+"\n• 8 April 2019 @ 11:38", post+" ("+who+")")
	}
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range []string{"Reply", "Anna Berg", post + " (Anna Berg)", post + " (Ben Lund)"} {
		if m := roleOf(t, bs, marks, s); m.Role != Removed {
			t.Errorf("thread line %q kept: %+v", s, m)
		}
	}
	for _, s := range lines[1:article] {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("article line %q: %+v", s[:min(len(s), 40)], m)
		}
	}
}

// In HTML too a related heading inside the article, here one that asks
// ("Schon gelesen?" kind), opens the site's links after the text; and a
// kicker line whose headline is a link points to another story.
func TestRelatedTailHTML(t *testing.T) {
	paras := []string{
		"The harbour of the small town was rebuilt over three summers, and the fishermen who had left for the cities came back one by one.",
		"Work began with the breakwater, a long wall of grey stone that takes the force out of the autumn storms before they reach the boats.",
		"Next came the slipway, so that the boats can be hauled out of the water before the ice closes the bay in the first weeks of January.",
		"The region paid half of the cost, the state a third, and the town found the rest from the fees it has raised since the spring.",
		"Nobody likes the fees, but every skipper on the quay would rather pay them than move away to a larger port down the coast.",
		"When the cranes returned last month, the whole town came down to the water to watch the first ship tie up at the new quay.",
	}
	// The box's summaries outweigh the article: inside its container
	// nothing else marks where the article ends.
	summaries := ""
	for _, p := range paras {
		summaries += "<p>" + strings.ToUpper(p[:1]) + strings.ReplaceAll(p[1:], "the", "a") + " So it was told.</p>"
	}
	var text strings.Builder
	for k, p := range paras {
		text.WriteString("<p>" + p + "</p>\n")
		if k == 2 {
			text.WriteString(`<p>Lea también: <a href="/x">Los faros del norte vuelven a brillar</a> tras una década de oscuridad en la costa</p>` + "\n")
		}
	}
	page := `<html><head><title>The quay</title></head><body><article><h1>The quay</h1>` + text.String() +
		`<p>Already read?</p><p>Three lighthouse keepers retire together</p><p>A ferry for the islands</p>` + summaries + `</article></body></html>`
	bs, marks := htmlMarks(t, []byte(page))
	for _, s := range []string{"Already read?", "Three lighthouse keepers retire together", "A ferry for the islands"} {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Rule != "related-tail" {
			t.Errorf("%q: %+v", s, m)
		}
	}
	if m := roleOf(t, bs, marks, "Lea también: Los faros del norte vuelven a brillar tras una década de oscuridad en la costa"); m.Role != Removed || m.Rule != "teaser-lines" {
		t.Errorf("linked teaser line: %+v", m)
	}
	if m := roleOf(t, bs, marks, paras[5]); m.Role != Content {
		t.Errorf("text: %+v", m)
	}
}

// Every reply button the pattern knows passes the key pre-check, in any
// case: the pre-check never hides a match.
func TestReplyWordsCoverPattern(t *testing.T) {
	for _, w := range replyWords {
		r, n := utf8.DecodeRuneInString(w)
		for _, text := range []string{w, string(unicode.ToUpper(r)) + w[n:], "[" + strings.ToUpper(w) + "]"} {
			if !replyRe.MatchString(text) {
				t.Errorf("%q does not match replyRe", text)
			}
			if !strings.Contains(Key(text), w) {
				t.Errorf("the key of %q lacks %q", text, w)
			}
		}
	}
}

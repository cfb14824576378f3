package qanda

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The founding page as its site serves it keeps the question list in four
// hidden pop-ups that "can be found here" links open; it gives the same
// four exchanges as the text dump, which shows what a browser reveals.
func TestHiddenPopupQuestions(t *testing.T) {
	html := extractFile(t, filepath.Join(testdataDir, "insider-hajizada.html"))
	text := extractFile(t, filepath.Join(testdataDir, "insider-hajizada.txt"))
	if len(html.Exchanges) != 4 || len(text.Exchanges) != 4 {
		t.Fatalf("%d exchanges from the HTML, %d from the text dump, want 4 each", len(html.Exchanges), len(text.Exchanges))
	}
	for i := range html.Exchanges {
		h, x := html.Exchanges[i], text.Exchanges[i]
		if h.Question.Text != x.Question.Text || !reflect.DeepEqual(h.Topic, x.Topic) || !reflect.DeepEqual(h.Answer.Paragraphs, x.Answer.Paragraphs) {
			t.Errorf("exchange %d differs:\nhtml %q %q\ntext %q %q", i+1, h.Question.Text, h.Answer.Paragraphs, x.Question.Text, x.Answer.Paragraphs)
		}
	}
	if !strings.HasPrefix(html.Exchanges[2].Question.Text, "What is the status of the humanitarian corridor") {
		t.Errorf("question 3 = %.60q", html.Exchanges[2].Question.Text)
	}
	// The hidden cookie dialog and menu that links also open stay chrome.
	for _, s := range append(html.Intro, html.Outro...) {
		if strings.Contains(s, "cookies") || s == "Reports" {
			t.Errorf("hidden chrome in the text: %q", s)
		}
	}
}

// The capability on a page built in test code: a hidden box that a
// visible link opens is content; a hidden box no link opens, and a hidden
// menu or cookie dialog a link opens, are chrome.
func TestHiddenBoxOpenedByLink(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Keeper</title></head><body>
<nav id="menu" hidden><ul><li><a href="/">Home page link</a></li></ul></nav><a href="#menu">Menu</a>
<article><h1>Talking to the lighthouse keeper</h1>
<p>For twenty-two years she has kept the light on the northern cape. We asked her three questions, listed <a href="#qs">here</a>.</p>
<div id="qs" style="display:none"><p>Question 1</p><p>How long have you kept the light on the cape?</p>
<p>Question 2</p><p>What do you do on the night of a storm?</p><p>Question 3</p><p>Will you retire soon, or stay?</p></div>
<div class="note" hidden><p>Internal note for editors only, never shown.</p></div>
<p>On her years at the light</p>
<p>Twenty-two years, since the old keeper retired and handed me the keys and his logbooks.</p>
<p>On storms</p>
<p>I stay awake all night, watch the lamp and listen to the radio for ships in trouble.</p>
<p>On retiring</p>
<p>Not while my knees still carry me up the hundred and twelve steps every evening.</p>
</article>
<div class="cookie-consent" id="cc" aria-hidden="true"><p>We use cookies on this site.</p></div><a href="#cc">Cookie settings</a>
</body></html>`
	doc := extractString(t, "keeper.html", page)
	content := strings.Join(doc.Intro, "\n") + strings.Join(doc.Outro, "\n")
	for _, e := range doc.Exchanges {
		content += "\n" + e.Question.Text + "\n" + e.Answer.Text
	}
	for _, want := range []string{"How long have you kept the light on the cape?", "What do you do on the night of a storm?"} {
		if !strings.Contains(content, want) {
			t.Errorf("the opened box's %q is missing", want)
		}
	}
	for _, not := range []string{"Internal note for editors", "We use cookies", "Home page link"} {
		if strings.Contains(content, not) {
			t.Errorf("hidden chrome %q in the text", not)
		}
	}
}

package qanda

import (
	"fmt"
	"github.com/qanda/qanda/pkg/render"
	"strings"
	"testing"
)

// A page whose wrapper carries chrome markup (a <nav> around everything)
// still gives its article, with a warning, instead of an empty document.
func TestChromeWrapperNeverEmptiesThePage(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head><title>Talk</title></head><body><nav><ul><li><a href=/>Home</a></li></ul><main>")
	turns := [][2]string{
		{"What drew you to rivers?", "I grew up on a farm beside one, and every spring it flooded the lower field, so my father taught me to read the water long before I could read a book."},
		{"Was there a teacher who mattered?", "Yes, a geography teacher who took us out in all weathers with a notebook and a tape measure; she made measuring feel like a kind of respect for the place."},
		{"How did the first expedition go?", "Badly, honestly. We lost two instruments in the first week, the boat leaked, and half the team caught a fever, but the data we saved became my thesis."},
		{"What do people get wrong about floods?", "They think of them as accidents. A flood is the river using land it has always owned; the accident is that we built our houses there and forgot."},
		{"Which result surprised you most?", "That the oldest maps were more accurate than the modern survey in one valley, because the surveyors of that century walked every bank on foot."},
		{"What comes next for you?", "A book for children, oddly enough, about how water finds its way downhill, with drawings by my daughter, who is far more patient with a pencil than I am."},
	}
	for _, turn := range turns {
		fmt.Fprintf(&b, "<p><b>%s</b></p><p>%s</p>", turn[0], turn[1])
	}
	b.WriteString("</main></nav></body></html>")
	doc := extractString(t, "wrapped.html", b.String())
	if len(doc.Exchanges) != 6 {
		t.Errorf("%d exchanges, want 6; warnings %v", len(doc.Exchanges), doc.Warnings)
	}
	if !hasWarning(doc, render.WarnChromeHints) {
		t.Errorf("no warning about the fallback: %v", doc.Warnings)
	}
	// A page whose chrome leaves a short article is left as it is.
	short := "<html><body><nav>" + strings.Repeat("<p><a href=/x>A link among many in the menu of the site</a></p>", 60) +
		"</nav><article><p>A short article of a few sentences stands here. It says what it has to say in well over twenty-five words, and nothing more, so it is kept as the page's text.</p></article></body></html>"
	doc = extractString(t, "short.html", short)
	if hasWarning(doc, render.WarnChromeHints) {
		t.Errorf("fallback fired on a page whose short article survived: %v", doc.Warnings)
	}
}

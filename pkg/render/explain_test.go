package render

import (
	"bytes"
	"strings"
	"testing"
)

// samplePage is the page text of sampleDoc as the caller would pass it: one
// block per line, chrome and echoes included.
const samplePage = `Menu
Ethnic Armenians face no threat, says "Baku" & co
In Nagorno-Karabakh, hostilities with Azerbaijan resumed.
Question 1
Question 1
A damaged apartment building in Stepanakert
Siranush Sargsyan / PAN Photo via REUTERS
# Not a heading, just a hash sign.

On guarantees <for> civilians in Karabakh
Question 1
My first question concerns Azerbaijan's plan for the civilian population?
“For the last three years,   nothing happened.”
1. Not a list item, a sentence.
Some *stars* and snake_case_words, [brackets] and ` + "`ticks`" + `.
Question 1
And what about *you*, the two of you?
- A dash at the start.
AT&T &amp; friends > 2 <b>not bold</b>
Subscribe to our newsletter for the best of The Insider every morning, straight to your inbox, no spam, unsubscribe any time.
Interview by The Insider, translated from Russian.
`

func TestExplainPlain(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return Explain(b, sampleDoc(), samplePage, ExplainOptions{}) })
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape codes without Color:\n%q", out)
	}
	for _, want := range []string{
		"explain: insider-hajizada.txt\n",
		"blocks in 20 = kept 16 + removed 4\n",
		"  boilerplate: 1\n  repeated-run: 3\n", // sorted by reason
		"[repeated-run] x3 (duplicate of b27) Question 1\n",
		"[boilerplate] x1 Subscribe to our newsletter",
		"- Menu\n",
		"- Question 1\n",
		"- Subscribe to our newsletter for the best of The Insider every morning, straight to your inbox, no spam, unsubscribe any time.\n",
		"m A damaged apartment building in Stepanakert\n",
		"m Siranush Sargsyan / PAN Photo via REUTERS\n",
		"  My first question concerns Azerbaijan's plan for the civilian population?\n",
		"  “For the last three years, nothing happened.”\n", // white space normalised on both sides
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\n+ ") {
		t.Errorf("clean text has lines the page lacks:\n%s", out)
	}
	if strings.Contains(out, "does not balance") {
		t.Errorf("balanced ledger reported as unbalanced:\n%s", out)
	}
	// The removed list truncates long texts to 100 runes.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "[boilerplate]") {
			text := strings.TrimPrefix(line, "[boilerplate] x1 ")
			if n := len([]rune(text)); n != 100 || !strings.HasSuffix(text, "…") {
				t.Errorf("removed text not truncated to 100 runes with …: %d runes %q", n, text)
			}
		}
	}
}

func TestExplainColor(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error {
		return Explain(b, sampleDoc(), samplePage+"Only on the page\n", ExplainOptions{Color: true})
	})
	for _, want := range []string{ansiRed + "- Menu" + ansiReset, ansiDim + "[repeated-run] x3 (duplicate of b27)" + ansiReset + " Question 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("colour output lacks %q:\n%q", want, out)
		}
	}
}

func TestExplainAddedAndUnbalanced(t *testing.T) {
	d := sampleDoc()
	d.Stats.BlocksIn = 21
	page := strings.Replace(samplePage, "Interview by The Insider, translated from Russian.\n", "", 1)
	out := render(t, func(b *bytes.Buffer) error { return Explain(b, d, page, ExplainOptions{Color: true}) })
	if !strings.Contains(out, ansiGreen+"+ Interview by The Insider, translated from Russian."+ansiReset) {
		t.Errorf("line missing from the page not shown as added:\n%s", out)
	}
	if !strings.Contains(out, "ledger does not balance: 1 blocks unaccounted for") {
		t.Errorf("unbalanced ledger not reported:\n%s", out)
	}
}

func TestExplainNoPage(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return Explain(b, sampleDoc(), "", ExplainOptions{}) })
	if !strings.Contains(out, "no page text given") || strings.Contains(out, "\n- ") {
		t.Errorf("explain without page text:\n%s", out)
	}
}

func TestCleanText(t *testing.T) {
	got := CleanText(sampleDoc())
	want := `Ethnic Armenians face no threat, says "Baku" & co
In Nagorno-Karabakh, hostilities with Azerbaijan resumed.
# Not a heading, just a hash sign.
On guarantees <for> civilians in Karabakh
Question 1
My first question concerns Azerbaijan's plan for the civilian population?
“For the last three years, nothing happened.”
1. Not a list item, a sentence.
Some *stars* and snake_case_words, [brackets] and ` + "`ticks`" + `.
And what about *you*, the two of you?
- A dash at the start.
AT&T &amp; friends > 2 <b>not bold</b>
Interview by The Insider, translated from Russian.
`
	if got != want {
		t.Errorf("CleanText differs (- want, + got):\n%s", readableDiff(want, got))
	}
	if CleanText(nil) != "" {
		t.Error("CleanText(nil) is not empty")
	}
}

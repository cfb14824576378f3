package qanda

import (
	"strings"
	"testing"
)

// A standfirst set in the article's header, outside the container of the
// text, is kept as the intro; set in italic like the run-in questions
// below it, it still opens no exchange.
func TestStandfirstIsIntro(t *testing.T) {
	answer := "We built the first boats from what the river brought down, and the town laughed at us for years before the regatta. Our father had been a carpenter, and he thought boats were a waste of good timber, so we learnt from an old fisherman who lived by the weir."
	page := `<html><head><title>The boat builders</title></head><body>` +
		`<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>` +
		`<div class="article-intro"><h1>The boat builders</h1>` +
		`<div class="intro-text"><p>Two sisters have built wooden boats on the river for forty years.</p>` +
		`<p><em>They say the river decides what a boat becomes, not the builder.</em></p>` +
		`<p>A visit to the yard, between sawdust and tar, in the last week of the season.</p></div>` +
		`<p class="byline">Interview: Tom Weller</p></div>` +
		`<section class="body"><div class="col">` +
		`<p><em>How did it start?<br></em>` + answer + `</p>` +
		`<p><em>What wood do you use?<br></em>Larch for the hull, oak for the frames, and whatever the storms leave on the bank in winter. The oak comes from a forest upstream, where a farmer fells two trees for us every autumn, and we pay him in repairs to his own old punt.</p>` +
		`<p><em>Will anyone carry on the yard?<br></em>Our nephew has started to come on Saturdays, and he already planes better than we do. He is fifteen, he wants to study engineering, and we tell him that a boat is the best engineering there is, because the water forgives nothing.</p>` +
		`<p><em>What is the hardest part?<br></em>Waiting for the wood to dry, which takes two winters at least, and nobody can hurry it. Customers ask for a boat by the summer, and we show them the stack of planks under the roof and ask them to come back when those are ready.</p>` +
		`</div></section>` +
		`<footer><p>Contact the editors. All rights reserved.</p></footer></body></html>`
	d := extractString(t, "boats.html", page)
	intro := strings.Join(d.Intro, "\n")
	for _, want := range []string{"Two sisters have built", "They say the river decides", "A visit to the yard"} {
		if !strings.Contains(intro, want) {
			t.Errorf("intro lacks %q: %q", want, intro)
		}
	}
	if len(d.Exchanges) != 4 {
		t.Fatalf("%d exchanges, want 4: %+v", len(d.Exchanges), d.Exchanges)
	}
	if q := d.Exchanges[0].Question.Text; q != "How did it start?" {
		t.Errorf("first question %q", q)
	}
	if a := d.Exchanges[0].Answer.Text; a != answer {
		t.Errorf("first answer %q", a)
	}
	for _, e := range d.Exchanges {
		if strings.Contains(e.Question.Text+e.Answer.Text, "river decides") {
			t.Errorf("the standfirst is in an exchange: %q", e.Question.Text)
		}
	}
}

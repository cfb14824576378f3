package qanda

import (
	"path/filepath"
	"strings"
	"testing"
)

// swallowPage is an interview page with bold questions; {{head}} and
// {{body}} take a broken element.
const swallowPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
{{head}}
<link rel="stylesheet" href="/site.css">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
{{body}}
<article>
<h1>Talking to the lighthouse keeper</h1>
<p>For twenty-two years she has kept the light on the northern cape. We visited her on a windy afternoon in October.</p>
<p><b>How long have you kept the light?</b></p>
<p>Twenty-two years, since the old keeper retired and handed me the keys and his logbooks.</p>
<p><b>What do you do in a storm?</b></p>
<p>I stay awake all night, watch the lamp and listen to the radio for ships in trouble.</p>
<p><b>Will you retire soon?</b></p>
<p>Not while my knees still carry me up the hundred and twelve steps every evening.</p>
</article>
<footer><p>Copyright 2024 The Cape Gazette</p></footer>
</body></html>`

// A page swallowed by an unclosed raw-text element or comment still gives
// its exchanges, and says in its warnings what was repaired.
func TestSwallowedPageGivesPairs(t *testing.T) {
	cases := []struct{ name, head, body string }{
		{"title", "<title>Talking to the lighthouse keeper", ""},
		{"textarea", "", `<div class="search"><textarea name="q">Search`},
		{"xmp", "", "<xmp>sample"},
		{"noscript", "", `<noscript><img src="/pixel.gif" alt="">`},
		{"style", "<style>body { color: black }", ""},
		{"script", `<script src="/ads.js">`, ""},
		{"comment", "", "<!-- begin article ->"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := strings.NewReplacer("{{head}}", c.head, "{{body}}", c.body).Replace(swallowPage)
			doc := extractString(t, c.name+".html", page)
			want := []string{"How long have you kept the light?", "What do you do in a storm?", "Will you retire soon?"}
			if len(doc.Exchanges) != len(want) {
				t.Fatalf("%d exchanges, want %d", len(doc.Exchanges), len(want))
			}
			for i, q := range want {
				if doc.Exchanges[i].Question.Text != q {
					t.Errorf("question %d = %q, want %q", i+1, doc.Exchanges[i].Question.Text, q)
				}
			}
			if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0].Message, "unclosed") {
				t.Errorf("warnings %q do not report the repair", doc.Warnings)
			}
		})
	}
}

// The bundled real page whose <title> is never closed: before the repair
// it gave no block at all.
func TestSwallowedRealPage(t *testing.T) {
	e := extractPath(t, filepath.Join(testdataDir, "corpus", "interviews", "l3s-digitalspy.html.gz"))
	if n := len(e.Doc.Exchanges); n != 10 {
		t.Errorf("%d exchanges, want 10", n)
	}
	if len(e.Doc.Warnings) == 0 || !strings.Contains(e.Doc.Warnings[0].Message, "<title>") {
		t.Errorf("warnings %q do not report the unclosed title", e.Doc.Warnings)
	}
	if !strings.Contains(e.Doc.Exchanges[0].Question.Text, "Celebrity Predictions") {
		t.Errorf("first question %q", e.Doc.Exchanges[0].Question.Text)
	}
}

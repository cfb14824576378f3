package blocks

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// repairPage is a small interview page; {{open}} is where the broken
// element goes, in the head or at the top of the body.
const repairPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
{{head}}
<link rel="stylesheet" href="/site.css">
</head>
<body>
{{body}}
<div class="article">
<h1>Talking to the lighthouse keeper</h1>
<p><b>How long have you kept the light?</b></p>
<p>Twenty-two years, since the old keeper retired and handed me the keys.</p>
<p><b>What do you do in a storm?</b></p>
<p>I stay awake, watch the lamp and listen to the radio for ships in trouble.</p>
<p><b>Will you retire soon?</b></p>
<p>Not while my knees still carry me up the hundred and twelve steps.</p>
</div>
</body></html>`

func brokenPage(head, body string) string {
	return strings.NewReplacer("{{head}}", head, "{{body}}", body).Replace(repairPage)
}

func pageBlocks(t *testing.T, page string) []Block {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return FromHTML(doc)
}

func hasBlock(bs []Block, text string) bool {
	for _, b := range bs {
		if b.Text == text {
			return true
		}
	}
	return false
}

// Each element an HTML5 parser reads as raw text swallows the article when
// left unclosed; the repair closes it and the article's blocks come back.
func TestRepairSwallowingElements(t *testing.T) {
	cases := []struct{ name, element, head, body string }{
		{"title", "title", "<title>Talking to the lighthouse keeper", ""},
		{"title-attr-junk", "title", `<title>News - Intww.example.org/search.xml" />`, ""},
		{"textarea", "textarea", "", `<form><textarea name="comment">Your comment`},
		{"xmp", "xmp", "", "<xmp>example code"},
		{"noscript", "noscript", "", `<noscript><img src="/pixel.gif" alt="">`},
		{"style", "style", "<style>body { color: black }", ""},
		{"script", "script", `<script src="/ads.js">`, ""},
		{"iframe", "iframe", "", `<iframe src="/player">`},
		{"comment", "comment", "", "<!-- begin article ->"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := brokenPage(c.head, c.body)
			if hasBlock(pageBlocks(t, page), "What do you do in a storm?") {
				t.Fatal("the fixture is not broken: the parser reads the article")
			}
			fixed, reps := RepairHTML([]byte(page))
			if len(reps) != 1 || reps[0].Element != c.element {
				t.Fatalf("repairs %+v, want one of %s", reps, c.element)
			}
			bs := pageBlocks(t, string(fixed))
			for _, want := range []string{"How long have you kept the light?", "What do you do in a storm?",
				"Not while my knees still carry me up the hundred and twelve steps."} {
				if !hasBlock(bs, want) {
					t.Errorf("block %q missing after repair", want)
				}
			}
			if !strings.Contains(reps[0].String(), "unclosed") {
				t.Errorf("warning %q does not say what was wrong", reps[0].String())
			}
		})
	}
}

// Raw text that legitimately holds tags is left alone: a script that writes
// markup, a closed noscript fallback, commented-out markup, a short
// unclosed element at the end of the page.
func TestRepairLeavesValidMarkup(t *testing.T) {
	cases := map[string]string{
		"script writing markup": brokenPage(`<script>document.write('<div class="ad"><p>a</p><p>b</p><p>c</p></div>');</script>`, ""),
		"closed noscript":       brokenPage("", `<noscript><div><p>Please enable JavaScript.</p><p>Or <a href="/lite">read the lite page</a>.</p></div></noscript>`),
		"commented-out markup":  brokenPage("", `<!-- <div class="old"><p>one</p><p>two</p><p>three</p></div> -->`),
		"style with selectors":  brokenPage(`<style>div > p { margin: 0 } a[href] { color: red }</style>`, ""),
		"unclosed at the end":   brokenPage("", "") + "<script>var late = 1;",
		"unclosed comment tail": brokenPage("", "") + "<!-- served by cache 7",
		"valid page":            brokenPage("<title>Keeper</title>", ""),
	}
	for name, page := range cases {
		t.Run(name, func(t *testing.T) {
			fixed, reps := RepairHTML([]byte(page))
			if len(reps) != 0 || !bytes.Equal(fixed, []byte(page)) {
				t.Errorf("repaired a valid page: %+v", reps)
			}
		})
	}
}

// A script left open swallows the page up to the next script's end tag; it
// is closed where the page's markup starts a line, not inside its code.
func TestRepairScriptClosesAtLineStart(t *testing.T) {
	page := brokenPage(`<script>var s = '<b>' + name + '</b>';`, "") + "<script>track();</script>"
	fixed, reps := RepairHTML([]byte(page))
	if len(reps) != 1 {
		t.Fatalf("repairs %+v, want one", reps)
	}
	if !strings.Contains(string(fixed), "'</b>';\n</script><link") {
		t.Errorf("script closed at the wrong place:\n%s", fixed[:200])
	}
	if !hasBlock(pageBlocks(t, string(fixed)), "What do you do in a storm?") {
		t.Error("article still swallowed")
	}
}

// Two broken elements are both repaired, and offsets refer to the input.
func TestRepairSeveral(t *testing.T) {
	page := brokenPage("<title>Keeper", "<!-- top ->")
	fixed, reps := RepairHTML([]byte(page))
	if len(reps) != 2 {
		t.Fatalf("repairs %+v, want two", reps)
	}
	for _, r := range reps {
		if !strings.HasPrefix(page[r.Offset:], "<") {
			t.Errorf("offset %d of %s does not point at its tag", r.Offset, r.Element)
		}
	}
	if !hasBlock(pageBlocks(t, string(fixed)), "Will you retire soon?") {
		t.Error("article still swallowed")
	}
}

func FuzzRepairHTML(f *testing.F) {
	for _, s := range []string{
		"", "<title>x", "<title>x\n</head><body><p>a</p>", "<!-- a -> <p>x</p><div>y</div><li>z",
		"<script>a</head>", "<textarea>a<p>b<p>c<p>d", "<style/>x</body>", "<xmp><title>",
		brokenPage("<title>Keeper", "<noscript><p>x"),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, reps := RepairHTML(in)
		if len(reps) > maxRepairs {
			t.Fatalf("%d repairs, more than %d", len(reps), maxRepairs)
		}
		if len(reps) == 0 && !bytes.Equal(in, out) {
			t.Fatal("changed input without a repair")
		}
		// Only closers are inserted: taking them out gives the input back.
		rest := out
		for _, c := range in {
			i := bytes.IndexByte(rest, c)
			if i < 0 {
				t.Fatal("input bytes lost or reordered")
			}
			rest = rest[i+1:]
		}
		for _, r := range reps {
			if r.Offset < 0 || r.Offset >= len(in) || r.Swallow < 0 {
				t.Fatalf("bad repair %+v for %d bytes", r, len(in))
			}
		}
	})
}

// FuzzMayNeedRepair: the quick scan never says "nothing to repair" where
// the tokenizer finds a swallowing element.
func FuzzMayNeedRepair(f *testing.F) {
	for _, s := range []string{
		brokenPage("<title>Keeper", ""), brokenPage("", "<textarea>"), brokenPage("<script>x", ""),
		brokenPage("", "<!-- top ->"), brokenPage("<title>Keeper</title>", ""),
		brokenPage(`<script src="a.js" data-x='>'>`, ""), `<a title="<title>">x</a><p>y</p>`,
		brokenPage("<noscript>", ""), brokenPage("<xmp>", ""), brokenPage("<style>", ""),
		`<scriptx>` + brokenPage("", ""), brokenPage("", "<iframe>") + "<script><!-- <script> --></script>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if r, _, _, ok := findSwallow(b); ok && !mayNeedRepair(b) {
			t.Errorf("the scan missed %+v in %q", r, b)
		}
	})
}

package blocks

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func parseHTML(t testing.TB, s string) []Block {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return FromHTML(doc)
}

// brief renders blocks as "kind:text" (with the heading level, and the
// chrome hint in brackets) for compact comparisons.
func brief(bs []Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		s := string(b.Kind)
		if b.Level > 0 {
			s += fmt.Sprint(b.Level)
		}
		if b.Chrome != "" {
			s += "[" + b.Chrome + "]"
		}
		out[i] = s + ":" + b.Text
	}
	return out
}

func TestFromHTMLStructure(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
	}{
		{"kinds and levels",
			`<h1>Title</h1><p>Hello <b>world</b></p><h3>Sub</h3><ul><li>One</li><li>Two <ul><li>Nested</li></ul></li></ul>`,
			[]string{"heading1:Title", "paragraph:Hello world", "heading3:Sub", "list-item:One", "list-item:Two", "list-item:Nested"}},
		{"skipped elements",
			`<head><title>T</title><style>p{}</style></head><body><script>var a="x"</script><noscript>Enable JS</noscript>
			<template><p>tpl</p></template><svg><text>svg text</text></svg><iframe>frame</iframe><object>obj</object>
			<form><input value="in"><select><option>Opt</option></select><textarea>Area</textarea><button>Go</button></form>
			<!-- a comment --><p>Kept</p></body>`,
			[]string{"paragraph:Kept"}},
		{"whitespace collapsed, entities decoded",
			"<p>  A&nbsp;&amp;\n\t B  &lt;c&gt; </p><p> \u00a0 </p>",
			[]string{"paragraph:A & B <c>"}},
		{"single br is a space",
			`<p>line one<br>line two</p>`,
			[]string{"paragraph:line one line two"}},
		{"div text split at double br",
			`<div>First paragraph,<br>still first.<br><br>Second paragraph.<br> &nbsp; <br/>Third.<br><br><br>Fourth.</div>`,
			[]string{"paragraph:First paragraph, still first.", "paragraph:Second paragraph.", "paragraph:Third.", "paragraph:Fourth."}},
		{"anonymous text around child blocks",
			`<div>Before <a href="#">link</a><p>Inside</p>After<div>Deeper</div>End</div>`,
			[]string{"paragraph:Before link", "paragraph:Inside", "paragraph:After", "paragraph:Deeper", "paragraph:End"}},
		{"bold line ends the block at a single br",
			`<p><strong>Is this a question?<br></strong>This is the answer.</p><p>Answer first<br><b>Bold next?</b><br>more answer</p>`,
			[]string{"paragraph:Is this a question?", "paragraph:This is the answer.", "paragraph:Answer first", "paragraph:Bold next?", "paragraph:more answer"}},
		{"bold lines stay together",
			`<p><b>Two bold<br>lines</b></p>`,
			[]string{"paragraph:Two bold lines"}},
		{"nested blockquote",
			`<blockquote><p>One</p><p>Two</p><blockquote><p>Inner</p></blockquote>Tail</blockquote>`,
			[]string{"quote:One", "quote:Two", "quote:Inner", "quote:Tail"}},
		{"captions and credits",
			`<figure><img src="a.jpg"><figcaption>A view of the city. <span class="photo-credit">Photo: Jane Doe</span></figcaption></figure>
			<div class="wp-caption"><p class="wp-caption-text">Caption by class</p></div><p class="copyright">© 2024 Someone</p>
			<table><caption>Table caption</caption><tr><td>x</td></tr></table>`,
			[]string{"caption:A view of the city.", "credit:Photo: Jane Doe", "caption:Caption by class", "credit:© 2024 Someone", "caption:Table caption", "cell:x"}},
		{"pre, cells, definition lists",
			`<pre>code  here</pre><table><tr><th>H</th><td>D <p>para in cell</p></td></tr></table><dl><dt>Term</dt><dd>Def</dd></dl>`,
			[]string{"pre:code here", "cell:H", "cell:D", "paragraph:para in cell", "paragraph:Term", "paragraph:Def"}},
		{"paragraph in list item",
			`<ol><li><p>Item paragraph</p><div>Item div</div><div><p>Deeper paragraph</p>Deeper text</div></li></ol>`,
			[]string{"list-item:Item paragraph", "list-item:Item div", "paragraph:Deeper paragraph", "list-item:Deeper text"}},
		{"inline elements do not start blocks",
			`<p><a>a</a> <b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <span>sp</span> <font>f</font> <u>u</u> x<sup>2</sup> <small>sm</small> <mark>m</mark> <q>q</q> <cite>c</cite> <abbr>ab</abbr> <time>t</time> <label>l</label></p>`,
			[]string{"paragraph:a b s i e sp f u x2 sm m q c ab t l"}},
		{"page and article classes do not make captions",
			`<body class="f_caption_muted_videos_on"><article class="has-credits"><p>Text</p><div>Loose</div></article></body>`,
			[]string{"paragraph:Text", "paragraph:Loose"}},
		{"role heading",
			`<div role="heading" aria-level="3">Role heading</div>`,
			[]string{"heading3:Role heading"}},
		{"empty blocks skipped",
			`<p></p><p> </p><div><br><br></div><p>x</p>`,
			[]string{"paragraph:x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := brief(parseHTML(t, tt.html))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFromHTMLShares(t *testing.T) {
	tests := []struct {
		name                   string
		html                   string
		emphasis, italic, link float64
	}{
		{"bold label", `<p><b>Q:</b> What now?</p>`, 2.0 / 10, 0, 0},
		{"all strong", `<p><strong>Whole question?</strong></p>`, 1, 0, 0},
		{"bold by style", `<p><span style="font-weight: 700">Bold</span>text</p>`, 0.5, 0, 0},
		{"bold by style keyword", `<p><span style="FONT-WEIGHT:bold !important">Bold</span>text</p>`, 0.5, 0, 0},
		{"bold by class", `<p><span class="font-bold">Bold</span>text</p>`, 0.5, 0, 0},
		{"italic", `<p><em>abcd</em><i>ef</i>ghij</p>`, 0, 0.6, 0},
		{"link", `<p><a href="#">link</a> text</p>`, 0, 0, 0.5},
		{"bold link", `<p><a href="#"><b>ab</b></a>cd</p>`, 0.5, 0, 0.5},
		{"spaces do not count", `<p><b>a b</b> c d</p>`, 0.5, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs := parseHTML(t, tt.html)
			if len(bs) != 1 {
				t.Fatalf("got %d blocks: %q", len(bs), brief(bs))
			}
			b := bs[0]
			if !near(b.Emphasis, tt.emphasis) || !near(b.Italic, tt.italic) || !near(b.LinkDensity, tt.link) {
				t.Errorf("emphasis %.3f italic %.3f link %.3f; want %.3f %.3f %.3f",
					b.Emphasis, b.Italic, b.LinkDensity, tt.emphasis, tt.italic, tt.link)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// article is enough paragraph text to be taken for the page's article.
const article = `<p>` + "The article speaks at length about many things. " + "It goes on and on. " + `</p>
<p>A second paragraph of the article, also with enough words to count for something.</p>`

func TestFromHTMLChrome(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
	}{
		{"nav element", `<nav><a>Home</a></nav><p>Text</p>`, []string{"paragraph[nav]:Home", "paragraph:Text"}},
		{"role navigation", `<div role="navigation"><ul><li>Home</li></ul></div>`, []string{"list-item[nav]:Home"}},
		{"nav class tokens", `<div class="main-nav"><p>A</p></div><div id="breadcrumb"><p>B</p></div><ul class="menu_top"><li>C</li></ul>`,
			[]string{"paragraph[nav]:A", "paragraph[nav]:B", "list-item[nav]:C"}},
		{"skip link", `<a class="page__skip-link">Skip to main content</a><p>The text of the page.</p>`,
			[]string{"paragraph[nav]:Skip to main content", "paragraph:The text of the page."}},
		// The skip link's target is named after it, and a menu's class is
		// written on wrappers: such a name on the element that holds the
		// page's text is layout.
		{"skip link target holds the text", `<div class="menu"><a href="/">Home</a></div><div id="skiplink-content"><p>The text of the page, in a box named after the link that jumps to it.</p></div>`,
			[]string{"paragraph[nav]:Home", "paragraph:The text of the page, in a box named after the link that jumps to it."}},
		{"hidden", `<div hidden><p>A</p></div><p aria-hidden="true">B</p><div style="display: none"><p>C</p></div>
			<p style="visibility:hidden">D</p><p class="sr-only">E</p><p class="visually-hidden">F</p><dialog><p>G</p></dialog>`,
			[]string{"paragraph[hidden]:A", "paragraph[hidden]:B", "paragraph[hidden]:C", "paragraph[hidden]:D",
				"paragraph[hidden]:E", "paragraph[hidden]:F", "paragraph[hidden]:G"}},
		{"responsive hidden is shown", `<p class="hidden md:block">Wide screens</p><div class="overflow-x-hidden"><p>Tailwind</p></div>`,
			[]string{"paragraph:Wide screens", "paragraph:Tailwind"}},
		{"header outside and inside the article",
			`<header><p>Site</p></header><article><header><h1>Headline</h1></header>` + article + `</article><div role="banner"><p>Banner</p></div>`,
			[]string{"paragraph[header]:Site", "heading1:Headline", "paragraph:The article speaks at length about many things. It goes on and on.",
				"paragraph:A second paragraph of the article, also with enough words to count for something.", "paragraph[header]:Banner"}},
		{"footer", `<footer><p>A</p></footer><div role="contentinfo"><p>B</p></div><div id="site-footer"><p>C</p></div><div class="prefooter"><p>D</p></div>`,
			[]string{"paragraph[footer]:A", "paragraph[footer]:B", "paragraph[footer]:C", "paragraph[footer]:D"}},
		{"aside", `<aside><p>A</p></aside><div role="complementary"><p>B</p></div><div class="kn-sidebarnews"><p>C</p></div><main><p>M</p></main>`,
			[]string{"paragraph[aside]:A", "paragraph[aside]:B", "paragraph[aside]:C", "paragraph:M"}},
		{"form", `<form><p>Search the site</p></form><main><p>M</p></main>`, []string{"paragraph[form]:Search the site", "paragraph:M"}},
		{"comments, share, related", `<div id="comments"><p>A</p></div><div class="disqus_thread"><p>B</p></div>
			<ul class="share-buttons"><li>C</li></ul><div class="social-links"><p>D</p></div>
			<section class="related-posts"><h2>E</h2></section><div class="more-stories"><p>F</p></div>`,
			[]string{"paragraph[comments]:A", "paragraph[comments]:B", "list-item[share]:C", "paragraph[share]:D",
				"heading2[related]:E", "paragraph[related]:F"}},
		{"newsletter and cookie", `<div class="newsletterSignupBox"><p>A</p></div><div class="sign-up"><p>B</p></div>
			<div id="cookie-banner"><p>C</p></div><div class="gdpr"><p>D</p></div>`,
			[]string{"paragraph[newsletter]:A", "paragraph[newsletter]:B", "paragraph[cookie]:C", "paragraph[cookie]:D"}},
		{"ad tokens are whole tokens", `<div class="ad-slot"><p>A</p></div><div id="ads"><p>B</p></div><div class="sponsored_content"><p>C</p></div>
			<div class="header-image"><p>D</p></div><div class="shadow"><p>E</p></div><div class="download"><p>F</p></div><div class="non-ad-column"><p>G</p></div>`,
			[]string{"paragraph[ad]:A", "paragraph[ad]:B", "paragraph[ad]:C", "paragraph:D", "paragraph:E", "paragraph:F", "paragraph:G"}},
		{"noisy words that are not chrome", `<div class="commentary"><p>A</p></div><div class="has-comments with-sidebar"><p>B</p></div><div class="social-media-embed"><p>C</p></div>`,
			[]string{"paragraph:A", "paragraph:B", "paragraph:C"}},
		{"nearest ancestor wins", `<footer><div class="share"><p>A</p></div><p>B</p></footer><div class="sidebar"><nav><p>C</p></nav></div>`,
			[]string{"paragraph[share]:A", "paragraph[footer]:B", "paragraph[nav]:C"}},
		{"article inside chrome keeps the hint", `<aside><article><p>Teaser</p></article></aside>`, []string{"paragraph[aside]:Teaser"}},
		{"body and article classes are ignored", `<body class="has-sidebar single newsletter-on"><article class="docked-sharebar-container"><p>Text</p></article></body>`,
			[]string{"paragraph:Text"}},
		{"wrapper named after its sidebar holds the article",
			`<div class="layout cb-sidebar-right">` + article + `<div class="sidebar-box"><p>Side</p></div></div>`,
			[]string{"paragraph:The article speaks at length about many things. It goes on and on.",
				"paragraph:A second paragraph of the article, also with enough words to count for something.", "paragraph[aside]:Side"}},
		{"form around the whole page", `<form id="aspnetForm"><nav><p>Menu</p></nav><div>` + article + `</div></form>`,
			[]string{"paragraph[nav]:Menu", "paragraph:The article speaks at length about many things. It goes on and on.",
				"paragraph:A second paragraph of the article, also with enough words to count for something."}},
		{"main marks the article", `<div class="ad_body"><main><p>Short.</p></main></div><div class="ad_box"><p>Buy now, a long advertisement text here, longer than the article.</p></div>`,
			[]string{"paragraph:Short.", "paragraph[ad]:Buy now, a long advertisement text here, longer than the article."}},
		{"hidden inline text is dropped", `<p>Read <span class="sr-only">(opens a new window)</span>more <a href="#">here<span style="display:none">!</span></a></p>`,
			[]string{"paragraph:Read more here"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := brief(parseHTML(t, tt.html))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFromHTMLPathAndOrder(t *testing.T) {
	bs := parseHTML(t, `<html><body><div class="main  wide"><article><p>One</p><p>Two</p></article></div>
		<div><div><div><div><div><div><div><section class="deep"><p>Deep</p></section></div></div></div></div></div></div></div></body></html>`)
	want := []string{
		"body>div.main>article>p",
		"body>div.main>article>p",
		"div>div>div>div>div>section.deep>p",
	}
	if len(bs) != len(want) {
		t.Fatalf("got %q", brief(bs))
	}
	for i, b := range bs {
		if b.Path != want[i] {
			t.Errorf("block %d path %q, want %q", i, b.Path, want[i])
		}
		if b.ID != ID(i) {
			t.Errorf("block %d ID %q, want %q", i, b.ID, ID(i))
		}
		if i > 0 && b.Offset <= bs[i-1].Offset {
			t.Errorf("offsets not increasing: %d then %d", bs[i-1].Offset, b.Offset)
		}
	}
}

func TestFromHTMLNilAndEmpty(t *testing.T) {
	if bs := FromHTML(nil); bs != nil {
		t.Errorf("nil document: %v", bs)
	}
	if bs := parseHTML(t, ""); len(bs) != 0 {
		t.Errorf("empty document: %q", brief(bs))
	}
}

func loadPage(t testing.TB, name string) ([]byte, *goquery.Document) {
	t.Helper()
	body, err := readCorpusPage(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return body, doc
}

// TestFromHTMLCorpus checks real pages (testdata/SOURCES.md): questions the
// page sets in bold come out as blocks of their own, mostly bold, with no
// chrome hint; menus do get one.
func TestFromHTMLCorpus(t *testing.T) {
	tests := []struct {
		file      string
		questions []string
		chrome    map[string]string // block text -> hint
	}{
		{"kinzig-nachhaltigkeit.html",
			[]string{"Wie genau definiert Ihr Nachhaltigkeit ?", "Wie gelingt das konkret?", "Kann man Nachhaltigkeit messen?",
				"Ist die Region schon so weit, dass man dies umsetzen kann?"},
			map[string]string{"Nachrichten": "nav", "Kontakt": "nav"}},
		{"expapp-ceo.html",
			[]string{"Q: How do you prioritize your day?", "Q: What’s on the horizon for the business?", "Q: Favorite books?"},
			nil},
		{"mashable-mckelvey.html",
			[]string{"What exactly do you give him \"crap\" about?", "And how did Jack respond to you calling him out on that?",
				"Was there a moment when you realized Square had succeeded on a greater level than other projects you'd worked on over the years?"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, doc := loadPage(t, tt.file)
			bs := FromHTML(doc)
			byText := map[string]Block{}
			for _, b := range bs {
				if _, dup := byText[b.Text]; !dup {
					byText[b.Text] = b
				}
			}
			for _, q := range tt.questions {
				b, ok := byText[q]
				switch {
				case !ok:
					t.Errorf("question %q is not a block of its own", q)
				case b.Emphasis <= 0.5:
					t.Errorf("question %q: emphasis %.2f", q, b.Emphasis)
				case b.Chrome != "":
					t.Errorf("question %q: chrome %q", q, b.Chrome)
				}
			}
			for text, hint := range tt.chrome {
				if b, ok := byText[text]; !ok || b.Chrome != hint {
					t.Errorf("block %q: chrome %q (found %v), want %q", text, b.Chrome, ok, hint)
				}
			}
			checkInvariants(t, bs)
		})
	}
}

// checkInvariants asserts what every FromHTML result must satisfy.
func checkInvariants(t testing.TB, bs []Block) {
	t.Helper()
	for i, b := range bs {
		if b.ID != ID(i) {
			t.Fatalf("block %d has ID %q", i, b.ID)
		}
		if b.Text == "" || b.Text != Collapse(b.Text) {
			t.Fatalf("block %s text %q is empty or not collapsed", b.ID, b.Text)
		}
		for _, v := range []float64{b.Emphasis, b.Italic, b.LinkDensity} {
			if v < 0 || v > 1 {
				t.Fatalf("block %s share %v out of range", b.ID, v)
			}
		}
		if i > 0 && b.Offset <= bs[i-1].Offset {
			t.Fatalf("block %s offset %d after %d", b.ID, b.Offset, bs[i-1].Offset)
		}
		if (b.Kind == Heading) != (b.Level > 0) {
			t.Fatalf("block %s kind %s level %d", b.ID, b.Kind, b.Level)
		}
	}
}

func FuzzFromHTML(f *testing.F) {
	seeds := []string{
		"",
		"<p>plain</p>",
		"<div>a<br><br>b<br>c</div>",
		"<p><strong>Q?<br></strong>A</p>",
		"<blockquote><p>x</p><blockquote>y</blockquote></blockquote>",
		"<nav><ul><li><a href=#>Home</a></li></ul></nav><footer class=footer>f</footer>",
		"<figure><figcaption>c<span class=credit>p</span></figcaption></figure>",
		"<table><tr><td>a<p>b</td></tr></table><pre>x\n y</pre>",
		"<span style='display:none'><div>hidden block</div></span><b><p>bold para</p></b>",
		"<form><div class=sidebar><main><p>text</p></main></div></form>",
		"<div role=heading aria-level=9>h</div><h7>x</h7><x-custom>c</x-custom><o:p>w</o:p>",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
		if err != nil {
			return
		}
		bs := FromHTML(doc)
		checkInvariants(t, bs)
		if again := FromHTML(doc); !reflect.DeepEqual(bs, again) {
			t.Fatalf("not deterministic:\n%q\n%q", brief(bs), brief(again))
		}
	})
}

func BenchmarkFromHTML(b *testing.B) {
	for _, name := range []string{"kinzig-nachhaltigkeit.html", "mashable-mckelvey.html"} {
		b.Run(name, func(b *testing.B) {
			body, doc := loadPage(b, name)
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				FromHTML(doc)
			}
		})
	}
}

func ExampleFromHTML() {
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(`
		<nav><a href="/">Home</a></nav>
		<article>
		  <h1>An interview</h1>
		  <p><strong>What did you find?<br></strong>Mostly echoes.</p>
		</article>`))
	for _, b := range FromHTML(doc) {
		fmt.Printf("%s %-9s %-4s %.0f%% bold: %s\n", b.ID, b.Kind, b.Chrome, 100*b.Emphasis, b.Text)
	}
	// Output:
	// b1 paragraph nav  0% bold: Home
	// b2 heading        0% bold: An interview
	// b3 paragraph      100% bold: What did you find?
	// b4 paragraph      0% bold: Mostly echoes.
}

// Blocks share the Element values of their containers, so later stages can
// group them by any common ancestor.
func TestElements(t *testing.T) {
	bs := parseHTML(t, `<html><body><main class="page"><div id="story" class="text body"><p>One</p><p>Two <b>bold</b></p></div>`+
		`<div itemprop="articleBody">Loose text</div></main><aside><p>Side</p></aside></body></html>`)
	if len(bs) != 4 {
		t.Fatalf("got %q", brief(bs))
	}
	one, two, loose, side := bs[0].Elem, bs[1].Elem, bs[2].Elem, bs[3].Elem
	if one == nil || one.Tag != "p" || one == two {
		t.Fatalf("paragraph elements: %+v %+v", one, two)
	}
	div := one.Parent
	if div != two.Parent || div.Tag != "div" || div.Class != "text body" || div.IDAttr != "story" || div.Main {
		t.Errorf("shared container: %+v", div)
	}
	if loose.Tag != "div" || !loose.Main || loose.Parent != div.Parent || loose.Parent.Tag != "main" || !loose.Parent.Main {
		t.Errorf("loose text element: %+v", loose)
	}
	if side.Parent.Tag != "aside" || side.Parent.Parent != div.Parent.Parent || side.Parent.Parent.Tag != "body" {
		t.Errorf("aside: %+v", side.Parent)
	}
	for e := one; e != nil; e = e.Parent {
		if (e.Parent == nil) != (e.Depth == 0) || e.Parent != nil && e.Depth != e.Parent.Depth+1 {
			t.Errorf("depth of %s: %d", e.Tag, e.Depth)
		}
	}
}

// An <a> without href is a jump target, not a link.
func TestAnchorWithoutHrefIsNotALink(t *testing.T) {
	bs := parseHTML(t, `<p><a name="q1">Why did the repairs take so long?</a></p><p><a href="#q1">Why did the repairs take so long?</a></p>`)
	if len(bs) != 2 || bs[0].LinkDensity != 0 || bs[1].LinkDensity != 1 {
		t.Errorf("link densities: %v %v", bs[0].LinkDensity, bs[1].LinkDensity)
	}
}

func TestWidgetHint(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><body><article><p>An article paragraph that is long enough to count as text.</p>
<div class="rating_wrapper"><p>4,53 bei 4394 Bewertungen</p><p>Sie haben bereits abgestimmt.</p></div>
<div class="poll-box"><p>Which answer do you like best?</p></div></article></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	bs := FromHTML(doc)
	want := map[string]string{
		"An article paragraph that is long enough to count as text.": "",
		"4,53 bei 4394 Bewertungen":                                  "widget",
		"Sie haben bereits abgestimmt.":                              "widget",
		"Which answer do you like best?":                             "widget",
	}
	for _, b := range bs {
		if w, ok := want[b.Text]; ok && b.Chrome != w {
			t.Errorf("%q: chrome %q, want %q", b.Text, b.Chrome, w)
		}
	}
}

// readCorpusPage reads a bundled corpus page (../../testdata/corpus, see
// ../../testdata/SOURCES.md), gunzipping it.
func readCorpusPage(name string) ([]byte, error) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "corpus", "interviews", name+".gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// Lead counts the emphasised runes that open a block: a run-in question.
func TestLead(t *testing.T) {
	for page, want := range map[string]int{
		`<p><b>Why now?</b> Because it was time.</p>`:       7,
		`<p><em>Warum?<br></em>Weil es Zeit war.</p>`:       6,
		`<p><b>Q:</b> <i>who?</i> Me.</p>`:                  6,
		`<p>Plain <b>bold</b> text.</p>`:                    0,
		`<p><strong>All of it in bold.</strong></p>`:        14,
		`<p><i>Line one</i><br><i>line two</i><br>rest</p>`: 14,
	} {
		bs := parseHTML(t, page)
		if len(bs) == 0 || bs[0].Lead != want {
			t.Errorf("%s: blocks %+v, want lead %d", page, bs, want)
		}
	}
}

// A line break before an emphasised speaker label starts a new block.
func TestBreakBeforeSpeakerLabel(t *testing.T) {
	for _, page := range []string{
		`<p><b>Q:</b> Why now?<br><b>SK:</b> Because it was time.</p>`,
		`<p><i>Q</i>: Why now?<br><i>SK</i>: Because it was time.</p>`,
	} {
		bs := parseHTML(t, page)
		if len(bs) != 2 || !strings.HasSuffix(bs[0].Text, "Why now?") || !strings.HasPrefix(bs[1].Text, "SK") {
			t.Errorf("%s: blocks %+v", page, bs)
		}
	}
	if bs := parseHTML(t, `<p>One line<br>and <b>no label:</b> here</p>`); len(bs) != 1 {
		t.Errorf("split without a label: %+v", bs)
	}
}

func TestHTMLTimestampsSplitOff(t *testing.T) {
	bs := parseHTML(t, `<html><body><p>[00:12:06] <b>HOST:</b> Why now?</p><p>At 10:30 we met.</p></body></html>`)
	if len(bs) != 3 || bs[0].Text != "[00:12:06]" || bs[0].Chrome != "timestamp" || bs[1].Text != "HOST: Why now?" || bs[1].Chrome != "" || bs[2].Text != "At 10:30 we met." {
		t.Fatalf("got %+v", bs)
	}
	for i, b := range bs {
		if b.ID != ID(i) {
			t.Errorf("block %d has ID %s", i, b.ID)
		}
	}
}

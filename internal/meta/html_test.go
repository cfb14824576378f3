package meta

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func parseMeta(t testing.TB, s string) Meta {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return FromHTML(doc)
}

func TestFromHTMLTitle(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"og:title before title",
			`<head><title>Page title</title><meta property="og:title" content="Social title"></head>`, "Social title"},
		{"JSON-LD headline before twitter and title",
			`<head><title>Page title</title><meta name="twitter:title" content="Tweet title">
			<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script></head>`, "LD headline"},
		{"twitter:title before title",
			`<head><title>Page title</title><meta name="twitter:title" content="Tweet title"></head>`, "Tweet title"},
		{"title with the site name cut off",
			`<head><title>An interview with Jane | The Daily</title><meta property="og:site_name" content="The Daily"></head>`, "An interview with Jane"},
		{"site suffix in og:title",
			`<head><meta property="og:title" content="Meet the artist - LA Weekly"><meta property="og:site_name" content="LA Weekly"></head>`, "Meet the artist"},
		{"site prefix",
			`<head><title>The Daily » An interview with Jane</title><meta property="og:site_name" content="The Daily"></head>`, "An interview with Jane"},
		{"site known only by the canonical host",
			`<head><title>Wie Freenet Kunden gewinnen will › Meedia</title><link rel="canonical" href="https://meedia.de/2016/x/"></head>`, "Wie Freenet Kunden gewinnen will"},
		{"JSON-LD publisher as the site",
			`<head><script type="application/ld+json">{"@type":"Article","headline":"Prices rise - Diario Libre","publisher":{"@type":"Organization","name":"Diario Libre"}}</script></head>`, "Prices rise"},
		{"a dash inside the title stays",
			`<head><title>Die Zukunft der Arbeit - "Wir dekorieren um"</title><meta property="og:site_name" content="Deutschlandfunk"></head>`, `Die Zukunft der Arbeit - "Wir dekorieren um"`},
		{"title that is only the site name is skipped",
			`<head><meta property="og:title" content="ICON Magazine"><meta property="og:site_name" content="ICON Magazine"><title>Real title</title></head>`, "Real title"},
		{"nothing but the site name",
			`<head><title>ICON • ICON Magazine</title><meta property="og:site_name" content="ICON Magazine"></head><body><h1>ICON Magazine</h1></body>`, ""},
		{"svg titles are not the page title",
			`<head></head><body><svg><title>Facebook</title></svg><p>x</p></body>`, ""},
		{"the visible headline beats an SEO og:title",
			`<head><meta property="og:title" content="Greg Berlanti Knows the Secret to Superhero TV"></head>
			<body><article><h1>The Secret to Superhero TV</h1></article></body>`, "The Secret to Superhero TV"},
		{"the only h1 outside chrome counts",
			`<head><meta property="og:title" content="Popular food blogs on Instagram"></head>
			<body><header><h1>Site logo</h1></header><div><h1>Masters of taste: 23 food blogs</h1></div></body>`, "Masters of taste: 23 food blogs"},
		{"an h1 sharing no word with the metadata is ignored",
			`<head><meta property="og:title" content="Square cofounder speaks"></head><body><h1>Business</h1></body>`, "Square cofounder speaks"},
		{"h1 with a kicker run in: metadata spelling wins",
			`<head><meta property="og:title" content="Kicker - The headline"></head><body><article><h1><span>Kicker</span><span>The headline</span></h1></article></body>`, "Kicker - The headline"},
		{"several h1 and none in the article: metadata",
			`<head><meta property="og:title" content="The headline"></head><body><h1>The headline</h1><h1>More news</h1></body>`, "The headline"},
		{"no metadata: the h1",
			`<body><main><h1>Only a headline</h1></main></body>`, "Only a headline"},
		{"meta value attribute",
			`<head><meta name="og:title" value="Value title"></head>`, "Value title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseMeta(t, tt.html).Title; got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFromHTMLAuthors(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
	}{
		{"JSON-LD string", `<script type="application/ld+json">{"@type":"Article","author":"Jane Doe"}</script>`, []string{"Jane Doe"}},
		{"JSON-LD object array, deduplicated",
			`<script type="application/ld+json">[{"@type":"BlogPosting","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"},{"name":"jane doe"}]}]</script>`,
			[]string{"Jane Doe", "John Roe"}},
		{"JSON-LD @graph with @id reference",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Gilles G"}]}</script>`,
			[]string{"Gilles G"}},
		{"JSON-LD beats meta author",
			`<meta name="author" content="Condé Nast"><script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Molly Wood"}}</script>`,
			[]string{"Molly Wood"}},
		{"invalid JSON-LD is ignored", `<script type="application/ld+json">{"@type":"Article", "author": </script><meta name="author" content="Meta Name">`, []string{"Meta Name"}},
		{"meta author", `<meta name="Author" content="  Victor T,  Futurism "><meta name="sailthru.author" content="Victor T, Futurism">`, []string{"Victor T, Futurism"}},
		{"article:author URL skipped", `<meta property="article:author" content="https://facebook.com/x"><meta property="article:author" content="Ann Author">`, []string{"Ann Author"}},
		{"rel=author", `<body><a rel="author external" href="/a">Abraham Riesman</a><a rel="author">Abraham  Riesman</a></body>`, []string{"Abraham Riesman"}},
		{"none", `<p>x</p>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseMeta(t, tt.html).Authors; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("authors %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFromHTMLPublishedSiteCanonical(t *testing.T) {
	tests := []struct {
		name, html                 string
		published, site, canonical string
	}{
		{"JSON-LD first",
			`<meta property="article:published_time" content="2020-01-02"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-04-22T00:01:00-04:00","publisher":{"name":"Diario Libre"}}</script>`,
			"2022-04-22T00:01:00-04:00", "Diario Libre", ""},
		{"article:published_time and og",
			`<meta property="article:published_time" content="2020-01-02T10:00:00Z"><meta property="og:site_name" content="Site"><meta property="og:url" content="https://x.test/a">`,
			"2020-01-02T10:00:00Z", "Site", "https://x.test/a"},
		{"meta date names", `<meta name="DC.date.issued" content="2019-05-01"><meta name="date" content="2019-05-02">`, "2019-05-02", "", ""},
		{"time in the article",
			`<body><time datetime="2000-01-01">old</time><article><time datetime="2021-03-04T05:06">March</time></article></body>`, "2021-03-04T05:06", "", ""},
		{"og:site_name before JSON-LD, WebSite as last resort",
			`<meta property="og:site_name" content="OG"><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"WS"}]}</script>`, "", "OG", ""},
		{"WebSite name", `<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"WS"}]}</script>`, "", "WS", ""},
		{"relative canonical resolved against og:url",
			`<link rel="canonical" href="/nachrichten/a.html"><meta property="og:url" content="https://www.ndr.de/x">`, "", "", "https://www.ndr.de/nachrichten/a.html"},
		{"canonical before og:url",
			`<link rel="Canonical" href="https://a.test/c"><meta property="og:url" content="https://a.test/o">`, "", "", "https://a.test/c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseMeta(t, tt.html)
			if m.Published != tt.published || m.Site != tt.site || m.Canonical != tt.canonical {
				t.Errorf("got published %q site %q canonical %q; want %q %q %q",
					m.Published, m.Site, m.Canonical, tt.published, tt.site, tt.canonical)
			}
		})
	}
}

const germanParagraph = `<p>Der Spessart ist eine Tourismus-Region mitten in Deutschland. Besonders der unberührte Wald, der übrigens
der größte zusammenhängende Laubmischwald in Deutschland ist, macht die Region einzigartig. Bei dieser Naturverbundenheit
liegt auch das Thema Nachhaltigkeit nahe, und die Gäste wissen das zu schätzen, auch wenn es nicht das Hauptmotiv ist.</p>`

func TestFromHTMLLanguage(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"html lang", `<html lang="de-DE"><p>x</p></html>`, "de"},
		{"upper case, region", `<html lang="EN-gb"></html>`, "en"},
		{"content-language", `<html><head><meta http-equiv="content-language" content="es"></head></html>`, "es"},
		{"og:locale", `<html><head><meta property="og:locale" content="fr_FR"></head></html>`, "fr"},
		{"unknown code kept", `<html lang="ko"><p>` + "한국어 기사" + `</p></html>`, "ko"},
		{"detected when undeclared", `<html>` + germanParagraph + `</html>`, "de"},
		{"a clear guess overrides a template's lang", `<html lang="en">` + germanParagraph + `</html>`, "de"},
		{"nothing to go on", `<html><p>12 34</p></html>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseMeta(t, tt.html).Language; got != tt.want {
				t.Errorf("language %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFromHTMLNil(t *testing.T) {
	if m := FromHTML(nil); m.TitleBlock != -1 || m.Title != "" {
		t.Errorf("nil document: %+v", m)
	}
	if m := parseMeta(t, ""); m.TitleBlock != -1 {
		t.Errorf("TitleBlock %d, want -1", m.TitleBlock)
	}
}

// TestFromHTMLCorpus checks real pages (testdata/SOURCES.md).
func TestFromHTMLCorpus(t *testing.T) {
	tests := []struct {
		file                       string
		title, language, site      string
		authors                    []string
		publishedPrefix, canonical string
	}{
		{"kinzig-nachhaltigkeit.html", "Das steckt dahinter: Nachhaltigkeit bei der Spessart Tourismus GmbH", "de", "KINZIG.NEWS",
			[]string{"MORITZ PAPPERT"}, "2023-11-01", "https://kinzig.news/23578/das-steckt-dahinter-nachhaltigkeit-bei-der-spessart-tourismus-gmbh"},
		{"expapp-ceo.html", "Introducing Junior Gaspard, New CEO at Experience", "en", "Experience",
			[]string{"Josh"}, "2018-04-09", "https://www.expapp.com/blog/introducing-junior-gaspard-new-ceo-experience/"},
		{"mashable-mckelvey.html", "Square Cofounder: Jack Dorsey Is Like Hello Kitty", "en", "Mashable",
			[]string{"Seth Fiegerman"}, "2014-01-26", "http://mashable.com/2014/01/26/square-cofounder-jim-mckelvey/"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "..", "testdata", "corpus", "interviews", tt.file+".gz"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := goquery.NewDocumentFromReader(zr)
			if err != nil {
				t.Fatal(err)
			}
			m := FromHTML(doc)
			if m.Title != tt.title || m.Language != tt.language || m.Site != tt.site {
				t.Errorf("title %q language %q site %q; want %q %q %q", m.Title, m.Language, m.Site, tt.title, tt.language, tt.site)
			}
			if !reflect.DeepEqual(m.Authors, tt.authors) || !strings.HasPrefix(m.Published, tt.publishedPrefix) || m.Canonical != tt.canonical {
				t.Errorf("authors %q published %q canonical %q", m.Authors, m.Published, m.Canonical)
			}
		})
	}
}

func FuzzFromHTML(f *testing.F) {
	for _, s := range []string{
		`<title>A | B</title><meta property="og:site_name" content="B">`,
		`<script type="application/ld+json">{"@graph":[{"@type":["Article"],"author":[{"@id":"x"},"y"],"headline":["h"]},{"@id":"x","name":"n"}]}</script>`,
		`<html lang="de"><h1>x</h1><article><h1>y</h1><time datetime="z"></time></article>`,
		`<link rel="canonical" href="::"><meta property="og:url" content="%zz">`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
		if err != nil {
			return
		}
		m := FromHTML(doc)
		if m.TitleBlock != -1 {
			t.Fatalf("TitleBlock %d", m.TitleBlock)
		}
		if again := FromHTML(doc); !reflect.DeepEqual(m, again) {
			t.Fatalf("not deterministic: %+v vs %+v", m, again)
		}
	})
}

package meta

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/qanda/qanda/internal/blocks"
)

// FromHTML reads what a page says about itself from JSON-LD, OpenGraph and
// other meta tags, <title>, <h1>, <time> and the html lang attribute.
// TitleBlock is -1: only the caller knows the blocks.
//
// Title: the page's visible headline (the <h1> in the article, or the only
// <h1>) when the metadata title agrees with it, else the metadata title
// (og:title, JSON-LD headline, twitter:title, <title>) with the site name cut
// off ("Title | Site"). Sites often give og:title an SEO variant of the
// headline; readers know the page by the headline they see.
func FromHTML(doc *goquery.Document) Meta {
	m := Meta{TitleBlock: -1}
	if doc == nil {
		return m
	}
	ix := newIndex(doc)
	tags := metaTags(ix)
	ld := readJSONLD(ix)
	art := ld.article()

	m.Canonical = canonical(ix, tags)
	m.Site = first(tags["og:site_name"], ld.publisher(art), ld.siteName())
	m.Title = title(ix, tags, ld, art, m.Site, m.Canonical)
	m.Authors = authors(ix, tags, ld, art)
	m.Published = published(ix, tags, art)
	m.Language = language(ix, tags)
	return m
}

// metaTags collects <meta> values by lower-cased property, name, itemprop
// or http-equiv; the first tag of a key wins. Some sites write value=
// instead of content=.
func metaTags(ix *index) map[string]string {
	tags := map[string]string{}
	ix.find("meta").Each(func(_ int, s *goquery.Selection) {
		val, ok := s.Attr("content")
		if !ok {
			val = s.AttrOr("value", "")
		}
		val = blocks.Collapse(val)
		if val == "" {
			return
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if key := strings.ToLower(strings.TrimSpace(s.AttrOr(k, ""))); key != "" {
				if _, seen := tags[key]; !seen {
					tags[key] = val
				}
			}
		}
	})
	return tags
}

func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// ---- title ----

func title(ix *index, tags map[string]string, ld jsonLD, art map[string]any, site, canon string) string {
	var metaTitle string
	for _, t := range []string{tags["og:title"], str(art["headline"]), tags["twitter:title"], headTitle(ix)} {
		if t = stripSite(t, site, canon); t != "" && !isSiteName(t, site) {
			metaTitle = t
			break
		}
	}
	h1 := headline(ix, site)
	switch {
	case h1 == "":
		return metaTitle
	case metaTitle == "":
		return h1
	case letters(h1) == letters(metaTitle):
		// Same words, but <h1> often runs a kicker into the headline
		// without a space: the metadata is the cleaner copy.
		return metaTitle
	case sharesWord(h1, metaTitle):
		return h1
	}
	return metaTitle
}

// headTitle is the text of the document's <title>, not of an SVG's.
func headTitle(ix *index) string {
	t := ""
	ix.find("title").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Nodes[0].Namespace != "" {
			return true
		}
		t = blocks.Collapse(s.Text())
		return t == ""
	})
	return t
}

// titleSeps separate a title from the site name in <title> and og:title.
var titleSeps = []string{" | ", " - ", " – ", " — ", " › ", " » ", " · ", " • ", " :: ", " // ", " : "}

// stripSite cuts the site name off the end or the start of a title, but only
// when the cut part is the site (by its name or by the canonical host), so
// that "Die Zukunft der Arbeit - “Wir dekorieren …”" stays whole.
func stripSite(t, site, canon string) string {
	t = blocks.Collapse(t)
	host := hostLabel(canon)
	for _, sep := range titleSeps {
		if i := strings.LastIndex(t, sep); i > 0 && isSite(t[i+len(sep):], site, host) {
			return strings.TrimSpace(t[:i])
		}
		if i := strings.Index(t, sep); i > 0 && isSite(t[:i], site, host) {
			return strings.TrimSpace(t[i+len(sep):])
		}
	}
	return t
}

// isSite reports whether a title part names the site: its letters equal the
// site name's or the canonical host's ("LA Weekly", "laweekly.com"), or its
// first word is the host ("NDR.de - Nachrichten").
func isSite(part, site, host string) bool {
	p := letters(part)
	switch {
	case p == "":
		return false
	case site != "" && p == letters(site):
		return true
	case host == "":
		return false
	case p == host:
		return true
	}
	w := strings.TrimPrefix(strings.ToLower(strings.Fields(part)[0]), "www.")
	name, _, found := strings.Cut(w, ".")
	return found && letters(name) == host
}

// isSiteName reports whether a title is only the site name or part of it
// ("ICON" for "ICON Magazine"): such a page has no title of its own.
func isSiteName(t, site string) bool {
	if site == "" {
		return false
	}
	return strings.Contains(letters(site), letters(t))
}

// hostLabel returns the letters of the name part of a URL's host:
// "https://www.laweekly.com/x" -> "laweekly".
func hostLabel(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	parts := strings.Split(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
	if len(parts) >= 2 {
		return letters(parts[len(parts)-2])
	}
	return letters(parts[0])
}

// headline returns the visible headline: the first <h1> inside <article> or
// <main>, else the only distinct <h1> outside page chrome. Logos set in an
// <h1> are skipped by equal text with the site name.
func headline(ix *index, site string) string {
	var inArticle, others []string
	ix.find("h1").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		t := blocks.Collapse(s.Text())
		if t == "" || n.Namespace != "" || (site != "" && letters(t) == letters(site)) {
			return
		}
		article, chrome := placeOf(n)
		switch {
		case chrome:
		case article:
			inArticle = append(inArticle, t)
		default:
			if len(others) == 0 || others[0] != t {
				others = append(others, t)
			}
		}
	})
	if len(inArticle) > 0 {
		return inArticle[0]
	}
	if len(others) == 1 {
		return others[0]
	}
	return ""
}

// placeOf tells whether a node lies in the article and whether it lies in
// page chrome (nav, aside, footer, a header outside the article, hidden).
func placeOf(n *html.Node) (article, chrome bool) {
	inHeader := false
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.DataAtom {
		case atom.Article, atom.Main:
			article = true
		case atom.Nav, atom.Aside, atom.Footer, atom.Template:
			chrome = true
		case atom.Header:
			inHeader = true
		}
		for _, a := range p.Attr {
			if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
				chrome = true
			}
		}
	}
	return article, chrome || (inHeader && !article)
}

// letters keeps the lower-cased letters and digits of s: titles compare
// equal when only spacing and punctuation differ.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// sharesWord reports whether two titles have a word of four or more
// letters in common: an <h1> that shares nothing with the metadata title
// may be a section name.
func sharesWord(a, b string) bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(a), notLetter) {
		if len([]rune(w)) >= 4 {
			words[w] = true
		}
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(b), notLetter) {
		if words[w] {
			return true
		}
	}
	return false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// ---- authors, date, language, canonical ----

// authorKeys are meta names that carry an author's name.
var authorKeys = map[string]bool{
	"author": true, "dc.creator": true, "dcterms.creator": true, "sailthru.author": true,
	"parsely-author": true, "citation_author": true,
}

// authors takes the first source that names anyone: JSON-LD, meta author
// (and its Dublin Core and analytics twins), article:author (unless a
// profile URL), rel=author links.
func authors(ix *index, tags map[string]string, ld jsonLD, art map[string]any) []string {
	if names := dedupe(ld.people(art["author"])); len(names) > 0 {
		return names
	}
	var names []string
	ix.find(`meta[name]`).Each(func(_ int, s *goquery.Selection) {
		if authorKeys[strings.ToLower(strings.TrimSpace(s.AttrOr("name", "")))] {
			names = append(names, s.AttrOr("content", s.AttrOr("value", "")))
		}
	})
	if names = dedupe(names); len(names) > 0 {
		return names
	}
	ix.find(`meta[property="article:author"]`).Each(func(_ int, s *goquery.Selection) {
		if v := s.AttrOr("content", ""); !isURL(v) {
			names = append(names, v)
		}
	})
	if names = dedupe(names); len(names) > 0 {
		return names
	}
	ix.find(`a[rel~="author"]`).Each(func(_ int, s *goquery.Selection) {
		names = append(names, s.Text())
	})
	return dedupe(names)
}

func isURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

// dedupe collapses white space, drops empty names and URLs, and keeps the
// first of names that differ only in case.
func dedupe(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = blocks.Collapse(n)
		k := strings.ToLower(n)
		if n == "" || isURL(n) || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// dateKeys are meta tags that carry the publication date, best first.
var dateKeys = []string{
	"article:published_time", "datepublished", "og:published_time", "published_time",
	"date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
	"dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date",
}

func published(ix *index, tags map[string]string, art map[string]any) string {
	if d := blocks.Collapse(str(art["datePublished"])); d != "" {
		return d
	}
	for _, k := range dateKeys {
		if d := tags[k]; d != "" {
			return d
		}
	}
	d := ""
	ix.doc.Find("article time[datetime], main time[datetime], [itemprop=datePublished]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		d = blocks.Collapse(first(s.AttrOr("datetime", ""), s.AttrOr("content", "")))
		return d == ""
	})
	return d
}

// language: the html lang attribute, else Content-Language, else
// og:locale, else a guess from the page's paragraphs. A declared language
// loses to a clear guess when both are languages DetectLanguage knows:
// templates keep lang="en" on German posts and the other way round.
func language(ix *index, tags map[string]string) string {
	h := ix.find("html").First()
	declared := ""
	for _, v := range []string{h.AttrOr("lang", ""), h.AttrOr("xml:lang", ""), tags["content-language"], tags["og:locale"]} {
		if declared = langCode(v); declared != "" {
			break
		}
	}
	guess, score := detect(pageText(ix))
	switch {
	case declared == "":
		return guess
	case guess != "" && guess != declared && stopwords[declared] != nil && score[guess] >= 2*score[declared]:
		return guess
	}
	return declared
}

// langCode turns "de-DE", "EN", "en_US" or "pt-br, en" into a two-letter code.
func langCode(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "-_,; "); i >= 0 {
		v = v[:i]
	}
	if len(v) != 2 || v[0] < 'a' || v[0] > 'z' || v[1] < 'a' || v[1] > 'z' {
		return ""
	}
	return v
}

// pageText is the text of the page's paragraphs, or of its whole body when
// it has few: paragraphs hold the article, while menus and footers may be
// written in the site's home language.
func pageText(ix *index) string {
	var b strings.Builder
	ix.find("p").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		writeText(&b, s.Nodes[0])
		return b.Len() < sampleBytes
	})
	if b.Len() < 500 {
		b.Reset()
		for _, n := range ix.find("body").Nodes {
			writeText(&b, n)
		}
	}
	return b.String()
}

// writeText writes the text under n without scripts and styles, with a
// space after each text node so that words of adjacent elements stay apart.
func writeText(b *strings.Builder, n *html.Node) {
	switch {
	case b.Len() >= sampleBytes:
		return
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
		b.WriteByte(' ')
		return
	case n.Type == html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
}

// canonical is link rel=canonical, made absolute against og:url when
// relative, else og:url.
func canonical(ix *index, tags map[string]string) string {
	href := ""
	ix.find("link[rel]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, r := range strings.Fields(strings.ToLower(s.AttrOr("rel", ""))) {
			if r == "canonical" {
				href = strings.TrimSpace(s.AttrOr("href", ""))
			}
		}
		return href == ""
	})
	og := tags["og:url"]
	if href == "" {
		return og
	}
	if u, err := url.Parse(href); err == nil && !u.IsAbs() {
		for _, base := range []string{og, docURL(ix.doc)} {
			if b, err := url.Parse(base); err == nil && b.IsAbs() {
				return b.ResolveReference(u).String()
			}
		}
	}
	return href
}

func docURL(doc *goquery.Document) string {
	if doc.Url == nil {
		return ""
	}
	return doc.Url.String()
}

// ---- JSON-LD ----

// jsonLD holds the objects of all JSON-LD scripts of a page, flattened out
// of arrays and @graph, and an index by @id to resolve references.
type jsonLD struct {
	objs []map[string]any
	byID map[string]map[string]any
}

func readJSONLD(ix *index) jsonLD {
	ld := jsonLD{byID: map[string]map[string]any{}}
	ix.find(`script[type]`).Each(func(_ int, s *goquery.Selection) {
		if !strings.EqualFold(strings.TrimSpace(s.AttrOr("type", "")), "application/ld+json") {
			return
		}
		var v any
		if json.Unmarshal([]byte(unwrapScript(s.Text())), &v) != nil {
			return // invalid JSON-LD is common; the other sources remain
		}
		ld.add(v, 0)
	})
	return ld
}

// unwrapScript removes HTML comment and CDATA wrappers some CMSs put
// around a script's JSON.
func unwrapScript(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"<!--", "//<![CDATA[", "<![CDATA["} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	for _, p := range []string{"-->", "//]]>", "]]>"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, p))
	}
	return s
}

func (ld *jsonLD) add(v any, depth int) {
	if depth > 4 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ld.add(e, depth+1)
		}
	case map[string]any:
		ld.objs = append(ld.objs, v)
		if id := str(v["@id"]); id != "" {
			if _, seen := ld.byID[id]; !seen {
				ld.byID[id] = v
			}
		}
		if g, ok := v["@graph"]; ok {
			ld.add(g, depth+1)
		}
	}
}

// articleTypes are the schema.org types of a page's main article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "askpublicnewsarticle": true, "scholarlyarticle": true,
	"techarticle": true, "report": true, "socialmediaposting": true, "liveblogposting": true,
	"interview": true, "posting": true,
}

// article returns the first article object, else the first WebPage object
// (Yoast writes author and dates there); an empty map if none.
func (ld jsonLD) article() map[string]any {
	var page map[string]any
	for _, o := range ld.objs {
		if ld.hasType(o, articleTypes) {
			return o
		}
		if page == nil && ld.hasType(o, map[string]bool{"webpage": true}) {
			page = o
		}
	}
	if page == nil {
		return map[string]any{}
	}
	return page
}

func (ld jsonLD) hasType(o map[string]any, types map[string]bool) bool {
	switch t := o["@type"].(type) {
	case string:
		return types[strings.ToLower(t)]
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && types[strings.ToLower(s)] {
				return true
			}
		}
	}
	return false
}

// publisher is the name of the article's publisher.
func (ld jsonLD) publisher(art map[string]any) string {
	names := ld.people(art["publisher"])
	if len(names) > 0 {
		return names[0]
	}
	return ""
}

// siteName is the name of the page's WebSite object.
func (ld jsonLD) siteName() string {
	for _, o := range ld.objs {
		if ld.hasType(o, map[string]bool{"website": true}) {
			if n := blocks.Collapse(str(o["name"])); n != "" {
				return n
			}
		}
	}
	return ""
}

// people reads names from an author or publisher value: a string, an
// object with a name (or an @id pointing to one), or an array of those.
func (ld jsonLD) people(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case []any:
		for _, e := range v {
			out = append(out, ld.people(e)...)
		}
	case map[string]any:
		if n := str(v["name"]); n != "" {
			out = append(out, n)
		} else if ref := ld.byID[str(v["@id"])]; ref != nil && str(ref["name"]) != "" {
			out = append(out, str(ref["name"]))
		}
	}
	return out
}

// str returns v if it is a string (or the first string of an array),
// with HTML entities decoded: CMSs often escape JSON-LD text twice.
func str(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(v))
	case []any:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

// index holds a page's elements by tag, collected in one walk: the
// metadata readers look up a few tags many times, and each goquery Find
// would walk the whole tree again.
type index struct {
	doc   *goquery.Document
	byTag map[string][]*html.Node
}

// indexedTags are the tags the readers look up.
var indexedTags = map[string]bool{"meta": true, "title": true, "h1": true, "a": true, "html": true, "p": true, "body": true, "link": true, "script": true}

func newIndex(doc *goquery.Document) *index {
	ix := &index{doc: doc, byTag: map[string][]*html.Node{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && indexedTags[c.Data] {
				ix.byTag[c.Data] = append(ix.byTag[c.Data], c)
			}
			walk(c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	return ix
}

// find answers "tag" and "tag[attribute selector]" from the index, in
// document order; other selectors go to goquery.
func (ix *index) find(sel string) *goquery.Selection {
	tag, attrs, _ := strings.Cut(sel, "[")
	nodes, ok := ix.byTag[tag]
	if !indexedTags[tag] || strings.ContainsAny(tag, " ,:.#") {
		return ix.doc.Find(sel)
	}
	if !ok {
		return ix.doc.FindNodes()
	}
	s := ix.doc.FindNodes(nodes...)
	if attrs != "" {
		s = s.Filter("[" + attrs)
	}
	return s
}

// siteNameMinLetters bounds the names SiteNames gives: a shorter name
// ("U.S.", "TR") stands inside ordinary words.
const siteNameMinLetters = 5

// SiteNames returns the ways a page may name its own site, each as
// letters (see letters): the site name, without a leading "the", and the
// name part of the page URL's host ("breakingnews" for
// www.breakingnews.com), which sites glue from their name's words.
func SiteNames(site, pageURL string) []string {
	var names []string
	for _, n := range []string{letters(site), letters(strings.TrimPrefix(strings.ToLower(site), "the ")), hostLabel(pageURL)} {
		if len([]rune(n)) >= siteNameMinLetters && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

package render

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// parseMarkdown parses md as GitHub-flavoured Markdown, the strictest common
// viewer: it adds tables, strikethrough and autolinks to CommonMark.
func parseMarkdown(md string) (ast.Node, []byte) {
	src := []byte(md)
	p := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
	return p.Parse(text.NewReader(src)), src
}

// mdText is the text a viewer shows for n: text segments with backslash
// escapes and entity references decoded, line breaks as spaces.
func mdText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(decodeMarkdown(string(c.Segment.Value(src))))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteString(" ")
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// decodeMarkdown undoes backslash escapes and entity references in one pass,
// as a renderer does ("\&amp;" shows "&amp;", "&amp;" shows "&").
func decodeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			b.WriteByte(s[i+1])
			i++
			continue
		}
		if c == '&' {
			if end := strings.IndexByte(s[i:], ';'); end > 0 && looksLikeEntity(s[i:]) {
				b.WriteString(html.UnescapeString(s[i : i+end+1]))
				i += end
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdNodes collects the nodes of md by kind.
func mdNodes(md string) (map[ast.NodeKind][]ast.Node, []byte) {
	doc, src := parseMarkdown(md)
	nodes := map[ast.NodeKind][]ast.Node{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			nodes[n.Kind()] = append(nodes[n.Kind()], n)
		}
		return ast.WalkContinue, nil
	})
	return nodes, src
}

func TestMarkdownStructure(t *testing.T) {
	d := sampleDoc()
	md := render(t, func(b *bytes.Buffer) error { return Markdown(b, d) })
	nodes, src := mdNodes(md)

	var h1, h2 []string
	for _, n := range nodes[ast.KindHeading] {
		switch n.(*ast.Heading).Level {
		case 1:
			h1 = append(h1, mdText(n, src))
		case 2:
			h2 = append(h2, mdText(n, src))
		default:
			t.Errorf("unexpected heading %q", mdText(n, src))
		}
	}
	if want := []string{*d.Title}; !slices.Equal(h1, want) {
		t.Errorf("H1 = %q, want %q", h1, want)
	}
	if want := []string{*d.Exchanges[0].Topic, "Question 2", "Media"}; !slices.Equal(h2, want) {
		t.Errorf("H2 = %q, want %q", h2, want)
	}

	var strong, em []string
	for _, n := range nodes[ast.KindEmphasis] {
		if n.(*ast.Emphasis).Level == 2 {
			strong = append(strong, mdText(n, src))
		} else {
			em = append(em, mdText(n, src))
		}
	}
	wantStrong := []string{
		"The Insider:", d.Exchanges[0].Question.Text, "Aykhan Hajizada:",
		d.Exchanges[1].Question.Text, "Aykhan Hajizada / Second Guest:",
	}
	if !slices.Equal(strong, wantStrong) {
		t.Errorf("bold = %q, want %q", strong, wantStrong)
	}
	// Only the metadata line and the label are italic: "*stars*" and
	// "*you*" in the source must stay stars.
	wantEm := []string{
		"Interviewer: The Insider · Interviewee: Aykhan Hajizada · Language: en · Source: insider-hajizada.txt",
		"Question 1",
	}
	if !slices.Equal(em, wantEm) {
		t.Errorf("italic = %q, want %q", em, wantEm)
	}

	// The media list is the only list: "1. ..." and "- ..." paragraphs
	// must not become lists.
	if n := len(nodes[ast.KindList]); n != 1 {
		t.Errorf("%d lists, want 1 (media)", n)
	}
	var items []string
	for _, n := range nodes[ast.KindListItem] {
		items = append(items, mdText(n, src))
	}
	wantItems := []string{
		"A damaged apartment building in Stepanakert — Siranush Sargsyan / PAN Photo via REUTERS",
		"1. A caption that starts like a list",
	}
	if !slices.Equal(items, wantItems) {
		t.Errorf("list items = %q, want %q", items, wantItems)
	}
	if n := len(nodes[ast.KindThematicBreak]); n != 1 {
		t.Errorf("%d rules, want 1 (before the outro)", n)
	}
	for _, k := range []ast.NodeKind{ast.KindRawHTML, ast.KindHTMLBlock, ast.KindCodeSpan, ast.KindCodeBlock,
		ast.KindFencedCodeBlock, ast.KindLink, ast.KindBlockquote, east.KindStrikethrough, east.KindTable} {
		if len(nodes[k]) > 0 {
			t.Errorf("source text turned into %s: %q", k, mdText(nodes[k][0], src))
		}
	}

	var paras []string
	for _, n := range nodes[ast.KindParagraph] {
		if n.Parent().Kind() == ast.KindDocument {
			paras = append(paras, mdText(n, src))
		}
	}
	for _, want := range []string{
		"# Not a heading, just a hash sign.",
		"Aykhan Hajizada: “For the last three years, nothing happened.”",
		"1. Not a list item, a sentence.",
		"Some *stars* and snake_case_words, [brackets] and `ticks`.",
		"Aykhan Hajizada / Second Guest: - A dash at the start.",
		"AT&T &amp; friends > 2 <b>not bold</b>",
		"Interview by The Insider, translated from Russian.",
	} {
		if !slices.Contains(paras, want) {
			t.Errorf("no paragraph reads %q; paragraphs:\n%s", want, strings.Join(paras, "\n"))
		}
	}
}

func TestMarkdownUntitledAndSparse(t *testing.T) {
	d := &Document{Exchanges: []Exchange{{N: 1, Question: Question{Text: "Why?"}}}}
	md := render(t, func(b *bytes.Buffer) error { return Markdown(b, d) })
	want := "# Untitled\n\n## Question 1\n\n**Why?**\n"
	if md != want {
		t.Errorf("got %q, want %q", md, want)
	}
}

// trickyTexts look like Markdown syntax; each must read verbatim.
func trickyTexts() []string {
	return []string{
		"1. one", "1) one", "2023. A year", "# hash", "#hash", "###### six", "> quote", "- dash", "+ plus",
		"* star", "***", "---", "___", "= equals", "| a | b |", "a | b\n--- | ---", "a | b\n:-- | --:",
		"    indented", "`code`", "```fence", "~~~fence", "~~strike~~", "<div>block</div>", "<b>bold</b>",
		"<http://example.com>", "[a](b)", "![i](s)", "[ref]: /url", "&copy; &#169; &#xA9; &amp;", "AT&T;",
		"**bold**", "__under__", "_a_ *b*", "snake_case_name", "a\\", "\\*", `C:\path\*`, "Ends with #",
		"trailing ##", "text *", "line one\nline two", "para one\n\npara two", "first\n===", "first\n---",
		"a  \nhard", "tab\tin", "nbsp\u00a0inside", "ends with nbsp\u00a0", "“quoted”", "**", "*", "_", "\\",
		"- [ ] task", "1.5 litres", "10) ten", "Question 1:", "<!-- comment -->", "www.example.com",
		"0\n:-", ": colon",
	}
}

// TestMarkdownReadsVerbatim renders each tricky text as topic, question and
// answer and checks what a viewer would show.
func TestMarkdownReadsVerbatim(t *testing.T) {
	for _, s := range trickyTexts() {
		checkVerbatim(t, s)
		checkVerbatimExtras(t, s)
	}
}

func FuzzMarkdownVerbatim(f *testing.F) {
	for _, s := range trickyTexts() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Input is UTF-8 by the pipeline's contract; CommonMark replaces NUL.
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Skip()
		}
		checkVerbatim(t, s)
		checkVerbatimExtras(t, s)
	})
}

func checkVerbatim(t *testing.T, s string) {
	t.Helper()
	d := &Document{
		Title: Str("T"),
		Exchanges: []Exchange{{
			N:        1,
			Topic:    Str(s),
			Question: Question{Text: s, Speaker: Str("Q")},
			Answer:   Answer{Paragraphs: []string{"x", s}},
		}},
	}
	md := render(t, func(b *bytes.Buffer) error { return Markdown(b, d) })
	nodes, src := mdNodes(md)
	flat := oneLine(s)

	if flat != "" {
		var h2 []string
		for _, n := range nodes[ast.KindHeading] {
			if n.(*ast.Heading).Level == 2 {
				h2 = append(h2, mdText(n, src))
			}
		}
		if !slices.Equal(h2, []string{flat}) {
			t.Errorf("topic %q: headings %q\n%s", s, h2, md)
		}
		var strong []string
		for _, n := range nodes[ast.KindEmphasis] {
			if n.(*ast.Emphasis).Level == 2 {
				strong = append(strong, mdText(n, src))
			}
		}
		if !slices.Equal(strong, []string{"Q:", flat}) {
			t.Errorf("question %q: bold %q\n%s", s, strong, md)
		}
	}

	// Paragraphs after the question: the answer, split where the source has
	// blank lines, soft breaks read as spaces.
	var paras []string
	for _, n := range nodes[ast.KindParagraph] {
		paras = append(paras, mdText(n, src))
	}
	if len(paras) < 1 {
		t.Fatalf("no paragraphs:\n%s", md)
	}
	// White space at the ends of a source line carries no meaning (and
	// Markdown drops it), so compare line by line without it.
	var lines []string
	for _, l := range strings.Split("x\n"+s, "\n") {
		if l = oneLine(l); l != "" {
			lines = append(lines, l)
		}
	}
	got := strings.Join(paras[1:], " ")
	if want := strings.Join(lines, " "); got != want {
		t.Errorf("answer %q reads %q, want %q\n%s", s, got, want, md)
	}
	if len(nodes[ast.KindList])+len(nodes[ast.KindBlockquote])+len(nodes[ast.KindCodeBlock])+
		len(nodes[ast.KindHTMLBlock])+len(nodes[ast.KindRawHTML])+len(nodes[ast.KindThematicBreak])+
		len(nodes[east.KindTable])+len(nodes[east.KindStrikethrough])+len(nodes[ast.KindLink]) > 0 {
		t.Errorf("%q made a block or HTML element:\n%s", s, md)
	}
}

// checkVerbatimExtras covers the other places source text lands: the
// italic metadata line and label, and media list items.
func checkVerbatimExtras(t *testing.T, s string) {
	t.Helper()
	flat := oneLine(s)
	if flat == "" {
		return
	}
	d := &Document{
		Meta: Meta{Interviewer: Str(s)},
		Exchanges: []Exchange{{
			N:        1,
			Question: Question{Text: "q", Label: Str(s)},
		}},
		Media: []Media{{Caption: s, Credit: s}},
	}
	md := render(t, func(b *bytes.Buffer) error { return Markdown(b, d) })
	nodes, src := mdNodes(md)
	var em, items []string
	for _, n := range nodes[ast.KindEmphasis] {
		if n.(*ast.Emphasis).Level == 1 {
			em = append(em, mdText(n, src))
		}
	}
	for _, n := range nodes[ast.KindListItem] {
		items = append(items, mdText(n, src))
	}
	wantEm := []string{"Interviewer: " + flat, flat}
	if flat == "Question 1" { // a label equal to the heading is not repeated
		wantEm = wantEm[:1]
	}
	if !slices.Equal(em, wantEm) {
		t.Errorf("%q: italic %q, want %q\n%s", s, em, wantEm, md)
	}
	if want := []string{flat + " — " + flat}; !slices.Equal(items, want) {
		t.Errorf("%q: list items %q, want %q\n%s", s, items, want, md)
	}
	if n := len(nodes[ast.KindList]); n != 1 {
		t.Errorf("%q: %d lists, want 1\n%s", s, n, md)
	}
}

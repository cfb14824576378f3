package qanda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/qanda/qanda/pkg/source"
)

func htmlDoc(body string) *source.Doc {
	return &source.Doc{Name: "page.html", Body: []byte(body), Format: source.HTML, Charset: "utf-8"}
}

const qaParagraphs = "<p><b>Why did you start?</b></p><p>Because the village needed a school.</p>" +
	"<p><b>What came next?</b></p><p>A second school, and then a library.</p>" +
	"<p><b>Would you do it again?</b></p><p>Every day of my life.</p>"

// 100,000 nested elements: more than the HTML parser takes (512 open
// elements). The page is read as text, with a warning, and nothing of it
// is lost.
func TestDeepNestingReadAsText(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 100_000) + qaParagraphs + strings.Repeat("</div>", 100_000) + "</body></html>"
	e, err := extractDoc(htmlDoc(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Doc.Warnings) == 0 || !strings.Contains(e.Doc.Warnings[0].Message, "deeper than 512;") {
		t.Errorf("warnings %q", e.Doc.Warnings)
	}
	checkLedger(t, e.Doc)
	checkVerbatim(t, e)
	text := (&Explanation{Blocks: blocksOf(e)}).PageText()
	if !strings.Contains(text, "Because the village needed a school.") || strings.Contains(text, "<") {
		t.Errorf("page text %q", text)
	}
	// A lower --max-depth does the same for shallower pages.
	e, err = extractDoc(htmlDoc("<div><div><div><div>"+qaParagraphs), Options{MaxDepth: 3})
	if err != nil || len(e.Doc.Warnings) == 0 || !strings.Contains(e.Doc.Warnings[0].Message, "deeper than 3") {
		t.Errorf("max depth 3: %v, %v", err, e.Doc.Warnings)
	}
	e, err = extractDoc(htmlDoc("<div><div>"+qaParagraphs), Options{MaxDepth: 6})
	if err != nil || len(e.Doc.Warnings) > 0 && strings.Contains(e.Doc.Warnings[0].Message, "deeper") {
		t.Errorf("max depth 6: %v, %v", err, e.Doc.Warnings)
	}
}

// formattingBomb is HTML that makes the parser copy n formatting elements
// into each of m paragraphs.
func formattingBomb(n, m int) string {
	var b strings.Builder
	b.WriteString("<html><body><p>")
	for i := range n {
		fmt.Fprintf(&b, "<font color=%d>", i)
	}
	b.WriteString("</p>")
	for range m {
		b.WriteString("<p>x</p>")
	}
	return b.String()
}

func countElements(n *html.Node) int {
	c := 0
	if n.Type == html.ElementNode {
		c = 1
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countElements(k)
	}
	return c
}

// elementBound never underestimates what the parser builds, and stays
// close to it on real pages.
func TestElementBound(t *testing.T) {
	pages := []string{
		formattingBomb(10, 2000), formattingBomb(400, 2000),
		strings.Repeat("<b>", 50) + strings.Repeat("<p>x", 500),
		strings.Repeat("<a href=1>x<p>y", 300),
		strings.Repeat("<b class=x><i>", 100) + strings.Repeat("<div>x</div>", 300) + strings.Repeat("</i></b>", 100),
		"<script>" + strings.Repeat("<p>", 1000) + "</script><p>x<!-- <p><p> --><p>y",
	}
	for _, path := range corpusFiles(t) {
		if strings.HasSuffix(path, ".html.gz") {
			d, err := source.Open(path, source.Options{})
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, string(d.Body))
		}
	}
	for i, p := range pages {
		doc, err := html.Parse(strings.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		got, bound := countElements(doc), elementBound([]byte(p), 1<<30)
		if bound < got {
			t.Errorf("page %d: bound %d < %d elements built", i, bound, got)
		}
		if i >= 6 && bound > 3*got {
			t.Errorf("page %d: bound %d is far over the %d elements built", i, bound, got)
		}
	}
	// The bomb is read as text, quickly, well under the element limit.
	bomb := formattingBomb(400, 200_000) // 1.6 MB; 80 million elements if parsed
	start := time.Now()
	e, err := extractDoc(htmlDoc(bomb), Options{})
	if err != nil || len(e.Doc.Warnings) == 0 || !strings.Contains(e.Doc.Warnings[0].Message, "over 1000000 HTML elements;") {
		t.Fatalf("%v, warnings %v", err, e.Doc.Warnings)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestTooManyBlocks(t *testing.T) {
	text := &source.Doc{Name: "dump.txt", Body: []byte(strings.Repeat("A paragraph of its own.\n\n", 50)), Format: source.Text}
	_, err := extractDoc(text, Options{MaxBlocks: 10})
	if !errors.Is(err, ErrTooManyBlocks) || !strings.HasPrefix(err.Error(), "dump.txt: too many blocks (50, over the limit of 10)") {
		t.Errorf("text: %v", err)
	}
	_, err = extractDoc(htmlDoc(strings.Repeat("<p>One more paragraph.</p>", 50)), Options{MaxBlocks: 10})
	if !errors.Is(err, ErrTooManyBlocks) {
		t.Errorf("html: %v", err)
	}
	if _, err := extractDoc(text, Options{MaxBlocks: 50}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

// A document over its time limit is reported, and the caller gets control
// back at the deadline; the caller's own cancellation is passed on as is.
func TestTimeout(t *testing.T) {
	d := &source.Doc{Name: "slow.txt", Body: bytes.Repeat([]byte("Q: Why is that so?\n\nA: Because it is.\n\n"), 20000), Format: source.Text}
	start := time.Now()
	_, err := extractDoc(d, Options{Timeout: time.Millisecond})
	if !errors.Is(err, ErrTimeout) || err.Error() != "slow.txt: took too long to structure (over the limit of 1ms)" {
		t.Errorf("err %v", err)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("returned after %s", el)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := run(ctx, d, Options{}); !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestPanicIsAnError(t *testing.T) {
	_, err := guarded(context.Background(), "bad.html", Options{}, func(context.Context) (int, error) {
		var s []int
		return s[1], nil // index out of range
	})
	var pe *PanicError
	if !errors.Is(err, ErrInternal) || !errors.As(err, &pe) || len(pe.Stack) == 0 || !strings.HasPrefix(err.Error(), "bad.html: internal error (runtime error: index out of range [1] with length 0)") {
		t.Errorf("err %v", err)
	}
}

func TestHTMLText(t *testing.T) {
	got := htmlText([]byte("<html><head><title>T</title><style>p{}</style></head><body><h1>Head&amp;line</h1>" +
		"<p><b>Why</b>? Because\n  it <i>is</i>.</p><script>var x = '<p>no</p>';</script><p>One<br>two</p><ul><li>a</li><li>b</li></ul>"))
	want := "Head&line\n\nWhy? Because it is.\n\nOne\ntwo\n\na\n\nb\n\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// blocksOf is e's blocks as Explain gives them (text only).
func blocksOf(e *extraction) []Block {
	out := make([]Block, len(e.Blocks))
	for i, b := range e.Blocks {
		out[i] = Block{ID: b.ID, Text: b.Text}
	}
	return out
}

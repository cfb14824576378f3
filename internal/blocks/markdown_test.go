package blocks

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func markdownBlocks(t testing.TB, md string) []Block {
	t.Helper()
	h, err := MarkdownHTML([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(h))
	if err != nil {
		t.Fatal(err)
	}
	return FromHTML(doc)
}

// Markdown becomes the same blocks and style signals as HTML: headings
// with their level, bold labels as emphasis, and no Markdown syntax in
// the text.
func TestMarkdownBlocks(t *testing.T) {
	bs := markdownBlocks(t, "# A talk\n\n## Part one\n\n**Anna:** Why *now*?\n\n- first\n- second\n\n| Q | A |\n|---|---|\n| Why? | Because. |\n")
	var texts []string
	for _, b := range bs {
		texts = append(texts, b.Text)
		if strings.ContainsAny(b.Text, "*#|") {
			t.Errorf("Markdown syntax in block %q", b.Text)
		}
	}
	want := []string{"A talk", "Part one", "Anna: Why now?", "first", "second", "Q", "A", "Why?", "Because."}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", texts, want)
	}
	if bs[0].Kind != Heading || bs[0].Level != 1 || bs[1].Level != 2 {
		t.Errorf("headings: %+v %+v", bs[0], bs[1])
	}
	if bs[2].Emphasis == 0 {
		t.Error("the bold label gives no emphasis")
	}
}

// A timestamp that opens a turn, before, inside or after the bold label,
// becomes a block of its own hinted "timestamp"; timestamps elsewhere and
// times of day stay in the text.
func TestMarkdownTimestamps(t *testing.T) {
	cases := []struct{ md, ts, turn string }{
		{"[12:06] **Anna:** Hello there.", "[12:06]", "Anna: Hello there."},
		{"**Anna:** [12:06] Hello there.", "[12:06]", "Anna: Hello there."},
		{"**[00:12:06] Anna:** Hello there.", "[00:12:06]", "Anna: Hello there."},
		{"(00:12:06) Anna: Hello there.", "(00:12:06)", "Anna: Hello there."},
		{"01:02:03 **Anna:** Hello there.", "01:02:03", "Anna: Hello there."},
		{"- [1:02:03.5] item", "[1:02:03.5]", "item"},
	}
	for _, c := range cases {
		bs := markdownBlocks(t, c.md)
		if len(bs) != 2 || bs[0].Text != c.ts || bs[0].Chrome != hintTimestamp || bs[1].Text != c.turn || bs[1].Chrome != "" {
			t.Errorf("%q: blocks %+v", c.md, bs)
		}
	}
	for _, md := range []string{"We met at 12:06 and talked.", "12:06 was the time.", "**Anna:** See [12:06] later."} {
		bs := markdownBlocks(t, md)
		if len(bs) != 1 || bs[0].Chrome != "" {
			t.Errorf("%q: blocks %+v", md, bs)
		}
	}
}

func FuzzMarkdownHTML(f *testing.F) {
	for _, s := range []string{"", "# h\n\n**a:** [1:00] b", "[12:06]", "**[00:00:01]", "- (1:00) x\n- y",
		"| a |\n|---|\n| [1:00] b |", "<div>raw</div>\n\n**x**", "[a](b) [12:06] **c**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		h, err := MarkdownHTML([]byte(md))
		if err != nil {
			t.Fatal(err)
		}
		h2, _ := MarkdownHTML([]byte(md))
		if !bytes.Equal(h, h2) {
			t.Fatal("not deterministic")
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(h))
		if err != nil {
			t.Skip() // nesting beyond the parser's limit
		}
		FromHTML(doc)
	})
}

// An image followed by a short italic line, in the next paragraph or on
// the image's next line, is a figure with its caption; a bold line, an
// italic question, a long italic paragraph or an italic line after text
// is no caption.
func TestMarkdownImageCaption(t *testing.T) {
	long := strings.Repeat("word ", captionMaxWords+1)
	cases := []struct {
		md      string
		caption bool
	}{
		{"![alt](/a.jpg)\n\n*The harbour at dusk. Photo: J. Doe*", true},
		{"![alt](/a.jpg)\n*The harbour at dusk.*", true},
		{"[![alt](/a.jpg)](/big.jpg)\n\n_The harbour at dusk._", true},
		{"![alt](/a.jpg)\n\n**The harbour at dusk.**", false},
		{"![alt](/a.jpg)\n\n*Why did you go back?*", false},
		{"![alt](/a.jpg)\n\n*" + strings.TrimSpace(long) + "*", false},
		{"Some text.\n\n*The harbour at dusk.*", false},
		{"![alt](/a.jpg)\n\n*The harbour* at dusk.", false},
	}
	for _, c := range cases {
		bs := markdownBlocks(t, c.md)
		got := false
		for _, b := range bs {
			if b.Kind == Caption {
				got = true
				if strings.ContainsAny(b.Text, "*_") {
					t.Errorf("%q: Markdown syntax in the caption %q", c.md, b.Text)
				}
			}
		}
		if got != c.caption {
			t.Errorf("%q: caption %v, want %v (blocks %+v)", c.md, got, c.caption, bs)
		}
	}
}

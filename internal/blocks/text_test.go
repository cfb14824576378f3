package blocks

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFromTextLinesAndBullets(t *testing.T) {
	bs := FromText("REPORTS\n  • USD103.43\n\nTitle line\n\n  Body   text with\tspaces.  \r\nSecond line\n* starred item\n— A dash is not a bullet?\n")
	want := []struct {
		kind   Kind
		text   string
		bullet string
	}{
		{Paragraph, "REPORTS", ""},
		{ListItem, "USD103.43", "•"},
		{Paragraph, "Title line", ""},
		{Paragraph, "Body text with spaces.", ""},
		{Paragraph, "Second line", ""},
		{ListItem, "starred item", "*"},
		{Paragraph, "— A dash is not a bullet?", ""},
	}
	if len(bs) != len(want) {
		t.Fatalf("got %d blocks, want %d: %+v", len(bs), len(want), bs)
	}
	for i, w := range want {
		b := bs[i]
		if b.Kind != w.kind || b.Text != w.text || b.Bullet != w.bullet || b.ID != ID(i) {
			t.Errorf("block %d = %+v, want %+v", i, b, w)
		}
	}
	// Joined: the line follows the one before with no blank line between.
	for i, want := range []bool{false, true, false, false, true, true, true} {
		if bs[i].Joined != want {
			t.Errorf("block %d %q: joined %v, want %v", i, bs[i].Text, bs[i].Joined, want)
		}
	}
}

// A dump hard-wrapped at 40 columns is joined back into paragraphs; a
// dump with long lines keeps one block per line.
func TestFromTextUnwraps(t *testing.T) {
	para := "The minister spoke to our reporter on Monday in her office in the capital and answered every question we had prepared, including the difficult ones about the budget and the harbour."
	var wrapped []string
	line := ""
	for _, w := range strings.Fields(para) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > 40 {
			wrapped = append(wrapped, line)
			line = w
		} else if line == "" {
			line = w
		} else {
			line += " " + w
		}
	}
	wrapped = append(wrapped, line)
	body := strings.Join(wrapped, "\n") + "\n\n" + strings.Join(wrapped, "\n") + "\n"
	bs := FromText(body)
	if len(bs) != 2 || bs[0].Text != para || bs[1].Text != para {
		t.Fatalf("not unwrapped: %d blocks: %+v", len(bs), bs)
	}
	// A doubled caption in a long-line dump must stay two blocks.
	caption := "A view of the harbour after the storm, January 2024."
	bs = FromText(para + "\n\n" + caption + "\n" + caption + "\n")
	if len(bs) != 3 {
		t.Fatalf("doubled caption joined: %+v", bs)
	}
}

func TestCollapse(t *testing.T) {
	if got := Collapse(" a\u00a0 b\n\tc\u200b "); got != "a b c" {
		t.Errorf("Collapse = %q", got)
	}
}

// FromHTML collapses and counts block text on bytes, with ASCII shortcuts;
// the results must be those of Collapse and of ranging over the string.
func FuzzCollapseBytes(f *testing.F) {
	f.Add(" a\u00a0 b\n\tc\u200b ")
	f.Add("x\v\x85y\u0085z \ufeff\xff\xe2\x80 \u3000end\t")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendCollapsed([]byte("pre"), []byte(s))), "pre"+Collapse(s); got != want {
			t.Fatalf("appendCollapsed(%q) = %q, want %q", s, got, want)
		}
		if fast, slow := collapsed(s), string(appendCollapsed(nil, []byte(s))) == s; fast != slow {
			t.Fatalf("collapsed(%q) = %v, but collapsing it gives the same text: %v", s, fast, slow)
		}
		want := 0
		for _, r := range s {
			if !isSpace(r) {
				want++
			}
		}
		if got := nonSpace(s); got != want {
			t.Fatalf("nonSpace(%q) = %d, want %d", s, got, want)
		}
	})
}

func FuzzFromText(f *testing.F) {
	f.Add("a\nb\n\n  • c\n")
	f.Add("x\r\n\r\n\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		bs := FromText(s)
		for i, b := range bs {
			if b.Text == "" || b.ID != ID(i) || b.Offset < 0 || b.Offset > len(s) {
				t.Fatalf("bad block %d: %+v", i, b)
			}
			if b.Text != Collapse(b.Text) {
				t.Fatalf("block %d not collapsed: %q", i, b.Text)
			}
		}
		again := FromText(s)
		if len(again) != len(bs) {
			t.Fatal("not deterministic")
		}
		// Splitting columns, joining lines and splitting off a glued kicker
		// only move text: no letter of the dump is lost or made up
		// (bullets aside).
		if utf8.ValidString(s) && !strings.ContainsAny(s, "•◦▪‣∙*[]()") {
			var got strings.Builder
			for _, b := range bs {
				got.WriteString(b.Text + " ")
			}
			if a, b := runeCounts(s), runeCounts(got.String()); !maps.Equal(a, b) {
				t.Fatalf("text changed: %v -> %v", a, b)
			}
		}
	})
}

func runeCounts(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range Collapse(s) {
		if r != ' ' {
			m[r]++
		}
	}
	return m
}

// A kicker printed on its paragraph's line with no space ("series
// nameThe text") is split off as a block of its own; a paragraph that
// merely opens in lower case, or names a product spelt with an inner
// capital, stays whole.
func TestFromTextGluedKicker(t *testing.T) {
	long := " walked along the river for an hour before the rain came down on the old town and everybody went home early."
	cases := []struct {
		in, first string
		n         int
	}{
		{"weekend walks column" + "The ferry" + long, "weekend walks column", 2},
		{"unsere kleine reiheDer Fluss" + long, "unsere kleine reihe", 2},
		{"and then the ferry" + long, "and then the ferry" + long, 1},
		{"with the new eBook the ferry" + long, "with the new eBook the ferry" + long, 1},
		{"weekend walks columnThe ferry left.", "weekend walks columnThe ferry left.", 1},
	}
	for _, c := range cases {
		bs := FromText(c.in + "\n")
		if len(bs) != c.n || bs[0].Text != c.first {
			t.Errorf("FromText(%q) = %d blocks, first %q; want %d, first %q", c.in, len(bs), bs[0].Text, c.n, c.first)
			continue
		}
		if c.n == 2 && (bs[0].Chrome != HintKicker || !strings.HasPrefix(bs[1].Text, strings.TrimPrefix(c.in, c.first)[:3])) {
			t.Errorf("FromText(%q): kicker %+v, rest %q", c.in, bs[0], bs[1].Text)
		}
	}
}

// w3m prints a table row's cells side by side: the question cell's lines
// and the answer cell's lines share physical lines. The columns come apart,
// question before answer; an indented quote, code with aligned comments and
// a numbered list stay as they are.
func TestFromTextSideBySideColumns(t *testing.T) {
	q := []string{"How did a baker end", "up running a ferry?"}
	a := wrapAt("By accident, really. The old skipper retired and nobody else wanted the boat, so I learned the tides that winter and took the first passengers across in spring.", 70, 0)
	a2 := wrapAt("The bakery still opens at five. My sister runs it now, and the first crossing waits for her bread.", 70, 0)
	var lines []string
	lines = append(lines, "The Harbour Gazette", "")
	col := 30
	rows := append(append(append([]string{}, a...), ""), a2...)
	for i, r := range rows {
		left := ""
		if i >= 2 && i-2 < len(q) {
			left = q[i-2]
		}
		if r == "" && left == "" {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, left+strings.Repeat(" ", col-utf8.RuneCountInString(left))+r)
	}
	lines = append(lines, "", "Photo: the ferry at dawn.", "")
	bs := FromText(strings.Join(lines, "\n"))
	var texts []string
	for _, b := range bs {
		texts = append(texts, b.Text)
	}
	want := []string{"The Harbour Gazette", strings.Join(q, " "), strings.Join(a, " "), strings.Join(a2, " "), "Photo: the ferry at dawn."}
	if !slices.Equal(texts, want) {
		t.Fatalf("columns not split:\n got %q\nwant %q", texts, want)
	}

	for _, body := range []string{
		"Some text before the code.\n\n    x := 1            // the first value\n    y := 2            // the second value\n    z := x + y        // their sum\n\nAfter.",
		"Steps:\n\n 1. Mix the flour   and the water\n 2. Knead it        for ten minutes\n 3. Let it rest     overnight\n",
	} {
		bs := FromText(body)
		var got strings.Builder
		for _, b := range bs {
			got.WriteString(b.Text + "\n")
		}
		for _, l := range strings.Split(body, "\n") {
			if l = Collapse(l); l != "" && !strings.Contains(got.String(), l) {
				t.Errorf("line %q was split or joined: blocks %q", l, got.String())
			}
		}
	}
}

func TestTimestampsSplitOff(t *testing.T) {
	bs := FromText("[00:12:06] DANIEL OKORO: Why save it?\n\n(12:06) Q: And then?\n\n00:14:59 RUTH: Because.\n\n10:30 Uhr begann die Sitzung.\n\n[1:02:03.5]\n\n[citation needed] stays.")
	want := []struct{ text, chrome string }{
		{"[00:12:06]", "timestamp"}, {"DANIEL OKORO: Why save it?", ""},
		{"(12:06)", "timestamp"}, {"Q: And then?", ""},
		{"00:14:59", "timestamp"}, {"RUTH: Because.", ""},
		{"10:30 Uhr begann die Sitzung.", ""}, // a time of day, not a recording time
		{"[1:02:03.5]", "timestamp"},
		{"[citation needed] stays.", ""},
	}
	if len(bs) != len(want) {
		t.Fatalf("%d blocks, want %d: %+v", len(bs), len(want), bs)
	}
	for i, w := range want {
		if bs[i].Text != w.text || bs[i].Chrome != w.chrome || bs[i].ID != ID(i) {
			t.Errorf("block %d = %q %q %s, want %q %q %s", i, bs[i].Text, bs[i].Chrome, bs[i].ID, w.text, w.chrome, ID(i))
		}
	}
}

// wrapAt hard-wraps a paragraph at width columns as a text browser does,
// indenting every line by indent blanks.
func wrapAt(para string, width, indent int) []string {
	pad := strings.Repeat(" ", indent)
	var out []string
	line := ""
	for _, w := range strings.Fields(para) {
		switch {
		case line == "":
			line = w
		case indent+utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width:
			out = append(out, pad+line)
			line = w
		default:
			line += " " + w
		}
	}
	return append(out, pad+line)
}

// A dump wrapped at 80 columns is unwrapped even when a few lines are longer
// (a link the browser could not break) and a menu of one-word lines and a
// padded table sit in it: neither is joined, and an indented paragraph
// among plain ones is a quote.
func TestFromTextWrappedDump(t *testing.T) {
	paras := []string{
		"The harbour master told us on Tuesday that the new breakwater would be finished before the autumn storms, two years later than the council had promised when the work began.",
		"Fishermen in the old port say the delay has cost them a season of catches, because the boats could not use the inner basin while the cranes were working on the quay.",
		"She added that the budget had grown by a third, mostly because the stone had to come by sea from a quarry on the other side of the bay after the bridge was closed.",
		"Nobody on the committee wanted to say in public how much the last winter had cost the town, but the figures in the annual report speak for themselves when you read them.",
	}
	quote := "The sea does not wait for a council to make up its mind, and this winter it did not wait either."
	var lines []string
	lines = append(lines, "Home", "News", "Sport", "Weather", "")
	lines = append(lines, "https://example.org/a/very/long/address/that/no/browser/can/break/because/it/has/no/blanks/anywhere/at/all", "")
	for i, p := range paras {
		lines = append(lines, wrapAt(p, 80, 0)...)
		lines = append(lines, "")
		if i == 1 {
			lines = append(lines, wrapAt(quote, 80, 4)...)
			lines = append(lines, "")
		}
	}
	lines = append(lines, "    Name            Year    Club               Result",
		"    Harbour, Anna   1990    Sea Rowing Club    12,40 m",
		"    Quay, Ben       1991    Port Athletics     11,95 m", "")
	bs := FromText(strings.Join(lines, "\n"))
	byText := map[string]Block{}
	for _, b := range bs {
		byText[b.Text] = b
	}
	for _, p := range paras {
		if b, ok := byText[p]; !ok || b.Kind != Paragraph {
			t.Errorf("paragraph not unwrapped into one block: %q\nblocks: %+v", p, bs)
		}
	}
	if b, ok := byText[quote]; !ok || b.Kind != Quote {
		t.Errorf("indented paragraph: got %+v, want one quote block", b)
	}
	for _, want := range []string{"Home", "Weather", "Name Year Club Result", "Harbour, Anna 1990 Sea Rowing Club 12,40 m"} {
		if b, ok := byText[want]; !ok || b.Kind != Paragraph {
			t.Errorf("line %q joined or set as a quote: blocks %+v", want, bs)
		}
	}
}

// Text indented throughout (some dump styles indent every line) has no quotes.
func TestFromTextIndentedEverywhere(t *testing.T) {
	var lines []string
	for i := 0; i < 4; i++ {
		lines = append(lines, wrapAt("Every paragraph of this page is indented by the tool that printed it, so indentation marks nothing here at all.", 70, 4)...)
		lines = append(lines, "")
	}
	for _, b := range FromText(strings.Join(lines, "\n")) {
		if b.Kind != Paragraph {
			t.Errorf("block %q is %s, want paragraph", b.Text, b.Kind)
		}
	}
}

// A drawn rule under a wrapped paragraph is too long to have fitted on the
// paragraph's last line, but it is no continuation of it, and the
// kicker after it is no continuation of the rule.
func TestFromTextRuleNotJoined(t *testing.T) {
	paras := []string{
		"The harbour master told us on Tuesday that the new breakwater would be finished before the autumn storms, two years later than the council had promised.",
		"Fishermen in the old port say the delay has cost them a season of catches, because the boats could not use the inner basin while the cranes worked.",
		"She added that the budget had grown by a third, mostly because the stone had to come by sea from a quarry on the other side of the bay.",
	}
	rule := strings.Repeat("━", 50)
	var lines []string
	for _, p := range paras {
		lines = append(lines, wrapAt(p, 80, 0)...)
		lines = append(lines, rule, "Harbour news", "")
	}
	bs := FromText(strings.Join(lines, "\n"))
	var texts []string
	for _, b := range bs {
		texts = append(texts, b.Text)
	}
	var want []string
	for _, p := range paras {
		want = append(want, p, rule, "Harbour news")
	}
	if !slices.Equal(texts, want) {
		t.Errorf("blocks:\n%q\nwant:\n%q", texts, want)
	}
}

// In a wrapped dump, an indented line under a plain line opens a quote even
// when its first word would not have fitted on the line above.
func TestFromTextQuoteNotJoined(t *testing.T) {
	paras := []string{
		"The harbour master told us on Tuesday that the new breakwater would be finished before the autumn storms, two years later than the council had promised.",
		"Fishermen in the old port say the delay has cost them a season of catches, because the boats could not use the inner basin while the cranes worked.",
		"She added that the budget had grown by a third, mostly because the stone had to come by sea from a quarry on the other side of the bay.",
	}
	var lines []string
	for _, p := range paras {
		lines = append(lines, wrapAt(p, 80, 0)...)
		lines = append(lines, "")
	}
	caption := "The harbour master on the new quay, photographed in the spring. (Photo: Jane Doe)"
	quote := "\"Breakwaters-and-quays are what this town lives on\", she says."
	lines = append(lines, caption, "    "+quote, "")
	bs := FromText(strings.Join(lines, "\n"))
	n := len(bs)
	if n < 2 || bs[n-2].Text != caption || bs[n-1].Text != quote || bs[n-1].Kind != Quote {
		t.Errorf("caption and quote: %+v", bs[max(0, n-2):])
	}
}

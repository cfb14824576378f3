package blocks

import (
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
	})
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

package clean

import (
	"fmt"
	"testing"

	"github.com/qanda/qanda/internal/blocks"
)

// columnPage is one page of a weekly column: the same prompts answered
// differently, and the same promotion box on every page.
func columnPage(n int) []blocks.Block {
	texts := []string{
		fmt.Sprintf("Meet guest number %d, who runs a bakery in town %d.", n, n),
		"What are you reading right now?",
		fmt.Sprintf("Book number %d, slowly, a chapter a night.", n),
		"Favourite place:",
		fmt.Sprintf("The harbour of town %d at dawn.", n),
		"Get the best of the weekly column delivered every Friday morning.",
		"The column is published by Example Media since 1998.",
	}
	bs := make([]blocks.Block, len(texts))
	for i, t := range texts {
		bs[i] = blocks.Block{ID: blocks.ID(i), Kind: blocks.Paragraph, Text: t}
	}
	return bs
}

func TestSiteBoilerplate(t *testing.T) {
	l := NewSiteLearner()
	for n := 1; n <= 5; n++ {
		l.Observe(Sketch(fmt.Sprintf("https://www.column.example/guest-%d", n), columnPage(n)))
	}
	// Re-crawls of a page count once, and pages of other hosts not at all.
	l.Observe(Sketch("https://column.example/guest-1/#top", columnPage(1)))
	l.Observe(Sketch("https://other.example/guest-1", columnPage(1)))
	m := l.Model()
	if m.Size() != 2 {
		t.Errorf("model knows %d texts, want the 2 promotion lines", m.Size())
	}
	bs := columnPage(9)
	marks := make([]Mark, len(bs))
	for i := range marks {
		marks[i] = Mark{Role: Content, DupOf: -1}
	}
	if n := m.Apply("https://column.example/guest-9", bs, marks); n != 2 {
		t.Errorf("removed %d blocks, want 2", n)
	}
	for i, mk := range marks {
		want := Content
		if i >= 5 {
			want = Removed
		}
		if mk.Role != want || (want == Removed && mk.Reason != SiteBoilerplate) {
			t.Errorf("block %d %q: %+v", i, bs[i].Text, mk)
		}
	}
	// Another host, and a nil model, are left alone.
	if n := m.Apply("https://other.example/x", bs, marks) + (*SiteModel)(nil).Apply("https://column.example/x", bs, marks); n != 0 {
		t.Errorf("removed %d on another host", n)
	}
}

// Two pages are not "many": nothing is learned.
func TestSiteBoilerplateNeedsPages(t *testing.T) {
	l := NewSiteLearner()
	l.Observe(Sketch("https://column.example/a", columnPage(1)))
	l.Observe(Sketch("https://column.example/b", columnPage(2)))
	l.Observe(Sketch("", columnPage(3)))
	if n := l.Model().Size(); n != 0 {
		t.Errorf("learned %d texts from two pages", n)
	}
}

// What is learned depends on the pages, not on the order they come in: a
// prompt whose first page is the odd one out is judged by the answer most
// of its pages give.
func TestSiteLearningIgnoresOrder(t *testing.T) {
	page := func(n int) []blocks.Block {
		bs := columnPage(n)
		// The same prompt and the same line after it on every page but
		// the first: a fixed box, not a question put to each guest.
		bs[3].Text = "Our partners:"
		bs[4].Text = "A list of partners that every page of the column shows."
		if n == 1 {
			bs[4].Text = "A one-off note for the first guest only."
		}
		return bs
	}
	learn := func(order []int) map[string]map[uint64]bool {
		l := NewSiteLearner()
		for _, n := range order {
			l.Observe(Sketch(fmt.Sprintf("https://column.example/guest-%d", n), page(n)))
		}
		return l.Model().hosts
	}
	a, b := learn([]int{1, 2, 3, 4, 5}), learn([]int{5, 4, 3, 2, 1})
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the model depends on the order:\n%v\n%v", a, b)
	}
	if n := len(a["column.example"]); n != 4 {
		t.Errorf("%d boilerplate texts, want 4 (the prompt, its fixed line, the two promotion lines)", n)
	}
}

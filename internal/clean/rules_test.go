package clean

import (
	"regexp"
	"testing"

	"github.com/qanda/qanda/internal/blocks"
)

func TestRulesAreNamedOnce(t *testing.T) {
	seen := map[string]bool{}
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	parents := map[string]bool{}
	for _, r := range Rules() {
		if !kebab.MatchString(r.Name) {
			t.Errorf("rule %q: name is not kebab-case", r.Name)
		}
		if seen[r.Name] {
			t.Errorf("rule %q listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Why == "" || r.Does == "" {
			t.Errorf("rule %q: says neither what it does nor why", r.Name)
		}
		if r.Parent != "" {
			if !parents[r.Parent] {
				t.Errorf("step %q: parent %q is not a rule listed before it", r.Name, r.Parent)
			}
			if r.run != nil {
				t.Errorf("step %q has a run function of its own", r.Name)
			}
		} else if r.run != nil {
			parents[r.Name] = true
		}
	}
}

// echoPage is a text dump with a header above the title, an echoed
// passage and a newsletter box: three rules fire on it.
func echoPage() ([]blocks.Block, Context) {
	bs := blocks.FromText("Menu\nHome\nThe headline of the story\n" +
		"The first paragraph of the article tells the reader what happened and why it matters so much.\n" +
		"The second paragraph goes on with more detail about the people involved in the events.\n" +
		"Subscribe to our newsletter\n" +
		"The first paragraph of the article tells the reader what happened and why it matters so much.\n" +
		"The second paragraph goes on with more detail about the people involved in the events.\n" +
		"The last paragraph closes the article with a sentence that ends it properly.\n")
	return bs, Context{TitleBlock: 2}
}

func TestMarksNameTheirRule(t *testing.T) {
	bs, ctx := echoPage()
	marks := Clean(bs, ctx)
	got := map[string]string{} // text -> rule
	for i, m := range marks {
		if m.Role == Removed {
			if m.Rule == "" {
				t.Errorf("block %d %q removed (%s) without a rule", i, bs[i].Text, m.Reason)
			}
			got[bs[i].Text] = m.Rule
		}
	}
	for text, rule := range map[string]string{"Menu": "text-header", "Subscribe to our newsletter": "boilerplate"} {
		if got[text] != rule {
			t.Errorf("%q: rule %q, want %q", text, got[text], rule)
		}
	}
	if marks[6].Rule != "repeated-run" {
		t.Errorf("echoed paragraph: rule %q, want repeated-run", marks[6].Rule)
	}
}

func TestDisabledRuleDoesNotRun(t *testing.T) {
	for _, tc := range []struct{ off, text string }{
		{"text-header", "Menu"},
		{"duplicates", "The first paragraph of the article tells the reader what happened and why it matters so much."},
		{"repeated-run", "The first paragraph of the article tells the reader what happened and why it matters so much."},
	} {
		bs, ctx := echoPage()
		ctx.Disabled = map[string]bool{tc.off: true}
		marks := Clean(bs, ctx)
		kept := 0
		for i, m := range marks {
			if bs[i].Text == tc.text && m.Role != Removed {
				kept++
			}
			if m.Rule == tc.off {
				t.Errorf("%s off: block %d still marked by it", tc.off, i)
			}
		}
		if kept == 0 {
			t.Errorf("%s off: %q was still removed", tc.off, tc.text)
		}
	}
}

func TestEveryRuleCanBeSwitchedOff(t *testing.T) {
	for _, name := range RuleNames() {
		bs, ctx := echoPage()
		ctx.Disabled = map[string]bool{name: true}
		for i, m := range Clean(bs, ctx) {
			if m.Rule == name {
				t.Errorf("%s off: block %d marked by it", name, i)
			}
		}
	}
}

package qanda

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qanda/qanda/pkg/render"
)

// The founding page's layout, rebuilt from parts so that tests can move,
// drop and perturb them: a question list printed apart from the answers,
// topic headings above the answers, the list echoed between answer
// paragraphs, doubled captions, link stubs and page chrome.

type synthQ struct{ topic, question string }

var synthQs = []synthQ{
	{"On the new railway line in the north", "What is your plan for the new railway line between the two northern cities, and when will construction start?"},
	{"On funding the hospital reforms", "How will the ministry pay for the hospital reforms that were announced last spring, given the deficit?"},
	{"On the collapse of talks with the teachers' union", "Why did the negotiations with the teachers' union collapse last week, and who walked away first?"},
	{"On fishing quotas under the new treaty", "What will happen to the fishing quotas of the coastal villages after the new treaty takes effect?"},
	{"On electricity prices this winter", "Do you expect electricity prices for households to fall this winter, or will they keep rising?"},
	{"On the harbour flooding investigation", "Who will lead the investigation into the flooding of the old harbour, and when will its findings be published?"},
}

// synthAnswers are two answer paragraphs per question, each distinct.
var synthAnswers = [][2]string{
	{"“Construction starts in March. The first section, from the river crossing to the new depot, is already fully planned and financed.",
		"The line will open in stages, and the northern towns will be connected within four years, if the courts do not delay the permits.”"},
	{"“We will not raise taxes for this. The money comes from the savings we made by merging three hospital administrations.",
		"Part of it will also come from the European cohesion fund, which has approved our application for the rural clinics.”"},
	{"“The union left the table when we refused to link salaries to inflation for a third year in a row.",
		"I regret it. We offered a one-off payment and a shorter week for young teachers, and that offer still stands.”"},
	{"“The quotas stay as they are for two seasons. After that, a joint commission will review them every spring.",
		"Coastal villages get a guaranteed share, so small boats will not be pushed out by the large trawlers.”"},
	{"“Prices will not fall much this winter, but the cap we introduced protects every household until April.",
		"In the longer run, the new wind farms will bring prices down, because they cost almost nothing to run.”"},
	{"“A retired judge will lead it, and she will have full access to the port authority's records.",
		"Her findings will be published in full before the summer, including the parts that are uncomfortable for us.”"},
}

// answerParas returns the answer paragraphs of question k.
func answerParas(k int) []string { return synthAnswers[k][:] }

type variant struct {
	n       int    // number of questions
	order   []int  // order of the answer sections (question indexes)
	listAt  string // "interleaved", "top", "bottom"
	echoes  int    // how many times the list is printed
	perturb bool   // echo with other quote marks, spacing and a dropped line
}

func (v variant) page() string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n\n") }
	list := func(copyNo int) {
		for k := 0; k < v.n; k++ {
			q := synthQs[k].question
			label := fmt.Sprintf("Question %d", k+1)
			if v.perturb && copyNo > 0 {
				label = fmt.Sprintf("Question  %d ", k+1)
				q = strings.ReplaceAll(q, "'", "’")
				if k == 1 && copyNo == 2 {
					continue // a dropped line
				}
			}
			line(label)
			line(q)
		}
	}
	line("NEWS")
	line("ANALYSIS")
	line("  • USD 1.08")
	line("The minister answers six questions about the year ahead in government")
	line("The minister spoke to our reporter on Monday in her office in the capital. The interview was conducted in writing and has been edited for length.")
	line("Several of the topics below were raised by readers, who sent more than two hundred questions in the week before the interview took place.")
	copies := 0
	if v.listAt == "top" {
		list(copies)
		copies++
	}
	for pos, k := range v.order {
		line(synthQs[k].topic)
		line("The exact wording of the question can be found here.")
		a := answerParas(k)
		line(a[0])
		if v.listAt == "interleaved" && copies < v.echoes {
			list(copies)
			copies++
		}
		if pos == 0 {
			line("A view of the northern railway station at night, January 2024.")
			line("A view of the northern railway station at night, January 2024.")
			line("Photo: Jane Doe / Example Agency")
		}
		line(a[1])
	}
	for copies < v.echoes {
		list(copies)
		copies++
	}
	line("Subscribe to our weekly digest")
	return b.String()
}

func TestQuestionListVariants(t *testing.T) {
	seq := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		return s
	}
	cases := map[string]variant{
		"four, echoed four times":         {n: 4, order: seq(4), listAt: "interleaved", echoes: 4},
		"list printed once at the top":    {n: 4, order: seq(4), listAt: "top", echoes: 1},
		"list printed once at the bottom": {n: 4, order: seq(4), listAt: "bottom", echoes: 1},
		"three questions":                 {n: 3, order: seq(3), listAt: "interleaved", echoes: 3},
		"six questions":                   {n: 6, order: seq(6), listAt: "interleaved", echoes: 4},
		"topics in another order":         {n: 4, order: []int{2, 0, 3, 1}, listAt: "interleaved", echoes: 4},
		"six, shuffled, list at top":      {n: 6, order: []int{5, 3, 1, 0, 2, 4}, listAt: "top", echoes: 2},
		"echo with small differences":     {n: 4, order: seq(4), listAt: "interleaved", echoes: 4, perturb: true},
	}
	for name, v := range cases {
		t.Run(name, func(t *testing.T) {
			d, err := fromReader("variant.txt", strings.NewReader(v.page()), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkVariant(t, v, d)
		})
	}
}

func checkVariant(t *testing.T, v variant, d *render.Document) {
	t.Helper()
	if len(d.Exchanges) != len(v.order) {
		t.Fatalf("got %d exchanges, want %d; warnings %v", len(d.Exchanges), len(v.order), d.Warnings)
	}
	for pos, k := range v.order {
		e := d.Exchanges[pos]
		if e.Topic == nil || *e.Topic != synthQs[k].topic {
			t.Errorf("exchange %d: topic %v, want %q", pos+1, e.Topic, synthQs[k].topic)
		}
		if e.Question.Text != synthQs[k].question {
			t.Errorf("exchange %d (%s): question %q, want %q", pos+1, synthQs[k].topic, e.Question.Text, synthQs[k].question)
		}
		if want := fmt.Sprintf("Question %d", k+1); e.Question.Label == nil || *e.Question.Label != want {
			t.Errorf("exchange %d: label %v, want %q", pos+1, e.Question.Label, want)
		}
		want := answerParas(k)
		if strings.Join(e.Answer.Paragraphs, "\n") != strings.Join(want, "\n") {
			t.Errorf("exchange %d: answer paragraphs\n%q\nwant\n%q", pos+1, e.Answer.Paragraphs, want)
		}
	}
	all := contentText(d)
	for k := 0; k < v.n; k++ {
		if c := strings.Count(all, synthQs[k].question); c != 1 {
			t.Errorf("question %d appears %d times in the content, want 1", k+1, c)
		}
	}
	for _, bad := range []string{"NEWS", "USD 1.08", "Subscribe", "can be found here", "Jane Doe", "A view of the northern"} {
		if strings.Contains(all, bad) {
			t.Errorf("content contains boilerplate %q", bad)
		}
	}
	if len(d.Media) != 1 || d.Media[0].Credit != "Photo: Jane Doe / Example Agency" {
		t.Errorf("media = %+v, want one caption with its credit", d.Media)
	}
	if len(d.Intro) != 2 {
		t.Errorf("intro has %d paragraphs, want 2: %q", len(d.Intro), d.Intro)
	}
	checkLedger(t, d)
}

// contentText is every text a reader of the transcript sees.
func contentText(d *render.Document) string {
	var parts []string
	if d.Title != nil {
		parts = append(parts, *d.Title)
	}
	parts = append(parts, d.Intro...)
	for _, e := range d.Exchanges {
		if e.Topic != nil {
			parts = append(parts, *e.Topic)
		}
		parts = append(parts, e.Question.Text)
		parts = append(parts, e.Answer.Paragraphs...)
	}
	parts = append(parts, d.Outro...)
	return strings.Join(parts, "\n")
}

func checkLedger(t testing.TB, d *render.Document) {
	t.Helper()
	removed := 0
	for _, n := range d.Stats.Removed {
		removed += n
	}
	listed, controls := 0, 0
	for _, r := range d.Removed {
		if r.Reason == ReasonControl { // characters, not blocks
			controls += r.Count
			continue
		}
		listed += r.Count
		if r.Count != len(r.Blocks) {
			t.Errorf("removed %q: count %d but %d blocks", r.Text, r.Count, len(r.Blocks))
		}
	}
	if d.Stats.BlocksIn != d.Stats.Kept+removed {
		t.Errorf("ledger: blocks in %d != kept %d + removed %d", d.Stats.BlocksIn, d.Stats.Kept, removed)
	}
	if listed != removed {
		t.Errorf("removed list counts %d blocks, stats say %d", listed, removed)
	}
	if controls != d.Stats.ControlCharacters {
		t.Errorf("removed lists %d control characters, stats say %d", controls, d.Stats.ControlCharacters)
	}
}

package qanda

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// TestFormatZoo renders every bundled transcript (testdata/zoo) in every
// markup convention, as an HTML page with chrome and as a text dump of it
// (a Markdown file for the Markdown convention), extracts each with the
// whole pipeline and scores the exchanges as ../shared/eval/score.py does:
// a predicted exchange matches a true one when question and answer token
// F1 are both at least 0.8, one-to-one, best pairs first. It logs the pair
// F1 per convention and fails when the overall pair F1 falls below
// zooMinPairF1, when a rendering gives no exchanges at all (unless listed
// in zooKnownEmpty), when chrome leaks into more questions and answers
// than zooMaxLeaks, or when more pull quotes and captions are printed
// twice than zooMaxRepeats. Without w3m on PATH (or with QANDA_ZOO_NO_W3M set) the
// dumps are fallbackDump's, scored against the *Fallback limits.
//
// make eval-zoo prints the table; TestFormatZooWrite writes the renderings
// out.
func TestFormatZoo(t *testing.T) {
	zoo, err := loadZoo()
	if err != nil {
		t.Fatal(err)
	}
	d := newDumper()
	if os.Getenv("QANDA_ZOO_NO_W3M") != "" {
		d = dumper{}
	}
	minF1, maxLeaks, maxRepeats := zooMinPairF1, zooMaxLeaks, zooMaxRepeats
	known := zooKnownEmpty
	if d.w3m == "" {
		minF1, maxLeaks, maxRepeats = zooMinPairF1Fallback, zooMaxLeaksFallback, zooMaxRepeatsFallback
		t.Log("w3m is not on PATH (or QANDA_ZOO_NO_W3M is set): the text dumps are the Go fallback's imitation of a w3m dump")
	} else {
		t.Logf("text dumps by %s (-dump -T text/html -cols 100)", d.w3m)
		known = map[string]string{}
		for k, v := range zooKnownEmpty {
			known[k] = v
		}
		for k, v := range zooKnownEmptyW3M {
			known[k] = v
		}
	}

	type tally struct{ gold, pred, correct, leaks, repeats, empty, docs int }
	byConv := map[string]*tally{}
	var total tally
	add := func(key string, s zooScore) {
		tl := byConv[key]
		if tl == nil {
			tl = &tally{}
			byConv[key] = tl
		}
		for _, x := range []*tally{tl, &total} {
			x.gold += s.gold
			x.pred += s.pred
			x.correct += s.correct
			x.leaks += len(s.leaks)
			x.repeats += len(s.repeats)
			x.docs++
			if s.pred == 0 {
				x.empty++
			}
		}
	}
	var leakLines, imperfect []string
	for _, tr := range zoo {
		for _, cv := range zooConventions {
			type rendering struct{ form, name, body string }
			var rs []rendering
			if cv.markdown {
				rs = append(rs, rendering{"md", tr.ID + "-" + cv.name + ".md", zooMarkdown(tr)})
			} else {
				page := zooPage(tr, cv)
				rs = append(rs, rendering{"html", tr.ID + "-" + cv.name + ".html", page})
				dump, err := d.dump(page)
				if err != nil {
					t.Fatal(err)
				}
				rs = append(rs, rendering{"text", tr.ID + "-" + cv.name + ".txt", dump})
			}
			for _, r := range rs {
				key := cv.name + "/" + r.form
				t.Run(tr.ID+"/"+key, func(t *testing.T) {
					doc := extractString(t, r.name, r.body)
					s := scoreZoo(tr, doc)
					add(key, s)
					if s.correct != s.gold || s.pred != s.gold {
						imperfect = append(imperfect, fmt.Sprintf("%s/%s: %d/%d/%d by %s", tr.ID, key, s.correct, s.pred, s.gold, methods(doc)))
					}
					t.Logf("pairs %d/%d/%d (correct/predicted/true), method %s", s.correct, s.pred, s.gold, methods(doc))
					for _, m := range s.misses {
						t.Log("  miss " + m)
					}
					for _, l := range s.leaks {
						t.Logf("  leak: %q", l)
						leakLines = append(leakLines, tr.ID+"/"+key+": "+l)
					}
					for _, l := range s.repeats {
						t.Logf("  repeated: %q", l)
					}
					why, isKnown := known[tr.ID+"/"+key]
					if !isKnown {
						why, isKnown = known["*/"+key]
					}
					switch {
					case s.pred == 0 && !isKnown:
						t.Errorf("no exchanges from %s (%d warnings: %q)", r.name, len(doc.Warnings), doc.Warnings)
					case s.pred == 0:
						t.Logf("no exchanges: a known failure (%s)", why)
					case isKnown:
						t.Logf("listed as a known failure (%s) but gives %d exchanges: take it off zooKnownEmpty", why, s.pred)
					}
				})
			}
		}
	}

	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "convention\tform\tdocs\tempty\ttrue\tpred\tcorrect\tP\tR\tF1\tleaks\trepeats\t")
	keys := make([]string, 0, len(byConv))
	for k := range byConv {
		keys = append(keys, k)
	}
	order := map[string]int{}
	for i, cv := range zooConventions {
		order[cv.name] = i
	}
	sort.Slice(keys, func(i, j int) bool {
		ci, fi, _ := strings.Cut(keys[i], "/")
		cj, fj, _ := strings.Cut(keys[j], "/")
		if ci != cj {
			return order[ci] < order[cj]
		}
		return fi < fj
	})
	row := func(conv, form string, tl *tally) {
		p, r, f := prf(tl.correct, tl.pred, tl.gold)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n",
			conv, form, tl.docs, tl.empty, tl.gold, tl.pred, tl.correct, p, r, f, tl.leaks, tl.repeats)
	}
	forms := map[string]*tally{}
	for _, k := range keys {
		conv, form, _ := strings.Cut(k, "/")
		row(conv, form, byConv[k])
		if forms[form] == nil {
			forms[form] = &tally{}
		}
		x, tl := forms[form], byConv[k]
		x.gold, x.pred, x.correct, x.leaks, x.repeats, x.docs, x.empty = x.gold+tl.gold, x.pred+tl.pred,
			x.correct+tl.correct, x.leaks+tl.leaks, x.repeats+tl.repeats, x.docs+tl.docs, x.empty+tl.empty
	}
	for _, form := range []string{"html", "text", "md"} {
		if forms[form] != nil {
			row("ALL", form, forms[form])
		}
	}
	row("ALL", "all", &total)
	tw.Flush()
	t.Log("format zoo, pair scores per convention (text dumps by " + d.name() + "):\n" + b.String())

	t.Logf("renderings with a missed or a spurious exchange (correct/predicted/true, by the winning format):\n%s", strings.Join(imperfect, "\n"))
	_, _, f := prf(total.correct, total.pred, total.gold)
	t.Logf("overall pair F1 %.3f (threshold %.3f); chrome leaks into questions/answers: %d", f, minF1, total.leaks)
	if f < minF1 {
		t.Errorf("overall pair F1 %.3f is below %.3f", f, minF1)
	}
	if total.repeats > maxRepeats {
		t.Errorf("the pull quote or the caption is printed twice %d times, at most %d allowed", total.repeats, maxRepeats)
	}
	if total.leaks > maxLeaks {
		t.Errorf("%d chrome leaks into questions and answers, at most %d allowed:\n%s", total.leaks, maxLeaks, strings.Join(leakLines, "\n"))
	}
}

// The thresholds: what the tool reaches today, less 0.02 (the goal is
// 0.98). The Go fallback's dumps are not w3m's (it sets a table's cells
// one after another, where w3m sets them side by side), so they have their
// own. Measured when they were set: overall pair F1 0.998 with w3m's
// dumps (the side-by-side cells split into columns), 0.998 with the
// fallback's.
const (
	zooMinPairF1         = 0.978
	zooMinPairF1Fallback = 0.978
	// zooMaxLeaks is how many chrome texts may stand in a question or an
	// answer, over all renderings: none today.
	zooMaxLeaks         = 0
	zooMaxLeaksFallback = 0
	// zooMaxRepeats is how many renderings may print the pull quote or
	// the caption twice: none (a blockquote's indent marks it as a quote
	// in a text dump).
	zooMaxRepeats         = 0
	zooMaxRepeatsFallback = 0
)

// zooKnownEmpty lists the renderings ("transcript/convention/form", or
// "*/convention/form" for every transcript) known to give no exchanges at
// all, with what the tool does wrong. A rendering not listed must give at
// least one.
var zooKnownEmpty = map[string]string{}

// zooKnownEmptyW3M lists the renderings known to give no exchanges when
// w3m made the dump.
var zooKnownEmptyW3M = map[string]string{}

// methods lists the distinct methods of a document's exchanges.
func methods(d *Document) string {
	seen := map[string]bool{}
	var out []string
	for _, e := range d.Exchanges {
		m, _, _ := strings.Cut(e.Method, "+")
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, ",")
}

// zooScore is one rendering's score.
type zooScore struct {
	gold, pred, correct int
	misses              []string
	leaks               []string // chrome texts in a question or an answer
	repeats             []string // the pull quote or the caption more than once in the content
}

func prf(correct, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(correct) / float64(pred)
	}
	if gold > 0 {
		r = float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// zooQMin and zooAMin are score.py's Q_MIN and A_MIN.
const zooQMin, zooAMin = 0.8, 0.8

// zooPunct is score.py's [^\w\s] (Python's \w: letters, digits, "_").
var zooPunct = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)

var zooFold = cases.Fold()

// zooNorm is score.py's norm: NFKC, case folding, punctuation to spaces,
// spaces collapsed.
func zooNorm(s string) string {
	s = zooFold.String(norm.NFKC.String(s))
	s = zooPunct.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

func zooTokens(s string) []string { return strings.Fields(zooNorm(s)) }

// (tokenF1, score.py's f1 over token multisets, is in quality_test.go.)

// scoreZoo scores a document against its transcript as score.py's
// score_doc does, and counts chrome leaks and repeats.
func scoreZoo(tr zooTranscript, d *Document) zooScore {
	type cand struct {
		sum, qs, as float64
		i, j        int
	}
	var cands []cand
	for i, g := range tr.Exchanges {
		gq, ga := zooTokens(g.Question), zooTokens(strings.Join(g.Answer, " "))
		for j, p := range d.Exchanges {
			qs := tokenF1(zooTokens(p.Question.Text), gq)
			as := tokenF1(zooTokens(p.Answer.Text), ga)
			cands = append(cands, cand{qs + as, qs, as, i, j})
		}
	}
	// Python's sort(reverse=True) of (sum, qs, as, i, j) tuples.
	sort.Slice(cands, func(x, y int) bool {
		a, b := cands[x], cands[y]
		switch {
		case a.sum != b.sum:
			return a.sum > b.sum
		case a.qs != b.qs:
			return a.qs > b.qs
		case a.as != b.as:
			return a.as > b.as
		case a.i != b.i:
			return a.i > b.i
		}
		return a.j > b.j
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	best := map[int]cand{}
	for _, c := range cands {
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		best[c.i] = c
	}
	s := zooScore{gold: len(tr.Exchanges), pred: len(d.Exchanges)}
	for i, g := range tr.Exchanges {
		c, ok := best[i]
		if ok && c.qs >= zooQMin && c.as >= zooAMin {
			s.correct++
			continue
		}
		pred := "none"
		if ok {
			pred = fmt.Sprintf("#%d %.40q / %.40q", c.j+1, d.Exchanges[c.j].Question.Text, d.Exchanges[c.j].Answer.Text)
		}
		s.misses = append(s.misses, fmt.Sprintf("true #%d q=%.2f a=%.2f %.50q; predicted %s", i+1, c.qs, c.as, g.Question, pred))
	}

	var qa, all []string
	if d.Title != nil {
		all = append(all, zooNorm(*d.Title))
	}
	for _, p := range d.Intro {
		all = append(all, zooNorm(p))
	}
	for _, e := range d.Exchanges {
		if e.Topic != nil {
			qa = append(qa, zooNorm(*e.Topic))
		}
		qa = append(qa, zooNorm(e.Question.Text), zooNorm(e.Answer.Text))
	}
	all = append(all, qa...)
	for _, p := range d.Outro {
		all = append(all, zooNorm(p))
	}
	qaText, allText := strings.Join(qa, "\n"), strings.Join(all, "\n")
	for _, m := range zooChromes[tr.Lang].mustNotLeak() {
		if n := zooNorm(m); n != "" && strings.Contains(qaText, n) {
			s.leaks = append(s.leaks, m)
		}
	}
	for _, m := range []string{tr.pullQuote(), zooChromes[tr.Lang].Caption} {
		if n := zooNorm(m); n != "" && strings.Count(allText, n) > 1 {
			s.repeats = append(s.repeats, m)
		}
	}
	return s
}

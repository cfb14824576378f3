package qanda

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The bundled gold files (testdata/corpus/gold*, copied from the
// project's hand-made ground truth) pin the extraction quality in every
// test run, with the same measure as ../shared/eval/score.py: a predicted
// exchange matches a gold one when the question and the answer each have
// token F1 >= 0.8; boilerplate listed in must_not_contain must not reach
// the transcript.

type goldFile struct {
	ID        string `json:"id"`
	Exchanges []struct {
		Question       string   `json:"question"`
		Answer         []string `json:"answer"`
		AnswerOptional []string `json:"answer_optional"`
	} `json:"exchanges"`
	MustNotContain []string `json:"must_not_contain"`
	AtMostOnce     []string `json:"at_most_once"`
}

// scoreNorm is score.py's norm(): NFKC, case folded, punctuation to spaces.
func scoreNorm(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r))
	}), " ")
}

func tokenF1(pred, gold []string) float64 {
	if len(pred) == 0 && len(gold) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, t := range gold {
		count[t]++
	}
	common := 0
	for _, t := range pred {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(pred)), float64(common)/float64(len(gold))
	return 2 * p * r / (p + r)
}

type qualityTotals struct{ gold, pred, correct, leakDocs int }

func scoreGoldDir(t *testing.T, goldDir, inputDir, ext string) qualityTotals {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.json"))
	var tot qualityTotals
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatal(err)
		}
		input := filepath.Join(inputDir, g.ID+ext)
		if _, err := os.Stat(input); err != nil {
			continue // the founding page lives elsewhere and has its own tests
		}
		d := extractPath(t, input).Doc
		type cand struct {
			sum    float64
			q, a   float64
			gi, pi int
		}
		var cands []cand
		for gi, ge := range g.Exchanges {
			gq := strings.Fields(scoreNorm(ge.Question))
			ga := strings.Fields(scoreNorm(strings.Join(ge.Answer, " ")))
			for pi, pe := range d.Exchanges {
				pa := scoreNorm(pe.Answer.Text)
				for _, o := range ge.AnswerOptional {
					if o = scoreNorm(o); o != "" {
						pa = strings.ReplaceAll(pa, o, " ")
					}
				}
				q := tokenF1(strings.Fields(scoreNorm(pe.Question.Text)), gq)
				a := tokenF1(strings.Fields(pa), ga)
				cands = append(cands, cand{q + a, q, a, gi, pi})
			}
		}
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].sum > cands[j].sum })
		usedG, usedP := map[int]bool{}, map[int]bool{}
		correct := 0
		for _, c := range cands {
			if usedG[c.gi] || usedP[c.pi] {
				continue
			}
			usedG[c.gi], usedP[c.pi] = true, true
			if c.q >= 0.8 && c.a >= 0.8 {
				correct++
			}
		}
		content := scoreNorm(contentText(d))
		leaks := 0
		for _, s := range g.MustNotContain {
			if n := scoreNorm(s); n != "" && strings.Contains(content, n) {
				leaks++
				t.Logf("%s: leak %.60q", g.ID, s)
			}
		}
		if leaks > 0 {
			tot.leakDocs++
		}
		t.Logf("%-28s pairs %2d/%2d/%2d leaks %d", g.ID, correct, len(d.Exchanges), len(g.Exchanges), leaks)
		tot.gold += len(g.Exchanges)
		tot.pred += len(d.Exchanges)
		tot.correct += correct
	}
	if tot.gold == 0 {
		t.Fatal("no gold pages scored")
	}
	return tot
}

func (q qualityTotals) f1() float64 {
	if q.correct == 0 {
		return 0
	}
	p, r := float64(q.correct)/float64(q.pred), float64(q.correct)/float64(q.gold)
	return 2 * p * r / (p + r)
}

func TestQualityHTMLGold(t *testing.T) {
	tot := scoreGoldDir(t, filepath.Join(testdataDir, "corpus", "gold"), filepath.Join(testdataDir, "corpus", "interviews"), ".html.gz")
	if f := tot.f1(); f < 0.97 {
		t.Errorf("pair F1 %.3f on the HTML gold pages, want >= 0.97 (%+v)", f, tot)
	}
	if tot.leakDocs > 0 {
		t.Errorf("%d HTML pages leak boilerplate into the transcript", tot.leakDocs)
	}
}

func TestQualityTextGold(t *testing.T) {
	tot := scoreGoldDir(t, filepath.Join(testdataDir, "corpus", "gold-text"), filepath.Join(testdataDir, "corpus", "interviews-text"), ".txt.gz")
	if f := tot.f1(); f < 0.94 {
		t.Errorf("pair F1 %.3f on the text dumps, want >= 0.94 (%+v)", f, tot)
	}
}

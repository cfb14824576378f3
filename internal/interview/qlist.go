package interview

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
)

// numLabelRe matches a numbered label standing alone: "Question 1",
// "Frage 2:", "Вопрос №3", "Q4.". The word is free, so any language works;
// what makes it a label is that the same word counts up from 1.
var numLabelRe = regexp.MustCompile(`^(\p{L}[\p{L}.]{0,15})\s*(?:№|#|No\.?)?\s*(\d{1,3})\s*[.:)]?$`)

// questionList is a list of questions printed apart from the answers, each
// under a numbered label (the founding page's footnote).
type questionList struct {
	labels    []int // block indexes of the labels
	questions []int // block indexes of the questions
}

// findQuestionList finds the longest run "W 1, question, W 2, question, ..."
// in the stream.
func (p *page) findQuestionList() (questionList, bool) {
	var best questionList
	for s := 0; s < len(p.stream); s++ {
		word, n, ok := p.numLabel(s)
		if !ok || n != 1 {
			continue
		}
		var ql questionList
		for k, pos := 1, s; pos+1 < len(p.stream); k, pos = k+1, pos+2 {
			w, m, ok := p.numLabel(pos)
			if !ok || m != k || !strings.EqualFold(w, word) {
				break
			}
			if _, _, isLabel := p.numLabel(pos + 1); isLabel {
				break
			}
			ql.labels = append(ql.labels, p.stream[pos])
			ql.questions = append(ql.questions, p.stream[pos+1])
		}
		if len(ql.labels) > len(best.labels) {
			best = ql
		}
	}
	return best, len(best.labels) >= 2
}

// numLabel parses the block at stream position pos as a numbered label.
func (p *page) numLabel(pos int) (word string, n int, ok bool) {
	if pos >= len(p.stream) {
		return "", 0, false
	}
	// A numbered label ends in its number, maybe followed by a full
	// stop, colon or parenthesis; most paragraphs end otherwise.
	s := p.text(p.stream[pos])
	end := s
	if strings.HasSuffix(end, ".") || strings.HasSuffix(end, ":") || strings.HasSuffix(end, ")") {
		end = end[:len(end)-1]
	}
	end = strings.TrimRight(end, " \t\n\f\r")
	if end == "" || end[len(end)-1] < '0' || end[len(end)-1] > '9' {
		return "", 0, false
	}
	m := numLabelRe.FindStringSubmatch(s)
	if m == nil {
		return "", 0, false
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		return "", 0, false
	}
	return m[1], n, true
}

// detectQuestionList handles pages that print the questions as a numbered
// list and the answers under topic headings: each heading is matched to a
// question by wording (and, where wording does not decide, by order), and
// the answer is everything under the heading, whatever interrupts it.
func detectQuestionList(p *page) (Transcript, bool) {
	ql, ok := p.findQuestionList()
	if !ok {
		return Transcript{}, false
	}
	inList := map[int]bool{}
	for k := range ql.labels {
		inList[ql.labels[k]], inList[ql.questions[k]] = true, true
	}
	var body []int // stream without the list
	for _, i := range p.stream {
		p.tick()
		if !inList[i] {
			body = append(body, i)
		}
	}
	var topics []int // positions in body
	for pos, i := range body {
		if pos+1 < len(body) && p.isTopicHeading(i) && !p.isTopicHeading(body[pos+1]) {
			topics = append(topics, pos)
		}
	}
	if len(topics) == 0 {
		return Transcript{}, false
	}
	qTexts := p.texts(ql.questions)
	tTexts := make([]string, len(topics))
	for k, pos := range topics {
		tTexts[k] = p.text(body[pos])
	}
	assign, sims := matchTopics(tTexts, qTexts)

	t := Transcript{Format: "question-list"}
	t.Intro = append(t.Intro, body[:topics[0]]...)
	var cur *Exchange
	for k, pos := range topics {
		end := len(body)
		if k+1 < len(topics) {
			end = topics[k+1]
		}
		q := assign[k]
		if q < 0 {
			// A heading with no question of its own is a subheading of
			// the answer before it.
			if cur != nil {
				cur.Answer = append(cur.Answer, p.texts(body[pos:end])...)
				cur.Blocks = append(cur.Blocks, body[pos:end]...)
			} else {
				t.Intro = append(t.Intro, body[pos:end]...)
			}
			continue
		}
		conf := 0.6 + 0.35*math.Min(1, sims[k]*2)
		if len(topics) != len(ql.questions) {
			conf -= 0.15
		}
		t.Exchanges = append(t.Exchanges, Exchange{
			Topic:      p.text(body[pos]),
			Label:      p.text(ql.labels[q]),
			Question:   qTexts[q],
			Answer:     p.texts(body[pos+1 : end]),
			Confidence: math.Round(conf*100) / 100,
			Method:     "question-list+topic-headings",
			Blocks:     append([]int{body[pos], ql.labels[q], ql.questions[q]}, body[pos+1:end]...),
		})
		cur = &t.Exchanges[len(t.Exchanges)-1]
	}
	// Questions no heading took are still part of the page: keep them in
	// the intro rather than lose them.
	used := map[int]bool{}
	for _, q := range assign {
		if q >= 0 {
			used[q] = true
		}
	}
	for q := range ql.questions {
		if !used[q] {
			t.Intro = append(t.Intro, ql.labels[q], ql.questions[q])
			t.Warnings = append(t.Warnings, Warning{Unanswered, "question " + strconv.Itoa(q+1) + " of the question list has no answer section"})
		}
	}
	return t, len(t.Exchanges) > 0
}

// questionListBonus weighs the question list like labels: numbered labels
// counting up and headings matched by wording are markup on purpose.
const questionListBonus = 1.3

// questionListProposals proposes the question-list reading of the page,
// scored like the turn formats: exchanges, weighted by the share of their
// questions with a question mark.
func questionListProposals(p *page) []proposal {
	t, ok := detectQuestionList(p)
	if !ok {
		return nil
	}
	withQMark := 0
	for _, e := range t.Exchanges {
		if hasQMark(e.Question) {
			withQMark++
		}
	}
	n := float64(len(t.Exchanges))
	score := n * (0.25 + 0.75*float64(withQMark)/n) * questionListBonus
	return []proposal{{score: score, build: func() Transcript { return t }}}
}

// isTopicHeading tells a heading from text: an HTML heading, or in a text
// dump a short line that does not end like a sentence, is not quoted and
// starts with a capital.
func (p *page) isTopicHeading(i int) bool {
	b := p.in.Blocks[i]
	if b.Kind == blocks.Heading {
		return true
	}
	n := len(strings.Fields(b.Text))
	if n < 2 || n > 25 || b.Kind == blocks.ListItem || numLabelRe.MatchString(b.Text) {
		return false
	}
	r := []rune(b.Text)
	if !unicode.IsUpper(r[0]) {
		return false
	}
	last := r[len(r)-1]
	return !strings.ContainsRune(".!?…:;\"”»'’", last) && !clean.IsQuestion(b.Text)
}

// matchTopics assigns each topic heading a question (or -1) so that the sum
// of wording similarities is largest, with a small bonus for keeping the
// printed order: wording decides, order breaks ties.
func matchTopics(topics, questions []string) (assign []int, sims []float64) {
	sim := similarityMatrix(topics, questions)
	const orderBonus = 0.05
	score := func(t, q int) float64 {
		s := sim[t][q]
		if t == q {
			s += orderBonus
		}
		return s
	}
	assign = assignMax(len(topics), len(questions), score)
	sims = make([]float64, len(topics))
	for t, q := range assign {
		if q >= 0 {
			sims[t] = sim[t][q]
		}
	}
	return assign, sims
}

// assignMax solves the assignment problem for small sizes exactly (dynamic
// programming over subsets of questions) and greedily for large ones.
func assignMax(nt, nq int, score func(t, q int) float64) []int {
	assign := make([]int, nt)
	for i := range assign {
		assign[i] = -1
	}
	if nq > 12 || nt > 40 {
		used := make([]bool, nq)
		for t := 0; t < nt; t++ {
			best, bq := -1.0, -1
			for q := 0; q < nq; q++ {
				if !used[q] && score(t, q) > best {
					best, bq = score(t, q), q
				}
			}
			if bq >= 0 {
				assign[t], used[bq] = bq, true
			}
		}
		return assign
	}
	// dp[t][mask]: best total for topics t.. given the questions in mask are taken.
	full := 1 << nq
	dp := make([][]float64, nt+1)
	choice := make([][]int8, nt+1)
	for t := range dp {
		dp[t] = make([]float64, full)
		choice[t] = make([]int8, full)
	}
	for t := nt - 1; t >= 0; t-- {
		for mask := 0; mask < full; mask++ {
			best, bc := dp[t+1][mask], int8(-1) // topic t takes no question
			for q := 0; q < nq; q++ {
				if mask&(1<<q) != 0 {
					continue
				}
				// On a tie, taking a question beats taking none.
				if v := score(t, q) + dp[t+1][mask|1<<q]; v > best || (bc < 0 && v >= best) {
					best, bc = v, int8(q)
				}
			}
			dp[t][mask], choice[t][mask] = best, bc
		}
	}
	mask := 0
	for t := 0; t < nt; t++ {
		q := choice[t][mask]
		assign[t] = int(q)
		if q >= 0 {
			mask |= 1 << q
		}
	}
	return assign
}

// similarityMatrix scores how much of each topic's wording stands in each
// question: shared word stems weighted by rarity across all the texts, so a
// word every question uses ("Azerbaijan") counts little and a word one
// question uses ("rape", "corridor") counts a lot.
func similarityMatrix(topics, questions []string) [][]float64 {
	tStems := make([]map[string]bool, len(topics))
	qStems := make([]map[string]bool, len(questions))
	df := map[string]int{}
	for i, s := range topics {
		tStems[i] = stems(s)
		for st := range tStems[i] {
			df[st]++
		}
	}
	for i, s := range questions {
		qStems[i] = stems(s)
		for st := range qStems[i] {
			df[st]++
		}
	}
	n := float64(len(topics) + len(questions))
	weight := func(st string) float64 { return math.Log((n + 1) / float64(df[st])) }
	sim := make([][]float64, len(topics))
	for t := range topics {
		sim[t] = make([]float64, len(questions))
		total := 0.0
		for st := range tStems[t] {
			total += weight(st)
		}
		if total == 0 {
			continue
		}
		for q := range questions {
			shared := 0.0
			for st := range tStems[t] {
				if qStems[q][st] {
					shared += weight(st)
				}
			}
			sim[t][q] = shared / total
		}
	}
	return sim
}

// stems returns crude stems of the content words of a text: words of four
// letters or more, cut to five letters, which is enough to match
// "escalation" with "escalating" in the five languages qanda reads.
func stems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range clean.Tokens(s) {
		r := []rune(w)
		if len(r) < 4 {
			continue
		}
		if len(r) > 5 {
			r = r[:5]
		}
		out[string(r)] = true
	}
	return out
}

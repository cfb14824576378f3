package interview

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/qanda/qanda/pkg/blocks"
	"github.com/qanda/qanda/pkg/clean"
)

// labelRe matches a turn label at the start of a paragraph: "Q:", "A.",
// "Q2.", "Frage:", "MARGARET WARNER:", "Karin Fischer:", "fluter.de:". The
// label is at most five words and is followed by a colon (or a full stop
// for one-letter labels) and the turn's text.
var labelRe = regexp.MustCompile(`^((?:[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*)(?:\s+[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*){0,4}|\p{Lu}\d{0,2})\s*(?::|\.\s|\s[–—]\s)\s*(\S.*)$`)

// questionLabels are the labels that mean "question" in the languages
// qanda reads; answers' labels need not be listed: everything that is not
// the interviewer answers.
var questionLabels = map[string]bool{
	"q": true, "f": true, "frage": true, "question": true, "вопрос": true, "в": true,
	"pregunta": true, "p": true, "interviewer": true, "interviewerin": true,
}

// dashes that open a turn in dialogue-style interviews.
const turnDashes = "—–-"

// signature is one way a page may mark its questions.
type signature struct {
	method string
	isQ    func(p *page, i int) bool
}

var signatures = []signature{
	{"bold-questions", func(p *page, i int) bool {
		b := p.in.Blocks[i]
		return b.Emphasis >= 0.6 && b.Kind != blocks.Heading && len(strings.Fields(b.Text)) <= 120
	}},
	{"heading-questions", func(p *page, i int) bool {
		b := p.in.Blocks[i]
		return b.Kind == blocks.Heading && clean.IsQuestion(b.Text)
	}},
	{"dialogue-dashes", func(p *page, i int) bool {
		t := p.text(i)
		return startsWithDash(t) && clean.IsQuestion(t)
	}},
	{"question-marks", func(p *page, i int) bool {
		t := p.text(i)
		return clean.IsQuestion(t) && len(strings.Fields(t)) <= 120
	}},
}

func startsWithDash(s string) bool {
	r, _ := firstRune(s)
	return strings.ContainsRune(turnDashes, r)
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		return r, i
	}
	return 0, 0
}

// detectTurns segments pages whose turns are marked one by one: labels,
// bold, headings, dashes or question marks. It tries the labelled form
// first, then each question signature, and keeps the one under which
// questions and answers alternate best.
func detectTurns(p *page) (Transcript, bool) {
	if t, ok := p.labelled(); ok {
		return t, true
	}
	var best Transcript
	bestScore := 0
	for _, sig := range signatures {
		t, score := p.bySignature(sig)
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best, bestScore >= 2
}

// bySignature pairs each question block with the blocks up to the next
// question. The score counts questions followed by an answer; a question
// straight after a question does not count.
func (p *page) bySignature(sig signature) (Transcript, int) {
	t := Transcript{Format: sig.method}
	var cur *Exchange
	score := 0
	for _, i := range p.stream {
		if sig.isQ(p, i) {
			if cur != nil && len(cur.Answer) == 0 {
				// Two questions in a row: one question in two paragraphs.
				cur.Question += "\n\n" + p.text(i)
				cur.Blocks = append(cur.Blocks, i)
				continue
			}
			t.Exchanges = append(t.Exchanges, Exchange{
				Question: stripDash(p.text(i)), Method: sig.method, Confidence: 0.6, Blocks: []int{i},
			})
			cur = &t.Exchanges[len(t.Exchanges)-1]
			continue
		}
		if cur == nil {
			t.Intro = append(t.Intro, i)
			continue
		}
		if len(cur.Answer) == 0 {
			score++
		}
		cur.Answer = append(cur.Answer, stripDash(p.text(i)))
		cur.Blocks = append(cur.Blocks, i)
	}
	// A last question with no answer is not an exchange: put it back.
	if n := len(t.Exchanges); n > 0 && len(t.Exchanges[n-1].Answer) == 0 {
		t.Outro = append(t.Outro, t.Exchanges[n-1].Blocks...)
		t.Exchanges = t.Exchanges[:n-1]
	}
	// Too few questions for the length of the text: an article, not an
	// interview.
	if score < 2 || score*12 < len(p.stream) {
		return t, 0
	}
	return t, score
}

// stripDash removes a leading dialogue dash, which is markup, not text.
func stripDash(s string) string {
	r, _ := firstRune(s)
	if !strings.ContainsRune(turnDashes, r) {
		return s
	}
	rest := strings.TrimLeftFunc(s[len(string(r)):], unicode.IsSpace)
	if rest == "" {
		return s
	}
	return rest
}

// turn is one labelled paragraph.
type turn struct {
	block   int
	speaker string
	text    string
}

// labelled segments pages whose paragraphs start with speaker labels.
func (p *page) labelled() (Transcript, bool) {
	turns := make([]turn, len(p.stream))
	counts := map[string]int{}
	questions := map[string]int{}
	labelledN := 0
	for k, i := range p.stream {
		turns[k] = turn{block: i, text: p.text(i)}
		m := labelRe.FindStringSubmatch(p.text(i))
		if m == nil {
			continue
		}
		sp := strings.TrimSpace(m[1])
		turns[k].speaker, turns[k].text = sp, m[2]
		counts[sp]++
		if clean.IsQuestion(m[2]) {
			questions[sp]++
		}
		labelledN++
	}
	// Labels must recur: a paragraph that happens to start with "Note:"
	// is not a turn.
	for k := range turns {
		if counts[turns[k].speaker] < 2 {
			turns[k].speaker, turns[k].text = "", p.text(turns[k].block)
		}
	}
	interviewer, best := "", -1.0
	for sp, n := range counts {
		if n < 2 {
			continue
		}
		share := float64(questions[sp]) / float64(n)
		if questionLabels[strings.ToLower(sp)] {
			share += 1
		}
		if share > best || (share == best && sp < interviewer) {
			interviewer, best = sp, share
		}
	}
	if interviewer == "" || counts[interviewer] < 2 || len(counts) < 2 {
		return Transcript{}, false
	}
	t := Transcript{Format: "labels"}
	var cur *Exchange
	for _, tn := range turns {
		switch {
		case tn.speaker == interviewer:
			if cur != nil && len(cur.Answer) == 0 {
				cur.Question += "\n\n" + tn.text
				cur.Blocks = append(cur.Blocks, tn.block)
				continue
			}
			t.Exchanges = append(t.Exchanges, Exchange{Label: tn.speaker, Question: tn.text, QuestionSpeaker: tn.speaker,
				Method: "labels", Confidence: 0.85, Blocks: []int{tn.block}})
			cur = &t.Exchanges[len(t.Exchanges)-1]
		case cur == nil:
			t.Intro = append(t.Intro, tn.block)
		default:
			cur.Answer = append(cur.Answer, tn.text)
			cur.Blocks = append(cur.Blocks, tn.block)
			if tn.speaker != "" && !contains(cur.AnswerSpeakers, tn.speaker) {
				cur.AnswerSpeakers = append(cur.AnswerSpeakers, tn.speaker)
			}
		}
	}
	if n := len(t.Exchanges); n > 0 && len(t.Exchanges[n-1].Answer) == 0 {
		t.Outro = append(t.Outro, t.Exchanges[n-1].Blocks...)
		t.Exchanges = t.Exchanges[:n-1]
	}
	return t, len(t.Exchanges) >= 2
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

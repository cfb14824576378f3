package interview

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/words"
)

// Format is one way a page may mark its questions. Each format proposes
// segmentations of the page; every proposal of every format competes on
// one score (alternation of questions and answers, coverage, how many
// questions look like questions), so none wins by being tried first.
type Format struct {
	Name     string // short kebab-case name; every Exchange.Method starts with it
	Proposes string // what the format proposes as questions
	Why      string // the signal it trusts

	propose func(p *page) []proposal
}

// proposal is one segmentation a format proposes, with its score and the
// transcript it makes when it wins.
type proposal struct {
	score float64
	build func() Transcript
}

// Formats lists the interview formats in the order their proposals are
// scored; on an equal score the earlier one wins.
func Formats() []Format {
	return []Format{
		{
			Name:     "question-list",
			Proposes: "a numbered list of questions printed apart from the answers, each matched by wording to a topic heading that opens its answer",
			Why:      "numbered labels that count up from 1 (\"Question 1\", \"Frage 2\") are the page's own index of its questions",
			propose:  questionListProposals,
		},
		{
			Name:     "bold-questions",
			Proposes: "paragraphs set mostly in bold",
			Why:      "magazines set the interviewer's turns in bold",
			propose:  turnProposals(boldCandidates),
		},
		{
			Name:     "run-in-questions",
			Proposes: "a bold or italic sentence that opens the paragraph of its answer",
			Why:      "magazines run the question into its answer, set apart only by its emphasis",
			propose:  turnProposals(runInCandidates),
		},
		{
			Name:     "question-led",
			Proposes: "a question that opens the paragraph of its answer, with no emphasis",
			Why:      "a text dump loses the emphasis of run-in questions: the paragraph still opens with a question its own text answers",
			propose:  turnProposals(questionLedCandidates),
		},
		{
			Name:     "italic-questions",
			Proposes: "paragraphs set mostly in italic, not bold",
			Why:      "some magazines set the interviewer's turns in italic",
			propose:  turnProposals(italicCandidates),
		},
		{
			Name:     "dialogue-dashes",
			Proposes: "questions that open with a dialogue dash",
			Why:      "Russian and Spanish interviews open every turn with a dash",
			propose:  turnProposals(dashCandidates),
		},
		{
			Name:     "question-marks",
			Proposes: "unstyled questions, and short prompts that recur unchanged before different answers",
			Why:      "without markup, questions still end in a question mark and speak to the interviewee",
			propose:  turnProposals(questionMarkCandidates),
		},
		{
			Name:     "line-led-questions",
			Proposes: "in a text dump, the first line of a paragraph set on its own line above the rest, when the page's questions are set so",
			Why:      "a browser prints a run-in question broken off by <br> on its own line, its answer on the next with no blank line between; once the page's questions show the layout, a statement set the same way is a question too",
			propose:  turnProposals(lineLedCandidates),
		},
		{
			Name:     "heading-questions",
			Proposes: "headings of one level (one proposal per level)",
			Why:      "pages set questions as h2/h3, and use headings of another level for sections",
			propose:  turnProposals(headingCandidates),
		},
		{
			Name:     "markup-questions",
			Proposes: "blocks that share a class or data attribute a minority of blocks have",
			Why:      "page builders mark questions only through their element (class=\"question\", data-type-size)",
			propose:  turnProposals((*page).markupCandidates),
		},
		{
			Name:     "labels",
			Proposes: "turns opened by a recurring label: the interviewer's label starts a question, any other an answer; in a chat session every asker's \"Name, Place:\" starts a question",
			Why:      "transcripts label turns (\"Q:\", \"Frage:\", \"MARGARET WARNER:\", \"Fischer:\"); chats label each reader once (\"Tom, Leeds:\") and the expert's answers each time",
			propose:  turnProposals(labelCandidates),
		},
	}
}

// turnProposals makes a format's proposals from its candidate signatures:
// each is segmented and scored.
func turnProposals(cands func(p *page) []candidate) func(p *page) []proposal {
	return func(p *page) []proposal {
		var out []proposal
		for _, c := range cands(p) {
			s, score := p.segment(c)
			if score == 0 {
				continue
			}
			out = append(out, proposal{score: score, build: func() Transcript {
				t := p.transcript(s)
				p.labels(&t)
				p.closingSection(&t)
				signOff(&t)
				p.hostCloses(&t)
				p.closingThanks(&t)
				return t
			}})
		}
		return out
	}
}

// detect builds the transcript of the best proposal of the formats that
// are not disabled.
func detect(p *page) (Transcript, bool) {
	var best proposal
	for _, f := range Formats() {
		if p.in.Disabled[f.Name] {
			continue
		}
		if p.stopped() {
			return Transcript{}, false
		}
		for _, pr := range f.propose(p) {
			if pr.score > best.score {
				best = pr
			}
		}
	}
	if best.build == nil {
		return Transcript{}, false
	}
	return best.build(), true
}

// mk makes a candidate from a predicate on content blocks.
func (p *page) mk(method string, bonus float64, f func(blocks.Block, *blockFacts) bool) candidate {
	c := candidate{method: method, bonus: bonus, isQ: make([]bool, len(p.stream))}
	for k, i := range p.stream {
		p.tick()
		c.isQ[k] = f(p.in.Blocks[i], &p.facts[i])
	}
	return c
}

func boldCandidates(p *page) []candidate {
	return []candidate{p.mk("bold-questions", 1.15, func(b blocks.Block, f *blockFacts) bool {
		return b.Emphasis >= 0.6 && b.Kind != blocks.Heading && f.words <= 150
	})}
}

func italicCandidates(p *page) []candidate {
	return []candidate{p.mk("italic-questions", 1.1, func(b blocks.Block, f *blockFacts) bool {
		return b.Italic >= 0.6 && b.Emphasis < 0.6 && b.Kind != blocks.Heading && f.words <= 150
	})}
}

func dashCandidates(p *page) []candidate {
	return []candidate{p.mk("dialogue-dashes", 1.1, func(_ blocks.Block, f *blockFacts) bool {
		return f.dash && f.question
	})}
}

// questionMarkCandidates marks questions by their question mark, and
// prompts that recur unchanged before different answers ("Your recipe for
// a quick dinner."). Only the keys of short statements that may be such
// prompts are counted.
func questionMarkCandidates(p *page) []candidate {
	prompt := func(i int) bool {
		f := &p.facts[i]
		return !f.asks() && f.words <= 20 && strings.Contains(p.in.Marks[i].Key, " ") && !f.heading
	}
	recurring := map[string]int{}
	longest := 0 // a key longer than every prompt's is none of them
	for _, i := range p.stream {
		p.tick()
		if key := p.in.Marks[i].Key; prompt(i) {
			recurring[key] = 0
			longest = max(longest, len(key))
		}
	}
	for _, i := range p.stream {
		p.tick()
		if key := p.in.Marks[i].Key; len(key) <= longest {
			if c, ok := recurring[key]; ok {
				recurring[key] = c + 1
			}
		}
	}
	qm := candidate{method: "question-marks", bonus: 1.0, isQ: make([]bool, len(p.stream))}
	for k, i := range p.stream {
		p.tick()
		f := &p.facts[i]
		qm.isQ[k] = f.asks() || (prompt(i) && recurring[p.in.Marks[i].Key] >= 3) ||
			f.qmark && f.words <= 60 && questionThenRemark(p.text(i)) && k+1 < len(p.stream) && p.labelled(p.stream[k+1])
		if k > 0 && qm.isQ[k] && qm.isQ[k-1] && f.words >= rhetoricalMinWords && !p.addresses(i) {
			// Right after a question, a long paragraph that speaks to
			// no one is its answer, ending on a rhetorical question
			// ("... but can France do the same?").
			qm.isQ[k] = false
		}
	}
	return []candidate{qm}
}

const (
	// lineLedMinQuestions is how many questions must head their
	// paragraph before the layout is the page's.
	lineLedMinQuestions = 4
	// lineLedMaxWords bounds a head taken without a question mark: a
	// prompt, not a paragraph of the answer.
	lineLedMaxWords = 60
)

// lineLedCandidates proposes, in a text dump, the first lines of
// paragraphs whose next line follows with no blank line between. The
// layout must be the page's: most of its questions are set so. A head
// without a question mark must end a sentence; a byline or a bio's
// name ("Jane Doe, 41,") heads its box with a comma.
func lineLedCandidates(p *page) []candidate {
	head := make([]bool, len(p.stream))
	questions, headed := 0, 0
	for k, i := range p.stream {
		p.tick()
		b, f := p.in.Blocks[i], &p.facts[i]
		if f.asks() {
			questions++
		}
		if b.Elem != nil || b.Joined || f.heading || k+1 >= len(p.stream) || p.stream[k+1] != i+1 || !p.in.Blocks[i+1].Joined {
			continue
		}
		head[k] = true
		if f.asks() {
			headed++
		}
	}
	if headed < lineLedMinQuestions || headed*10 < questions*7 {
		return nil
	}
	c := candidate{method: "line-led-questions", bonus: 1.05, isQ: make([]bool, len(p.stream))}
	for k, i := range p.stream {
		p.tick()
		f := &p.facts[i]
		c.isQ[k] = head[k] && (f.asks() || f.words >= 3 && f.words <= lineLedMaxWords && words.EndsSentence(p.text(i)))
	}
	return []candidate{c}
}

// headingCandidates proposes one candidate per heading level, since pages
// also use headings of another level for sections or quotes.
func headingCandidates(p *page) []candidate {
	levels := map[int]bool{}
	for _, i := range p.stream {
		p.tick()
		if b := p.in.Blocks[i]; b.Kind == blocks.Heading {
			levels[b.Level] = true
		}
	}
	var cs []candidate
	for l := 0; l <= 6; l++ {
		if levels[l] {
			cs = append(cs, p.mk("heading-questions", 1.15, func(b blocks.Block, _ *blockFacts) bool {
				return b.Kind == blocks.Heading && b.Level == l
			}))
		}
	}
	return cs
}

func labelCandidates(p *page) []candidate {
	if c, ok := p.labelCandidate(); ok {
		return []candidate{c}
	}
	if c, ok := p.answerLabelCandidate(); ok {
		return []candidate{c}
	}
	return nil
}

// remarkMaxWords is the longest remark taken after a question in the same
// paragraph ("Will the shop open again? I would queue for it.").
const remarkMaxWords = 6

// questionThenRemark reports a paragraph whose last question is followed
// only by a short remark: the question is the turn, the remark the
// interviewer's aside. An answer may end so too ("Would you? Neither
// would they."), so it counts only before a turn that a speaker's label
// opens.
func questionThenRemark(s string) bool {
	q := strings.LastIndexByte(s, '?')
	if q < 0 || q == len(s)-1 {
		return false
	}
	// A turn opens a sentence; a line that starts in lower case is the
	// rest of one.
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) && !strings.ContainsRune("\"„“«¿¡'‘", r) {
		return false
	}
	tail := strings.TrimSpace(s[q+1:])
	n := words.Count(tail)
	return n > 0 && n <= remarkMaxWords && !strings.ContainsAny(tail, "?:")
}

// labelled reports whether block i opens with a speaker's label.
func (p *page) labelled(i int) bool {
	_, _, ok := parseLabel(p.text(i))
	return ok
}

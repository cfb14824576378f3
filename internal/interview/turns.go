package interview

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/words"
)

// labelRe matches a turn label at the start of a paragraph: "Q:", "A.",
// "Q2.", "Frage:", "MARGARET WARNER:", "Karin Fischer:", "fluter.de:". The
// label is at most five words and is followed by a colon (or a full stop
// for one-letter labels) and the turn's text. A numbered label ("A6.",
// "Frage 3.") ends at its full stop: its first alternative is tried first,
// so a short first sentence ("A6. Yes. I do ...") is not taken into
// the label.
var labelRe = regexp.MustCompile(`^(` + numberedHead + `|(?:[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*)(?:\s+[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*){0,4}|\p{Lu}\d{0,2})\s*(?:::?|\.\s|\s[–—]\s)\s*(\S.*)$`)

// numberedHead is a numbered label: letters, maybe a space, and a number
// ("Q6", "A 12", "Frage 3"), as numberedRe states it.
const numberedHead = `\p{L}[\p{L}.]{0,15}?\s?\d{1,3}`

// labelHeadRe is labelRe up to the first character of the turn's text.
var labelHeadRe = regexp.MustCompile(`^(` + numberedHead + `|(?:[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*)(?:\s+[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*){0,4}|\p{Lu}\d{0,2})\s*(?:::?|\.\s|\s[–—]\s)\s*(\S)`)

// questionLabels are the labels that mean "question" in the languages
// qanda reads; answers' labels need not be listed: everything that is not
// the interviewer answers.
var questionLabels = map[string]bool{
	"q": true, "f": true, "frage": true, "question": true, "вопрос": true, "в": true,
	"pregunta": true, "p": true, "interviewer": true, "interviewerin": true,
}

const (
	// minQMarkRuns is the fewest questions that make an interview when
	// only question marks show them.
	minQMarkRuns = 4
	// maxBlocksPerQuestion bounds how sparse such questions may be.
	maxBlocksPerQuestion = 20
)

// dashes that open a turn in dialogue-style interviews.
const turnDashes = "—–-"

// A candidate is one way the page may mark its questions: a predicate on
// stream positions. Markup a writer chose on purpose (labels, bold,
// headings) is trusted a little more than punctuation alone.
type candidate struct {
	method string
	bonus  float64
	isQ    []bool
	// continues reports, for labelled pages, that an unlabelled block
	// continues the turn before it rather than starting an answer.
	continues bool
	// cut is, for formats that find a question and the start of its
	// answer in one block, the byte offset in the block's text where the
	// answer starts, per stream position; nil or 0 elsewhere.
	cut []int
}

// cutAt returns the offset where the answer starts in the block at
// stream position k, or 0 when the block is one turn.
func (c *candidate) cutAt(k int) int {
	if c.cut == nil {
		return 0
	}
	return c.cut[k]
}

// thanksRe finds the thanks that close an interview.
var thanksRe = regexp.MustCompile(`(?i)\b(thank you|thanks|danke|vielen dank|merci|gracias|grazie)\b|спасибо|благодар`)

// signOffMaxWords is the longest reply to a closing thanks.
const signOffMaxWords = 15

// signOff moves a closing exchange that only thanks the guest ("Thank
// you for your time." - "My pleasure.") to the outro.
func signOff(t *Transcript) {
	n := len(t.Exchanges)
	if n < 3 {
		return
	}
	last := t.Exchanges[n-1]
	count := 0 // words in the answer
	for _, a := range last.Answer {
		count += words.Count(a)
	}
	if !thanksRe.MatchString(last.Question) || count > signOffMaxWords {
		return
	}
	t.Outro = append(append([]int{}, last.Blocks...), t.Outro...)
	t.Exchanges = t.Exchanges[:n-1]
}

// closingSection ends the last answer at a section heading that follows
// the transcript's last turn: a heading (in the markup, not guessed from a
// short line) that asks no question, under which no labelled turn
// follows, opens what comes after the interview (an author's box, a
// newsletter's pitch, the page's footer). The heading and everything
// after it go to the outro. A heading between turns is a topic and stays.
func (p *page) closingSection(t *Transcript) {
	n := len(t.Exchanges)
	if n < 2 {
		return
	}
	_, counts, canon := p.pageLabelsCached()
	last := &t.Exchanges[n-1]
	off := len(last.Blocks) - len(last.Answer)
	cut := -1
	for j := 1; j < len(last.Answer); j++ {
		i := last.Blocks[off+j]
		if l, _, ok := parseLabel(p.text(i)); ok && cut >= 0 && counts[canonOr(canon, l)] >= 2 {
			return // a turn under the heading: the interview goes on
		}
		if cut < 0 && p.opensSection(last.Blocks[off+j-1], i) {
			cut = j
		}
	}
	if cut < 0 {
		return
	}
	t.Outro = append(append([]int{}, last.Blocks[off+cut:]...), t.Outro...)
	last.Answer, last.Blocks = last.Answer[:cut], last.Blocks[:off+cut]
}

// opensSection reports whether content block i, which follows content
// block prev, opens a section: it is a heading that asks nothing, or a
// heading the cleaner removed (a newsletter's or a box's title) stands
// between the two.
func (p *page) opensSection(prev, i int) bool {
	heading := func(b blocks.Block) bool {
		return b.Kind == blocks.Heading && !hasQMark(b.Text) && !clean.IsQuestion(b.Text)
	}
	if heading(p.in.Blocks[i]) {
		return true
	}
	for k := prev + 1; k < i; k++ {
		if p.in.Marks[k].Role == clean.Removed && heading(p.in.Blocks[k]) {
			return true
		}
	}
	return false
}

const (
	// maxMarkupCandidates bounds how many element signatures are tried.
	maxMarkupCandidates = 12
	// minSignatureBlocks is the fewest blocks a signature must mark.
	minSignatureBlocks = 3
)

// markupCandidates proposes, for pages that mark questions only through
// their element (a class such as "question", or a data attribute a page
// builder sets, like data-type-size="5"), one candidate per class token or
// attribute that a minority of the blocks share.
func (p *page) markupCandidates() []candidate {
	tokens := func(b blocks.Block) []string {
		if b.Elem == nil {
			return nil
		}
		var out []string
		for _, c := range strings.Fields(b.Elem.Class) {
			out = append(out, b.Elem.Tag+"."+c)
		}
		if b.Elem.Style != "" {
			for _, a := range strings.Split(b.Elem.Style, ";") {
				out = append(out, b.Elem.Tag+"["+a+"]")
			}
		}
		return out
	}
	count := map[string]int{}
	var order []string
	perPos := make([][]string, len(p.stream))
	for k, i := range p.stream {
		p.tick()
		perPos[k] = tokens(p.in.Blocks[i])
		for _, t := range perPos[k] {
			if count[t] == 0 {
				order = append(order, t)
			}
			count[t]++
		}
	}
	var cs []candidate
	for _, tok := range order {
		if count[tok] < minSignatureBlocks || count[tok]*10 > len(p.stream)*6 || len(cs) >= maxMarkupCandidates {
			continue
		}
		c := candidate{method: "markup-questions", bonus: 1.1, isQ: make([]bool, len(p.stream))}
		for k := range p.stream {
			p.tick()
			c.isQ[k] = contains(perPos[k], tok)
		}
		cs = append(cs, c)
	}
	return cs
}

// qaRun is a question and its answer: the stream positions from q to a
// hold the question, those from a to end the answer. A candidate splits
// the stream into an intro and runs that follow each other. When cut is
// not 0 the question's last block, at a-1, holds the question up to byte
// cut and the start of the answer after it.
type qaRun struct{ q, a, end, cut int }

// answered reports whether the run has an answer.
func (r qaRun) answered() bool { return r.end > r.a || r.cut > 0 }

// segmentation is how a candidate reads the page: the intro, up to the
// first run, and the runs.
type segmentation struct {
	c     candidate
	runs  []qaRun
	qfrac float64 // the share of questions with a question mark
}

// segment splits the page by a candidate and scores it. A run of question
// blocks is one question; the blocks up to the next question are its
// answer. Only the best candidate's segmentation is made a Transcript.
func (p *page) segment(c candidate) (segmentation, float64) {
	var runs []qaRun
	for k := range p.stream {
		p.tick()
		last := len(runs) - 1
		switch {
		case c.isQ[k] && (len(runs) == 0 || runs[last].answered()):
			runs = append(runs, qaRun{q: k, a: k + 1, end: k + 1, cut: c.cutAt(k)})
		case c.isQ[k], c.continues && len(runs) > 0 && !runs[last].answered() && !p.answerLabelled(k):
			runs[last].a, runs[last].end, runs[last].cut = k+1, k+1, c.cutAt(k)
		case len(runs) == 0:
			// the intro
		default:
			runs[last].end = k + 1
		}
	}
	// A question that no answer follows (a closing call to action, a
	// caption in bold) is not a question: its blocks join the text around,
	// the answer before or the intro.
	var kept []qaRun
	for _, r := range runs {
		if !r.answered() || r.cut == 0 && p.onlyHeadings(r.a, r.end) {
			if len(kept) > 0 {
				kept[len(kept)-1].end = r.end
			}
			continue
		}
		kept = append(kept, r)
	}
	if c.method == "question-marks" {
		kept = p.splitUnmarkedQuestions(kept)
	}
	if len(kept) < 2 {
		return segmentation{}, 0
	}
	withQMark, secondPerson, ansQ, ansN := 0, 0, 0, 0
	for _, r := range kept {
		// The question's blocks joined by line breaks have a question
		// mark, or speak to someone, when one of them does.
		if p.anyBlock(r.q, r.a-b2i(r.cut > 0), func(i int) bool { return p.facts[i].qmark }) || r.cut > 0 && hasQMark(p.head(r)) {
			withQMark++
		}
		if p.anyBlock(r.q, r.a-b2i(r.cut > 0), p.addresses) || r.cut > 0 && p.addressesReader(p.head(r)) {
			secondPerson++
		}
		if r.cut > 0 {
			ansN++
			if clean.IsQuestion(p.tail(r)) {
				ansQ++
			}
		}
		for k := r.a; k < r.end; k++ {
			ansN++
			if p.facts[p.stream[k]].question && !c.isQ[k] {
				ansQ++
			}
		}
	}
	n := float64(len(kept))
	qfrac := float64(withQMark) / n
	if qfrac < 0.4 && c.method != "labels" {
		return segmentation{}, 0
	}
	if c.method == "question-marks" || c.method == "question-led" {
		// Punctuation alone is weak evidence: an article with a few
		// rhetorical questions is no interview. Interview questions
		// come often and speak to the interviewee.
		span := kept[len(kept)-1].end - kept[0].q
		// Questions may speak to no one ("¿Qué le pediría ...?" has no
		// pronoun of address) when the page says it is an interview.
		addressed := secondPerson >= 2 && secondPerson*5 >= len(kept)
		maxSpan := maxBlocksPerQuestion
		if c.method == "question-led" {
			maxSpan = ledMaxBlocksPerQuestion
		}
		if len(kept) < minQMarkRuns || len(kept)*maxSpan < span || !addressed && !p.announced(kept[0].q) {
			return segmentation{}, 0
		}
	}
	score := n * (0.25 + 0.75*qfrac) * c.bonus
	if ansN > 0 {
		score *= 1 - 0.5*float64(ansQ)/float64(ansN)
	}
	// Answers styled like the questions are questions this candidate
	// missed ("Sounds dystopian." in bold between bold questions).
	if missed := p.missedByStyle(kept, c); missed > 0 {
		score *= n / (n + float64(missed))
	}
	return segmentation{c: c, runs: kept, qfrac: qfrac}, score
}

// transcript builds the exchanges of a segmentation; section headings
// just before a question become its topic.
func (p *page) transcript(s segmentation) Transcript {
	c := s.c
	t := Transcript{Format: c.method}
	for k := 0; k < s.runs[0].q; k++ {
		t.Intro = append(t.Intro, p.stream[k])
	}
	t.Exchanges = make([]Exchange, 0, len(s.runs))
	for _, r := range s.runs {
		e := Exchange{Method: c.method, Confidence: confidence(c, s.qfrac)}
		e.Blocks = make([]int, 0, r.end-r.q)
		q := r.q
		// A page without an intro whose first question opens with long
		// statements that speak to no one: the lede, styled like the
		// questions.
		for len(t.Exchanges) == 0 && len(t.Intro) == q && r.a-q > 1 && p.facts[p.stream[q]].words >= ledeMinWords &&
			!p.facts[p.stream[q]].qmark && !p.addresses(p.stream[q]) {
			t.Intro = append(t.Intro, p.stream[q])
			q++
		}
		// Section headings before the question: the topic.
		for ; r.a-q > 1 && p.facts[p.stream[q]].heading; q++ {
			if e.Topic == "" {
				e.Topic = p.text(p.stream[q])
			} else {
				e.Topic += " / " + p.text(p.stream[q])
			}
			e.Blocks = append(e.Blocks, p.stream[q])
		}
		var qs []string
		for k := q; k < r.a; k++ {
			if k == r.a-1 && r.cut > 0 {
				qs = append(qs, p.head(r))
			} else {
				qs = append(qs, p.turnText(p.stream[k]))
			}
			e.Blocks = append(e.Blocks, p.stream[k])
		}
		e.Question = strings.Join(qs, "\n\n")
		e.Answer = make([]string, 0, r.end-r.a+1)
		if r.cut > 0 {
			e.Answer = append(e.Answer, p.tail(r))
		}
		for k := r.a; k < r.end; k++ {
			e.Answer = append(e.Answer, p.turnText(p.stream[k]))
			e.Blocks = append(e.Blocks, p.stream[k])
		}
		t.Exchanges = append(t.Exchanges, e)
	}
	p.headingsAsTopics(&t)
	return t
}

// style is the visual signature of a block.
func style(b blocks.Block) string {
	switch {
	case b.Kind == blocks.Heading:
		return "heading"
	case b.Emphasis >= 0.6:
		return "bold"
	case b.Italic >= 0.6:
		return "italic"
	}
	return ""
}

// missedByStyle counts answer blocks that share the style most questions
// have, when most questions have one.
func (p *page) missedByStyle(runs []qaRun, c candidate) int {
	styles := map[string]int{}
	n := 0
	for _, r := range runs {
		for k := r.q; k < r.a; k++ {
			styles[style(p.in.Blocks[p.stream[k]])]++
			n++
		}
	}
	major, best := "", 0
	for s, c := range styles {
		if c > best || (c == best && s < major) {
			major, best = s, c
		}
	}
	if major == "" || best*10 < n*6 {
		return 0
	}
	missed := 0
	for _, r := range runs {
		for k := r.a; k < r.end; k++ {
			if style(p.in.Blocks[p.stream[k]]) == major && !c.isQ[k] {
				missed++
			}
		}
	}
	return missed
}

func confidence(c candidate, qfrac float64) float64 {
	v := 0.45 + 0.35*qfrac + (c.bonus-1)*1.5
	if v > 0.95 {
		v = 0.95
	}
	return float64(int(v*100+0.5)) / 100
}

// headingsAsTopics moves a trailing section heading at the end of an
// answer to the next exchange's topic: on pages that group questions
// under headings (or under the name of the person asked), the heading
// belongs to what follows.
func (p *page) headingsAsTopics(t *Transcript) {
	if n := len(t.Intro); n > 1 && len(t.Exchanges) > 0 && t.Exchanges[0].Topic == "" {
		last := t.Intro[n-1]
		if p.facts[last].heading {
			t.Exchanges[0].Topic = p.text(last)
			t.Exchanges[0].Blocks = append([]int{last}, t.Exchanges[0].Blocks...)
			t.Intro = t.Intro[:n-1]
		}
	}
	for k := 0; k+1 < len(t.Exchanges); k++ {
		cur, next := &t.Exchanges[k], &t.Exchanges[k+1]
		if next.Topic != "" || len(cur.Answer) < 2 {
			continue
		}
		last := cur.Blocks[len(cur.Blocks)-1]
		if !p.facts[last].heading {
			continue
		}
		next.Topic = p.text(last)
		cur.Answer = cur.Answer[:len(cur.Answer)-1]
		cur.Blocks = cur.Blocks[:len(cur.Blocks)-1]
		next.Blocks = append([]int{last}, next.Blocks...)
	}
}

// headingLike reports whether a block is a section heading: an HTML
// heading, or in a text dump (no markup) a short capitalised line that
// does not end like a sentence, nor opens with a Q or A label. Questions
// are never headings here. f
// holds the block's words and whether it is a question.
func headingLike(b blocks.Block, f blockFacts) bool {
	if f.question {
		return false
	}
	if b.Kind == blocks.Heading {
		return true
	}
	if b.Path != "" || b.Kind != blocks.Paragraph {
		return false // HTML said what it is
	}
	n := f.words
	r, _ := firstRune(b.Text)
	last, _ := utf8.DecodeLastRuneInString(b.Text)
	return n >= 1 && n <= 6 && unicode.IsUpper(r) && !strings.ContainsRune(".!?…:;,\"”»“", last) && !qaLabelled(b.Text) && !words.Byline(b.Text)
}

// qaLabelled reports a text opened by a question or answer label ("A: Trip
// to Disney World"): a short answer, not a heading.
func qaLabelled(s string) bool {
	l, _, ok := parseLabel(s)
	if !ok {
		return false
	}
	l = strings.ToLower(l)
	return questionLabels[l] || answerLabels[l]
}

// onlyHeadings reports whether every block at the stream positions from
// start to end is a heading: such an "answer" is the next section's title.
func (p *page) onlyHeadings(start, end int) bool {
	for k := start; k < end; k++ {
		if !p.facts[p.stream[k]].heading {
			return false
		}
	}
	return true
}

// anyBlock reports whether f holds for the block at any of the stream
// positions from start to end.
func (p *page) anyBlock(start, end int, f func(i int) bool) bool {
	for k := start; k < end; k++ {
		if f(p.stream[k]) {
			return true
		}
	}
	return false
}

// firstPersonWords find a speaker talking about themself.
var firstPersonWords = wordSet{
	newWordList(foldCase, "i i'm i’m i've i’ve i'd i’d me my mine myself ich mich mir mein meine meinen meinem meiner je j' j’ moi mon ma mes yo mí mis conmigo"),
	newWordList(foldCase|letterBounds, "я меня мне мной мой моя моё мои"),
}

// splitUnmarkedQuestions finds, on pages where only question marks show
// the questions, the interviewer's turns that are statements ("According
// to Wikipedia, you are a Buddhist."): a paragraph inside an answer that
// speaks to the interviewee and never of itself, between two paragraphs
// that do. It starts a new exchange.
func (p *page) splitUnmarkedQuestions(runs []qaRun) []qaRun {
	var out []qaRun
	for _, r := range runs {
		cur := qaRun{q: r.q, a: r.a, end: r.a}
		for k := r.a; k < r.end; k++ {
			i := p.stream[k]
			if k > r.a && k+1 < r.end && cur.end > cur.a && p.facts[i].words <= 80 &&
				(p.addresses(i) && !p.firstPerson(i) && p.firstPerson(p.stream[k+1]) || p.interjection(k)) {
				out = append(out, cur)
				cur = qaRun{q: k, a: k + 1, end: k + 1}
				continue
			}
			cur.end = k + 1
		}
		out = append(out, cur)
	}
	return out
}

// ledeMinWords is the shortest paragraph taken for a lede that opens a
// page in the questions' style.
const ledeMinWords = 30

// rhetoricalMinWords is the shortest paragraph taken for an answer that
// ends on a rhetorical question.
const rhetoricalMinWords = 40

// interjection reports whether the paragraph at stream position k reads
// as the interviewer's remark between two answers ("Sounds like
// surveillance and rather dystopian."): one short sentence, of four words
// or more, that asks nothing and says nothing of its speaker, between two
// long paragraphs.
func (p *page) interjection(k int) bool {
	i := p.stream[k]
	f := p.facts[i]
	if f.words < interjectionMinWords || f.words > interjectionMaxWords || f.qmark || !clean.EndsSentence(p.turnText(i)) || p.firstPerson(i) {
		return false
	}
	return p.facts[p.stream[k-1]].words >= interjectionContext && p.facts[p.stream[k+1]].words >= interjectionContext
}

const (
	interjectionMinWords = 4  // shorter ones ("Yikes.", "That's it.") are the answer's own
	interjectionMaxWords = 12 // the longest remark taken for an interjection
	interjectionContext  = 30 // the shortest answer paragraph on either side
)

// secondPerson finds address to the interviewee, per language: the same
// word is a pronoun in one language and an article in another (German
// "du", French "du").
var secondPerson = map[string]wordSet{
	"en": {newWordList(foldCase, "you your yours yourself")},
	"de": {
		newWordList(0, "Sie Ihr Ihre Ihren Ihrem Ihrer Ihres Ihnen"),
		newWordList(foldCase, "du dich dir dein deine deinen deinem deiner euch euer eure euren eurem eurer"),
	},
	"fr": {newWordList(foldCase, "vous votre vos tu toi ton ta tes")},
	"es": {newWordList(foldCase, "usted ustedes tú vosotros vosotras os contigo te ti tu tus")},
	"ru": {newWordList(foldCase|letterBounds, "вы вас вам вами ваш ваша ваше ваши вашего вашей ты тебя тебе тобой твой твоя твоё твои")},
}

// interviewWords say that a text is an interview, per language: the
// title or an intro that announces one ("Hablamos con él sobre ...").
var interviewWords = map[string]wordSet{
	"en": {newWordList(foldCase, "interview interviewed interviews")},
	"de": {newWordList(foldCase, "interview interviews gespräch gesprächs")},
	"fr": {newWordList(foldCase, "interview entretien entrevue")},
	"es": {newWordList(foldCase, "entrevista entrevistamos entrevistó hablamos conversamos")},
	"ru": {newWordList(foldCase|letterBounds, "интервью беседа беседе беседу побеседовали поговорили")},
}

// interviewWordsAny is used when the language is unknown.
var interviewWordsAny = wordSet{newWordList(foldCase, "interview interviews entretien entrevista"),
	newWordList(foldCase|letterBounds, "интервью")}

// announced reports whether the title or the stream before position q
// (the intro) says the page is an interview.
func (p *page) announced(q int) bool {
	ws, ok := interviewWords[p.in.Language]
	if !ok {
		ws = interviewWordsAny
	}
	if ws.in(p.in.Title) {
		return true
	}
	for k := 0; k < q && k < len(p.stream); k++ {
		if ws.in(p.text(p.stream[k])) {
			return true
		}
	}
	return false
}

// secondPersonAny is used when the language is unknown: only words that
// are pronouns in every language qanda reads.
var secondPersonAny = wordSet{
	newWordList(foldCase, "you your vous votre usted ustedes"),
	newWordList(foldCase|letterBounds, "вы вас вам ваш ты тебя тебе"),
}

// addressesReader reports whether a text speaks to someone.
func (p *page) addressesReader(s string) bool {
	if ws, ok := secondPerson[p.in.Language]; ok {
		return ws.in(s)
	}
	return secondPersonAny.in(s)
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

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// head returns the question part of a run's last question block that
// holds the start of the answer too.
func (p *page) head(r qaRun) string {
	return strings.TrimRight(p.text(p.stream[r.a-1])[:r.cut], " ")
}

// tail returns the answer part of that block.
func (p *page) tail(r qaRun) string {
	return p.text(p.stream[r.a-1])[r.cut:]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

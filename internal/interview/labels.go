package interview

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/words"
)

const (
	// minLabelled is the fewest labelled turns that make a labelled page.
	minLabelled = 4
	// labelDensity is the share of the blocks between the first and the
	// last labelled turn that must carry a label: two captions that
	// happen to start with "Kleid:" do not make a transcript.
	labelDensity = 0.25
)

// maxLabelBytes is how far into a paragraph a label's end may stand.
const maxLabelBytes = 80

// parseLabel splits "Karin Fischer: text" into the label and the text,
// as labelRe does. The regular expression is slow on long paragraphs: it
// is matched against as little text as gives the same match, and only
// where cheaper tests cannot tell.
func parseLabel(s string) (label, rest string, ok bool) {
	// A label ends within its first few words; most paragraphs have no
	// colon, full stop or dash there.
	head := s
	if len(head) > maxLabelBytes {
		head = head[:maxLabelBytes]
	}
	// (strings.ContainsAny(head, ":.–—"), but ContainsAny is slow for
	// a set that is not ASCII.)
	if strings.IndexByte(head, ':') < 0 && strings.IndexByte(head, '.') < 0 &&
		!strings.Contains(head, "–") && !strings.Contains(head, "—") {
		return "", s, false
	}
	if strings.IndexByte(s, '\n') >= 0 {
		// The turn's text may not span lines: only labelRe knows.
		m := labelRe.FindStringSubmatch(s)
		if m == nil {
			return "", s, false
		}
		return strings.TrimSpace(m[1]), m[2], true
	}
	// Without a line break labelRe's "(\S.*)$" is any non-space character,
	// and the label, its separator and that character lie within the first
	// seven words: matching only those is the same match, and it does not
	// grow with the paragraph.
	if label, rest, ok := colonLabel(s); ok {
		return label, rest, true
	}
	head = firstWords(s, 7)
	if !mayEndLabel(head) {
		return "", s, false
	}
	m := labelHeadRe.FindStringSubmatchIndex(head)
	if m == nil {
		return "", s, false
	}
	return strings.TrimSpace(s[m[2]:m[3]]), s[m[4]:], true
}

// colonLabel parses the commonest label, one word and a colon ("Q:",
// "Frage:", "fluter.de:"), as labelRe would: its first choices take the
// word as far as it goes, then the colons, the spaces and the text. It
// reports false for every other text, labelled or not.
func colonLabel(s string) (label, rest string, ok bool) {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !labelChar(r) || n == 0 && !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			break
		}
		n += size
	}
	if n == 0 || n == len(s) || s[n] != ':' {
		return "", "", false
	}
	j := n + 1
	if j < len(s) && s[j] == ':' {
		j++
	}
	for j < len(s) && reSpace(s[j]) {
		j++
	}
	if j == len(s) {
		return "", "", false
	}
	return s[:n], s[j:], true
}

// labelChar reports whether a label's word may hold r.
func labelChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune(".'’&-", r)
}

// mayEndLabel reports whether a label's separator may stand in s: up to
// it a label holds only letters, digits, .'’&- and spaces, and the
// separator is a full stop and a space among them, or a colon or dash
// right after them.
func mayEndLabel(s string) bool {
	e := 0
	for e < len(s) {
		r, size := utf8.DecodeRuneInString(s[e:])
		if !labelChar(r) && (r >= utf8.RuneSelf || !reSpace(byte(r))) {
			break
		}
		e += size
	}
	if strings.HasPrefix(s[e:], ":") || strings.HasPrefix(s[e:], "–") || strings.HasPrefix(s[e:], "—") {
		return true
	}
	for i := 0; i+1 < e; i++ {
		if s[i] == '.' && reSpace(s[i+1]) {
			return true
		}
	}
	return false
}

// firstWords returns the prefix of s that holds its first n words, words
// being what the \s of a regular expression ([\t\n\f\r ]) separates.
func firstWords(s string, n int) string {
	words := 0
	for i := 0; i < len(s); i++ {
		if !reSpace(s[i]) && (i == 0 || reSpace(s[i-1])) {
			if words == n {
				return s[:i]
			}
			words++
		}
	}
	return s
}

func reSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// speakerNames maps each label to its canonical form: a surname alone
// ("Fischer") is the same speaker as the full name used earlier or later
// ("Karin Fischer").
func speakerNames(labels map[string]int) map[string]string {
	// longest maps each last part of a label after a space ("Fischer",
	// "Karin Fischer" of "Dr. Karin Fischer") to the longest label that
	// ends so; equally long ones are taken in alphabetical order.
	longest := map[string]string{}
	for l := range labels {
		m := unnumbered(l)
		for i := 0; i < len(m); i++ {
			if m[i] != ' ' {
				continue
			}
			suffix := m[i+1:]
			if prev, ok := longest[suffix]; !ok || len(m) > len(prev) || (len(m) == len(prev) && m < prev) {
				longest[suffix] = m
			}
		}
	}
	// Initials stand for the one name they abbreviate ("SK", "S.K." for
	// "Susan Khalje"), after the first turn gave it in full.
	byInitials := map[string]string{}
	for l := range labels {
		if in := initials(l); in != "" {
			if prev, ok := byInitials[in]; ok && prev != l {
				byInitials[in] = "" // two names share them: neither
			} else {
				byInitials[in] = l
			}
		}
	}
	canon := map[string]string{}
	for l := range labels {
		b := unnumbered(l)
		if m, ok := longest[b]; ok {
			b = m
		} else if m := byInitials[initialsOf(b)]; m != "" && m != b {
			b = m
		}
		canon[l] = b
	}
	return canon
}

// initials returns the upper-case initials of a name of two to four
// capitalised words ("Susan Khalje": "SK"), or "".
func initials(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 || len(ws) > 4 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// initialsOf returns a label that is initials alone ("SK", "S.K.", "S. K.")
// without its dots and spaces, or "".
func initialsOf(label string) string {
	var b strings.Builder
	n := 0
	for _, r := range label {
		switch {
		case unicode.IsUpper(r):
			b.WriteRune(r)
			n++
		case r == '.' || r == ' ':
		default:
			return ""
		}
	}
	if n < 2 || n > 4 {
		return ""
	}
	return b.String()
}

// numberedRe matches a numbered label: "Q2", "A 12", "Frage 3".
var numberedRe = regexp.MustCompile(`^(\p{L}[\p{L}.]{0,15}?)\s?\d{1,3}$`)

// unnumbered strips the number from a numbered label, so that Q1, Q2 and
// Q3 are one speaker.
func unnumbered(l string) string {
	if m := numberedRe.FindStringSubmatch(l); m != nil {
		return m[1]
	}
	return l
}

// minAskers is the fewest distinct askers' labels ("Lucía, Granada:") that
// make a chat session: one or two may be sentences ("However, Berlin:
// ..."), several readers who each ask once are a chat.
const minAskers = 3

// askerRe matches the label of a reader who asks in a chat session: a
// name of one to three capitalised words, a comma, and a place of one or
// two ("Tom, Leeds:", "Anna B., Frankfurt am Main :"); a short lower-case
// word may join the place's two.
var askerRe = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,2},\s\p{Lu}[\p{L}.'’\-]*(?:\s(?:\p{Ll}{1,3}\s)?\p{Lu}[\p{L}.'’\-]*)?)\s?:\s*(\S)`)

// askerLabel splits "Tom, Leeds: text" into the label and the text. Like
// parseLabel it takes no text that spans lines. Whether the label is one
// is the page's to say (see chatAskers).
func askerLabel(s string) (label, rest string, ok bool) {
	head := firstWords(s, 8) // the label's words, the colon and the text's first
	c := strings.IndexByte(head, ',')
	if c < 0 || strings.IndexByte(head[c:], ':') < 0 || strings.IndexByte(s, '\n') >= 0 {
		return "", s, false
	}
	m := askerRe.FindStringSubmatchIndex(head)
	if m == nil || m[3] > maxLabelBytes {
		return "", s, false
	}
	return s[m[2]:m[3]], s[m[4]:], true
}

// chatAskers returns the stream positions whose "Name, Place:" label is an
// asker's: one that an answerer's label (not another asker's) follows,
// when at least minAskers distinct askers are so answered. An answerer's
// label recurs and mostly opens no question: a sentence that opens
// "However, Berlin:" inside an answer is followed by the next asker, or by
// the interviewer's next question. qmark tells, per position, whether the
// block holds a question mark.
func chatAskers(askerAt, rawAt []string, qmark []bool) []bool {
	raw := map[string]int{}
	for k, l := range rawAt {
		if l != "" && askerAt[k] == "" {
			raw[l]++
		}
	}
	canon := speakerNames(raw)
	counts, asks := map[string]int{}, map[string]int{}
	for k, l := range rawAt {
		if l != "" && askerAt[k] == "" {
			counts[canon[l]]++
			if qmark[k] {
				asks[canon[l]]++
			}
		}
	}
	answerer := func(l string) bool {
		c := canon[l]
		return counts[c] >= 2 && 2*asks[c] < counts[c] && !questionLabels[strings.ToLower(c)]
	}
	accepted := make([]bool, len(askerAt))
	distinct := map[string]bool{}
	for k, l := range askerAt {
		if l == "" {
			continue
		}
		// The next turn is an answer: unlabelled blocks (a caption, a
		// turn's further paragraphs) between do not count.
		for j := k + 1; j < len(askerAt) && askerAt[j] == ""; j++ {
			if a := rawAt[j]; a != "" {
				if answerer(a) {
					accepted[k] = true
					distinct[l] = true
				}
				break
			}
		}
	}
	if len(distinct) < minAskers {
		return nil
	}
	return accepted
}

// turnLabel splits a turn's label off its text as parseLabel does, and
// also an asker's "Name, Place:" when the page is a chat session.
func (p *page) turnLabel(s string) (label, rest string, ok bool) {
	if len(p.askers) > 0 {
		if l, rest, ok := askerLabel(s); ok && p.askers[l] {
			return l, rest, true
		}
	}
	if l, rest, ok := parseLabel(s); ok {
		return l, rest, true
	}
	if l, rest, ok := roleLabel(s); ok && p.roled[l] {
		return l, rest, true
	}
	return "", s, false
}

// roleLabel splits "NAME, Role of the speaker: text" into the name and the
// text: a label that carries the speaker's role or affiliation the first
// time. Only a name that labels other turns on its own counts (pageLabels).
func roleLabel(s string) (label, rest string, ok bool) {
	head := s
	if len(head) > maxLabelBytes {
		head = head[:maxLabelBytes]
	}
	c, colon := strings.Index(head, ", "), strings.Index(head, ": ")
	if c <= 0 || colon < c || strings.IndexByte(s[:colon], '\n') >= 0 {
		return "", s, false
	}
	l, _, ok := parseLabel(s[:c] + ": x")
	if !ok || l != s[:c] {
		return "", s, false
	}
	return l, strings.TrimLeft(s[colon+1:], " "), true
}

// pageLabels counts the canonical labels of the stream's blocks.
func (p *page) pageLabels() (perPos []string, counts map[string]int, canon map[string]string) {
	rawAt := make([]string, len(p.stream))
	askerAt := make([]string, len(p.stream))
	qmark := make([]bool, len(p.stream))
	for k, i := range p.stream {
		p.tick()
		qmark[k] = p.facts[i].qmark
		if l, _, ok := parseLabel(p.text(i)); ok {
			rawAt[k] = l
		}
		if l, _, ok := askerLabel(p.text(i)); ok {
			askerAt[k] = l
		}
	}
	// An asker's label is the asker's own: it stands apart from the
	// labels parseLabel reads ("Dr" of "Dr. Weber, Kiel:") and from
	// speakerNames' merging.
	p.askers = map[string]bool{}
	for k, ok := range chatAskers(askerAt, rawAt, qmark) {
		if ok {
			p.askers[askerAt[k]] = true
			rawAt[k] = askerAt[k]
		}
	}
	// A name that labels turns on its own may carry a role the first time.
	p.roled = map[string]bool{}
	named := map[string]bool{}
	for _, l := range rawAt {
		named[l] = l != ""
	}
	for k, i := range p.stream {
		p.tick()
		if rawAt[k] != "" {
			continue
		}
		if l, _, ok := roleLabel(p.text(i)); ok && named[l] {
			p.roled[l] = true
			rawAt[k] = l
		}
	}
	raw, plain := map[string]int{}, map[string]int{}
	for _, l := range rawAt {
		if l != "" {
			raw[l]++
			if !p.askers[l] {
				plain[l]++
			}
		}
	}
	canon = speakerNames(plain)
	for l := range p.askers {
		canon[l] = l
	}
	// Every label that means "question" is one speaker, the interviewer
	// ("Question:" once, then "Q:"): the commonest of them names it.
	qLabel := ""
	for l, n := range raw {
		if questionLabels[strings.ToLower(l)] && (qLabel == "" || n > raw[qLabel] || n == raw[qLabel] && l < qLabel) {
			qLabel = l
		}
	}
	for l := range raw {
		if questionLabels[strings.ToLower(l)] {
			canon[l] = qLabel
		}
	}
	counts = map[string]int{}
	for l, n := range raw {
		counts[canon[l]] += n
	}
	perPos = make([]string, len(p.stream))
	for k, l := range rawAt {
		// Each asker may ask once: the page made their labels labels.
		if l != "" && (counts[canon[l]] >= 2 || p.askers[l]) {
			perPos[k] = canon[l]
		}
	}
	return perPos, counts, canon
}

// askersRole stands for every asker of a chat session where labelCandidate
// counts turns by speaker; no label holds a NUL.
const askersRole = "\x00askers"

// labelCandidate proposes the labelled segmentation: the interviewer's
// label starts a question, any other label an answer, and an unlabelled
// paragraph continues the turn before it.
func (p *page) labelCandidate() (candidate, bool) {
	perPos, _, _ := p.pageLabelsCached()
	first, last, n := -1, -1, 0
	turns := map[string]int{}
	questions := map[string]int{}
	// A chat's askers are one role, however many they are.
	role := func(l string) string {
		if p.askers[l] {
			return askersRole
		}
		return l
	}
	for k, l := range perPos {
		if l == "" {
			continue
		}
		l = role(l)
		if first < 0 {
			first = k
		}
		last = k
		n++
		turns[l]++
		// A label holds no question mark: the text after it has one if
		// the block has.
		if p.facts[p.stream[k]].qmark {
			questions[l]++
		}
	}
	if n < minLabelled || float64(n) < labelDensity*float64(last-first+1) {
		return candidate{}, false
	}
	interviewer, best := "", 0.0
	for l, c := range turns {
		share := float64(questions[l]) / float64(c)
		if questionLabels[strings.ToLower(l)] {
			share += 1
		}
		if share > best || (share == best && l < interviewer) {
			interviewer, best = l, share
		}
	}
	if best < 0.3 {
		return candidate{}, false
	}
	c := candidate{method: "labels", bonus: 1.3, isQ: make([]bool, len(p.stream))}
	// Every label that means "question" is the interviewer's: a page may
	// open with "Question:" and go on with "Q:".
	generic := questionLabels[strings.ToLower(interviewer)]
	for k, l := range perPos {
		c.isQ[k] = role(l) == interviewer || generic && questionLabels[strings.ToLower(l)]
	}
	c.continues = len(turns) > 1
	return c, true
}

// minAnswerLabelled is the fewest answers under one speaker's label that
// make a transcript whose questions carry no label.
const minAnswerLabelled = 3

// answerLabelCandidate proposes the transcripts that label only the
// answers ("Berg: Das Land zahlt ..."), the questions standing unlabelled
// before them: one label recurs, it asks nothing, and every turn it opens
// comes right after an unlabelled question. That every answer follows a
// question is what a page of quotes or captions that share a label lacks.
func (p *page) answerLabelCandidate() (candidate, bool) {
	perPos, _, _ := p.pageLabelsCached()
	label, n := "", 0
	for k, l := range perPos {
		if l == "" {
			continue
		}
		if label != "" && l != label || p.facts[p.stream[k]].qmark || k == 0 || perPos[k-1] != "" || !p.facts[p.stream[k-1]].question {
			return candidate{}, false
		}
		label = l
		n++
	}
	if n < minAnswerLabelled {
		return candidate{}, false
	}
	c := candidate{method: "labels", bonus: 1.3, isQ: make([]bool, len(p.stream))}
	for k := 1; k < len(perPos); k++ {
		c.isQ[k-1] = perPos[k] != ""
	}
	return c, true
}

// answerLabelled reports whether the block at stream position k starts
// with a label that recurs on the page (a new turn).
func (p *page) answerLabelled(k int) bool {
	perPos, _, _ := p.pageLabelsCached()
	return perPos[k] != ""
}

// pageLabelsCached computes the page's labels once.
func (p *page) pageLabelsCached() ([]string, map[string]int, map[string]string) {
	if p.labelsAt == nil {
		p.labelsAt, p.labelCounts, p.labelCanon = p.pageLabels()
	}
	return p.labelsAt, p.labelCounts, p.labelCanon
}

// labels moves speaker labels out of the texts of every exchange, into
// Label, QuestionSpeaker and AnswerSpeakers, whatever format found the
// turns: a bold question may still start with "fluter.de:", an answer
// with "McKelvey:".
func (p *page) labels(t *Transcript) {
	_, counts, canon := p.pageLabelsCached()
	known := func(l string) bool {
		return counts[canon[l]] >= 2 || p.askers[l] || questionLabels[strings.ToLower(l)] || answerLabels[strings.ToLower(l)]
	}
	for k := range t.Exchanges {
		e := &t.Exchanges[k]
		// A label that recurs on the page is one before any question
		// ("Fischer: Warum?"); one seen only here must open the first
		// question, be short and leave a sentence behind it.
		if l, rest, ok := p.turnLabel(e.Question); ok && ((known(l) && rest != "") || (k == 0 && words.Count(l) <= 3 && words.Count(rest) >= 2)) {
			e.Question, e.Label = rest, l
			if !genericLabel(canonOr(canon, l)) {
				e.QuestionSpeaker = canon[l]
				if e.QuestionSpeaker == "" {
					e.QuestionSpeaker = l
				}
			}
		}
		// Later paragraphs of a multi-paragraph question may carry the
		// same label again.
		e.Question = p.stripRepeatedLabels(e.Question, e.Label)
		for j, a := range e.Answer {
			l, rest, ok := p.turnLabel(a)
			// Pages that label only the first turns ("Interviewer: ...",
			// then "Smith: ...") label the first answer as they do the
			// first question.
			first := k == 0 && j == 0 && e.Label != "" && ok && words.Count(l) <= 3 && words.Count(rest) >= 2
			if !ok || !known(l) && !first {
				continue
			}
			e.Answer[j] = rest
			if genericLabel(canonOr(canon, l)) {
				continue
			}
			if sp := canon[l]; !contains(e.AnswerSpeakers, sp) {
				e.AnswerSpeakers = append(e.AnswerSpeakers, sp)
			}
		}
	}
}

// canonOr returns the canonical form of a label, or the label.
func canonOr(canon map[string]string, l string) string {
	if c := canon[l]; c != "" {
		return c
	}
	return l
}

func (p *page) stripRepeatedLabels(q, label string) string {
	if label == "" || !strings.Contains(q, "\n\n") {
		return q
	}
	parts := strings.Split(q, "\n\n")
	for i := 1; i < len(parts); i++ {
		if l, rest, ok := p.turnLabel(parts[i]); ok && l == label {
			parts[i] = rest
		}
	}
	return strings.Join(parts, "\n\n")
}

// hostCloses moves a host's closing turns to the outro: in a chat session
// the speaker who opens it, before the first question, also closes it
// after the last answer ("our chat hour has ended"), and the guest's
// goodbye follows.
func (p *page) hostCloses(t *Transcript) {
	n := len(t.Exchanges)
	if n < 3 || t.Format != "labels" {
		return
	}
	_, counts, canon := p.pageLabelsCached()
	speaker := func(i int) string {
		if l, _, ok := p.turnLabel(p.text(i)); ok && (counts[canonOr(canon, l)] >= 2 || p.askers[l]) {
			return canonOr(canon, l)
		}
		return ""
	}
	host := ""
	for _, i := range t.Intro {
		if host = speaker(i); host != "" {
			break
		}
	}
	last := &t.Exchanges[n-1]
	off := len(last.Blocks) - len(last.Answer)
	if host == "" || questionLabels[strings.ToLower(host)] || host == last.QuestionSpeaker || speaker(last.Blocks[off]) == host {
		return
	}
	for j := 1; j < len(last.Answer); j++ {
		if speaker(last.Blocks[off+j]) != host {
			continue
		}
		t.Outro = append(append([]int{}, last.Blocks[off+j:]...), t.Outro...)
		last.Answer, last.Blocks = last.Answer[:j], last.Blocks[:off+j]
		last.AnswerSpeakers = nil
		for _, i := range last.Blocks[off:] {
			if sp := speaker(i); sp != "" && !genericLabel(sp) && !contains(last.AnswerSpeakers, sp) {
				last.AnswerSpeakers = append(last.AnswerSpeakers, sp)
			}
		}
		return
	}
}

// closingThanks moves the interviewer's closing thanks, a short turn after
// the last answer ("HOST: Thank you."), from that answer to the outro:
// the labels say whose it is, and it is not the interviewee's.
func (p *page) closingThanks(t *Transcript) {
	n := len(t.Exchanges)
	if n < 2 || t.Format != "labels" {
		return
	}
	last := &t.Exchanges[n-1]
	off := len(last.Blocks) - len(last.Answer)
	j := len(last.Answer) - 1
	if j < 1 || last.Label == "" || words.Count(last.Answer[j]) > signOffMaxWords || !thanksRe.MatchString(last.Answer[j]) {
		return
	}
	_, _, canon := p.pageLabelsCached()
	l, _, ok := p.turnLabel(p.text(last.Blocks[off+j]))
	if !ok || canonOr(canon, l) != canonOr(canon, last.Label) {
		return
	}
	t.Outro = append([]int{last.Blocks[off+j]}, t.Outro...)
	last.Answer, last.Blocks = last.Answer[:j], last.Blocks[:off+j]
}

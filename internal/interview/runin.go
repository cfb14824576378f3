package interview

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/words"
)

// minRunIn is the fewest run-in questions that make a run-in page: one
// paragraph that opens with a bold sentence is no interview.
const minRunIn = 3

// runInCandidates proposes the magazine layout that sets the question in
// bold or italic at the start of the paragraph that answers it ("<p><b>Why
// now?</b> Because ...</p>", or with a <br> between). A paragraph set
// wholly in bold or italic is a question too: the first paragraphs of a
// long question.
func runInCandidates(p *page) []candidate {
	c := candidate{method: "run-in-questions", bonus: 1.15, isQ: make([]bool, len(p.stream)), cut: make([]int, len(p.stream))}
	n := 0
	for k, i := range p.stream {
		p.tick()
		b := p.in.Blocks[i]
		if b.Kind == blocks.Heading {
			continue
		}
		if c.cut[k] = runInCut(b); c.cut[k] > 0 {
			c.isQ[k] = true
			n++
			continue
		}
		c.isQ[k] = (b.Emphasis >= 0.9 || b.Italic >= 0.9) && p.facts[i].words <= 150
	}
	if n < minRunIn {
		return nil
	}
	return []candidate{c}
}

// afterEmphasis is punctuation that may follow the emphasis and still
// belong to the question ("<b>Why</b>?").
const afterEmphasis = "?!.…:»”“\"'’)"

// runInCut returns the byte offset in b.Text where the answer after a
// run-in question starts, or 0 when b does not open with one. The
// question is the emphasised lead of the block; it must end like a
// question, or like a sentence of three words or more (interviewers put
// statements too), and text must follow it. A lead that ends in a colon
// is a speaker label ("<b>Smith:</b> ..."), which labels read.
func runInCut(b blocks.Block) int {
	if b.Lead == 0 {
		return 0
	}
	// Text is collapsed: its only white space is single spaces, and Lead
	// counts the runes that are not.
	end, n := -1, 0
	for i, r := range b.Text {
		if r == ' ' {
			continue
		}
		if n++; n == b.Lead {
			end = i + utf8.RuneLen(r)
			break
		}
	}
	if end < 0 {
		return 0 // the whole block is emphasised
	}
	for end < len(b.Text) {
		r, size := utf8.DecodeRuneInString(b.Text[end:])
		if !strings.ContainsRune(afterEmphasis, r) {
			break
		}
		end += size
	}
	head := strings.TrimRight(b.Text[:end], " ")
	start := end
	for start < len(b.Text) && b.Text[start] == ' ' {
		start++
	}
	if start == len(b.Text) || !endsRunIn(head) || !clean.IsQuestion(head) && words.Count(head) < 3 {
		return 0
	}
	return start
}

// endsRunIn reports whether an emphasised lead ends like a turn.
func endsRunIn(head string) bool {
	return clean.EndsSentence(head) && !strings.HasSuffix(head, ";")
}

const (
	// ledQuestionMaxWords bounds the question that opens a paragraph:
	// one or two sentences, no more.
	ledQuestionMaxWords = 45
	// ledAnswerMinWords is the least answer that must follow it in the
	// paragraph.
	ledAnswerMinWords = 5
	// ledMaxBlocksPerQuestion bounds how sparse such questions may be: an
	// article's paragraphs open with a question now and then, an
	// interview's every few paragraphs.
	ledMaxBlocksPerQuestion = 6
)

// questionLedCandidates proposes run-in questions without their emphasis,
// as a text dump prints them: paragraphs that open with a question and go
// on with its answer ("Wie oft wird geprüft? Alle drei Jahre ..."). A
// paragraph that opens with a question is common in articles too, so the
// segmentation must pass the question-marks tests (address or an
// announced interview).
func questionLedCandidates(p *page) []candidate {
	c := candidate{method: "question-led", bonus: 1, isQ: make([]bool, len(p.stream)), cut: make([]int, len(p.stream))}
	n := 0
	for k, i := range p.stream {
		p.tick()
		b := p.in.Blocks[i]
		if b.Kind == blocks.Heading || b.Lead > 0 {
			continue
		}
		if c.cut[k] = questionLedCut(b.Text); c.cut[k] > 0 {
			c.isQ[k] = true
			n++
		}
	}
	if n < minQMarkRuns {
		return nil
	}
	return []candidate{c}
}

// questionLedCut returns the byte offset in s where the answer after an
// opening question starts, or 0: the first question mark followed by a
// space and a capital letter, a digit or a quote, within the first
// ledQuestionMaxWords words, with at least ledAnswerMinWords after it.
func questionLedCut(s string) int {
	seen := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			seen++
			if seen > ledQuestionMaxWords {
				return 0
			}
		case '?':
			if i+2 >= len(s) || s[i+1] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"„“«‘'—–-¿¡", r) {
				continue
			}
			// A quote left open is someone's speech, not the question.
			if seen < 2 || words.Count(s[i+2:]) < ledAnswerMinWords || !balancedQuotes(s[:i+1]) {
				return 0
			}
			return i + 2
		}
	}
	return 0
}

// balancedQuotes reports whether every quotation opened in s is closed.
// "“" opens in English and closes a German "„".
func balancedQuotes(s string) bool {
	depth, german, straight := 0, 0, false
	for _, r := range s {
		switch r {
		case '"':
			straight = !straight
		case '„':
			depth++
			german++
		case '«':
			depth++
		case '»', '”':
			depth--
		case '“':
			if german > 0 {
				german--
				depth--
			} else {
				depth++
			}
		}
	}
	return depth == 0 && !straight
}

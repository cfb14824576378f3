package interview

import (
	"sort"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/cancel"
	"github.com/qanda/qanda/internal/clean"
)

// Input is what Build reads.
type Input struct {
	Blocks   []blocks.Block
	Marks    []clean.Mark // one per block
	Title    string
	Language string
	// Disabled names formats (see Formats) that propose nothing.
	Disabled map[string]bool
	// Done, when closed, stops Build soon after; the transcript it
	// returns then is incomplete, for the caller to discard.
	Done <-chan struct{}
}

// Exchange is one question and its complete answer.
type Exchange struct {
	Topic           string
	Label           string // "Question 1", "Q", "Frage" ... as printed
	Question        string
	QuestionSpeaker string
	Answer          []string // paragraphs
	AnswerSpeakers  []string
	Confidence      float64
	Method          string // starts with the name of the Format that found it
	Blocks          []int  // indexes of every block the exchange holds
}

// Transcript is the structured interview.
type Transcript struct {
	Intro        []int // block indexes
	Exchanges    []Exchange
	Outro        []int
	Interviewer  string
	Interviewees []string
	Format       string // the detected format, "" if none
	Warnings     []Warning
}

// Build structures the kept blocks of a page.
func Build(in Input) (t Transcript) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
			t = Transcript{} // the caller's ctx is done
		}
	}()
	var stream, lead []int
	for i, m := range in.Marks {
		switch {
		case m.Role == clean.Content && m.Lead:
			// The standfirst opens the intro whatever its style: set in
			// bold or italic, it would read as a question.
			lead = append(lead, i)
		case m.Role == clean.Content:
			stream = append(stream, i)
		}
	}
	p := &page{in: in, stream: stream, facts: make([]blockFacts, len(in.Blocks)), check: cancel.New(in.Done)}
	for _, i := range stream {
		p.tick()
		p.facts[i] = newFacts(in.Blocks[i])
	}
	t, ok := detect(p)
	if !ok {
		t = Transcript{Intro: stream}
		t.Warnings = append(t.Warnings, Warning{NoInterview, "no interview structure found: the page's text is in intro and there are no exchanges"})
	}
	if len(lead) > 0 {
		t.Intro = append(lead, t.Intro...)
		sort.Ints(t.Intro)
	}
	p.people(&t)
	calibrate(&t)
	return t
}

// page is the shared state of the detectors.
type page struct {
	in     Input
	check  *cancel.Check // in.Done, for the loops over blocks
	stream []int         // indexes of content blocks in reading order
	facts  []blockFacts  // per block index, for the content blocks

	// speaker labels, computed once (see pageLabelsCached)
	labelsAt    []string
	labelCounts map[string]int
	labelCanon  map[string]string
	askers      map[string]bool // the "Name, Place" labels of a chat's askers
	// roled are the labels that also stand with a role after a comma
	// ("MICHEL CAMDESSUS, International Monetary Fund:" once, then
	// "MICHEL CAMDESSUS:").
	roled map[string]bool
}

func (p *page) text(i int) string { return p.in.Blocks[i].Text }

// texts returns the texts of the given blocks.
func (p *page) texts(idx []int) []string {
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, p.text(i))
	}
	return out
}

// Warning is something the transcript's reader should know. Code is one of
// the constants below (the output contract's warning codes).
type Warning struct {
	Code, Message string
}

// Warning codes.
const (
	NoInterview = "no-interview"        // no exchanges: the text is in intro
	Unanswered  = "unanswered-question" // a listed question has no answer section
)

// stop is the panic with which tick abandons a cancelled Build; Build
// recovers it. A panic, because the formats' loops are many and nested.
type stop struct{}

// tick counts one step of a loop over blocks and abandons Build soon
// after in.Done is closed.
func (p *page) tick() {
	if p.check.Stop() {
		panic(stop{})
	}
}

// stopped reports whether in.Done is closed: checked between formats.
func (p *page) stopped() bool {
	select {
	case <-p.in.Done:
		return true
	default:
		return false
	}
}

package qanda

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qanda/qanda/pkg/render"
)

// Edit is one fix made by hand (see render.Edit).
type Edit = render.Edit

// ErrBadEdit wraps an edit that does not fit the document: an exchange or
// paragraph that is not there, a text that was not removed, a name no one
// has.
var ErrBadEdit = errors.New("cannot apply the edit")

// ApplyEdit changes d by one fix made by hand and records it in d.Edits,
// stamped now when e.At is empty. No text is rewritten: merge and split
// regroup paragraphs, restore puts a removed text back (and moves it from
// removed to kept in the ledger), rename changes a speaker's name.
func ApplyEdit(d *Document, e Edit, now time.Time) error {
	var err error
	switch e.Op {
	case "merge":
		err = merge(d, e.Exchange)
	case "split":
		err = split(d, e.Exchange, e.Paragraph)
	case "restore":
		err = restore(d, e.Exchange, e.Text)
	case "rename":
		err = rename(d, e.From, e.To)
	default:
		err = fmt.Errorf("%w: unknown operation %q; use merge, split, restore or rename", ErrBadEdit, e.Op)
	}
	if err != nil {
		return err
	}
	if e.At == "" {
		e.At = now.UTC().Format(time.RFC3339)
	}
	d.Edits = append(d.Edits, e)
	return nil
}

// exchange returns the index of exchange n (1-based).
func exchange(d *Document, n int) (int, error) {
	if n < 1 || n > len(d.Exchanges) {
		return 0, fmt.Errorf("%w: there is no exchange %d (the transcript has %d)", ErrBadEdit, n, len(d.Exchanges))
	}
	return n - 1, nil
}

// setAnswer sets an exchange's paragraphs and the text joined from them.
func setAnswer(x *render.Exchange, paras []string) {
	x.Answer.Paragraphs = paras
	x.Answer.Text = strings.Join(paras, "\n\n")
}

func renumber(d *Document) {
	for k := range d.Exchanges {
		d.Exchanges[k].N = k + 1
	}
	d.Stats.Exchanges = len(d.Exchanges)
}

// merge makes exchange n and the next one: the next question becomes a
// paragraph of the answer, followed by the next answer.
func merge(d *Document, n int) error {
	k, err := exchange(d, n)
	if err != nil {
		return err
	}
	if k+1 >= len(d.Exchanges) {
		return fmt.Errorf("%w: exchange %d is the last; merge it with the one before", ErrBadEdit, n)
	}
	a, b := &d.Exchanges[k], d.Exchanges[k+1]
	paras := append(append(slices.Clone(a.Answer.Paragraphs), b.Question.Text), b.Answer.Paragraphs...)
	setAnswer(a, paras)
	for _, s := range b.Answer.Speakers {
		if !slices.Contains(a.Answer.Speakers, s) {
			a.Answer.Speakers = append(a.Answer.Speakers, s)
		}
	}
	d.Exchanges = slices.Delete(d.Exchanges, k+1, k+2)
	renumber(d)
	return nil
}

// split makes answer paragraph p (1-based, after the first) of exchange n
// the question of a new exchange that takes the paragraphs after it.
func split(d *Document, n, p int) error {
	k, err := exchange(d, n)
	if err != nil {
		return err
	}
	a := &d.Exchanges[k]
	paras := a.Answer.Paragraphs
	if p < 2 || p > len(paras) {
		return fmt.Errorf("%w: exchange %d has no answer paragraph %d to split at (it has %d; the first stays the answer)", ErrBadEdit, n, p, len(paras))
	}
	next := render.Exchange{
		Question:   render.Question{Text: paras[p-1], Speaker: a.Question.Speaker},
		Answer:     render.Answer{Speakers: slices.Clone(a.Answer.Speakers)},
		Confidence: 1,
		Method:     "edit",
	}
	setAnswer(&next, slices.Clone(paras[p:]))
	setAnswer(a, slices.Clone(paras[:p-1]))
	d.Exchanges = slices.Insert(d.Exchanges, k+1, next)
	renumber(d)
	return nil
}

// restore puts one removed occurrence of text back: at the end of the
// answer of exchange n, or of the intro when n is 0.
func restore(d *Document, n int, text string) error {
	r := slices.IndexFunc(d.Removed, func(x render.Removed) bool { return x.Text == text })
	if r < 0 {
		return fmt.Errorf("%w: %q is not among the removed texts", ErrBadEdit, text)
	}
	if n == 0 {
		d.Intro = append(d.Intro, text)
	} else {
		k, err := exchange(d, n)
		if err != nil {
			return err
		}
		setAnswer(&d.Exchanges[k], append(slices.Clone(d.Exchanges[k].Answer.Paragraphs), text))
	}
	rm := &d.Removed[r]
	d.Stats.Kept++
	if d.Stats.Removed[rm.Reason]--; d.Stats.Removed[rm.Reason] <= 0 {
		delete(d.Stats.Removed, rm.Reason)
	}
	if len(rm.Blocks) > 0 {
		rm.Blocks = rm.Blocks[1:]
	}
	if rm.Count--; rm.Count <= 0 {
		d.Removed = slices.Delete(d.Removed, r, r+1)
	}
	return nil
}

// rename changes a speaker's name wherever the transcript gives it.
func rename(d *Document, from, to string) error {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if from == "" || to == "" {
		return fmt.Errorf("%w: rename needs the old name and the new one", ErrBadEdit)
	}
	found := false
	swap := func(s *string) {
		if s != nil && *s == from {
			*s, found = to, true
		}
	}
	swapAll := func(ss []string) {
		for i := range ss {
			swap(&ss[i])
		}
	}
	if d.Meta.Interviewer != nil {
		v := *d.Meta.Interviewer
		swap(&v)
		d.Meta.Interviewer = &v
	}
	swapAll(d.Meta.Interviewees)
	for k := range d.Exchanges {
		x := &d.Exchanges[k]
		if x.Question.Speaker != nil {
			v := *x.Question.Speaker
			swap(&v)
			x.Question.Speaker = &v
		}
		swapAll(x.Answer.Speakers)
	}
	if !found {
		return fmt.Errorf("%w: no speaker is named %q", ErrBadEdit, from)
	}
	return nil
}

package qanda

import (
	"strings"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/interview"
	"github.com/qanda/qanda/internal/meta"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// ReasonControl is the removed reason of control characters.
const ReasonControl = "control-character"

// assemble builds the output contract from the stages' results.
func assemble(d *source.Doc, bs []blocks.Block, m meta.Meta, marks []clean.Mark, t interview.Transcript, controls source.Controls) *Document {
	doc := &Document{
		Schema: render.SchemaVersion,
		Source: render.Source{Name: d.Name, URL: d.URL, Format: string(d.Format), Charset: d.Charset, SHA256: d.SHA256, Bytes: d.Bytes},
		Title:  render.Str(m.Title),
		Meta: render.Meta{
			Language:     render.Str(m.Language),
			Site:         render.Str(m.Site),
			Authors:      nonNil(m.Authors),
			Published:    render.Str(m.Published),
			Canonical:    render.Str(m.Canonical),
			Interviewer:  render.Str(t.Interviewer),
			Interviewees: nonNil(t.Interviewees),
		},
		Intro:     texts(bs, t.Intro),
		Outro:     texts(bs, t.Outro),
		Exchanges: []render.Exchange{},
		Media:     media(bs, marks),
		Removed:   removed(bs, marks),
		Warnings:  []render.Warning{},
	}
	for k, e := range t.Exchanges {
		doc.Exchanges = append(doc.Exchanges, render.Exchange{
			N:     k + 1,
			Topic: render.Str(e.Topic),
			Question: render.Question{
				Text: e.Question, Speaker: render.Str(e.QuestionSpeaker), Label: render.Str(e.Label),
			},
			Answer: render.Answer{
				Text: strings.Join(e.Answer, "\n\n"), Paragraphs: nonNil(e.Answer), Speakers: nonNil(e.AnswerSpeakers),
			},
			Confidence: e.Confidence,
			Method:     e.Method,
		})
	}
	for _, w := range t.Warnings {
		doc.Warnings = append(doc.Warnings, render.Warning{Code: w.Code, Message: w.Message})
	}
	if w := d.WARC; w != nil {
		doc.Source.WARC = &render.WARC{RecordID: w.RecordID, TargetURI: w.TargetURI, Date: w.Date,
			PayloadDigest: w.PayloadDigest, File: w.File, Offset: w.Offset}
	}
	doc.Stats = stats(marks, len(doc.Exchanges))
	// Control characters are not blocks: they are listed, one entry per
	// code point, and counted apart from the block ledger.
	for _, r := range controls.Runes() {
		doc.Removed = append(doc.Removed, render.Removed{Text: source.ControlName(r), Reason: ReasonControl,
			Rule: "control-characters", Count: controls[r], Blocks: []string{}})
		doc.Stats.ControlCharacters += controls[r]
	}
	return doc
}

func texts(bs []blocks.Block, idx []int) []string {
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, bs[i].Text)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// media pairs each caption with the credit that follows it.
func media(bs []blocks.Block, marks []clean.Mark) []render.Media {
	out := []render.Media{}
	open := false // the last entry has a caption and still lacks a credit
	for i, m := range marks {
		switch m.Role {
		case clean.Caption:
			out = append(out, render.Media{Caption: bs[i].Text})
			open = true
		case clean.Credit:
			if open {
				out[len(out)-1].Credit = bs[i].Text
			} else {
				out = append(out, render.Media{Credit: bs[i].Text})
			}
			open = false
		case clean.Content, clean.Title:
			open = false
		}
	}
	return out
}

// removed lists each distinct removed text once per reason, in order of
// first appearance, with how often it was removed.
func removed(bs []blocks.Block, marks []clean.Mark) []render.Removed {
	out := []render.Removed{}
	at := map[string]int{}
	for i, m := range marks {
		if m.Role != clean.Removed {
			continue
		}
		k := string(m.Reason) + "\x00" + m.Rule + "\x00" + m.Key
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			r := render.Removed{Text: bs[i].Text, Reason: string(m.Reason), Rule: m.Rule}
			if m.DupOf >= 0 {
				r.DuplicateOf = blocks.ID(m.DupOf)
			}
			out = append(out, r)
		}
		out[j].Count++
		out[j].Blocks = append(out[j].Blocks, bs[i].ID)
	}
	return out
}

// stats is the ledger: every block is kept (text, title, media) or removed.
func stats(marks []clean.Mark, exchanges int) render.Stats {
	s := render.Stats{BlocksIn: len(marks), Removed: map[string]int{}, Exchanges: exchanges}
	for _, m := range marks {
		if m.Role == clean.Removed {
			s.Removed[string(m.Reason)]++
		} else {
			s.Kept++
		}
	}
	return s
}

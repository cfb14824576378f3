package qanda

import (
	"context"
	"fmt"

	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/pkg/source"
)

// A distributed batch need not carry its pages to the worker that learns
// their host: a page's Sketch is all a SiteLearner takes from it, and a
// learner's MarshalModel is all extraction needs back. The pages stay where
// they were read; only sketches and models travel.

// ErrSiteEncoding is bytes given to LearnSketch or LearnModel that are not
// a sketch or model of this qanda version.
var ErrSiteEncoding = clean.ErrEncoding

// Sketch encodes what site learning takes from the page: its host, which
// page it is, and a hash of each distinct block text (9 bytes a block, 17
// for a question or heading), far smaller than the page. LearnSketch on
// any worker learns from it what LearnPage learns from the page.
func (p *Page) Sketch() []byte {
	b, _ := p.sketch().AppendBinary(nil) // appending to a slice cannot fail
	return b
}

func (p *Page) sketch() clean.PageSketch {
	return clean.SketchMarked(pageURL(&p.s.Doc, p.s.Page.Meta), p.s.Page.Blocks, p.s.Page.Marks)
}

// SketchDoc is SiteHost and Sketch in one parse, without cleaning the
// page: what a worker that only learns needs of a document. Its errors are
// ExtractDoc's; a page without a host gives "" and no sketch.
func SketchDoc(ctx context.Context, d *source.Doc, opt Options) (host string, sketch []byte, err error) {
	p, err := guarded(ctx, d.Name, opt, func(ctx context.Context) (parsed, error) { return parse(ctx, d, opt) })
	if err != nil {
		return "", nil, err
	}
	sk := clean.Sketch(pageURL(d, p.meta), p.blocks)
	if sk.Host == "" {
		return "", nil, nil
	}
	b, _ := sk.AppendBinary(nil)
	return sk.Host, b, nil
}

// LearnSketch is LearnPage for a page's Sketch.
func (s *SiteLearner) LearnSketch(b []byte) error {
	sk, err := clean.ParseSketch(b)
	if err != nil {
		return fmt.Errorf("site sketch of %d bytes: %w", len(b), err)
	}
	s.observe(sk)
	return nil
}

// MarshalModel encodes what s removes: for each host, a hash of each of its
// boilerplate texts (8 bytes a text). It carries the verdicts, not the
// page counts behind them: LearnModel adds models of different hosts
// together, but a model cannot be learned on from.
func (s *SiteLearner) MarshalModel() ([]byte, error) {
	b, err := s.model().AppendBinary(nil)
	if err != nil {
		return nil, fmt.Errorf("site model: %w", err)
	}
	return b, nil
}

// LearnModel adds the boilerplate of an encoded model (MarshalModel) to
// what s removes, so a worker can extract with the models of hosts learned
// elsewhere.
func (s *SiteLearner) LearnModel(b []byte) error {
	m, err := clean.ParseModel(b)
	if err != nil {
		return fmt.Errorf("site model of %d bytes: %w", len(b), err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.given = s.given.Merge(m)
	s.cache = nil
	return nil
}

package qanda

import (
	"context"
	"iter"
	"sync"

	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/pkg/source"
)

// SiteLearner learns the boilerplate of each host from the pages it is
// shown: a block text on enough of a host's pages (a newsletter box, a
// footer line) is removed from that host's pages when the learner is
// given as Options.Sites. The caller owns it; it is safe for concurrent
// use, and what it learns depends only on the set of pages shown, not on
// their order. Memory grows with the distinct block texts (about 50 bytes
// each), not with the pages.
type SiteLearner struct {
	mu    sync.Mutex
	l     *clean.SiteLearner
	given *clean.SiteModel // models added by LearnModel
	cache *clean.SiteModel // the model of what was learned; nil after Learn
}

// NewSiteLearner returns a learner that knows nothing yet.
func NewSiteLearner() *SiteLearner { return &SiteLearner{l: clean.NewSiteLearner()} }

// Learn reads one page's blocks (its URL, or failing that its canonical
// URL, names the host; a page with neither teaches nothing). A page seen
// before, by URL, is ignored.
func (s *SiteLearner) Learn(ctx context.Context, d *source.Doc, opt Options) error {
	p, err := guarded(ctx, d.Name, opt, func(ctx context.Context) (parsed, error) { return parse(ctx, d, opt) })
	if err != nil {
		return err
	}
	s.observe(clean.Sketch(pageURL(d, p.meta), p.blocks))
	return nil
}

// observe adds one page's sketch.
func (s *SiteLearner) observe(sk clean.PageSketch) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l.Observe(sk)
	s.cache = nil
}

// Texts is the number of boilerplate texts learned, over all hosts.
func (s *SiteLearner) Texts() int { return s.model().Size() }

// model returns the frozen model of what s learned so far (nil for a nil
// s, which removes nothing).
func (s *SiteLearner) model() *clean.SiteModel {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache == nil {
		s.cache = s.l.Model().Merge(s.given)
	}
	return s.cache
}

// LearnSites is the first pass of a batch: it shows a new SiteLearner every
// replayable input (files, WARC records; URLs and stdin are passed over so
// they are neither fetched twice nor consumed), Jobs at a time. Inputs that
// fail are passed over here; the second pass reports them.
func LearnSites(ctx context.Context, inputs iter.Seq[source.Input], opt BatchOptions) (*SiteLearner, error) {
	s := NewSiteLearner()
	work := func(ctx context.Context, _ int, in source.Input) struct{} {
		if !in.Kind.Replayable() {
			return struct{}{}
		}
		if d, err := in.Load(ctx); err == nil {
			_ = s.Learn(ctx, d, opt.Options) // a page that fails teaches nothing
		}
		return struct{}{}
	}
	if err := ordered(ctx, opt.jobs(), inputs, work, func(struct{}) error { return nil }); err != nil {
		return nil, err
	}
	return s, nil
}

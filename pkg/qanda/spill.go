package qanda

import (
	"bufio"
	"compress/flate"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"iter"
	"os"
	"time"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/pkg/source"
)

// A batch that learns its sites needs every page twice: once to learn what
// recurs on each host, once to remove it. Parsing and cleaning each page
// twice would nearly double the batch's time; holding every cleaned page
// in memory would not scale to an archive. So the first pass writes each
// cleaned page (blocks, marks, metadata: what the second half of the
// pipeline reads) to a temporary file in input order, and the second pass
// reads them back, which costs a fraction of a parse.

// spilled is one input as the first pass left it.
type spilled struct {
	Name, Digest string
	Skipped      bool
	Failed       bool // the error is kept in memory, in input order
	Elapsed      time.Duration
	Doc          source.Doc // without its Body, which the second pass does not read
	Page         *cleaned
}

// runLearning is RunBatch with BatchOptions.LearnSites.
func runLearning(ctx context.Context, inputs iter.Seq[source.Input], opt BatchOptions, emit func(Result) error) error {
	f, err := os.CreateTemp(opt.TempDir, "qanda-sites-*.gob")
	if err != nil {
		return fmt.Errorf("site learning needs a temporary file: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()

	learner := clean.NewSiteLearner()
	w := bufio.NewWriter(f)
	// Compressed, because the file holds the text of the whole batch
	// (blocks and keys: about a quarter of the HTML's size; flate's
	// fastest level makes that a thirtieth for a few percent of time).
	z, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return fmt.Errorf("site learning: %w", err)
	}
	enc := gob.NewEncoder(z)
	var errs []error // the first pass's errors, in input order: errors do not encode
	first := func(ctx context.Context, _ int, in source.Input) spilledErr {
		s, err := cleanInput(ctx, in, opt)
		return spilledErr{s, err}
	}
	keep := func(se spilledErr) error {
		if p := se.s.Page; p != nil {
			learner.Observe(clean.Sketch(pageURL(&se.s.Doc, p.Meta), p.Blocks))
		}
		if se.err != nil {
			errs = append(errs, se.err)
		}
		return enc.Encode(se.s)
	}
	if err := ordered(ctx, opt.jobs(), inputs, first, keep); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("site learning: write %s: %w", f.Name(), err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("site learning: write %s: %w", f.Name(), err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("site learning: read %s: %w", f.Name(), err)
	}
	model := learner.Model()
	if opt.Learned != nil {
		opt.Learned(model.Size())
	}
	var readErr error
	records := func(yield func(spilledErr) bool) {
		zr := flate.NewReader(bufio.NewReader(f))
		defer zr.Close()
		dec := gob.NewDecoder(zr)
		k := 0
		for {
			var s spilled
			if err := dec.Decode(&s); err != nil {
				if err != io.EOF {
					readErr = fmt.Errorf("site learning: read %s: %w", f.Name(), err)
				}
				return
			}
			var err error
			if s.Failed {
				err, k = errs[k], k+1
			}
			if !yield(spilledErr{s, err}) {
				return
			}
		}
	}
	second := func(ctx context.Context, seq int, se spilledErr) Result {
		r := finishSpilled(ctx, se, model, opt)
		r.Seq = seq
		return r
	}
	if err := ordered(ctx, opt.jobs(), records, second, emit); err != nil {
		return err
	}
	return readErr
}

// spilledErr is a first-pass record with the error of a failed input.
type spilledErr struct {
	s   spilled
	err error
}

// cleanInput reads and cleans one input: the first pass.
func cleanInput(ctx context.Context, in source.Input, opt BatchOptions) (spilled, error) {
	start := time.Now()
	s := spilled{Name: in.Name}
	fail := func(err error) (spilled, error) {
		s.Failed = true
		return s, err
	}
	d, err := in.Load(ctx)
	if err != nil {
		return fail(err)
	}
	s.Name, s.Digest = d.Name, d.SHA256
	if opt.Skip != nil && opt.Skip(d) {
		s.Skipped = true
		return s, nil
	}
	c, err := guarded(ctx, d.Name, opt.Options, func(ctx context.Context) (*cleaned, error) { return cleanPage(ctx, d, opt.Options) })
	if err != nil {
		return fail(err)
	}
	s.Doc, s.Page = *d, c
	s.Doc.Body = nil
	for i := range c.Blocks {
		c.Blocks[i].Elem = flat(c.Blocks[i].Elem)
	}
	s.Elapsed = time.Since(start)
	return s, nil
}

// flat is e without the elements around it: the interview stage reads a
// block's own element only, and a chain of parents per block would be
// written out again for every block.
func flat(e *blocks.Element) *blocks.Element {
	if e == nil {
		return nil
	}
	return &blocks.Element{Tag: e.Tag, Class: e.Class, Style: e.Style}
}

// finishSpilled is the second pass for one input.
func finishSpilled(ctx context.Context, se spilledErr, model *clean.SiteModel, opt BatchOptions) Result {
	s := se.s
	r := Result{Name: s.Name, Digest: s.Digest, Skipped: s.Skipped, Err: se.err}
	if s.Failed || s.Skipped {
		return r
	}
	start := time.Now()
	d := &s.Doc
	e, err := guarded(ctx, d.Name, opt.Options, func(ctx context.Context) (*extraction, error) {
		return finish(ctx, d, s.Page, model, opt.Options)
	})
	if err == nil && opt.Options.RequireInterview && len(e.Doc.Exchanges) == 0 {
		err = fmt.Errorf("%s: %w", d.Name, ErrNoInterview)
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Doc = e.Doc
	r.Err = renderAll(&r, opt.Formats)
	r.Elapsed = s.Elapsed + time.Since(start)
	return r
}

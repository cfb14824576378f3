package qanda

import (
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"sync"
	"sync/atomic"
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

// keepInMemory is BatchOptions.SitesMemory's default: how much of the
// cleaned pages (by pageSize's estimate, about two thirds of the heap
// they hold) stay in memory between the passes; the rest goes to the
// file. Encoding costs a quarter of a parse, so a batch of a few hundred
// pages is spared it (the 181 ASB pages need 14 MiB), and memory stays
// bounded whatever the batch's size: with 64 MiB, 100,000 documents
// peaked at 376 MB.
const keepInMemory = 32 << 20

// runLearning is RunBatch with BatchOptions.LearnSites. The workers
// encode and compress the records that go to the file (and decode them in
// the second pass); the one goroutine that keeps input order only feeds
// the learner and copies bytes, so the passes scale with Jobs.
func runLearning(ctx context.Context, inputs iter.Seq[source.Input], opt BatchOptions, emit func(Result) error) error {
	f, err := os.CreateTemp(opt.TempDir, "qanda-sites-*.gob")
	if err != nil {
		return fmt.Errorf("site learning needs a temporary file: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	fail := func(err error) error { return fmt.Errorf("site learning: %s: %w", f.Name(), err) }

	var codec codec
	learner := clean.NewSiteLearner()
	w := bufio.NewWriter(f)
	var errs []error // the first pass's errors, in input order: errors do not encode
	var budget atomic.Int64
	budget.Store(opt.sitesMemory())
	var kept []*spilled // by input position; nil for the records in the file
	first := func(ctx context.Context, _ int, in source.Input) packed {
		s, err := cleanInput(ctx, in, opt)
		p := packed{err: err}
		if s.Page != nil {
			p.sketch = clean.SketchMarked(pageURL(&s.Doc, s.Page.Meta), s.Page.Blocks, s.Page.Marks)
		}
		// Where a record waits does not change the output: the
		// second pass takes each from where it is, in input order.
		if n := pageSize(s.Page); budget.Add(-n) >= 0 {
			p.kept = &s
		} else {
			budget.Add(n)
			p.blob, p.encErr = codec.pack(s)
		}
		return p
	}
	keep := func(p packed) error {
		if p.encErr != nil {
			return fail(p.encErr)
		}
		learner.Observe(p.sketch)
		if p.err != nil {
			errs = append(errs, p.err)
		}
		kept = append(kept, p.kept)
		if p.kept != nil {
			return nil
		}
		return writeFrame(w, p.blob)
	}
	if err := ordered(ctx, opt.jobs(), inputs, first, keep); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fail(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fail(err)
	}
	model := learner.Model()
	if opt.Learned != nil {
		opt.Learned(model.Size())
	}
	var readErr error
	records := func(yield func(waiting) bool) {
		r := bufio.NewReader(f)
		for k, s := range kept {
			kept[k] = nil // the second pass holds it now
			if s != nil {
				if !yield(waiting{kept: s}) {
					return
				}
				continue
			}
			blob, err := readFrame(r)
			if err != nil {
				readErr = fail(err) // io.EOF too: a frame is missing
				return
			}
			if !yield(waiting{blob: blob}) {
				return
			}
		}
	}
	// The errors are handed out in input order, by the second pass's
	// emitter, which sees the results in that order.
	k := 0
	second := func(ctx context.Context, seq int, rec waiting) Result {
		if rec.kept == nil {
			s, err := codec.unpack(rec.blob)
			if err != nil {
				return Result{Seq: seq, Err: fail(err)}
			}
			rec.kept = &s
		}
		r := finishSpilled(ctx, *rec.kept, model, opt)
		r.Seq = seq
		return r
	}
	withErrors := func(r Result) error {
		if r.Err == errFirstPass {
			r.Err, k = errs[k], k+1
		}
		return emit(r)
	}
	if err := ordered(ctx, opt.jobs(), records, second, withErrors); err != nil {
		return err
	}
	return readErr
}

// packed is one first-pass record, kept or encoded, with what the emitter
// needs.
type packed struct {
	kept   *spilled // the record, when it stays in memory
	blob   []byte   // else the record, encoded
	sketch clean.PageSketch
	err    error // the input's failure
	encErr error // encoding it failed: the batch stops
}

// waiting is one record between the passes: in memory or encoded.
type waiting struct {
	kept *spilled
	blob []byte
}

// pageSize estimates the memory a cleaned page holds: its texts and keys,
// and the structs around them.
func pageSize(c *cleaned) int64 {
	if c == nil {
		return 64
	}
	n := int64(512)
	for i, b := range c.Blocks {
		n += int64(len(b.Text)+len(b.Path)+len(c.Marks[i].Key)) + 256
	}
	return n
}

// codec encodes records as gob, flate-compressed: the file holds the text
// of the whole batch (blocks and keys, about a quarter of the HTML's
// size), and flate's fastest level makes that a thirtieth for a few
// percent of time. The compressors are pooled: each holds large tables.
type codec struct {
	writers, readers sync.Pool
}

func (c *codec) pack(s spilled) ([]byte, error) {
	var b bytes.Buffer
	z, _ := c.writers.Get().(*flate.Writer)
	if z == nil {
		var err error
		if z, err = flate.NewWriter(&b, flate.BestSpeed); err != nil {
			return nil, err
		}
	} else {
		z.Reset(&b)
	}
	defer c.writers.Put(z)
	if err := gob.NewEncoder(z).Encode(s); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (c *codec) unpack(blob []byte) (spilled, error) {
	var s spilled
	src := bytes.NewReader(blob)
	z, _ := c.readers.Get().(io.ReadCloser)
	if z == nil {
		z = flate.NewReader(src)
	} else if err := z.(flate.Resetter).Reset(src, nil); err != nil {
		return s, err
	}
	defer c.readers.Put(z)
	err := gob.NewDecoder(z).Decode(&s)
	return s, err
}

// writeFrame writes blob with its length before it.
func writeFrame(w *bufio.Writer, blob []byte) error {
	var n [binary.MaxVarintLen64]byte
	if _, err := w.Write(n[:binary.PutUvarint(n[:], uint64(len(blob)))]); err != nil {
		return err
	}
	_, err := w.Write(blob)
	return err
}

// readFrame reads one blob writeFrame wrote; io.EOF at the end.
func readFrame(r *bufio.Reader) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err // io.EOF between frames
	}
	blob := make([]byte, n)
	if _, err := io.ReadFull(r, blob); err != nil {
		return nil, fmt.Errorf("a record cut short: %w", err)
	}
	return blob, nil
}

// errFirstPass stands in the second pass for the error of an input that
// failed in the first, which the file cannot hold.
var errFirstPass = errors.New("failed in the first pass")

// cleanInput reads and cleans one input: the first pass.
func cleanInput(ctx context.Context, in source.Input, opt BatchOptions) (spilled, error) {
	start := time.Now()
	d, name, digest, skipped, err := loadInput(ctx, in, opt)
	s := spilled{Name: name, Digest: digest, Skipped: skipped, Failed: err != nil}
	if err != nil || skipped {
		return s, err
	}
	p, err := PreparePage(ctx, d, opt.Options)
	if err != nil {
		s.Failed = true
		return s, err
	}
	s.Doc, s.Page = p.s.Doc, p.s.Page
	s.Elapsed = time.Since(start)
	return s, nil
}

// spill is a cleaned page as it waits for the second half: the document
// without its body (which that half does not read) and blocks without
// the elements around theirs.
func spill(d *source.Doc, c *cleaned) spilled {
	s := spilled{Name: d.Name, Digest: d.SHA256, Doc: *d, Page: c}
	s.Doc.Body = nil
	for i := range c.Blocks {
		c.Blocks[i].Elem = flat(c.Blocks[i].Elem)
	}
	return s
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

// finishGuarded is finish within opt's limits, with RequireInterview.
func finishGuarded(ctx context.Context, d *source.Doc, c *cleaned, model *clean.SiteModel, opt Options) (*extraction, error) {
	e, err := guarded(ctx, d.Name, opt, func(ctx context.Context) (*extraction, error) {
		return finish(ctx, d, c, model, opt)
	})
	if err == nil && opt.RequireInterview && len(e.Doc.Exchanges) == 0 {
		err = fmt.Errorf("%s: %w", d.Name, ErrNoInterview)
	}
	return e, err
}

// finishSpilled is the second pass for one input.
func finishSpilled(ctx context.Context, s spilled, model *clean.SiteModel, opt BatchOptions) Result {
	r := Result{Name: s.Name, Digest: s.Digest, Skipped: s.Skipped}
	switch {
	case s.Failed:
		r.Err = errFirstPass
		return r
	case s.Skipped:
		return r
	}
	start := time.Now()
	e, err := finishGuarded(ctx, &s.Doc, s.Page, model, opt.Options)
	if err != nil {
		r.Err = err
		return r
	}
	r.Doc = e.Doc
	r.Err = renderAll(&r, opt.Formats)
	r.Elapsed = s.Elapsed + time.Since(start)
	return r
}

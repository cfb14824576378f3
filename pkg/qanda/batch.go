package qanda

import (
	"bytes"
	"context"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/qanda/qanda/pkg/source"
)

// BatchOptions tune RunBatch and LearnSites.
type BatchOptions struct {
	// Jobs is how many documents are read and structured at once; less
	// than 1 means one per CPU.
	Jobs int

	// Options apply to every document (set Options.Sites to what
	// LearnSites returned).
	Options Options

	// Formats are rendered by the workers into Result.Out, in this
	// order. CSV renderings are rows only: write the header once with
	// WriteCSVHeader.
	Formats []Format

	// LearnSites learns each host's boilerplate from the batch's own
	// pages and removes it from them (then Options.Sites is not used).
	// Every page is still read and parsed once: the first pass keeps what
	// the second needs of each page (its blocks, as cleaned) in a
	// temporary file, so memory stays bounded (see spill.go). URLs and
	// stdin are read once too. The result does not depend on Jobs.
	LearnSites bool

	// TempDir is where LearnSites keeps that file; "" is os.TempDir().
	TempDir string

	// SitesMemory is how many bytes of cleaned pages LearnSites keeps in
	// memory rather than in the file: 0 means 32 MiB, negative none.
	SitesMemory int64

	// Learned, when set, is called once the first pass of LearnSites is
	// done, with the number of boilerplate texts it learned.
	Learned func(texts int)

	// Skip, when set, is asked for every document after it was read and
	// before it is structured; true passes it over (Result.Skipped), e.g.
	// because its output exists for the same input digest. Called from
	// several goroutines at once.
	Skip func(d *source.Doc) bool
}

func (o BatchOptions) sitesMemory() int64 {
	switch {
	case o.SitesMemory == 0:
		return keepInMemory
	case o.SitesMemory < 0:
		return 0
	}
	return o.SitesMemory
}

func (o BatchOptions) jobs() int {
	if o.Jobs < 1 {
		return runtime.NumCPU()
	}
	return o.Jobs
}

// Result is the outcome for one input, delivered in input order.
type Result struct {
	Seq     int           // 0 for the first input
	Name    string        // the document's name (Input.FailedName if it could not be read)
	Digest  string        // sha256 of the raw input, when it was read
	Doc     *Document     // nil on failure or skip
	Out     [][]byte      // one rendering per BatchOptions.Formats
	Skipped bool          // Skip said so
	Err     error         // why the input failed; the batch goes on
	Elapsed time.Duration // reading and structuring
}

// RunBatch reads, structures and renders every input, Jobs at a time, and
// hands each Result to emit in input order, whatever order the workers
// finish in, so the output is the same bytes for any Jobs. Memory is
// bounded: at most 4×Jobs documents are in flight, and inputs are pulled
// only as results are emitted. A failing input is a Result with Err; only
// an error from emit or the end of ctx stops the batch. On cancellation
// RunBatch returns ctx.Err() at once, without emitting the results still in
// flight (and without waiting for an input blocked in a read).
func RunBatch(ctx context.Context, inputs iter.Seq[source.Input], opt BatchOptions, emit func(Result) error) error {
	if opt.LearnSites {
		return runLearning(ctx, inputs, opt, emit)
	}
	work := func(ctx context.Context, seq int, in source.Input) Result {
		r := process(ctx, in, opt)
		r.Seq = seq
		return r
	}
	return ordered(ctx, opt.jobs(), inputs, work, emit)
}

// process handles one input.
func process(ctx context.Context, in source.Input, opt BatchOptions) Result {
	start := time.Now()
	d, name, digest, skipped, err := loadInput(ctx, in, opt)
	r := Result{Name: name, Digest: digest, Skipped: skipped, Err: err}
	if err != nil || skipped {
		return r
	}
	doc, err := ExtractDoc(ctx, d, opt.Options)
	if err != nil {
		r.Err = err
		return r
	}
	r.Doc = doc
	r.Err = renderAll(&r, opt.Formats)
	r.Elapsed = time.Since(start)
	return r
}

// loadInput reads one input of a batch: its document, or why it could
// not be read, and whether Skip passes it over; name and digest are what
// the batch reports it under.
func loadInput(ctx context.Context, in source.Input, opt BatchOptions) (d *source.Doc, name, digest string, skipped bool, err error) {
	d, err = in.Load(ctx)
	if err != nil {
		return nil, in.FailedName(err), "", false, err
	}
	return d, d.Name, d.SHA256, opt.Skip != nil && opt.Skip(d), nil
}

// ordered runs work on every input with jobs goroutines and calls emit
// with the results in input order. A window of 4×jobs slots bounds the
// inputs between being pulled and being emitted.
func ordered[I, T any](ctx context.Context, jobs int, inputs iter.Seq[I], work func(context.Context, int, I) T, emit func(T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		in  I
	}
	type done struct {
		seq int
		v   T
	}
	window := 4 * jobs
	slots := make(chan struct{}, window)
	jobsCh := make(chan job)
	results := make(chan done, window)

	go func() {
		defer close(jobsCh)
		seq := 0
		for in := range inputs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobsCh <- job{seq, in}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobsCh {
				results <- done{j.seq, work(ctx, j.seq, j.in)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make(map[int]T, window)
	next := 0
	for {
		select {
		case <-ctx.Done():
			go drain(results)
			return ctx.Err()
		case r, ok := <-results:
			if !ok {
				return ctx.Err()
			}
			pending[r.seq] = r.v
			for {
				v, ok := pending[next]
				if !ok {
					break
				}
				if ctx.Err() != nil {
					go drain(results)
					return ctx.Err()
				}
				delete(pending, next)
				if err := emit(v); err != nil {
					cancel()
					go drain(results)
					return err
				}
				next++
				<-slots
			}
		}
	}
}

// drain lets the workers of a stopped batch finish without blocking.
func drain[T any](ch <-chan T) {
	for range ch {
	}
}

// renderAll renders r.Doc in every format into r.Out.
func renderAll(r *Result, formats []Format) error {
	for _, f := range formats {
		var b bytes.Buffer
		if err := renderRows(&b, r.Doc, f); err != nil {
			return err
		}
		r.Out = append(r.Out, b.Bytes())
	}
	return nil
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// summary is what summary.json says about a run in -o DIR mode.
type summary struct {
	Schema      string         `json:"schema"`
	Version     string         `json:"qanda_version"`
	Documents   int            `json:"documents"`    // inputs seen, failed ones included
	OK          int            `json:"ok"`           // written
	Resumed     int            `json:"resumed"`      // passed over by --resume
	Failed      int            `json:"failed"`       // could not be read or structured
	NoInterview int            `json:"no_interview"` // written, but without exchanges
	Exchanges   int            `json:"exchanges"`
	Skipped     map[string]int `json:"skipped"` // records and files passed over on purpose, by reason
	SiteTexts   int            `json:"site_boilerplate_texts"`
	Failures    []failure      `json:"failures"`
	Interrupted bool           `json:"interrupted"`
	Timings     timings        `json:"timings"`
}

type failure struct {
	Input  string `json:"input"`
	Reason string `json:"reason"`
	// WARC points into the archive: the record that failed, or, for a
	// damaged file, the offset of the record where it breaks.
	WARC *render.WARC `json:"warc,omitempty"`
}

type timings struct {
	WallSeconds        float64 `json:"wall_seconds"`
	LearnSeconds       float64 `json:"learn_seconds"` // first pass: site boilerplate
	DocumentsPerSecond float64 `json:"documents_per_second"`
}

// batch is one run of extract over any number of inputs.
type batch struct {
	o       Options
	stdin   io.Reader
	stdout  *bufio.Writer
	stderr  io.Writer
	out     *outDir // nil: write to stdout
	format  string  // stdout format
	bar     *progressbar.ProgressBar
	sum     summary
	skipped counts // records and files passed over; the walker adds to it
	csvHead bool   // the CSV header is written
	plans   *plans // what emit needs to know of each input beyond its Result
}

// counts is a tally that the walking goroutine adds to while the writing
// goroutine may read it.
type counts struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counts) add(_, reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[reason]++
}

func (c *counts) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := make(map[string]int, len(c.n))
	for k, v := range c.n {
		m[k] = v
	}
	return m
}

// extract runs qanda over every input and writes the results, in input
// order, to stdout or into -o DIR. A bad input is reported and the run
// goes on; the exit code says whether any failed.
func extract(ctx context.Context, o Options, stdin io.Reader, stdout, stderr io.Writer) error {
	b := &batch{o: o, stdin: stdin, stderr: stderr, sum: summary{
		Schema: "qanda-summary/1", Version: version, Skipped: map[string]int{}, Failures: []failure{},
	}}
	specs, err := b.specs()
	if err != nil {
		return err
	}
	b.format = stdoutFormat(o, specs)
	if o.OutDir != "" {
		if b.out, err = openOutDir(o.OutDir, o.Formats, o.Resume); err != nil {
			return err
		}
		defer b.out.close()
	}
	if f, ok := stderr.(*os.File); ok && !o.Quiet && term.IsTerminal(int(f.Fd())) {
		b.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("qanda"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	b.stdout = bufio.NewWriter(stdout)
	defer b.stdout.Flush()

	start := time.Now()
	opt := qanda.BatchOptions{Jobs: o.Jobs, Options: o.Limits}
	if o.SiteLearning && !o.StdinJSONL && worthLearning(specs) {
		opt.LearnSites = true
		opt.Learned = func(texts int) {
			b.sum.SiteTexts = texts
			b.sum.Timings.LearnSeconds = time.Since(start).Seconds()
		}
	}
	b.plans = newPlans(b.out)
	if b.out != nil {
		opt.Formats = formats(o.Formats, o.CSVRaw)
		if o.Resume {
			opt.Skip = func(d *source.Doc) bool { return b.out.complete(b.plans.stemOf(d), d.Name, d.SHA256) }
		}
	} else {
		opt.Formats = formats([]string{b.format}, o.CSVRaw)
	}
	var inputs iter.Seq[source.Input]
	if o.StdinJSONL {
		inputs = b.records()
	} else {
		inputs = b.inputs(ctx, specs)
	}
	err = qanda.RunBatch(ctx, b.plans.wrap(inputs, o.Resume), opt, b.emit)
	return b.finish(start, err)
}

// specs lists the input specs: the arguments, then --from-list's lines;
// stdin when there are none and it is not a terminal.
func (b *batch) specs() ([]string, error) {
	specs := b.o.Inputs
	if b.o.FromList != "" {
		var list []string
		var err error
		if b.o.FromList == "-" {
			list, err = source.ReadList("-", b.stdin)
		} else {
			list, err = source.OpenList(b.o.FromList)
		}
		if err != nil {
			return nil, err
		}
		specs = append(specs[:len(specs):len(specs)], list...)
	}
	if b.o.StdinJSONL || len(specs) > 0 || b.o.FromList != "" {
		return specs, nil
	}
	if f, ok := b.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return nil, usageError{"no input: name a file, or pipe a page into 'qanda extract -'"}
	}
	return []string{"-"}, nil
}

// worthLearning says whether the inputs can hold the three pages of one
// host that site learning needs, so that one or two files are not parsed
// twice for nothing.
func worthLearning(specs []string) bool {
	files := 0
	for _, s := range specs {
		if s == "-" || source.IsURL(s) {
			continue
		}
		if fi, err := os.Stat(s); err == nil && fi.IsDir() || source.IsWARC(s) {
			return true
		}
		files++
	}
	return files >= 3
}

// stdoutFormat is the format written to stdout: JSON for one document,
// JSON Lines when the inputs can be several documents.
func stdoutFormat(o Options, specs []string) string {
	f := o.Format
	switch f {
	case "markdown":
		f = "md"
	case "txt":
		f = "text"
	}
	if f != "json" {
		return f
	}
	if o.StdinJSONL || len(specs) != 1 || source.IsWARC(specs[0]) {
		return "jsonl"
	}
	if fi, err := os.Stat(specs[0]); err == nil && fi.IsDir() {
		return "jsonl"
	}
	return "json"
}

// inputs walks the specs, once: with site learning, the batch keeps what
// it read for its second pass.
func (b *batch) inputs(ctx context.Context, specs []string) iter.Seq[source.Input] {
	wopt := source.WalkOptions{
		Include: b.o.Include, Exclude: b.o.Exclude,
		Read:    source.Options{MaxBytes: b.o.MaxBytes},
		Stdin:   b.stdin,
		Skipped: b.skipped.add,
		Fetcher: source.NewFetcher(source.FetchOptions{
			Timeout: b.o.Timeout, MaxBytes: b.o.MaxBytes, PerHost: b.o.PerHost, UserAgent: "qanda/" + version,
		}),
	}
	return func(yield func(source.Input) bool) {
		source.Walk(ctx, specs, wopt, yield)
	}
}

// records reads the JSON Lines stream on stdin.
func (b *batch) records() iter.Seq[source.Input] {
	rr := source.NewRecordReader(b.stdin, source.Options{MaxBytes: b.o.MaxBytes})
	return func(yield func(source.Input) bool) {
		for {
			in, err := rr.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				in = source.Input{Name: "stdin", Kind: source.BrokenInput, Load: func(context.Context) (*source.Doc, error) {
					return nil, &source.Error{Input: "-", Err: source.ErrUnreadable, Detail: err.Error()}
				}}
				yield(in)
				return
			}
			if !yield(in) {
				return
			}
		}
	}
}

// emit writes one result; it runs on one goroutine, in input order.
func (b *batch) emit(r qanda.Result) error {
	b.sum.Documents++
	if b.bar != nil {
		b.bar.Add(1)
	}
	p := b.plans.take(r.Seq)
	switch {
	case r.Err != nil:
		b.sum.Failed++
		b.sum.Failures = append(b.sum.Failures, failure{Input: r.Name, Reason: advised(r.Err), WARC: renderWARC(p.warc)})
		b.log("qanda: %s", advised(r.Err))
		if b.o.StdinJSONL && b.out == nil {
			return b.errorLine(r)
		}
		return nil
	case r.Skipped:
		b.sum.Resumed++
		return nil
	}
	b.sum.OK++
	b.sum.Exchanges += len(r.Doc.Exchanges)
	if len(r.Doc.Exchanges) == 0 {
		b.sum.NoInterview++
		if !b.o.Quiet {
			b.log("qanda: %s: warning: no interview found; the text is in intro", r.Name)
		}
	}
	if !b.o.Quiet {
		for _, w := range r.Doc.Warnings {
			if w.Code != render.WarnNoInterview { // said above, in fewer words
				b.log("qanda: %s: warning: %s", r.Name, warningAdvised(w))
			}
		}
	}
	if b.out != nil {
		return b.out.write(p.stem, r.Name, r.Digest, r.Out)
	}
	if b.format == "csv" && !b.csvHead {
		if err := render.CSVHeader(b.stdout); err != nil {
			return err
		}
		b.csvHead = true
	}
	_, err := b.stdout.Write(r.Out[0])
	return err
}

// errorLine keeps the JSON Lines stream in step with its input: a record
// that failed is answered by a line with "error" (and no "schema").
func (b *batch) errorLine(r qanda.Result) error {
	line, err := json.Marshal(struct {
		Source struct {
			Name string `json:"name"`
		} `json:"source"`
		Error string `json:"error"`
	}{Source: struct {
		Name string `json:"name"`
	}{r.Name}, Error: advised(r.Err)})
	if err != nil {
		return err
	}
	_, err = b.stdout.Write(append(line, '\n'))
	return err
}

// log writes a message line on stderr, clearing the progress bar first.
func (b *batch) log(format string, args ...any) {
	if b.bar != nil {
		b.bar.Clear()
	}
	fmt.Fprintf(b.stderr, format+"\n", args...)
}

// finish flushes, writes summary.json and the closing line, and turns the
// outcome into the exit code.
func (b *batch) finish(start time.Time, err error) error {
	if b.bar != nil {
		b.bar.Finish()
	}
	interrupted := errors.Is(err, context.Canceled)
	if err != nil && !interrupted {
		return err
	}
	if ferr := b.stdout.Flush(); ferr != nil {
		return ferr
	}
	b.sum.Interrupted = interrupted
	b.sum.Skipped = b.skipped.snapshot()
	wall := time.Since(start).Seconds()
	b.sum.Timings.WallSeconds = round3(wall)
	b.sum.Timings.LearnSeconds = round3(b.sum.Timings.LearnSeconds)
	if wall > 0 {
		b.sum.Timings.DocumentsPerSecond = round3(float64(b.sum.Documents) / wall)
	}
	if b.out != nil {
		data, jerr := json.MarshalIndent(b.sum, "", "  ")
		if jerr != nil {
			return jerr
		}
		if werr := writeAtomic(b.out.dir, "summary.json", append(data, '\n')); werr != nil {
			return werr
		}
	}
	if interrupted {
		b.log("qanda: interrupted after %d documents; run again with --resume to finish", b.sum.OK+b.sum.Resumed)
	} else if !b.o.Quiet && (b.sum.Documents > 1 || b.out != nil) {
		b.log("qanda: %s", b.closingLine())
	}
	switch {
	case interrupted, b.sum.Failed > 0:
		return exitError{exitFailed}
	case b.o.Strict && b.sum.NoInterview > 0:
		return exitError{exitNoInterview}
	}
	return nil
}

// closingLine sums the run up in one line.
func (b *batch) closingLine() string {
	s := b.sum
	line := fmt.Sprintf("%d documents: %d written, %d failed", s.Documents, s.OK, s.Failed)
	if s.Resumed > 0 {
		line += fmt.Sprintf(", %d already done", s.Resumed)
	}
	if s.NoInterview > 0 {
		line += fmt.Sprintf(", %d without interview", s.NoInterview)
	}
	if len(s.Skipped) > 0 {
		reasons := make([]string, 0, len(s.Skipped))
		for r, n := range s.Skipped {
			reasons = append(reasons, fmt.Sprintf("%s %d", r, n))
		}
		sort.Strings(reasons)
		line += "; passed over: " + strings.Join(reasons, ", ")
	}
	return line
}

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

// formats converts the CLI's format names (validated by parseOptions) for
// the library; --csv-raw picks the raw CSV writer.
func formats(names []string, csvRaw bool) []qanda.Format {
	out := make([]qanda.Format, len(names))
	for k, n := range names {
		f, _ := qanda.ParseFormat(n)
		if f == qanda.FormatCSV && csvRaw {
			f = qanda.FormatCSVRaw
		}
		out[k] = f
	}
	return out
}

// advised is err's message with the CLI's advice: the library's messages
// say what is wrong, and the CLI says which of its flags changes the limit.
func advised(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, qanda.ErrTooLarge):
		return msg + "; raise --max-bytes or split the input"
	case errors.Is(err, qanda.ErrTooManyBlocks):
		return msg + "; raise --max-blocks or split the input"
	case errors.Is(err, qanda.ErrTimeout):
		return msg + "; raise --timeout-doc or split the input"
	case errors.Is(err, source.ErrFetchTimeout):
		return msg + "; try again or raise --timeout"
	}
	return msg
}

// warningAdvised is a warning's message with the CLI's advice.
func warningAdvised(w qanda.Warning) string {
	if w.Code == render.WarnReadAsText {
		return w.Message + " (--max-depth and --max-nodes set the limits)"
	}
	return w.Message
}

// plan is what the CLI decides about an input when it is listed, in input
// order: its output stem and its WARC provenance (for a failure, which has
// no document to carry it).
type plan struct {
	stem string
	warc *source.WARCRecord
}

// plans hands out output names as inputs are listed, so that names
// depend on the input order only, never on which worker finishes first,
// and keeps each plan until its result is emitted. The listing runs on
// RunBatch's feeding goroutine while emit and Skip run on others, hence
// the lock. Entries live from listing to emit (at most RunBatch's window)
// and, for --resume, from reading to Skip.
type plans struct {
	mu    sync.Mutex
	namer *namer                 // nil without -o DIR: nothing is named
	bySeq map[int]plan           // by the Result.Seq the input will have
	byDoc map[*source.Doc]string // stems of documents read, until Skip asks
}

func newPlans(out *outDir) *plans {
	p := &plans{bySeq: map[int]plan{}, byDoc: map[*source.Doc]string{}}
	if out != nil {
		p.namer = newNamer(out.exts())
	}
	return p
}

// wrap numbers the inputs as RunBatch does (0, 1, ...) and plans each.
// With resume, each input's Load also remembers the stem of the document
// it returns, for stemOf: Skip is handed the document, not the input.
func (p *plans) wrap(inputs iter.Seq[source.Input], resume bool) iter.Seq[source.Input] {
	return func(yield func(source.Input) bool) {
		seq := 0
		for in := range inputs {
			pl := plan{warc: in.WARC}
			if p.namer != nil {
				pl.stem = p.namer.take(outStem(in), in.Name)
			}
			p.mu.Lock()
			p.bySeq[seq] = pl
			p.mu.Unlock()
			seq++
			if resume && pl.stem != "" {
				load, stem := in.Load, pl.stem
				in.Load = func(ctx context.Context) (*source.Doc, error) {
					d, err := load(ctx)
					if d != nil {
						p.mu.Lock()
						p.byDoc[d] = stem
						p.mu.Unlock()
					}
					return d, err
				}
			}
			if !yield(in) {
				return
			}
		}
	}
}

// take returns and forgets the plan of the input numbered seq.
func (p *plans) take(seq int) plan {
	p.mu.Lock()
	defer p.mu.Unlock()
	pl := p.bySeq[seq]
	delete(p.bySeq, seq)
	return pl
}

// stemOf returns and forgets the output stem of a document read.
func (p *plans) stemOf(d *source.Doc) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	stem := p.byDoc[d]
	delete(p.byDoc, d)
	return stem
}

// renderWARC is a record's provenance in the output contract's form.
func renderWARC(w *source.WARCRecord) *render.WARC {
	if w == nil {
		return nil
	}
	return &render.WARC{RecordID: w.RecordID, TargetURI: w.TargetURI, Date: w.Date,
		PayloadDigest: w.PayloadDigest, File: w.File, Offset: w.Offset}
}

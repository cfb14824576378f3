package pipeline

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/source"
)

// Namespace is the namespace of the pipeline's counters.
const Namespace = "qanda"

// Config says what the pipeline reads and how it extracts.
type Config struct {
	// Inputs are files, folders, WARC files (record by record) and globs
	// of them, as `qanda extract` takes them. Workers read them, so on a
	// cluster they must be paths every worker sees.
	Inputs []string

	// Records are JSON Lines files of page records, the `--stdin-jsonl`
	// contract (one {"id","url","html"|"text"} object a line). Each line
	// is named as the CLI names it when the file is its stdin.
	Records []string

	// Limits are applied to every document.
	Limits Limits

	// SiteLearning learns each host's boilerplate from its pages and
	// removes it, as `qanda extract` does over a batch of files and WARC
	// records.
	SiteLearning bool

	// LearnRecords puts the pages of Records through site learning too.
	// Off, they are extracted as `qanda extract --stdin-jsonl` extracts
	// them (it reads its stream once, so it never learns), and give the
	// same bytes.
	LearnRecords bool
}

// Limits mirror the CLI's --max-bytes, --max-depth, --max-nodes,
// --max-blocks and --timeout-doc; zero values are the library's defaults
// (and no time limit).
type Limits struct {
	MaxBytes                      int64
	MaxDepth, MaxNodes, MaxBlocks int
	Timeout                       time.Duration
}

// options is the library's view of the limits.
func (l Limits) options() qanda.Options {
	return qanda.Options{MaxBytes: l.MaxBytes, MaxDepth: l.MaxDepth, MaxNodes: l.MaxNodes, MaxBlocks: l.MaxBlocks, Timeout: l.Timeout}
}

// Page is one document read and decoded, as it travels between workers:
// source.Doc with plain fields so Beam's schema coder can carry it.
type Page struct {
	Name, URL string
	Body      []byte
	Format    string
	Charset   string
	SHA256    string
	Bytes     int
	Controls  map[int32]int
	Record    bool // from a JSON Lines record file
	// WARC is the record's provenance (source.WARCRecord), when the page
	// comes from a web archive.
	WARC *WARCRecord
}

// WARCRecord is source.WARCRecord for Beam's schema coder.
type WARCRecord struct {
	RecordID, TargetURI, Date, PayloadDigest, File string
	Offset                                         int64
}

func pageOf(d *source.Doc, record bool) Page {
	p := Page{Name: d.Name, URL: d.URL, Body: d.Body, Format: string(d.Format), Charset: d.Charset,
		SHA256: d.SHA256, Bytes: d.Bytes, Record: record}
	if w := d.WARC; w != nil {
		p.WARC = &WARCRecord{RecordID: w.RecordID, TargetURI: w.TargetURI, Date: w.Date,
			PayloadDigest: w.PayloadDigest, File: w.File, Offset: w.Offset}
	}
	if len(d.Controls) > 0 {
		p.Controls = make(map[int32]int, len(d.Controls))
		for r, n := range d.Controls {
			p.Controls[r] = n
		}
	}
	return p
}

func (p *Page) doc() *source.Doc {
	d := &source.Doc{Name: p.Name, URL: p.URL, Body: p.Body, Format: source.Format(p.Format), Charset: p.Charset,
		SHA256: p.SHA256, Bytes: p.Bytes}
	if w := p.WARC; w != nil {
		d.WARC = &source.WARCRecord{RecordID: w.RecordID, TargetURI: w.TargetURI, Date: w.Date,
			PayloadDigest: w.PayloadDigest, File: w.File, Offset: w.Offset}
	}
	if len(p.Controls) > 0 {
		d.Controls = make(source.Controls, len(p.Controls))
		for r, n := range p.Controls {
			d.Controls[r] = n
		}
	}
	return d
}

// Line is one document's output: its source name and its JSON line
// (newline included), the bytes `qanda extract --format jsonl` writes.
type Line struct {
	Name string
	JSON string
}

// Failure is one document that could not be read or structured, as
// written to the failures output.
type Failure struct {
	Input string `json:"input"`
	Kind  string `json:"kind"` // see Kind
	Error string `json:"error"`
}

// Kind sorts a document's error into the failure kinds the counters
// count: too-large, not-text, empty, too-many-blocks, timeout,
// bad-record, other.
func Kind(err error) string {
	switch {
	case errors.Is(err, qanda.ErrTooLarge):
		return "too-large"
	case errors.Is(err, qanda.ErrNotText):
		return "not-text"
	case errors.Is(err, qanda.ErrEmpty):
		return "empty"
	case errors.Is(err, qanda.ErrTooManyBlocks):
		return "too-many-blocks"
	case errors.Is(err, qanda.ErrTimeout):
		return "timeout"
	case errors.Is(err, source.ErrRecord):
		return "bad-record"
	}
	return "other"
}

// Build adds the whole pipeline to s: reading, site learning, extraction
// and the shards written to out.
//
// Site learning reads the inputs twice rather than carrying pages to the
// worker that learns their host. The first read sketches each page (a few
// bytes a block, qanda.SketchDoc) and groups the sketches by host, one
// learner a host; the models come back to the second read as a side input,
// and each page is extracted where it was read, its line written straight
// to a shard's run file. So no page and no output line passes through a
// shuffle, which is what bounds a runner's memory: only sketches, models
// and file names do.
func Build(s beam.Scope, c Config, out Output) error {
	if len(c.Inputs) == 0 && len(c.Records) == 0 {
		return errors.New("pipeline: no inputs and no record files")
	}
	models := learnSites(s.Scope("LearnSites"), c)
	w := newWriter(out)
	extractFrom := func(name string, read any, specs []string) {
		if len(specs) == 0 {
			return
		}
		s := s.Scope(name)
		pages, fails := beam.ParDo2(s, read, beam.CreateList(s, specs))
		lines, fails2 := beam.ParDo2(s, &extractFn{Limits: c.Limits, SiteLearning: c.SiteLearning, LearnRecords: c.LearnRecords},
			pages, beam.SideInput{Input: models})
		w.lines(s, lines)
		w.failures(s, fails)
		w.failures(s, fails2)
	}
	extractFrom("Extract", &readFn{Limits: c.Limits}, c.Inputs)
	extractFrom("ExtractRecords", &recordsFn{Limits: c.Limits}, c.Records)
	w.finish(s)
	return nil
}

// learnSites returns each host's learned boilerplate, one encoded model
// (qanda.SiteLearner.MarshalModel) a host that has any: no elements when
// site learning is off.
func learnSites(s beam.Scope, c Config) beam.PCollection {
	var sketches []beam.PCollection
	if c.SiteLearning && len(c.Inputs) > 0 {
		pages, _ := beam.ParDo2(s, &readFn{Limits: c.Limits, Quiet: true}, beam.CreateList(s, c.Inputs))
		sketches = append(sketches, beam.ParDo(s, &sketchFn{Limits: c.Limits}, pages))
	}
	if c.SiteLearning && c.LearnRecords && len(c.Records) > 0 {
		pages, _ := beam.ParDo2(s, &recordsFn{Limits: c.Limits, Quiet: true}, beam.CreateList(s, c.Records))
		sketches = append(sketches, beam.ParDo(s, &sketchFn{Limits: c.Limits}, pages))
	}
	if len(sketches) == 0 {
		return beam.CreateList(s, [][]byte{})
	}
	return beam.ParDo(s, modelFn, beam.GroupByKey(s, beam.Flatten(s, sketches...)))
}

// readFn reads one input spec: it expands a glob, then lists and loads
// every document the way `qanda extract` does (source.Walk).
type readFn struct {
	Limits Limits
	Quiet  bool // site learning's read: the extraction's read reports failures
}

func (f *readFn) ProcessElement(ctx context.Context, spec string, emit func(Page), fail func(Failure)) error {
	if strings.Contains(spec, "://") && !source.IsURL(spec) {
		return f.remote(ctx, spec, emit, fail)
	}
	paths := []string{spec}
	if strings.ContainsAny(spec, "*?[") {
		m, err := filepath.Glob(spec)
		if err != nil || len(m) == 0 {
			f.failed(ctx, fail, spec, fmt.Errorf("%s: %w: no file matches the glob", spec, source.ErrNotFound))
			return nil
		}
		paths = m
	}
	wopt := source.WalkOptions{Read: source.Options{MaxBytes: f.Limits.MaxBytes}}
	err := source.Walk(ctx, paths, wopt, f.load(ctx, emit, fail))
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		f.failed(ctx, fail, spec, err)
	}
	return nil
}

// remote reads a spec on one of Beam's file systems (gs://, or any other
// the binary registers): an object, a glob of them as that file system
// matches globs, or a folder (a spec ending in "/": the pages and WARC
// files below it by name, as a local folder is walked).
func (f *readFn) remote(ctx context.Context, spec string, emit func(Page), fail func(Failure)) error {
	fs, err := filesystem.New(ctx, spec)
	if err != nil {
		f.failed(ctx, fail, spec, &source.Error{Input: spec, Err: source.ErrUnsupported, Detail: err.Error()})
		return nil
	}
	defer fs.Close()
	glob, folder := spec, strings.HasSuffix(spec, "/")
	if folder {
		glob += "**"
	}
	names, err := fs.List(ctx, glob)
	if err != nil {
		f.failed(ctx, fail, spec, &source.Error{Input: spec, Err: source.ErrUnreadable, Detail: err.Error()})
		return nil
	}
	if folder {
		names = slices.DeleteFunc(names, func(n string) bool {
			rel := strings.TrimPrefix(n, spec)
			return !source.IsPageName(n) || strings.HasPrefix(rel, ".") || strings.Contains(rel, "/.")
		})
	}
	if len(names) == 0 {
		f.failed(ctx, fail, spec, fmt.Errorf("%s: %w: no object matches", spec, source.ErrNotFound))
		return nil
	}
	slices.Sort(names)
	wopt := source.WalkOptions{Read: source.Options{MaxBytes: f.Limits.MaxBytes}}
	for _, name := range names {
		rc, err := fs.OpenRead(ctx, name)
		if err != nil {
			f.failed(ctx, fail, name, &source.Error{Input: name, Err: source.ErrUnreadable, Detail: err.Error()})
			continue
		}
		err = source.WalkStream(ctx, name, rc, wopt, f.load(ctx, emit, fail))
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// load is the walk's yield: it loads each input and emits its page or
// its failure, stopping only when ctx ends.
func (f *readFn) load(ctx context.Context, emit func(Page), fail func(Failure)) func(source.Input) bool {
	return func(in source.Input) bool {
		d, err := in.Load(ctx)
		if err != nil {
			f.failed(ctx, fail, in.Name, err)
			return ctx.Err() == nil
		}
		emit(pageOf(d, false))
		return true
	}
}

func (f *readFn) failed(ctx context.Context, fail func(Failure), name string, err error) {
	if !f.Quiet {
		failed(ctx, fail, name, err)
	}
}

// openFile opens a local path, or a file on another of Beam's file
// systems (gs://).
func openFile(ctx context.Context, path string) (io.ReadCloser, error) {
	if !strings.Contains(path, "://") {
		return os.Open(path)
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return closeBoth{rc, fs}, nil
}

// closeBoth is a reader that also closes its file system (a gs://
// client) when closed: the reads need it open until then.
type closeBoth struct {
	io.ReadCloser
	fs io.Closer
}

func (c closeBoth) Close() error {
	err := c.ReadCloser.Close()
	return errors.Join(err, c.fs.Close())
}

// recordsFn reads one JSON Lines file of records, line by line.
type recordsFn struct {
	Limits Limits
	Quiet  bool
}

func (f *recordsFn) ProcessElement(ctx context.Context, path string, emit func(Page), fail func(Failure)) error {
	file, err := openFile(ctx, path)
	if err != nil {
		f.failed(ctx, fail, path, &source.Error{Input: path, Err: source.ErrUnreadable, Detail: err.Error()})
		return nil
	}
	defer file.Close()
	rr := source.NewRecordReader(file, source.Options{MaxBytes: f.Limits.MaxBytes})
	for {
		in, err := rr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// As the CLI: a stream that cannot be read further ends
			// with one failure.
			f.failed(ctx, fail, path, &source.Error{Input: path, Err: source.ErrUnreadable, Detail: err.Error()})
			return nil
		}
		d, err := in.Load(ctx)
		if err != nil {
			f.failed(ctx, fail, in.FailedName(err), err)
			continue
		}
		emit(pageOf(d, true))
	}
}

func (f *recordsFn) failed(ctx context.Context, fail func(Failure), name string, err error) {
	if !f.Quiet {
		failed(ctx, fail, name, err)
	}
}

// sketchFn sketches a page for its host's learner; a page without a
// host, or that cannot be parsed, teaches nothing (its extraction reports
// the error). A bundle's sketches are packed by host (packBytes at most a
// pack, heldBytes held in all) so the shuffle carries a few large elements
// rather than one a page.
type sketchFn struct {
	Limits Limits
	// PackBytes and HeldBytes, when set, replace packBytes and
	// heldBytes.
	PackBytes, HeldBytes int

	packs map[string][]byte
	held  int
}

// Packs of sketches: how large one gets, and how much a bundle holds
// before it emits them all.
const (
	packBytes = 1 << 20
	heldBytes = 16 << 20
)

func (f *sketchFn) StartBundle(context.Context, func(string, []byte)) {
	f.packs, f.held = map[string][]byte{}, 0
}

func (f *sketchFn) ProcessElement(ctx context.Context, p Page, emit func(string, []byte)) error {
	host, sketch, err := qanda.SketchDoc(ctx, p.doc(), f.Limits.options())
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil || host == "" {
		return nil
	}
	beam.NewCounter(Namespace, "site_pages").Inc(ctx, 1)
	pack := binary.AppendUvarint(f.packs[host], uint64(len(sketch)))
	f.packs[host] = append(pack, sketch...)
	f.held += len(sketch)
	switch {
	case len(f.packs[host]) >= cmp.Or(f.PackBytes, packBytes):
		emit(host, f.packs[host])
		f.held -= len(f.packs[host])
		delete(f.packs, host)
	case f.held >= cmp.Or(f.HeldBytes, heldBytes):
		f.FinishBundle(ctx, emit)
	}
	return nil
}

func (f *sketchFn) FinishBundle(_ context.Context, emit func(string, []byte)) {
	for host, pack := range f.packs {
		emit(host, pack)
	}
	clear(f.packs)
	f.held = 0
}

// modelFn learns one host's boilerplate from the packs of its pages'
// sketches and emits the model if it learned any. The packs are read
// once, not held.
func modelFn(ctx context.Context, host string, packs func(*[]byte) bool, emit func([]byte)) error {
	l := qanda.NewSiteLearner()
	var pack []byte
	for packs(&pack) {
		for len(pack) > 0 {
			n, k := binary.Uvarint(pack)
			if k <= 0 || n > uint64(len(pack)-k) {
				return fmt.Errorf("host %s: %w: a pack of sketches is cut short", host, qanda.ErrSiteEncoding)
			}
			if err := l.LearnSketch(pack[k : k+int(n)]); err != nil {
				return fmt.Errorf("host %s: %w", host, err)
			}
			pack = pack[k+int(n):]
		}
	}
	if l.Texts() == 0 {
		return nil
	}
	beam.NewCounter(Namespace, "site_texts").Inc(ctx, int64(l.Texts()))
	m, err := l.MarshalModel()
	if err != nil {
		return fmt.Errorf("host %s: %w", host, err)
	}
	emit(m)
	return nil
}

// extractFn extracts a page where it was read, with the boilerplate the
// hosts' models name when its pages are learned from.
type extractFn struct {
	Limits       Limits
	SiteLearning bool
	LearnRecords bool

	sites *qanda.SiteLearner // the models, read at the start of a bundle
}

// StartBundle reads the models (Beam hands a side input to StartBundle
// too, the same for every bundle of a batch).
func (f *extractFn) StartBundle(_ context.Context, models func(*[]byte) bool, _ func(Line), _ func(Failure)) error {
	f.sites = qanda.NewSiteLearner()
	if !f.SiteLearning {
		return nil
	}
	var m []byte
	for models(&m) {
		if err := f.sites.LearnModel(m); err != nil {
			return err
		}
	}
	return nil
}

func (f *extractFn) ProcessElement(ctx context.Context, p Page, _ func(*[]byte) bool, emit func(Line), fail func(Failure)) error {
	opt := f.Limits.options()
	if f.SiteLearning && (!p.Record || f.LearnRecords) {
		opt.Sites = f.sites
	}
	return extract(ctx, p.doc(), opt, emit, fail)
}

// extract structures one document and emits its JSON line or its
// failure; only the end of ctx or a rendering error stops the bundle.
func extract(ctx context.Context, d *source.Doc, opt qanda.Options, emit func(Line), fail func(Failure)) error {
	doc, err := qanda.ExtractDoc(ctx, d, opt)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		failed(ctx, fail, d.Name, err)
		return nil
	}
	var b strings.Builder
	if err := qanda.Render(&b, doc, qanda.FormatJSONL); err != nil {
		return fmt.Errorf("%s: render: %w", d.Name, err)
	}
	beam.NewCounter(Namespace, "documents").Inc(ctx, 1)
	beam.NewCounter(Namespace, "written").Inc(ctx, 1)
	beam.NewCounter(Namespace, "exchanges").Inc(ctx, int64(len(doc.Exchanges)))
	if len(doc.Exchanges) == 0 {
		beam.NewCounter(Namespace, "no_interview").Inc(ctx, 1)
	}
	emit(Line{Name: d.Name, JSON: b.String()})
	return nil
}

// failed counts and emits one failed document.
func failed(ctx context.Context, fail func(Failure), name string, err error) {
	kind := Kind(err)
	beam.NewCounter(Namespace, "documents").Inc(ctx, 1)
	beam.NewCounter(Namespace, "failures").Inc(ctx, 1)
	beam.NewCounter(Namespace, "failures_"+strings.ReplaceAll(kind, "-", "_")).Inc(ctx, 1)
	fail(Failure{Input: name, Kind: kind, Error: err.Error()})
}

// failureJSON is a failure's line in the failures output.
func failureJSON(f Failure) (string, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return "", fmt.Errorf("failure of %s: %w", f.Input, err)
	}
	return string(b) + "\n", nil
}

func init() {
	// Beam's registry (not ours) lets workers find the DoFns and call
	// them without reflection.
	register.DoFn4x1[context.Context, string, func(Page), func(Failure), error](&readFn{})
	register.DoFn4x1[context.Context, string, func(Page), func(Failure), error](&recordsFn{})
	register.DoFn3x1[context.Context, Page, func(string, []byte), error](&sketchFn{})
	register.Function4x1(modelFn)
	register.DoFn5x1[context.Context, Page, func(*[]byte) bool, func(Line), func(Failure), error](&extractFn{})
	register.Emitter1[Page]()
	register.Emitter2[string, []byte]()
	register.Emitter1[[]byte]()
	register.Emitter1[Line]()
	register.Emitter1[Failure]()
	register.Iter1[[]byte]()
}

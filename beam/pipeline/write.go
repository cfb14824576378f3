package pipeline

import (
	"bufio"
	"container/heap"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	// The file systems shards can be written to: local paths and gs://.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
)

// Output says where the pipeline writes: the lines in shards
// DIR/part-NNNNN-of-MMMMM.jsonl (a document's shard is a hash of its
// name, so a rerun writes the same files; a shard that gets no document is
// not written) and the failures in DIR/failures-00000-of-00001.jsonl
// (absent when none failed). Lines within a shard are sorted, so the files
// do not depend on the runner's order. DIR is a local path or a gs:// URL.
//
// The lines never pass through a shuffle: the worker that extracts a
// document writes its line into a sorted run file (DIR/.qanda-*, RunBytes
// at most), and one step a shard merges that shard's runs, a streaming
// merge, and removes them. A bundle the runner retries may leave a run
// behind.
type Output struct {
	Dir    string
	Shards int // at least 1
	// RunBytes is how many bytes of lines a worker holds before it writes
	// them as a run; 0 is 16 MiB.
	RunBytes int
}

// defaultRunBytes bounds each worker's buffered lines.
const defaultRunBytes = 16 << 20

// mergeFanIn is how many runs one merge reads at once (one open file and
// one line each); more runs are merged in rounds.
const mergeFanIn = 64

// writer gathers the run files of every line and failure collection, to
// merge them by shard in finish.
type writer struct {
	out  Output
	job  string // names this run's temporary files
	runs []beam.PCollection
}

func newWriter(out Output) *writer {
	if out.Shards < 1 {
		out.Shards = 1
	}
	if out.RunBytes <= 0 {
		out.RunBytes = defaultRunBytes
	}
	return &writer{out: out, job: randomID()}
}

// lines writes a PCollection<Line> to the part shards.
func (w *writer) lines(s beam.Scope, lines beam.PCollection) {
	w.runs = append(w.runs, beam.ParDo(s, &runFn{Dir: w.out.Dir, Job: w.job, Prefix: "part", Shards: w.out.Shards, RunBytes: w.out.RunBytes}, lines))
}

// failures writes a PCollection<Failure> to the failures shard.
func (w *writer) failures(s beam.Scope, failures beam.PCollection) {
	lines := beam.ParDo(s, failureLine, failures)
	w.runs = append(w.runs, beam.ParDo(s, &runFn{Dir: w.out.Dir, Job: w.job, Prefix: "failures", Shards: 1, RunBytes: w.out.RunBytes}, lines))
}

// finish merges each shard's runs into its file.
func (w *writer) finish(s beam.Scope) {
	s = s.Scope("Write")
	beam.ParDo0(s, &mergeFn{}, beam.GroupByKey(s, beam.Flatten(s, w.runs...)))
}

// failureLine is a failure's line in the failures output.
func failureLine(f Failure) (Line, error) {
	line, err := failureJSON(f)
	return Line{Name: f.Input, JSON: line}, err
}

// shardOf picks a line's shard from its document's name.
func shardOf(name string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() % uint32(shards))
}

// runFn buffers a bundle's lines by shard and writes each shard's as a
// sorted run file when RunBytes are held and at the bundle's end, emitting
// (shard file, run file).
type runFn struct {
	Dir, Job, Prefix string
	Shards, RunBytes int

	bundle string
	seq    int
	held   int
	buf    map[int][]string
}

func (f *runFn) StartBundle(context.Context, func(string, string)) {
	f.bundle, f.seq, f.held, f.buf = randomID(), 0, 0, map[int][]string{}
}

func (f *runFn) ProcessElement(ctx context.Context, l Line, emit func(string, string)) error {
	k := shardOf(l.Name, f.Shards)
	f.buf[k] = append(f.buf[k], l.JSON)
	f.held += len(l.JSON)
	if f.held >= f.RunBytes {
		return f.spill(ctx, emit)
	}
	return nil
}

func (f *runFn) FinishBundle(ctx context.Context, emit func(string, string)) error {
	return f.spill(ctx, emit)
}

func (f *runFn) spill(ctx context.Context, emit func(string, string)) error {
	for k, lines := range f.buf {
		sort.Strings(lines)
		run := fmt.Sprintf("%s/.qanda-%s-%s-%05d-%s-%d.jsonl", strings.TrimSuffix(f.Dir, "/"), f.Job, f.Prefix, k, f.bundle, f.seq)
		if err := writeFile(ctx, run, func(w io.Writer) error {
			for _, l := range lines {
				if _, err := io.WriteString(w, l); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		emit(ShardName(f.Dir, f.Prefix, k, f.Shards), run)
	}
	f.seq++
	f.held = 0
	clear(f.buf)
	return nil
}

// mergeFn merges one shard's runs into the shard file, then removes them.
type mergeFn struct {
	FanIn int // 0 is mergeFanIn
}

func (f *mergeFn) ProcessElement(ctx context.Context, shard string, runs func(*string) bool) error {
	var names []string
	var r string
	for runs(&r) {
		names = append(names, r)
	}
	slices.Sort(names) // the same rounds whatever order the runner gives
	fanIn := f.FanIn
	if fanIn < 2 {
		fanIn = mergeFanIn
	}
	for round := 0; len(names) > fanIn; round++ {
		run := fmt.Sprintf("%s.merge-%d", names[0], round)
		if err := writeFile(ctx, run, func(w io.Writer) error { return merge(ctx, w, names[:fanIn]) }); err != nil {
			return err
		}
		if err := remove(ctx, names[:fanIn]); err != nil {
			return err
		}
		names = append(names[fanIn:], run)
	}
	// The shard appears whole or not at all: written under a hidden
	// name, then renamed where the file system can.
	tmp := hidden(shard)
	fs, err := filesystem.New(ctx, shard)
	if err != nil {
		return fmt.Errorf("shard %s: %w", shard, err)
	}
	defer fs.Close()
	renamer, ok := fs.(filesystem.Renamer)
	if !ok {
		tmp = shard
	}
	if err := writeFile(ctx, tmp, func(w io.Writer) error { return merge(ctx, w, names) }); err != nil {
		return err
	}
	if ok {
		if err := renamer.Rename(ctx, tmp, shard); err != nil {
			return fmt.Errorf("shard %s: %w", shard, err)
		}
	}
	return remove(ctx, names)
}

// hidden is name with a dot before its base name.
func hidden(name string) string {
	i := strings.LastIndex(name, "/") + 1
	return name[:i] + "." + name[i:] + ".tmp"
}

// merge writes the lines of sorted runs in sorted order.
func merge(ctx context.Context, w io.Writer, runs []string) error {
	h := &lineHeap{}
	for _, name := range runs {
		rc, err := openFile(ctx, name)
		if err != nil {
			return fmt.Errorf("run %s: %w", name, err)
		}
		defer rc.Close()
		c := &cursor{name: name, r: bufio.NewReaderSize(rc, 64<<10)}
		if ok, err := c.next(); err != nil {
			return err
		} else if ok {
			h.cs = append(h.cs, c)
		}
	}
	heap.Init(h)
	for len(h.cs) > 0 {
		c := h.cs[0]
		if _, err := io.WriteString(w, c.line); err != nil {
			return err
		}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

// cursor is a run being merged and its current line.
type cursor struct {
	name string
	r    *bufio.Reader
	line string
}

func (c *cursor) next() (bool, error) {
	l, err := c.r.ReadString('\n')
	if err == io.EOF && l == "" {
		return false, nil
	}
	if err != nil && err != io.EOF {
		return false, fmt.Errorf("run %s: %w", c.name, err)
	}
	c.line = l
	return true, nil
}

// lineHeap orders cursors by their current line.
type lineHeap struct{ cs []*cursor }

func (h *lineHeap) Len() int           { return len(h.cs) }
func (h *lineHeap) Less(i, j int) bool { return h.cs[i].line < h.cs[j].line }
func (h *lineHeap) Swap(i, j int)      { h.cs[i], h.cs[j] = h.cs[j], h.cs[i] }
func (h *lineHeap) Push(x any)         { h.cs = append(h.cs, x.(*cursor)) }
func (h *lineHeap) Pop() any {
	c := h.cs[len(h.cs)-1]
	h.cs = h.cs[:len(h.cs)-1]
	return c
}

// writeFile writes name whole through Beam's file systems.
func writeFile(ctx context.Context, name string, write func(io.Writer) error) error {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(bw); err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// remove deletes merged runs, where the file system can.
func remove(ctx context.Context, names []string) error {
	for _, name := range names {
		fs, err := filesystem.New(ctx, name)
		if err != nil {
			return fmt.Errorf("run %s: %w", name, err)
		}
		if r, ok := fs.(filesystem.Remover); ok {
			err = r.Remove(ctx, name)
		}
		fs.Close()
		if err != nil {
			return fmt.Errorf("run %s: %w", name, err)
		}
	}
	return nil
}

// randomID names temporary files apart from those of other runs and
// bundles.
func randomID() string {
	b := make([]byte, 6)
	rand.Read(b) // crypto/rand.Read does not fail
	return hex.EncodeToString(b)
}

// ShardName is the path of shard k of n with the given prefix in dir.
func ShardName(dir, prefix string, k, n int) string {
	return fmt.Sprintf("%s/%s-%05d-of-%05d.jsonl", strings.TrimSuffix(dir, "/"), prefix, k, n)
}

func init() {
	register.Function1x2(failureLine)
	register.DoFn3x1[context.Context, Line, func(string, string), error](&runFn{})
	register.DoFn3x1[context.Context, string, func(*string) bool, error](&mergeFn{})
	register.Emitter2[string, string]()
	register.Iter1[string]()
}

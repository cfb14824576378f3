package pipeline

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	// The file systems shards can be written to: local paths and gs://.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
)

// Write adds the outputs to s: the lines in shards
// DIR/part-NNNNN-of-MMMMM.jsonl (a document's shard is a hash of its
// name, so a rerun writes the same files; a shard that gets no document is
// not written) and the failures in DIR/failures-00000-of-00001.jsonl
// (absent when none failed). Lines within a shard are sorted, so the files
// do not depend on the runner's order. DIR is a local path or a gs:// URL.
func Write(s beam.Scope, dir string, shards int, lines, failures beam.PCollection) {
	if shards < 1 {
		shards = 1
	}
	s = s.Scope("Write")
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	beam.ParDo0(s, &writeFn{Dir: dir, Prefix: "part", Shards: shards}, beam.GroupByKey(s, keyed))
	fkeyed := beam.ParDo(s, failureLine, failures)
	beam.ParDo0(s, &writeFn{Dir: dir, Prefix: "failures", Shards: 1}, beam.GroupByKey(s, fkeyed))
}

// shardFn picks a line's shard from its document's name.
type shardFn struct {
	Shards int
}

func (f *shardFn) ProcessElement(l Line) (int, string) {
	h := fnv.New32a()
	h.Write([]byte(l.Name))
	return int(h.Sum32() % uint32(f.Shards)), l.JSON
}

// failureLine puts every failure in the one failures shard.
func failureLine(f Failure) (int, string, error) {
	line, err := failureJSON(f)
	return 0, line, err
}

// writeFn writes one shard file.
type writeFn struct {
	Dir    string
	Prefix string
	Shards int
}

func (f *writeFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	sort.Strings(all)
	name := ShardName(f.Dir, f.Prefix, shard, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("shard %s: %w", name, err)
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("shard %s: %w", name, err)
	}
	for _, l := range all {
		if _, err := io.WriteString(w, l); err != nil {
			w.Close()
			return fmt.Errorf("shard %s: %w", name, err)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("shard %s: %w", name, err)
	}
	return nil
}

// ShardName is the path of shard k of n with the given prefix in dir.
func ShardName(dir, prefix string, k, n int) string {
	return fmt.Sprintf("%s/%s-%05d-of-%05d.jsonl", strings.TrimSuffix(dir, "/"), prefix, k, n)
}

func init() {
	register.DoFn1x2[Line, int, string](&shardFn{})
	register.Function1x3(failureLine)
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeFn{})
	register.Iter1[string]()
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	// Runners by name for --runner; Prism is beamx's default.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"

	"github.com/qanda/qanda/beam/pipeline"
	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/source"
)

// list is a repeatable, comma-separable string flag.
type list []string

func (l *list) String() string { return strings.Join(*l, ",") }
func (l *list) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func main() {
	// Beam's flags (runner and its options) live on the default flag
	// set, so ours do too.
	var inputs, records list
	flag.Var(&inputs, "input", "files, folders, WARC files or globs to read (repeatable, comma-separated)")
	flag.Var(&records, "records", "JSON Lines record files, the --stdin-jsonl contract (repeatable, comma-separated)")
	output := flag.String("output", "", "directory (local or gs://) for the part-*.jsonl shards and failures-*.jsonl")
	shards := flag.Int("shards", 8, "number of output shards")
	noSites := flag.Bool("no-site-boilerplate", false, "do not learn and remove site boilerplate")
	learnRecords := flag.Bool("learn-records", false, "put JSON Lines records through site learning too (qanda extract --stdin-jsonl does not)")
	maxBytes := flag.Int64("max-bytes", source.DefaultMaxBytes, "refuse inputs larger than this many bytes (after gunzip)")
	maxDepth := flag.Int("max-depth", qanda.DefaultMaxDepth, "read a page whose HTML nests deeper than this as text (at most 512)")
	maxNodes := flag.Int("max-nodes", qanda.DefaultMaxNodes, "read a page that would build more HTML elements than this as text")
	maxBlocks := flag.Int("max-blocks", qanda.DefaultMaxBlocks, "refuse a document with more blocks than this")
	timeoutDoc := flag.Duration("timeout-doc", 2*time.Minute, "give up on a document that takes longer than this to structure")
	flag.Parse()
	beam.Init()

	cfg := pipeline.Config{
		Inputs: inputs, Records: records,
		Limits: pipeline.Limits{MaxBytes: *maxBytes, MaxDepth: *maxDepth, MaxNodes: *maxNodes,
			MaxBlocks: *maxBlocks, Timeout: *timeoutDoc},
		SiteLearning: !*noSites,
		LearnRecords: *learnRecords,
	}
	if err := run(context.Background(), cfg, *output, *shards); err != nil {
		fmt.Fprintln(os.Stderr, "qanda-beam:", err)
		os.Exit(1)
	}
}

// run builds the pipeline and runs it on the runner Beam's flags name.
func run(ctx context.Context, cfg pipeline.Config, output string, shards int) error {
	if output == "" {
		return errors.New("--output is required")
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, cfg, pipeline.Output{Dir: output, Shards: shards}); err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}

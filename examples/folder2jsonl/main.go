// Command folder2jsonl shows the qanda library at work: it writes one JSON
// line (schema qanda/2) per interview page found under a folder (HTML,
// text dumps, Markdown, WARC archives, any of them gzip-compressed),
// learning each site's boilerplate first. A page that cannot be read is
// reported on stderr and the rest go on; the exit code is 1 if any failed.
//
//	go run ./examples/folder2jsonl testdata > transcripts.jsonl
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/source"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: folder2jsonl FOLDER > out.jsonl")
		return 2
	}
	// The folder is walked twice, once to learn and once to extract: a
	// sequence of inputs that can be ranged over again.
	inputs := func(yield func(source.Input) bool) {
		source.Walk(ctx, args, source.WalkOptions{}, yield)
	}
	sites, err := qanda.LearnSites(ctx, inputs, qanda.BatchOptions{})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	opt := qanda.BatchOptions{
		// The library sets no time limit of its own; a pipeline picks one.
		Options: qanda.Options{Sites: sites, Timeout: time.Minute},
		Formats: []qanda.Format{qanda.FormatJSONL},
	}
	out := bufio.NewWriter(stdout)
	failed := 0
	err = qanda.RunBatch(ctx, inputs, opt, func(r qanda.Result) error {
		if r.Err != nil {
			fmt.Fprintln(stderr, r.Err) // names the input and what is wrong
			failed++
			return nil
		}
		_, err := out.Write(r.Out[0])
		return err
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if failed > 0 {
		return 1
	}
	return 0
}

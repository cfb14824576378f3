// Command qanda turns scraped interview pages into clean question/answer
// transcripts. See README.md for usage and exit codes.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
)

// The collector's settings unless GOGC or GOMEMLIMIT is set. A batch
// makes much short-lived garbage per page; collecting a third as often
// saves about a tenth of the CPU and lets --jobs 2 scale (at GOGC 100 the
// collector takes much of the second core of a --jobs 1 run). The soft
// limit caps what that costs a long batch, whose live heap (the pages kept
// between site learning's passes, the learner) GOGC 200 would let triple:
// 100,000 documents peak at about 250 MB (make batch-bench).
const (
	gcPercent   = 200
	memoryLimit = 256 << 20
)

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

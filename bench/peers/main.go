// Command peers is qanda's corpus benchmark: it times qanda's full pipeline
// next to the bare HTML parser and two Go peers (go-trafilatura and
// go-readability) on the same pages, on one core, and prints a Markdown table
// of medians with the ratios the performance targets are stated in.
//
// It lives in its own module (bench/peers) so that qanda itself never
// depends on the peers.
//
//	cd bench/peers && go run . -corpus ../../../shared/corpus/asb
//	go run . -profile qanda -cpuprofile cpu.out -memprofile mem.out
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type result struct {
	tool     tool
	secs     []float64 // wall time of each pass
	allocs   []uint64  // heap bytes allocated in each pass
	mallocs  []uint64  // heap objects allocated in each pass
	failures int       // pages the tool returned an error for (in the last pass)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("peers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	corpus := fs.String("corpus", "../../../shared/corpus/asb", "corpus `dir` holding html/*.html.gz")
	passes := fs.Int("passes", 5, "timed passes over the corpus per tool (the median is reported)")
	procs := fs.Int("procs", 1, "GOMAXPROCS (the targets are stated for one core)")
	only := fs.String("tools", "parse,qanda,trafilatura,readability", "comma-separated tools to run")
	process := fs.String("process", "", "run this one `tool` once over the files named after the flags, as a whole process would (read, gunzip, extract), and exit: for make bench-cli")
	profile := fs.String("profile", "", "profile this one `tool` instead of comparing (with -cpuprofile/-memprofile)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of -profile's passes to `file`")
	memprofile := fs.String("memprofile", "", "write an allocation profile of -profile's passes to `file`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *passes < 1 {
		fmt.Fprintln(stderr, "peers: -passes must be at least 1")
		return 2
	}
	runtime.GOMAXPROCS(*procs)
	if *process != "" {
		return processFiles(*process, fs.Args(), stderr)
	}

	pages, err := loadCorpus(*corpus)
	if errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stderr, "peers: corpus not found (%v); skipping the corpus benchmark (pass -corpus DIR)\n", err)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "peers: %v\n", err)
		return 1
	}
	total := 0
	for _, p := range pages {
		total += len(p.body)
	}
	fmt.Fprintf(stderr, "peers: %d pages, %.2f MB decompressed in memory, GOMAXPROCS=%d, %d passes\n",
		len(pages), float64(total)/1e6, runtime.GOMAXPROCS(0), *passes)

	if *profile != "" {
		t, ok := toolByName(*profile)
		if !ok {
			fmt.Fprintf(stderr, "peers: unknown tool %q\n", *profile)
			return 2
		}
		return profileTool(t, pages, *passes, *cpuprofile, *memprofile, stderr)
	}

	var sel []tool
	for _, name := range strings.Split(*only, ",") {
		t, ok := toolByName(strings.TrimSpace(name))
		if !ok {
			fmt.Fprintf(stderr, "peers: unknown tool %q\n", name)
			return 2
		}
		sel = append(sel, t)
	}
	results := make([]*result, len(sel))
	for i, t := range sel {
		results[i] = &result{tool: t}
		// One untimed warm-up pass: lazily compiled regexes, caches, page faults.
		pass(t, pages)
	}
	// Passes are interleaved (round-robin over the tools) so slow drift of
	// the machine affects every tool alike.
	for range *passes {
		for _, r := range results {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			secs, fails := pass(r.tool, pages)
			runtime.ReadMemStats(&after)
			r.secs = append(r.secs, secs)
			r.allocs = append(r.allocs, after.TotalAlloc-before.TotalAlloc)
			r.mallocs = append(r.mallocs, after.Mallocs-before.Mallocs)
			r.failures = fails
		}
	}
	report(stdout, results, len(pages), total)
	return 0
}

// pass runs t over every page once, sequentially, and returns the seconds it
// took and how many pages failed.
func pass(t tool, pages []page) (float64, int) {
	fails := 0
	start := time.Now()
	for _, p := range pages {
		if t.run(p) != nil {
			fails++
		}
	}
	return time.Since(start).Seconds(), fails
}

func median[T int | uint64 | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func report(w io.Writer, results []*result, npages, total int) {
	fmt.Fprintf(w, "| tool | median s/pass | MB/s | pages/s | MB alloc/pass | allocs/page | failed pages | what is timed |\n")
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---|\n")
	rate := map[string]float64{}
	for _, r := range results {
		s := median(r.secs)
		rate[r.tool.name] = float64(total) / s / 1e6
		fmt.Fprintf(w, "| %s | %.3f | %.2f | %.1f | %.1f | %d | %d | %s |\n",
			r.tool.name, s, float64(total)/s/1e6, float64(npages)/s,
			float64(median(r.allocs))/1e6, median(r.mallocs)/uint64(npages), r.failures, r.tool.what)
	}
	fmt.Fprintln(w)
	q, ok := rate["qanda"]
	if !ok {
		return
	}
	// Two readings of the same run: the ratio of the tools' median passes,
	// and the median of the ratios of passes run back to back (less moved
	// by a burst of load from other jobs during one tool's pass). A target
	// is met only when both readings meet it.
	qsecs := secsOf(results, "qanda")
	fmt.Fprintf(w, "| ratio (MB/s) | of medians | median per pass (min - max) | target | met |\n|---|---:|---:|---:|---|\n")
	for _, c := range []struct {
		peer   string
		target float64
	}{{"trafilatura", 3}, {"readability", 2}, {"parse", 0.4}} {
		p, ok := rate[c.peer]
		if !ok {
			continue
		}
		psecs := secsOf(results, c.peer)
		per := make([]float64, len(qsecs))
		for i := range per {
			per[i] = psecs[i] / qsecs[i] // equal bytes, so the time ratio is the MB/s ratio
		}
		met := "no"
		if q/p >= c.target && median(per) >= c.target {
			met = "yes"
		}
		fmt.Fprintf(w, "| qanda / %s | %.2fx | %.2fx (%.2fx - %.2fx) | >= %gx | %s |\n",
			c.peer, q/p, median(per), slices.Min(per), slices.Max(per), c.target, met)
	}
}

// secsOf returns the pass times of the named tool.
func secsOf(results []*result, name string) []float64 {
	for _, r := range results {
		if r.tool.name == name {
			return r.secs
		}
	}
	return nil
}

// profileTool runs passes of one tool with the CPU profiler on, then writes
// the allocation profile (at the runtime's default sampling rate).
func profileTool(t tool, pages []page, passes int, cpuFile, memFile string, stderr io.Writer) int {
	pass(t, pages) // warm-up, not profiled
	var stop func()
	if cpuFile != "" {
		f, err := os.Create(cpuFile)
		if err != nil {
			fmt.Fprintf(stderr, "peers: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "peers: %v\n", err)
			return 1
		}
		stop = pprof.StopCPUProfile
	}
	var secs []float64
	for range passes {
		s, _ := pass(t, pages)
		secs = append(secs, s)
	}
	if stop != nil {
		stop()
	}
	if memFile != "" {
		runtime.GC()
		f, err := os.Create(memFile)
		if err != nil {
			fmt.Fprintf(stderr, "peers: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			fmt.Fprintf(stderr, "peers: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "peers: profiled %s: median %.3f s/pass over %d passes\n", t.name, median(secs), passes)
	return 0
}

// processFiles is -process: one tool over files, each read and gunzipped
// as it comes, the way a command-line run pays for it.
func processFiles(name string, files []string, stderr io.Writer) int {
	t, ok := toolByName(name)
	if !ok {
		fmt.Fprintf(stderr, "peers: unknown tool %q\n", name)
		return 2
	}
	failed := 0
	for _, f := range files {
		p, err := loadPage(f)
		if err == nil {
			err = t.run(p)
		}
		if err != nil {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "peers: %s failed on %d of %d files\n", name, failed, len(files))
	}
	return 0
}

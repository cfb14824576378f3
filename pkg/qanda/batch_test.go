package qanda

import (
	"bytes"
	"context"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qanda/qanda/pkg/source"
)

// walk lists the inputs of specs as RunBatch takes them.
func walk(specs ...string) iter.Seq[source.Input] {
	return func(yield func(source.Input) bool) {
		source.Walk(context.Background(), specs, source.WalkOptions{}, yield)
	}
}

func runAll(t *testing.T, jobs int, inputs iter.Seq[source.Input], opt BatchOptions) ([]Result, []byte) {
	t.Helper()
	opt.Jobs = jobs
	var rs []Result
	var out bytes.Buffer
	err := RunBatch(context.Background(), inputs, opt, func(r Result) error {
		rs = append(rs, r)
		for _, b := range r.Out {
			out.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs, out.Bytes()
}

// Results come in input order with the same bytes for any number of jobs,
// and a bad input takes its place in the order without stopping the batch.
func TestRunBatchOrder(t *testing.T) {
	const dir = "../../testdata/corpus/interviews"
	inputs := walk(dir, "../../testdata/nope.html", dir)
	opt := BatchOptions{Formats: []Format{"jsonl", "csv"}}
	one, out1 := runAll(t, 1, inputs, opt)
	four, out4 := runAll(t, 4, inputs, opt)
	if !bytes.Equal(out1, out4) {
		t.Error("output differs between 1 and 4 jobs")
	}
	// The folder twice with a missing file between.
	pages, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(pages) < 2 {
		t.Fatalf("no pages in %s: %v", dir, err)
	}
	n := len(pages)
	if len(one) != 2*n+1 || len(four) != 2*n+1 {
		t.Fatalf("got %d and %d results, want %d", len(one), len(four), 2*n+1)
	}
	for i, r := range four {
		if r.Seq != i || r.Name != one[i].Name {
			t.Errorf("result %d is %d %q, want %q", i, r.Seq, r.Name, one[i].Name)
		}
	}
	if bad := four[n]; !errors.Is(bad.Err, source.ErrNotFound) || bad.Doc != nil {
		t.Errorf("result %d: %+v", n, bad)
	}
	if four[n+1].Err != nil || four[n+1].Doc == nil || four[n+1].Name != four[0].Name {
		t.Errorf("the batch did not go on after the bad input: %+v", four[n+1])
	}
}

func TestRunBatchSkipAndStop(t *testing.T) {
	inputs := walk("../../testdata/corpus/interviews")
	rs, _ := runAll(t, 2, inputs, BatchOptions{Skip: func(d *source.Doc) bool { return strings.Contains(d.Name, "wday") }})
	skipped := 0
	for _, r := range rs {
		if r.Skipped {
			skipped++
			if r.Doc != nil || r.Digest == "" {
				t.Errorf("skipped result %+v", r)
			}
		}
	}
	if skipped != 1 {
		t.Errorf("%d skipped, want 1", skipped)
	}
	// An error from emit stops the batch and is returned.
	stop := errors.New("disk full")
	n := 0
	err := RunBatch(context.Background(), inputs, BatchOptions{Jobs: 2}, func(Result) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d results", err, n)
	}
	// A cancelled context stops it too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := RunBatch(ctx, inputs, BatchOptions{Jobs: 2}, func(Result) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// The promotion lines every page of the column prints are learned and
// removed as site boilerplate; the column's recurring questions, answered
// differently on every page, stay exchanges.
func TestSiteBoilerplateBatch(t *testing.T) {
	inputs := walk("../../testdata/batch/column")
	model, err := LearnSites(context.Background(), inputs, BatchOptions{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if model.Texts() != 2 {
		t.Errorf("learned %d texts, want 2", model.Texts())
	}
	promo := []string{"Every Friday, the best of the column", "The Weekly Column is edited by"}
	questions := []string{"What are you reading right now?", "Where do you go to think?", "What would you change about your job?"}
	for _, site := range []bool{false, true} {
		opt := BatchOptions{Formats: []Format{"jsonl"}}
		if site {
			opt.Options.Sites = model
		}
		rs, _ := runAll(t, 2, inputs, opt)
		if len(rs) != 5 {
			t.Fatalf("%d results", len(rs))
		}
		for _, r := range rs {
			d := r.Doc
			if len(d.Exchanges) != 3 {
				t.Errorf("site=%v %s: %d exchanges, want 3", site, r.Name, len(d.Exchanges))
				continue
			}
			for i, q := range questions {
				if d.Exchanges[i].Question.Text != q {
					t.Errorf("site=%v %s: question %d is %q", site, r.Name, i+1, d.Exchanges[i].Question.Text)
				}
			}
			text := string(r.Out[0])
			removed := 0
			for _, rm := range d.Removed {
				if rm.Reason == "site-boilerplate" {
					removed++
				}
			}
			last := d.Exchanges[2].Answer.Text + strings.Join(d.Outro, " ")
			for _, p := range promo {
				if site && strings.Contains(last, p) {
					t.Errorf("%s: boilerplate %q kept", r.Name, p)
				}
				if !strings.Contains(text, p) {
					t.Errorf("site=%v %s: %q is lost, not even in removed", site, r.Name, p)
				}
			}
			if want := map[bool]int{false: 0, true: 2}[site]; removed != want || d.Stats.Removed["site-boilerplate"] != want {
				t.Errorf("site=%v %s: %d site-boilerplate removals, want %d", site, r.Name, removed, want)
			}
			sum := d.Stats.Kept
			for _, n := range d.Stats.Removed {
				sum += n
			}
			if sum != d.Stats.BlocksIn {
				t.Errorf("%s: ledger does not balance", r.Name)
			}
		}
	}
}

// A batch that learns its sites in one run (BatchOptions.LearnSites: each
// page parsed once, kept in a temporary file between the passes) gives
// the same bytes as learning first and extracting after, for any Jobs; a
// bad input in the middle fails in its place, a skipped one is skipped.
func TestLearnSitesInOneRun(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	column := "../../testdata/batch/column"
	two := walk(column)
	model, err := LearnSites(context.Background(), two, BatchOptions{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	_, want := runAll(t, 1, two, BatchOptions{Formats: []Format{FormatJSONL}, Options: Options{Sites: model}})

	inputs := walk(filepath.Join(column, "guest-1.html"), filepath.Join(column, "guest-2.html"), bad,
		filepath.Join(column, "guest-3.html"), filepath.Join(column, "guest-4.html"), filepath.Join(column, "guest-5.html"))
	var learned int
	// In memory, in the file, and some of each (one page's worth).
	for _, c := range []struct {
		jobs   int
		memory int64
	}{{1, 0}, {3, 0}, {1, -1}, {3, -1}, {2, 20_000}} {
		jobs := c.jobs
		opt := BatchOptions{Formats: []Format{FormatJSONL}, LearnSites: true, TempDir: dir, SitesMemory: c.memory,
			Learned: func(n int) { learned = n }}
		rs, got := runAll(t, jobs, inputs, opt)
		if !bytes.Equal(got, want) {
			t.Errorf("jobs=%d memory=%d: one run differs from learning first:\n%s\nwant\n%s", jobs, c.memory, got, want)
		}
		if len(rs) != 6 || !errors.Is(rs[2].Err, ErrEmpty) || !strings.HasSuffix(rs[2].Name, "bad.txt") || rs[3].Doc == nil {
			t.Errorf("jobs=%d: the bad input is not failed in its place: %+v", jobs, rs)
		}
		if learned != model.Texts() {
			t.Errorf("jobs=%d: learned %d texts, want %d", jobs, learned, model.Texts())
		}
	}
	opt := BatchOptions{LearnSites: true, TempDir: dir, Skip: func(d *source.Doc) bool { return strings.HasSuffix(d.Name, "guest-2.html") }}
	rs, _ := runAll(t, 2, inputs, opt)
	if !rs[1].Skipped || rs[1].Doc != nil || rs[0].Doc == nil {
		t.Errorf("skip: %+v", rs[:2])
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "qanda-sites-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

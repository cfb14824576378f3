package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildQanda builds the command into a temporary folder, for tests that
// need a real process (signals, memory).
func buildQanda(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "qanda")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// genBatch writes n documents into dir: the bundled corpus pages and text
// dumps in turn, each made distinct by a second gzip member holding an HTML
// comment (qanda reads multi-member gzip), so nothing is recompressed.
func genBatch(t testing.TB, dir string, n int) {
	t.Helper()
	var srcs []string
	for _, g := range []string{"../../testdata/corpus/interviews/*.gz", "../../testdata/corpus/interviews-text/*.gz"} {
		m, _ := filepath.Glob(g)
		srcs = append(srcs, m...)
	}
	if len(srcs) == 0 {
		t.Fatal("no corpus")
	}
	data := make([][]byte, len(srcs))
	for i, s := range srcs {
		var err error
		if data[i], err = os.ReadFile(s); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		k := i % len(srcs)
		var b bytes.Buffer
		b.Write(data[k])
		gzipMember(&b, fmt.Sprintf("\n<!-- variant %d -->\n", i))
		name := fmt.Sprintf("%05d-%s", i, filepath.Base(srcs[k]))
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// SIGINT in the middle of a run leaves only whole files (no temporary or
// half-written ones), exit 1 and a hint; --resume then finishes the run
// without redoing what was done.
func TestInterruptAndResume(t *testing.T) {
	bin := buildQanda(t)
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	const n = 150
	genBatch(t, in, n)

	cmd := exec.Command(bin, "extract", "--jobs", "2", "-o", out, "--format", "json,md", in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		m, _ := filepath.Glob(filepath.Join(out, "*.md"))
		if len(m) >= 5 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no output after 60s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitFailed {
		t.Fatalf("exit %d (%v), want 1; stderr %q", code, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") || !strings.Contains(stderr.String(), "--resume") {
		t.Errorf("stderr %q", stderr.String())
	}
	entries, _ := os.ReadDir(out)
	done := 0
	for _, e := range entries {
		name := e.Name()
		if strings.Contains(name, tmpMark) {
			t.Errorf("temporary file left: %s", name)
		}
		if strings.HasSuffix(name, ".json") {
			b, _ := os.ReadFile(filepath.Join(out, name))
			if !json.Valid(b) {
				t.Errorf("%s is not whole JSON", name)
			}
			if name != "summary.json" {
				done++
			}
		}
	}
	var sum summary
	b, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil || !sum.Interrupted || done >= n {
		t.Fatalf("after SIGINT: %d documents written, summary %+v (%v)", done, sum, err)
	}

	cmd = exec.Command(bin, "extract", "--jobs", "2", "-o", out, "--format", "json,md", "--resume", in)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("resume: %v; %s", err, stderr.String())
	}
	b, _ = os.ReadFile(filepath.Join(out, "summary.json"))
	sum = summary{}
	json.Unmarshal(b, &sum)
	jsons, _ := filepath.Glob(filepath.Join(out, "*.json"))
	mds, _ := filepath.Glob(filepath.Join(out, "*.md"))
	if sum.Interrupted || sum.Resumed < sum.Documents-sum.OK || sum.Resumed < 5 || sum.OK+sum.Resumed != n || len(jsons) != n+1 || len(mds) != n {
		t.Errorf("after resume: summary %+v, %d json, %d md", sum, len(jsons), len(mds))
	}
}

// TestBatchBench is the archive-scale measurement behind `make batch-bench`
// (skipped unless QANDA_BATCH_BENCH=N documents is set): it generates N
// documents, runs the built binary with --jobs 1 and --jobs 2, and reports
// the peak RSS of each (asserted under 300 MB), whether the JSON Lines are
// byte-identical (asserted) and the speedup (reported only: timings are
// not asserted in tests).
func TestBatchBench(t *testing.T) {
	var n int
	if _, err := fmt.Sscan(os.Getenv("QANDA_BATCH_BENCH"), &n); err != nil || n <= 0 {
		t.Skip("set QANDA_BATCH_BENCH=10000 (make batch-bench)")
	}
	bin := buildQanda(t)
	in := t.TempDir()
	genBatch(t, in, n)
	type run struct {
		wall, cpu time.Duration
		rssMB     float64
		sum       [32]byte
	}
	measure := func(jobs int) run {
		cmd := exec.Command(bin, "extract", "--quiet", "--jobs", fmt.Sprint(jobs), in)
		h := sha256.New()
		cmd.Stdout = h
		cmd.Stderr = io.Discard
		start := time.Now()
		if err := cmd.Run(); err != nil {
			t.Fatalf("--jobs %d: %v", jobs, err)
		}
		r := run{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.rssMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		}
		copy(r.sum[:], h.Sum(nil))
		t.Logf("--jobs %d: %d documents in %.1fs (%.0f docs/s), CPU %.1fs, peak RSS %.1f MB, JSONL sha256 %x",
			jobs, n, r.wall.Seconds(), float64(n)/r.wall.Seconds(), r.cpu.Seconds(), r.rssMB, r.sum[:8])
		return r
	}
	one, two := measure(1), measure(2)
	fmt.Printf("batch-bench: %d documents; --jobs 1 %.1fs, peak RSS %.1f MB; --jobs 2 %.1fs, peak RSS %.1f MB; speedup %.2fx; JSONL identical: %v\n",
		n, one.wall.Seconds(), one.rssMB, two.wall.Seconds(), two.rssMB, one.wall.Seconds()/two.wall.Seconds(), one.sum == two.sum)
	if one.sum != two.sum {
		t.Error("JSONL differs between --jobs 1 and --jobs 2")
	}
	if one.rssMB > 300 || two.rssMB > 300 {
		t.Errorf("peak RSS over 300 MB: %.1f / %.1f", one.rssMB, two.rssMB)
	}
}

// gzipMember appends one gzip member holding s.
func gzipMember(w io.Writer, s string) {
	zw := gzip.NewWriter(w)
	zw.Write([]byte(s))
	zw.Close()
}

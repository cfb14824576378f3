package qanda

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/qanda/qanda/pkg/source"
)

// bigInterview builds an interview of about size bytes: questions and
// answers of words drawn with a fixed seed, as HTML paragraphs (bold
// questions) or as a text dump (Q:/A: labels).
func bigInterview(size int, html bool) *source.Doc {
	words := strings.Fields("the city river council market season train harbour school garden bridge " +
		"winter summer water power people street museum library budget office report answer question " +
		"because always never perhaps often later today tomorrow yesterday north south east west")
	r := rand.New(rand.NewPCG(1, 2))
	sentence := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = words[r.IntN(len(words))]
		}
		return strings.ToUpper(w[0][:1]) + strings.Join(w, " ")[1:]
	}
	var b strings.Builder
	if html {
		b.WriteString("<html><head><title>A long talk</title></head><body><article><h1>A long talk</h1>")
	} else {
		b.WriteString("A long talk\n\n")
	}
	for b.Len() < size {
		q, a := sentence(10)+"?", sentence(40)+". "+sentence(30)+"."
		if html {
			fmt.Fprintf(&b, "<p><b>%s</b></p><p>%s</p>", q, a)
		} else {
			fmt.Fprintf(&b, "Q: %s\n\nA: %s\n\n", q, a)
		}
	}
	if html {
		b.WriteString("</article></body></html>")
		return &source.Doc{Name: "big.html", Body: []byte(b.String()), Format: source.HTML}
	}
	return &source.Doc{Name: "big.txt", Body: []byte(b.String()), Format: source.Text}
}

// BenchmarkCancel measures how soon the pipeline stops once its context
// is cancelled, on a 20 MB interview, cancelled at several points of its
// run (so in different stages). It runs the stages themselves (extract,
// not the guard that answers the caller at once), so the metric is the
// CPU time a cancelled document keeps burning: ms-to-stop is the mean
// from cancel to the pipeline's return, max-ms the worst.
func BenchmarkCancel(b *testing.B) {
	for _, html := range []bool{true, false} {
		d := bigInterview(20<<20, html)
		start := time.Now()
		if _, err := extract(context.Background(), d, Options{MaxBlocks: 10_000_000}); err != nil {
			b.Fatal(err)
		}
		whole := time.Since(start)
		for _, frac := range []float64{0.05, 0.25, 0.5, 0.75, 0.95} {
			after := time.Duration(float64(whole) * frac)
			b.Run(fmt.Sprintf("%s/at-%.0f%%", d.Name, frac*100), func(b *testing.B) {
				var total, worst time.Duration
				n := 0
				for b.Loop() {
					ctx, cancel := context.WithCancel(context.Background())
					done := make(chan time.Time, 1)
					go func() {
						extract(ctx, d, Options{MaxBlocks: 10_000_000})
						done <- time.Now()
					}()
					time.Sleep(after)
					t0 := time.Now()
					cancel()
					lat := max((<-done).Sub(t0), 0)
					total += lat
					worst = max(worst, lat)
					n++
				}
				b.ReportMetric(float64(total.Microseconds())/float64(n)/1000, "ms-to-stop")
				b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
				b.ReportMetric(float64(whole.Milliseconds()), "ms-whole")
			})
		}
		// The caller of the public API is answered at once, whatever the
		// stage (the guard's select), with ctx's error.
		b.Run(d.Name+"/ExtractDoc-at-50%", func(b *testing.B) {
			var worst time.Duration
			for b.Loop() {
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan time.Time, 1)
				go func() {
					if _, err := ExtractDoc(ctx, d, Options{MaxBlocks: 10_000_000}); !errors.Is(err, context.Canceled) {
						b.Errorf("error %v, want context.Canceled", err)
					}
					done <- time.Now()
				}()
				time.Sleep(whole / 2)
				t0 := time.Now()
				cancel()
				worst = max(worst, (<-done).Sub(t0))
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
		})
	}
}

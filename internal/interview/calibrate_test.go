package interview

import (
	"math"
	"testing"
)

// The calibrated confidence is a probability rounded to 2 decimals, and
// monotone in each of its signals.
func TestCalibratedIsMonotoneRoundedProbability(t *testing.T) {
	raws := []float64{0, 0.3, 0.45, 0.6, 0.68, 0.75, 0.8, 0.9, 0.95, 1}
	for _, open := range []bool{false, true} {
		for paras := 0; paras <= 8; paras++ {
			prev := -1.0
			for _, raw := range raws {
				c := calibrated(raw, open, paras)
				if c < 0 || c > 1 || math.IsNaN(c) {
					t.Fatalf("calibrated(%v, %v, %d) = %v, not in [0,1]", raw, open, paras, c)
				}
				if r := math.Round(c*100) / 100; r != c {
					t.Errorf("calibrated(%v, %v, %d) = %v, not rounded to 2 decimals", raw, open, paras, c)
				}
				if c < prev {
					t.Errorf("calibrated falls with the raw score at %v (open %v, %d paragraphs)", raw, open, paras)
				}
				prev = c
				if c2 := calibrated(raw, open, paras+1); c2 > c {
					t.Errorf("one more paragraph raises the confidence at %v (open %v, %d paragraphs)", raw, open, paras)
				}
				if !open {
					if c2 := calibrated(raw, true, paras); c2 > c {
						t.Errorf("an open end raises the confidence at %v (%d paragraphs)", raw, paras)
					}
				}
			}
		}
	}
	// The anchors of the fit (see calibrate.go).
	for _, tc := range []struct {
		raw   float64
		open  bool
		paras int
		want  float64
	}{
		{0.95, false, 1, 0.99},
		{0.68, false, 1, 0.97},
		{0.95, true, 1, 0.94},
		{0.78, true, 4, 0.66},
		{0.68, true, 7, 0.45},
	} {
		if got := calibrated(tc.raw, tc.open, tc.paras); got != tc.want {
			t.Errorf("calibrated(%v, %v, %d) = %v, want %v", tc.raw, tc.open, tc.paras, got, tc.want)
		}
	}
}

// Only the last exchange of a transcript without an outro has an open end.
func TestCalibrateOpenEndIsTheLastExchangeWithoutOutro(t *testing.T) {
	mk := func(outro []int) Transcript {
		return Transcript{
			Exchanges: []Exchange{
				{Confidence: 0.95, Answer: []string{"a"}},
				{Confidence: 0.95, Answer: []string{"b"}},
			},
			Outro: outro,
		}
	}
	tr := mk(nil)
	calibrate(&tr)
	if a, b := tr.Exchanges[0].Confidence, tr.Exchanges[1].Confidence; a != calibrated(0.95, false, 1) || b != calibrated(0.95, true, 1) {
		t.Errorf("without outro: confidences %v, %v", a, b)
	}
	tr = mk([]int{7})
	calibrate(&tr)
	if a, b := tr.Exchanges[0].Confidence, tr.Exchanges[1].Confidence; a != b || a != calibrated(0.95, false, 1) {
		t.Errorf("with an outro: confidences %v, %v", a, b)
	}
}

package interview

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCountFields(t *testing.T) {
	pieces := []string{"a", "word", " ", "\t", "\n", "\v", "\u00a0", "\u0085", "\u2003", "é", "\xff", "\xe2\x80", "."}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := sb.String()
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}

package interview

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestCountFieldsAnyRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "a" + string(r) + "b"
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestCountFields(t *testing.T) {
	pieces := []string{"a", "word", " ", "\t", "\n", "\v", "\u00a0", "\u0085", "\u2003", "\u3000", "\u1680", "é", "я", "\xff", "\xc2", "\xe1\x9a", "\xe2\x80", "."}
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

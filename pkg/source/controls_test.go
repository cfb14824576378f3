package source

import (
	"strings"
	"testing"
)

func TestStripControls(t *testing.T) {
	for _, c := range []struct {
		in, want string
		removed  map[rune]int
	}{
		{"plain\ttext\n", "plain\ttext\n", nil},
		{"a\r\nb\rc\fd\ve", "a\nb\nc\nd\ne", nil},
		{"x\x1b[2Jy\x07", "x[2Jy", map[rune]int{0x1b: 1, 0x07: 1}},
		{"é\u0085ü\u009b\x7f", "éü", map[rune]int{0x85: 1, 0x9b: 1, 0x7f: 1}},
		{"\u00a0Ÿ€", "\u00a0Ÿ€", nil}, // U+00A0 and up are not controls
	} {
		got, k := StripControls(c.in)
		if got != c.want || len(k) != len(c.removed) {
			t.Errorf("StripControls(%q) = %q, %v; want %q, %v", c.in, got, k, c.want, c.removed)
			continue
		}
		for r, n := range c.removed {
			if k[r] != n {
				t.Errorf("StripControls(%q): %s removed %d times, want %d", c.in, ControlName(r), k[r], n)
			}
		}
	}
}

// Read removes control characters from the body and says which.
func TestReadRemovesControls(t *testing.T) {
	d, err := Read("talk.txt", strings.NewReader("Q: Why\x1b[2J?\nA: Because.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(d.Body) != "Q: Why[2J?\nA: Because.\n" || d.Controls[0x1b] != 1 {
		t.Errorf("body %q, controls %v", d.Body, d.Controls)
	}
}

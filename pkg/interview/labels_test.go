package interview

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// parseLabelRef is parseLabel as labelRe states it, on the whole text.
func parseLabelRef(s string) (string, string, bool) {
	head := s
	if len(head) > maxLabelBytes {
		head = head[:maxLabelBytes]
	}
	if !strings.ContainsAny(head, ":.–—") {
		return "", s, false
	}
	m := labelRe.FindStringSubmatch(s)
	if m == nil {
		return "", s, false
	}
	return strings.TrimSpace(m[1]), m[2], true
}

func checkParseLabel(t *testing.T, s string) {
	t.Helper()
	l, r, ok := parseLabel(s)
	wl, wr, wok := parseLabelRef(s)
	if l != wl || r != wr || ok != wok {
		t.Fatalf("parseLabel(%q) = %q, %q, %v; want %q, %q, %v", s, l, r, ok, wl, wr, wok)
	}
}

// parseLabel matches a bounded prefix; it must agree with labelRe on the
// whole text, whatever the text.
func TestParseLabelAsLabelRe(t *testing.T) {
	pieces := []string{"Q", "A", "a", "Karin", "Fischer", "fluter.de", "12", "Ü", "é", "Frage",
		":", "::", ".", ". ", " – ", " — ", "–", "-", "’", "&", " ", "  ", "\t", "\n", "\f", "\u00a0",
		"?", "x", "text", "Q2", "é.", "\xff", "\xe2\x80", ",", "!"}
	randomTexts(1, pieces, 200000, 16, func(s string) { checkParseLabel(t, s) })
}

// randomTexts calls check on n texts of 1 to maxPieces pieces each, drawn
// with a fixed seed so a failure repeats.
func randomTexts(seed uint64, pieces []string, n, maxPieces int, check func(string)) {
	r := rand.New(rand.NewPCG(seed, seed+1))
	for range n {
		var sb strings.Builder
		for range 1 + r.IntN(maxPieces) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(sb.String())
	}
}

func FuzzParseLabel(f *testing.F) {
	for _, s := range []string{"Q: What?", "Karin Fischer: Ja.", "A. B", "MARGARET WARNER: So", "a b c d e f: g", "Q:\nA"} {
		f.Add(s)
	}
	f.Fuzz(checkParseLabel)
}

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
		"?", "x", "text", "Q2", "A6", "é.", "\xff", "\xe2\x80", ",", "!"}
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

// A numbered label is its letters, its number and its separator: a short
// first sentence after it stays in the turn's text.
func TestNumberedLabelEndsAtItsFullStop(t *testing.T) {
	for _, tc := range []struct{ in, label, rest string }{
		{"A6. Meistens ja. Ich schaue immer unter die Fahrbahn.", "A6", "Meistens ja. Ich schaue immer unter die Fahrbahn."},
		{"Q12. Yes. Every single day.", "Q12", "Yes. Every single day."},
		{"О3. Да. Каждый день.", "О3", "Да. Каждый день."},
		{"R 4. Oui. Tous les jours.", "R 4", "Oui. Tous les jours."},
		{"P5. Sí. Cada día, sin falta.", "P5", "Sí. Cada día, sin falta."},
		{"Frage 3. Wirklich? Ja.", "Frage 3", "Wirklich? Ja."},
		{"A6: Meistens ja. Ich auch.", "A6", "Meistens ja. Ich auch."},
		// Not numbered: the label still runs to its separator.
		{"Dr. Ruiz: Sí, cada día.", "Dr. Ruiz", "Sí, cada día."},
		{"Teil 2 und 3: Das Ende.", "Teil 2 und 3", "Das Ende."},
		{"Q6 Kommentar: Gut.", "Q6 Kommentar", "Gut."},
	} {
		l, rest, ok := parseLabel(tc.in)
		if !ok || l != tc.label || rest != tc.rest {
			t.Errorf("parseLabel(%q) = %q, %q, %v; want %q, %q", tc.in, l, rest, ok, tc.label, tc.rest)
		}
	}
	// A number inside a sentence is no label.
	for _, s := range []string{"A6.5 Prozent sind viel.", "In 2014. Then more."} {
		if l, _, ok := parseLabel(s); ok && numberedRe.MatchString(l) {
			t.Errorf("parseLabel(%q): numbered label %q", s, l)
		}
	}
}

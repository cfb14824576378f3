package words

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestCountAnyRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "a" + string(r) + "b"
		if got, want := Count(s), len(strings.Fields(s)); got != want {
			t.Fatalf("Count(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	pieces := []string{"a", "word", " ", "\t", "\n", "\v", "\u00a0", "\u0085", "\u2003", "\u3000", "\u1680", "é", "я", "\xff", "\xc2", "\xe1\x9a", "\xe2\x80", "."}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := sb.String()
		if got, want := Count(s), len(strings.Fields(s)); got != want {
			t.Fatalf("Count(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestScanASCII(t *testing.T) {
	key, n, letters := ScanASCII("  Q: What's up,\tdoc? 42 times!  ")
	if key != "q what s up doc 42 times" || n != 6 || letters != 16 {
		t.Errorf("ScanASCII = %q, %d, %d", key, n, letters)
	}
	if key, n, letters := ScanASCII(""); key != "" || n != 0 || letters != 0 {
		t.Errorf("ScanASCII(\"\") = %q, %d, %d", key, n, letters)
	}
}

// Both scans must agree with the plain definitions on any input (ScanASCII
// on ASCII input).
func FuzzScan(f *testing.F) {
	f.Add("Hello, World! 42 times")
	f.Add("a\u00a0b\u2003c \x85\xff é")
	f.Add(strings.Repeat("long-word ", 60))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Count(s), len(strings.Fields(s)); got != want {
			t.Fatalf("Count(%q) = %d, want %d", s, got, want)
		}
		if !IsASCII(s) {
			return
		}
		lower := strings.Map(func(r rune) rune {
			if r = unicode.ToLower(r); 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				return r
			}
			return ' '
		}, s)
		wantLetters := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				wantLetters++
			}
		}
		key, n, letters := ScanASCII(s)
		if want := strings.Join(strings.Fields(lower), " "); key != want || n != len(strings.Fields(s)) || letters != wantLetters {
			t.Fatalf("ScanASCII(%q) = %q, %d, %d; want %q, %d, %d", s, key, n, letters, want, len(strings.Fields(s)), wantLetters)
		}
	})
}

func BenchmarkScan(b *testing.B) {
	s := strings.Repeat("A: The quick brown fox, jumps over 12 lazy dogs. ", 4)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		ScanASCII(s)
		Count(s)
	}
}

func TestInlineMenu(t *testing.T) {
	for s, want := range map[string]bool{
		"Home | News | Sport | Weather":                             true,
		"• About • Jobs • Contact • Imprint":                        true,
		"Startseite » Politik » Ausland » Europa":                   true,
		"© 2019 Example | Advertise | Contact | Imprint | Privacy":  true,
		"Главная | Новости | Спорт | Погода":                        true,
		"Home | News | Sport":                                       false, // two separators could be a title
		"P = v3 · r · r2 · c":                                       false, // a formula, items not words
		"I said no | then yes | then no again | and left the room.": false, // a sentence's end
		"We went there | it rained | we came back | we were tired":  false, // lower case
		"Who pays? | The town | The region | The fishermen":         false, // a question is no menu item
		"首页 | 新闻 | 体育 | 天气":                                         false, // no upper case in the script
		"":                                                          false,
		// A long menu whose last line the wrapper joined to it.
		"Sections: Home | Harbour | Ferries | Weather | Tides | Events | Jobs Shop for Boat Parts and Sailing Gear at Our Partners": true,
		"Sections: Home | Harbour | Ferries | Weather | Tides | Events | Jobs The ferry was cancelled again this morning.":          false,
		"Home | Harbour | Ferries | The committee met for the third time this year and agreed on a plan that nobody had expected":   false,
		"The harbour was rebuilt twice, and the town argued for years":                                                              false,
	} {
		if got := InlineMenu(s); got != want {
			t.Errorf("InlineMenu(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestByline(t *testing.T) {
	for s, want := range map[string]bool{
		"By Ada Example, Music Editor":          true,
		"Von Jana Beispiel · 14. März 2031":     true,
		"Par Jean Exemple":                      true,
		"Von Menschen und Maschinen":            false,
		"By the sea, a town rebuilds its walls": false,
		"Por qué la arena decide el sexo":       false,
	} {
		if got := Byline(s); got != want {
			t.Errorf("Byline(%q) = %v, want %v", s, got, want)
		}
	}
}

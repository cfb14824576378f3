package vocab

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedTablesBuild(t *testing.T) {
	if _, err := Load(Embedded()); err != nil {
		t.Fatal(err)
	}
}

func TestLoadRejects(t *testing.T) {
	for name, text := range map[string]string{
		"unknown category":         "[stubs]\nhere\n",
		"no category":              "here\n",
		"twice":                    "[boiler]\ncookie\ncookie\n",
		"other categories missing": "[boiler]\ncookie\n",
	} {
		_, err := Load(fstest.MapFS{"data/xx.txt": {Data: []byte(text)}})
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestPhraseRe: \b only on an edge that is an ASCII letter or digit, which
// is all Go's \b knows.
func TestPhraseRe(t *testing.T) {
	for p, want := range map[string]string{
		"read more":        `\bread more\b`,
		"photo*":           `\bphoto`,
		"bild:":            `\bbild\b\s*:`,
		"picture_alliance": `\bpicture.alliance\b`,
		"(c)":              `\(c\)`,
		"publicité":        `\bpublicité`,
		"подпис":           `подпис`,
		"по ссылке":        `по ссылке`,
	} {
		if got := phraseRe(p); got != want {
			t.Errorf("phraseRe(%q) = %s, want %s", p, got, want)
		}
	}
}

func TestNeedles(t *testing.T) {
	s := newSet(`x`, []string{"disclaimer", "unsubscribe", "subscribe", "(c)", "фото", "ap photo*"})
	if got, want := strings.Join(s.Words, " "), "disclaimer subscribe photo"; got != want {
		t.Errorf("Words = %s, want %s", got, want)
	}
	if got, want := strings.Join(s.Folds, " "), "claimer cribe photo"; got != want {
		t.Errorf("Folds = %s, want %s", got, want)
	}
	// A phrase without ASCII letters is looked for by its letters in a
	// non-ASCII text's key; one without letters leaves every text open.
	if got := strings.Join(s.Runs, " "); got != "фото" || s.Open {
		t.Errorf("Runs = %q, Open %v; want фото, false", got, s.Open)
	}
	if s := newSet(`x`, []string{"©"}); !s.Open && len(s.Marks) == 0 {
		t.Error("a phrase of a symbol is neither open nor a mark")
	}
	if got, want := strings.Join(s.Marks, " "), "("; got != want {
		t.Errorf("Marks = %s, want %s", got, want)
	}
	s = newSet(`x`, []string{"disclaimer", "haftungsausschluss"})
	if got, want := strings.Join(s.Folds, " "), "claimer haftung"; got != want {
		t.Errorf("Folds = %s, want %s", got, want)
	}
}

func TestHasTrigger(t *testing.T) {
	v := Default()
	for key, want := range map[string]bool{
		"read more": true,
		"подписаться на рассылку": true, // a stem
		"the weather was fine":    false,
		"bread":                   false,
	} {
		if got := v.HasTrigger(key); got != want {
			t.Errorf("HasTrigger(%q) = %v", key, got)
		}
	}
}

package interview

import (
	"regexp"
	"strings"
	"testing"
)

// wordRes are the regular expressions the word lists stand for.
var wordRes = []struct {
	ws wordSet
	re *regexp.Regexp
}{
	{firstPersonWords, regexp.MustCompile(`(?i)\b(i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|mine|myself|ich|mich|mir|mein|meine|meinen|meinem|meiner|je|j'|j’|moi|mon|ma|mes|yo|mí|mis|conmigo)\b|(?i)(^|[^\p{L}])(я|меня|мне|мной|мой|моя|моё|мои)([^\p{L}]|$)`)},
	{secondPerson["en"], regexp.MustCompile(`(?i)\b(you|your|yours|yourself)\b`)},
	{secondPerson["de"], regexp.MustCompile(`\b(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen)\b|(?i)\b(du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer|eure|euren|eurem|eurer)\b`)},
	{secondPerson["fr"], regexp.MustCompile(`(?i)\b(vous|votre|vos|tu|toi|ton|ta|tes)\b`)},
	{secondPerson["es"], regexp.MustCompile(`(?i)\b(usted|ustedes|tú|vosotros|vosotras|os|contigo)\b|(?i)\b(te|ti|tus?)\b`)},
	{secondPerson["ru"], regexp.MustCompile(`(?i)(^|[^\p{L}])(вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|ты|тебя|тебе|тобой|твой|твоя|твоё|твои)([^\p{L}]|$)`)},
	{secondPersonAny, regexp.MustCompile(`(?i)\b(you|your|vous|votre|usted|ustedes)\b|(?i)(^|[^\p{L}])(вы|вас|вам|ваш|ты|тебя|тебе)([^\p{L}]|$)`)},
}

func checkWords(t *testing.T, s string) {
	t.Helper()
	for k, w := range wordRes {
		if got, want := w.ws.in(s), w.re.MatchString(s); got != want {
			t.Fatalf("list %d on %q: %v, regular expression: %v", k, s, got, want)
		}
	}
}

// The word lists find what their regular expressions find, case folding,
// word bounds and broken UTF-8 included.
func TestWordListsAsRegexps(t *testing.T) {
	var pieces []string
	for _, w := range wordRes {
		for _, wl := range w.ws {
			for _, word := range wl.words {
				pieces = append(pieces, word, strings.ToUpper(word), word[:len(word)-1])
			}
		}
	}
	pieces = append(pieces, " ", "  ", "\n", ".", ",", "'", "’", "_", "x", "9", "é", "ſ", "\u212a", "İ", "ı", "Í",
		"\u1c80", "\u1c82", "\u1c84", "ы", "a", "\xff", "\xd0", "\xe2\x80", "?", "-")
	randomTexts(3, pieces, 40000, 6, func(s string) { checkWords(t, s) })
}

func FuzzWordLists(f *testing.F) {
	for _, s := range []string{"Are you sure?", "j'ai", "mía", "Ich weiß", "Вы", "miſa"} {
		f.Add(s)
	}
	f.Fuzz(checkWords)
}

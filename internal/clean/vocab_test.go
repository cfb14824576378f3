package clean

import (
	"strings"
	"testing"
	"unicode"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/vocab"
)

// sentences puts a phrase into short sentences of the shape its category
// matches; %s is the phrase.
var sentences = map[string][]string{
	"stub-end":       {"The full text can be found %s.", "Listen to the podcast %s"},
	"stub-start":     {"%s on the war in Ukraine"},
	"boiler":         {"Please %s for our weekly update", "%s"},
	"call-to-action": {"%s for our weekly update", "Never miss a story: %s for free"},
	"teaser":         {"%s: Inside the studio"},
	"disclaimer":     {"Note: %s in this post", "%s"},
	"credit":         {"Jane Doe / %s Jane", "%s Jane Doe"},
	"credit-label":   {"%s: Jane Doe", "The harbour at dawn - %s by Jane Doe"},
	"credit-mark":    {"The harbour at dawn %s Jane Doe)", "%s"},
	"issue":          {"Get it %s today", "%s"},
}

// forms returns a phrase as it may be printed: as written, in capitals,
// in title case, and with folded 's' and 'k' (see foldSK). Teaser kickers
// are in capitals only.
func forms(cat, phrase string) []string {
	p := strings.TrimSuffix(phrase, "*")
	if strings.Contains(p, "_") {
		return append(forms(cat, strings.ReplaceAll(phrase, "_", " ")), forms(cat, strings.ReplaceAll(phrase, "_", "-"))...)
	}
	if cat == "teaser" {
		return []string{strings.ToUpper(p)}
	}
	return []string{p, strings.ToUpper(p), title(p), foldSK(p)}
}

// foldSK swaps an 's' or 'k' inside a word for ſ or K (Kelvin sign),
// which the patterns' case folding accepts; at a word's edge the swap
// would cost the ASCII-only \b.
func foldSK(s string) string {
	b := []rune(s)
	for i := 1; i+1 < len(b); i++ {
		if !unicode.IsLetter(b[i-1]) || !unicode.IsLetter(b[i+1]) {
			continue
		}
		switch b[i] {
		case 's':
			b[i] = 'ſ'
		case 'k':
			b[i] = '\u212a'
		}
	}
	return string(b)
}

// title upper-cases the first letter of every word.
func title(s string) string {
	prev := ' '
	return strings.Map(func(r rune) rune {
		defer func() { prev = r }()
		if !unicode.IsLetter(prev) {
			return unicode.ToUpper(r)
		}
		return r
	}, s)
}

// matches reports whether text passes the pre-checks of cat and matches
// its pattern, as the cleaner tests them.
func matches(cat, text string) (pre, re bool) {
	c := newCleaner([]blocks.Block{{Text: text}}, Context{})
	v, trig := c.v, c.v.HasTrigger(c.keys[0])
	switch cat {
	case "stub-end", "stub-start":
		return trig && c.mayStub(0), v.Stub.Re.MatchString(text)
	case "boiler":
		return trig && c.may(0, &v.Boiler), v.Boiler.Re.MatchString(text)
	case "call-to-action":
		return trig, v.CallToAction.Re.MatchString(text)
	case "teaser":
		return trig, v.Teaser.Re.MatchString(text)
	case "disclaimer":
		return trig && c.may(0, &v.Disclaimer), v.Disclaimer.Re.MatchString(text)
	case "credit":
		return c.mayCredit(0), v.Credit.Re.MatchString(text)
	case "credit-label", "credit-mark":
		return c.mayCaptionCredit(0), v.CaptionCredit.MatchString(text)
	case "issue":
		return c.may(0, &v.Issue), v.Issue.Re.MatchString(text)
	}
	panic(cat)
}

// TestVocabPrecheckAgrees puts every phrase of every table, in every
// form, into short sentences (and those sentences in capitals): each must
// pass the cheap pre-check and match the pattern.
func TestVocabPrecheckAgrees(t *testing.T) {
	tables, err := vocab.ReadTables(vocab.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range vocab.Categories() {
		for _, phrase := range tables[cat] {
			for _, f := range forms(cat, phrase) {
				if strings.HasSuffix(f, ":") && cat == "credit" {
					f = strings.TrimSuffix(f, ":") + " :"
				}
				for _, s := range sentences[cat] {
					text := strings.Replace(s, "%s", f, 1)
					for _, text := range []string{text, strings.ToUpper(text)} {
						pre, re := matches(cat, text)
						if !pre || !re {
							t.Errorf("[%s] %q: pre-check %v, pattern %v", cat, text, pre, re)
						}
					}
				}
			}
		}
	}
}

// TestVocabNegatives lists ordinary sentences the patterns must leave
// alone.
func TestVocabNegatives(t *testing.T) {
	for cat, texts := range map[string][]string{
		"stub-end": {"We went there yesterday.", "Here is what she said about the war.", "Wir waren gestern dort.",
			"Nous sommes partis ce matin.", "Fuimos al mercado ayer.", "Мы поехали в город вчера."},
		"stub-start": {"I read more books than ever.", "Sie lesen gern Romane.", "Он читает книги."},
		"boiler": {"She signed the contract in May.", "Er teilte die Ansicht nicht.", "Il a partagé son avis.",
			"Compartimos la comida.", "Она подарила ему книгу.", "The cook shared a recipe."},
		"call-to-action": {"They subscribe to the idea.", "Wir abonnierten die Zeitung.", "The question: who will sign?",
			"Он подписал договор."},
		"teaser":     {"Video games were my childhood.", "VIDEO GAMES WERE MY CHILDHOOD", "Video: the clip", "Читайте также: это"},
		"disclaimer": {"He expressed his views clearly.", "Die Haftung liegt beim Verlag.", "Она выразила мнение."},
		"credit":     {"The weather was fine.", "Das Bild hängt an der Wand.", "The imaginary line.", "Мы говорили о войне."},
		"credit-label": {"Photographs by then were rare.", "The photo shows her smiling.", "Das Bild hängt an der Wand.",
			"Фото было старым."},
		"credit-mark": {"Getty was a rich man.", "(see below)", "Las fuentes del río."},
		"issue":       {"The issue is the price.", "Wir geben das Geld aus.", "Le numéro de la maison.", "La edición del libro."},
	} {
		for _, text := range texts {
			if _, re := matches(cat, text); re {
				t.Errorf("[%s] %q matches", cat, text)
			}
		}
	}
}

// TestCaptionCreditUpperCase: a caption whose credit is in capitals is a
// caption. The pre-check used to look for "by", "By", "Getty", "getty" and
// "lliance" as written, so these lines went by as headlines.
func TestCaptionCreditUpperCase(t *testing.T) {
	for _, text := range []string{
		"The harbour at dawn, seen from the old lighthouse - PHOTOGRAPHS BY JANE DOE",
		"The harbour at dawn, seen from the old lighthouse - GETTY IMAGES",
		"The harbour at dawn, seen from the old lighthouse / PICTURE ALLIANCE",
	} {
		c := newCleaner([]blocks.Block{{Text: text}}, Context{TitleBlock: -1})
		if k := c.lineKind(0, -1); k != captionLine {
			t.Errorf("%q: line kind %d, want captionLine", text, k)
		}
	}
}

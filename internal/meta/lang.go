package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sampleBytes is how much text DetectLanguage reads: plenty for stopword
// counts, and it keeps the cost flat on huge pages.
const sampleBytes = 20 << 10

// minHits is the number of stopwords a text needs before DetectLanguage
// names a language: fewer could be chance, or a name.
const minHits = 3

// stopwordLists holds about 35 of the most frequent words of each language.
// Words several languages share ("de", "la", "a") count less in detection.
var stopwordLists = map[string]string{
	"en": "the a and of to in is that it for was on with as you are this be at have not but by from they we his her an or what which were their has would there",
	"de": "der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es werden aus er hat dass sie nach wird bei einer um noch wie über so ich wir aber sind oder",
	"fr": "le la les de des et est en un une du que qui dans pour pas sur au avec il elle ce ne se plus par sont nous vous mais ou on été je cette aux",
	"es": "el la los las de y a que en un una del se por con no es para al lo como más pero sus su le ya o este ha fue muy también hay está son",
	"it": "il di che e la per un in una sono non del della gli le con è si da al nel anche come ma ha dei alla questo più lo ho essere",
	"pt": "o a de que e do da em um para não uma os no se na por mais as dos como mas ao ele das à seu sua ou quando muito já também é são foi",
	"nl": "de het een en van ik te dat die in is niet op aan met voor zijn er maar om ook als dan bij nog wat door naar wordt hij ze zo geen worden werd",
	"ru": "и в не на что с как это по но он я к из у за то так же от было мы они вы его для о все был бы уже только когда если есть ещё еще она меня",
	"uk": "і в на що не з у та до як це про за від для але ми я він вони ви так вже його був було є бути які який також щоб коли її мене",
}

// langOrder lists the languages in a fixed order (deterministic); the
// lang* constants index it.
var langOrder = [...]string{"de", "en", "es", "fr", "it", "nl", "pt", "ru", "uk"}

const (
	langDE = iota
	langEN
	langES
	langFR
	langIT
	langNL
	langPT
	langRU
	langUK
)

// stopwords maps language -> word set; stopLangIdx maps word -> the
// languages (indexes into langOrder) it is a stopword of. Both are built
// once from stopwordLists.
var stopwords, stopLangIdx = buildStopwords()

func buildStopwords() (map[string]map[string]bool, map[string][]int) {
	sets := map[string]map[string]bool{}
	langs := map[string][]int{}
	for l, lang := range langOrder {
		set := map[string]bool{}
		for _, w := range strings.Fields(stopwordLists[lang]) {
			if !set[w] {
				set[w] = true
				langs[w] = append(langs[w], l)
			}
		}
		sets[lang] = set
	}
	return sets, langs
}

// IsStopword reports whether word (any case) is one of the most frequent
// words of lang ("en", "de", "ru", "uk", "fr", "es", "it", "pt", "nl").
func IsStopword(lang, word string) bool {
	return stopwords[lang][strings.ToLower(word)]
}

// DetectLanguage guesses the language of a text from the stopwords in its
// first 20 KB: "en", "de", "ru", "uk", "fr", "es", "it", "pt" or "nl", or ""
// when the text is too short or the evidence is weak or split. Russian and
// Ukrainian are told apart by their stopwords and by the letters only one of
// them has (ы э ъ ё against і ї є ґ).
func DetectLanguage(text string) string {
	lang, _ := detect(text)
	return lang
}

// minShare is the share of a text's words that must be stopwords of the
// detected language: 15-40% in running text of any of these languages (less
// on pages full of names and numbers), 3% when a language outside the set
// (Indonesian "dan", "di") only brushes against the lists.
const minShare = 0.05

// detect returns the detected language ("" if unsure) and the score of
// every candidate language.
//
// It runs on every page, so it avoids per-word work beyond one map lookup:
// words are collected as lowercase UTF-8 bytes (a map index with
// string(bytes) does not allocate), ASCII letters skip the Unicode tables,
// and scores are summed in arrays indexed like langOrder. The sums are the
// same float additions in the same order as with maps.
func detect(text string) (string, map[string]float64) {
	if len(text) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var score [len(langOrder)]float64
	var hits [len(langOrder)]int
	words := 0
	var cyrillic, latin, ruLetters, ukLetters int
	var buf [64]byte
	word := buf[:0]
	flush := func() {
		if len(word) == 0 {
			return
		}
		words++
		langs := stopLangIdx[string(word)]
		word = word[:0]
		for _, l := range langs {
			score[l] += 1 / float64(len(langs))
			hits[l]++
		}
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			// ASCII: a letter is A-Z or a-z, all of them Latin; no marks.
			c := byte(r) | 0x20
			if c < 'a' || c > 'z' {
				flush()
				continue
			}
			latin++
			word = append(word, c)
			continue
		}
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			flush()
			continue
		}
		r = unicode.ToLower(r)
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			switch r {
			case 'ы', 'э', 'ъ', 'ё':
				ruLetters++
			case 'і', 'ї', 'є', 'ґ':
				ukLetters++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		}
		word = utf8.AppendRune(word, r)
	}
	flush()

	// The script decides the family; stopwords then pick within it.
	candidates := []int{langDE, langEN, langES, langFR, langIT, langNL, langPT}
	cyr := cyrillic > latin
	if cyr {
		candidates = []int{langRU, langUK}
		score[langRU] += float64(ruLetters) / 4
		score[langUK] += float64(ukLetters) / 4
	}
	// The scores as a map, with the keys the languages that were seen.
	scores := map[string]float64{}
	for l, name := range langOrder {
		if hits[l] > 0 || cyr && (l == langRU || l == langUK) {
			scores[name] = score[l]
		}
	}
	best, second := -1, 0.0
	for _, l := range candidates {
		switch {
		case best < 0 || score[l] > score[best]:
			if best >= 0 {
				second = score[best]
			}
			best = l
		case score[l] > second:
			second = score[l]
		}
	}
	if hits[best] < minHits || score[best] == 0 || score[best] < 1.5*second ||
		float64(hits[best]) < minShare*float64(words) {
		return "", scores
	}
	return langOrder[best], scores
}

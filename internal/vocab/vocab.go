package vocab

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

//go:embed data/*.txt
var data embed.FS

// Categories returns the sections a table may have, in the order of doc.go.
func Categories() []string {
	return []string{"stub-end", "stub-start", "boiler", "call-to-action", "teaser", "disclaimer",
		"plugin", "credit", "credit-label", "credit-mark", "related", "more-link", "reader", "date-word", "issue"}
}

// A Set is the pattern built from one category's phrases and the needles
// of its pre-check: a text that holds none of them cannot match.
type Set struct {
	Re *regexp.Regexp
	// Words holds, for every phrase with ASCII letters, its longest run of
	// them, lower case: an ASCII text's key (letters and digits, lower
	// case) contains one if the text matches.
	Words []string
	// Folds is Words for the text itself, ASCII case ignored: each
	// phrase's longest run without an 's' or a 'k', the only ASCII letters
	// with non-ASCII case partners (ſ, K) the pattern would accept.
	Folds []string
	// Runs holds, for each phrase with no such ASCII run (a Cyrillic
	// one), its longest run of letters, lower case: a non-ASCII text's key
	// (NFKC, lower case) contains one if the text matches.
	Runs []string
	// Open says a phrase has no letters at all: any non-ASCII text may
	// match.
	Open bool
	// Marks holds the symbols that open phrases such as "©" or "(c)";
	// a text with one may match whatever its words.
	Marks []string
}

// Vocab is every category's pattern and pre-check.
type Vocab struct {
	// Stub matches a stub-end phrase at the end of a text (a final '.',
	// '!' or ':' aside) or a stub-start phrase at its start.
	Stub Set
	// StubEnds and StubStarts are the keys (see Set.Words) of the ASCII
	// stub phrases: an ASCII text's key ends or starts with one if Stub
	// matches it.
	StubEnds, StubStarts []string
	Boiler               Set
	// CallToAction matches a phrase at the start of a text or after a
	// colon and spaces: "Never miss a story: subscribe ...".
	CallToAction Set
	// Teaser matches a kicker in capitals and its colon at the start.
	Teaser Set
	// TeaserPhrase matches a kicker of two words or more, in any case,
	// and its colon at the start ("Read also: ..."): a phrase, unlike a
	// single word ("Video:"), is no speaker's name.
	TeaserPhrase Set
	Disclaimer   Set
	// Related matches a whole line that heads a list of other stories:
	// "Related posts", "Ähnliche Beiträge".
	Related Set
	// MoreLink matches the link a teaser's summary ends with, after its
	// last sentence or its cut: "... in April. more", "... the town… Read more".
	MoreLink Set
	// Plugin matches the name of a browser plug-in or media player
	// anywhere: "Flash Player", "RealAudio".
	Plugin Set
	Credit Set
	// CreditLabel matches a label followed by a colon or by "by" and a
	// capitalised name; CreditMark matches a credit-mark phrase.
	CreditLabel, CreditMark Set
	// CaptionCredit matches what CreditLabel or CreditMark does.
	CaptionCredit *regexp.Regexp
	// Reader holds the words that address the reader ("you", "unser*").
	Reader WordSet
	// Issue matches anywhere a word of a sales pitch for the
	// publication's issues: "current issue", "e-paper", "Einzelheft".
	Issue Set
	// DateWord holds the words of a line that only dates the article:
	// month and weekday names, date labels, a reading time's words.
	DateWord WordSet

	triggers map[string]bool // first words of stub to disclaimer phrases
	stems    []string        // first words that may go on (no boundary after)
}

// Default returns the vocabulary of the embedded tables, built once. The
// result is shared and must not be changed.
var Default = sync.OnceValue(func() *Vocab {
	v, err := Load(data)
	if err != nil {
		panic(err) // the embedded tables are tested
	}
	return v
})

// Load builds a Vocab from the *.txt tables under data/ in fsys.
func Load(fsys fs.FS) (*Vocab, error) {
	t, err := ReadTables(fsys)
	if err != nil {
		return nil, err
	}
	return build(t)
}

// Embedded returns the embedded tables, for tests and tools.
func Embedded() fs.FS { return data }

// ReadTables returns the phrases of the *.txt tables under data/ in fsys
// by category, as written, the files in name order.
func ReadTables(fsys fs.FS) (map[string][]string, error) {
	names, err := fs.Glob(fsys, "data/*.txt")
	if err != nil {
		return nil, err
	}
	t := map[string][]string{}
	for _, name := range names {
		if err := readTable(fsys, name, t); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// readTable adds the phrases of one table file to t.
func readTable(fsys fs.FS, name string, t map[string][]string) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	cat := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			cat = line[1 : len(line)-1]
			if !slices.Contains(Categories(), cat) {
				return fmt.Errorf("%s:%d: unknown category %q", path.Base(name), n, cat)
			}
		case cat == "":
			return fmt.Errorf("%s:%d: phrase before any [category]", path.Base(name), n)
		case slices.Contains(t[cat], line):
			return fmt.Errorf("%s:%d: %q twice in [%s]", path.Base(name), n, line, cat)
		default:
			t[cat] = append(t[cat], line)
		}
	}
	return sc.Err()
}

func build(t map[string][]string) (*Vocab, error) {
	for _, c := range Categories() {
		if len(t[c]) == 0 {
			return nil, fmt.Errorf("vocab: no phrases in [%s]", c)
		}
	}
	upper := make([]string, len(t["teaser"]))
	for i, p := range t["teaser"] {
		upper[i] = strings.ToUpper(p)
	}
	var phrases []string
	for _, p := range t["teaser"] {
		if strings.Contains(p, " ") {
			phrases = append(phrases, p)
		}
	}
	ends, starts := alternation(t["stub-end"]), alternation(t["stub-start"])
	label, mark := alternation(t["credit-label"]), alternation(t["credit-mark"])
	labelRe := `\s*(?::|by\s+(?-i:\p{Lu}))`
	v := &Vocab{
		Stub:          newSet(`(?i)`+ends+`\s*[.!:]?\s*$|^`+starts, t["stub-end"], t["stub-start"]),
		StubEnds:      asciiKeys(t["stub-end"]),
		StubStarts:    asciiKeys(t["stub-start"]),
		Boiler:        newSet(`(?i)`+alternation(t["boiler"]), t["boiler"]),
		CallToAction:  newSet(`(?i)(?:^|:\s+)`+alternation(t["call-to-action"]), t["call-to-action"]),
		Teaser:        newSet(`^`+alternation(upper)+`\s*:`, upper),
		TeaserPhrase:  newSet(`(?i)^`+alternation(phrases)+`\s*:`, phrases),
		Related:       newSet(`(?i)^\s*(?:`+alternation(t["related"])+`)\s*[:?]?\s*$`, t["related"]),
		MoreLink:      newSet(`(?i)(?:[.!?…])\s+(?:`+alternation(t["more-link"])+`)\s*(?:\.\.\.|…|»|›|>)?\s*$`, t["more-link"]),
		Disclaimer:    newSet(`(?i)`+alternation(t["disclaimer"]), t["disclaimer"]),
		Plugin:        newSet(`(?i)`+alternation(t["plugin"]), t["plugin"]),
		Credit:        newSet(`(?i)`+alternation(t["credit"]), t["credit"]),
		CreditLabel:   newSet(`(?i)`+label+labelRe, t["credit-label"]),
		CreditMark:    newSet(`(?i)`+mark, t["credit-mark"]),
		CaptionCredit: regexp.MustCompile(`(?i)` + label + labelRe + `|` + mark),
		triggers:      map[string]bool{},
		Reader:        newWordSet(t["reader"]),
		DateWord:      newWordSet(t["date-word"]),
		Issue:         newSet(`(?i)`+alternation(t["issue"]), t["issue"]),
	}
	for _, c := range []string{"stub-end", "stub-start", "boiler", "call-to-action", "teaser", "disclaimer", "plugin"} {
		for _, p := range t[c] {
			w, open := firstWord(p)
			if open {
				v.stems = append(v.stems, w)
			} else {
				v.triggers[w] = true
			}
		}
	}
	v.stems = minimal(v.stems)
	return v, nil
}

// HasTrigger reports whether a key (see Set.Words; any script, lower case)
// has a word that opens a stub, boiler, call-to-action, teaser,
// disclaimer or plugin phrase: a text without one matches none of them. A phrase
// that matches inside a word (a Cyrillic one) is looked for at words'
// starts only.
func (v *Vocab) HasTrigger(key string) bool { return hasWord(key, v.triggers, v.stems) }

// hasWord reports whether a key holds one of words, or a word that opens
// with one of stems.
func hasWord(key string, words map[string]bool, stems []string) bool {
	for w := range strings.SplitSeq(key, " ") {
		if words[w] {
			return true
		}
		for _, s := range stems {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	return false
}

// WordSet is a set of single words and stems, looked up in a block's key
// (lower-case words, one space between them): whole words in any script,
// which a pattern's \b cannot give Cyrillic words.
type WordSet struct {
	words map[string]bool
	stems []string
}

func newWordSet(phrases []string) WordSet {
	ws := WordSet{words: map[string]bool{}}
	for _, p := range phrases {
		p = strings.ToLower(p)
		if w, ok := strings.CutSuffix(p, "*"); ok {
			ws.stems = append(ws.stems, w)
		} else {
			ws.words[p] = true
		}
	}
	return ws
}

// Has reports whether a key holds one of the words, or a word that opens
// with one of the stems.
func (ws WordSet) Has(key string) bool { return hasWord(key, ws.words, ws.stems) }

// newSet compiles re and derives the pre-check needles from phrases.
func newSet(re string, phrases ...[]string) Set {
	s := Set{Re: regexp.MustCompile(re)}
	for _, p := range slices.Concat(phrases...) {
		p = strings.TrimRight(p, "*:")
		if r, _ := utf8.DecodeRuneInString(p); !isWord(r) {
			s.Marks = append(s.Marks, string(r))
			continue
		}
		w := longestRun(strings.ToLower(p), func(r rune) bool { return isASCIIWord(r) })
		f := longestRun(strings.ToLower(p), func(r rune) bool { return isASCIIWord(r) && r != 's' && r != 'k' })
		if w != "" {
			s.Words = append(s.Words, w)
		}
		if f != "" {
			s.Folds = append(s.Folds, f)
			continue
		}
		r := longestRun(strings.ToLower(norm.NFKC.String(p)), unicode.IsLetter)
		if r == "" {
			s.Open = true
			continue
		}
		s.Runs = append(s.Runs, r)
	}
	s.Words, s.Marks, s.Folds, s.Runs = minimal(s.Words), minimal(s.Marks), minimal(s.Folds), minimal(s.Runs)
	return s
}

// alternation is a non-capturing group of the phrases' patterns. Phrases
// with the same boundaries share them, "\b(?:here|hier)\b" rather than
// "\bhere\b|\bhier\b": the regexp engine backtracks less.
func alternation(phrases []string) string {
	type shape struct{ lead, trail, suffix string }
	var order []shape
	groups := map[shape][]string{}
	for _, p := range phrases {
		lead, body, trail, suffix := phraseParts(p)
		k := shape{lead, trail, suffix}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], body)
	}
	alts := make([]string, len(order))
	for i, k := range order {
		alts[i] = k.lead + `(?:` + strings.Join(groups[k], `|`) + `)` + k.trail + k.suffix
	}
	return `(?:` + strings.Join(alts, `|`) + `)`
}

// phraseRe is the pattern of one phrase (see doc.go).
func phraseRe(p string) string {
	lead, body, trail, suffix := phraseParts(p)
	return lead + body + trail + suffix
}

// phraseParts splits the pattern of one phrase: the boundary before it,
// its text, the boundary after it and a label's colon.
func phraseParts(p string) (lead, body, trail, suffix string) {
	stem, label := strings.HasSuffix(p, "*"), strings.HasSuffix(p, ":")
	p = strings.TrimRight(p, "*:")
	body = strings.ReplaceAll(regexp.QuoteMeta(p), "_", ".")
	first, _ := utf8.DecodeRuneInString(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	if isASCIIWord(first) {
		lead = `\b`
	}
	if isASCIIWord(last) && !stem {
		trail = `\b`
	}
	if label {
		suffix = `\s*:`
	}
	return lead, body, trail, suffix
}

// asciiKeys returns the keys of the ASCII phrases: lower case, every run
// of letters and digits a word, one space between words.
func asciiKeys(phrases []string) []string {
	var keys []string
	for _, p := range phrases {
		if p = strings.TrimRight(p, "*:"); isASCII(p) {
			keys = append(keys, strings.Join(strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !isWord(r) }), " "))
		}
	}
	return keys
}

// firstWord returns a phrase's first word, lower case, and whether the
// pattern lets it go on (a stem, or a phrase of one word that does not end
// in an ASCII letter or digit).
func firstWord(p string) (string, bool) {
	stem := strings.HasSuffix(p, "*")
	p = strings.ToLower(strings.TrimRight(p, "*:"))
	w, rest, _ := strings.Cut(strings.Map(func(r rune) rune {
		if isWord(r) {
			return r
		}
		return ' '
	}, p), " ")
	last, _ := utf8.DecodeLastRuneInString(w)
	return w, rest == "" && (stem || !isASCIIWord(last))
}

// longestRun returns the longest run of s's runes that satisfy in; the
// first of equally long ones.
func longestRun(s string, in func(rune) bool) string {
	best, start := "", -1
	for i, r := range s + "\x00" {
		switch {
		case r != 0 && in(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			if i-start > len(best) {
				best = s[start:i]
			}
			start = -1
		}
	}
	return best
}

// minimal drops duplicates and every needle that contains another: the
// shorter is found wherever the longer is.
func minimal(needles []string) []string {
	var out []string
	for i, n := range needles {
		covered := false
		for j, m := range needles {
			if j != i && strings.Contains(n, m) && (n != m || j < i) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, n)
		}
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIWord(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

package meta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/cancel"
	textwords "github.com/qanda/qanda/internal/words"
)

const (
	// proseMinWords is the length from which a line ending like a sentence
	// is taken for body text; proseLongWords the length from which any
	// line is.
	proseMinWords  = 12
	proseLongWords = 25
	// bodyLineCost is what a line that is not prose costs a stretch of
	// body text (see bodyStart).
	bodyLineCost = 6
	// titleWindow is how many lines above the body start are searched for
	// the headline.
	titleWindow = 25
	// titleMinWords and titleMaxWords bound what can be a headline.
	titleMinWords = 2
	titleMaxWords = 30
	// repeatGap is how far away (in lines) a copy of a line must stand to
	// count as the page repeating its headline (breadcrumb, share text,
	// print footer), rather than an image caption printed twice.
	repeatGap = 3
)

// FromText finds the title of a text dump. The dump has no markup, so the
// headline is found by its place and its shape: it stands a few lines above
// the article body (the first dense stretch of prose), is headline-like (a
// few words, one sentence at most, no photo credit, date, menu or image
// placeholder) and is often printed again elsewhere on the page (breadcrumb,
// share text, print footer). Of the candidates above the body, the best
// scored wins: longer (up to a point), repeated, quoted and close to the
// body is better.
// bodyFirstShare: the first stretch of prose that weighs at least
// 1/bodyFirstShare of the heaviest starts the body. Under a short article
// a page may print more prose (comments, other stories' leads); taking
// the heaviest stretch would put the headline below the article, and
// everything above the headline goes as the page's header.
const bodyFirstShare = 10

func FromText(bs []blocks.Block) Meta { return FromTextDone(bs, nil) }

// FromTextDone is FromText that gives up, returning what it has, soon
// after done is closed.
func FromTextDone(bs []blocks.Block, done <-chan struct{}) Meta {
	check := cancel.New(done)
	m := Meta{TitleBlock: -1}
	if len(bs) == 0 {
		return m
	}
	keys := make([]string, len(bs))
	words := make([]int, len(bs))
	for i, b := range bs {
		if check.Stop() {
			return m
		}
		if textwords.IsASCII(b.Text) {
			// The same key as textKey, in one pass with the count.
			keys[i], words[i], _ = textwords.ScanASCII(b.Text)
			continue
		}
		keys[i], words[i] = textKey(b.Text), textwords.Count(b.Text)
	}
	body := bodyStart(bs, words, check)
	if body < 0 {
		return m
	}
	// The different lines each label opens: a headline printed twice
	// ("Kicker: words" in a breadcrumb too) is one line.
	labels := map[string]map[string]bool{}
	for i, b := range bs {
		if check.Stop() {
			return m
		}
		if l := turnLabel(b.Text); l != "" {
			if labels[l] == nil {
				labels[l] = map[string]bool{}
			}
			labels[l][keys[i]] = true
		}
	}
	// A speaker's turn is answered by another speaker's: two labels that
	// each open several lines, one after the other. A headline's kicker
	// recurs too ("Name: quote" in a breadcrumb, "Video: ..." teasers),
	// but no other label answers it.
	turn := func(i int) bool {
		l := turnLabel(bs[i].Text)
		if len(labels[l]) < minTurns || i+1 >= len(bs) {
			return false
		}
		next := turnLabel(bs[i+1].Text)
		return next != l && len(labels[next]) >= minTurns
	}
	ok := make([]bool, body)
	scores := make([]int, body)
	for i := max(0, body-titleWindow); i < body; i++ {
		ok[i], scores[i] = titleScore(bs, keys, words, i)
		if ok[i] && turn(i) {
			ok[i] = false // the first turn, never the headline ("Anna: Why now?")
		}
	}
	best, bestScore := -1, 0
	between := 0 // competing lines between the candidate and the body
	for i := body - 1; i >= 0 && i >= body-titleWindow; i-- {
		teaser := inTeaserRun(ok, words, i)
		if ok[i] {
			score := scores[i] - 2*between
			if teaser {
				score -= 6
			}
			if best < 0 || score > bestScore {
				best, bestScore = i, score
			}
		}
		if (ok[i] && words[i] >= 4 && !teaser) || prose(bs[i], words[i]) {
			between++
		}
	}
	if best < 0 {
		return m
	}
	m.TitleBlock, m.Title = best, bs[best].Text
	if t := sharedWithNeighbour(bs, best); t != "" {
		m.Title = t
	}
	return m
}

// bodyStart returns the index where the article body starts: the first
// line of the stretch of lines that holds the most prose, each prose line
// counting its words and every other line (menus, teaser headlines, dates,
// bylines) costing bodyLineCost. A lone teaser paragraph above the article
// does not outweigh the article. -1 when the dump has no prose at all.
func bodyStart(bs []blocks.Block, words []int, check *cancel.Check) int {
	// Each stretch (a run of lines whose running sum stays positive) and
	// the most it reaches.
	type stretch struct{ start, max int }
	var all []stretch
	bestSum, sum := 0, 0
	for i := range bs {
		if check.Stop() {
			return -1
		}
		if sum <= 0 {
			sum = 0
			all = append(all, stretch{start: i})
		}
		if prose(bs[i], words[i]) {
			sum += words[i]
		} else {
			sum -= bodyLineCost
		}
		if cur := &all[len(all)-1]; sum > cur.max {
			cur.max = sum
		}
		bestSum = max(bestSum, sum)
	}
	if bestSum == 0 {
		return -1
	}
	// The article comes before its comments and the stories listed after
	// it: the first stretch that weighs nearly as much as the heaviest.
	for _, st := range all {
		if st.max*bodyFirstShare >= bestSum {
			return st.start
		}
	}
	return -1
}

// prose reports whether a line reads as body text: a long line, or a
// sentence of some length.
func prose(b blocks.Block, words int) bool {
	if b.Kind == blocks.ListItem {
		return words >= proseLongWords && endsSentence(b.Text)
	}
	return words >= proseLongWords || (words >= proseMinWords && endsSentence(b.Text))
}

// inTeaserRun reports whether headline-like line i stands in a run of at
// least three headline-like lines of five words or more: a list of teasers,
// where a real headline stands alone.
func inTeaserRun(ok []bool, words []int, i int) bool {
	long := func(j int) bool { return j >= 0 && j < len(ok) && ok[j] && words[j] >= 5 }
	if !long(i) {
		return false
	}
	return (long(i-1) && long(i-2)) || (long(i-1) && long(i+1)) || (long(i+1) && long(i+2))
}

// titleScore says whether line i can be a headline and how good one it is.
func titleScore(bs []blocks.Block, keys []string, words []int, i int) (bool, int) {
	b := bs[i]
	n := words[i]
	if b.Kind == blocks.ListItem || n < titleMinWords || n > titleMaxWords || keys[i] == "" {
		return false, 0
	}
	t := strings.TrimSpace(b.Text)
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsSymbol(r) || r == '[' || altRe.MatchString(t) || creditAt(bs, i+1) || strings.HasSuffix(t, ":") || creditRe.MatchString(t) ||
		menuLine(t) || textwords.InlineMenu(t) || textwords.Byline(t) || dateHeavy(t) || doubled(bs, keys, i) || (n >= proseMinWords && endsSentence(t)) {
		return false, 0
	}
	score := min(n, 15)
	if repeatedFar(keys, i) {
		score += 12
	}
	if sharedWithNeighbour(bs, i) != "" {
		score += 6
	}
	if quotedText(t) {
		score += 3
	}
	score -= 8 * len(breakRe.FindAllStringIndex(t, -1))
	if endsWithStop(t) {
		score--
	}
	return true, score
}

// creditRe matches photo credits and image captions' tails: "Foto: dpa",
// "© picture alliance", "Photo by ...", "(FUENTE EXTERNA)".
var creditRe = regexp.MustCompile(`(?i)(©|\(c\)|\bphoto(graph)?s?\s*(:|by\b)|\bfotos?\s*:|\bbild\s*:|\bimage\s*:|\bcredit\s*:|\billustration\s*:|\bgetty images\b|\bpicture.alliance\b|фото\s*:|\(fuente\b)`)

// altRe matches an image's alternative text: "Image of Jessica Rudder".
var altRe = regexp.MustCompile(`(?i)^(image|photo|picture|foto|bild|imagen|фото)\s+(of|von|de|du|del)\b`)

// creditAt reports whether line i is a short photo credit: the line
// above it is then a caption.
func creditAt(bs []blocks.Block, i int) bool {
	return i < len(bs) && len(strings.Fields(bs[i].Text)) <= 8 && creditRe.MatchString(bs[i].Text)
}

// breakRe finds a sentence break inside a text: a headline is one
// sentence, a lead paragraph several.
var breakRe = regexp.MustCompile(`[.?!]\s+\p{Lu}`)

// dateHeavy reports lines made mostly of dates and times: "Teilen November
// 2022", "08.03.2016 | 15:30 Uhr".
func dateHeavy(s string) bool {
	f := strings.Fields(s)
	d := 0
	for _, w := range f {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			d++
		}
	}
	return d*3 >= len(f)
}

// menuLine reports a row of menu entries run together: eight or more words,
// all capitalised, without any punctuation ("Auto Design Interview Mode
// Reisen Uhren").
func menuLine(s string) bool {
	f := strings.Fields(s)
	if len(f) < 8 {
		return false
	}
	for _, w := range f {
		if w == "&" || w == "|" || w == "·" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '-' && r != '&' }) >= 0 {
			return false
		}
	}
	return true
}

const (
	// labelMaxWords bounds a speaker's label before its colon.
	labelMaxWords = 4
	// minTurns is how many different lines a speaker's label opens.
	minTurns = 2
)

// turnLabel returns the label that opens s as a speaker's turn ("Anna
// Berg" of "Anna Berg: Why now?", "Q" of "Q: ..."), or "": up to
// labelMaxWords words, the first capitalised, a colon, then text.
func turnLabel(s string) string {
	c := strings.IndexByte(s, ':')
	if c <= 0 || c+1 >= len(s) || s[c+1] != ' ' {
		return ""
	}
	l := strings.TrimSpace(s[:c])
	if r, _ := utf8.DecodeRuneInString(l); !unicode.IsUpper(r) || len(strings.Fields(l)) > labelMaxWords || strings.TrimSpace(s[c+1:]) == "" {
		return ""
	}
	return l
}

// doubled reports an image caption printed twice: the line equals a
// neighbour, or one of them is the other printed twice in a row.
func doubled(bs []blocks.Block, keys []string, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(bs) || keys[j] == "" {
			continue
		}
		a, b := keys[i], keys[j]
		if a == b || a == b+" "+b || b == a+" "+a {
			return true
		}
	}
	return false
}

// repeatedFar reports whether the page prints line i again (alone or with a
// few words around it) at least repeatGap lines away: headlines come back
// in breadcrumbs, share texts and print footers.
func repeatedFar(keys []string, i int) bool {
	k := keys[i]
	if strings.Count(k, " ") < 2 {
		return false
	}
	for j, o := range keys {
		if j > i-repeatGap && j < i+repeatGap {
			continue
		}
		if o != k && (len(o) > 2*len(k)+20 || !strings.Contains(o, k)) {
			continue
		}
		// A menu printed twice repeats its neighbours too.
		if (i > 0 && j > 0 && keys[i-1] == keys[j-1]) || (i+1 < len(keys) && j+1 < len(keys) && keys[i+1] == keys[j+1]) {
			continue
		}
		return true
	}
	return false
}

// sharedWithNeighbour returns the headline when the dump ran a breadcrumb or
// kicker into it and printed it twice: the longest stretch of text line i
// shares with the line above or below, if it holds at least three words and
// two thirds of line i. Otherwise "".
func sharedWithNeighbour(bs []blocks.Block, i int) string {
	best := ""
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(bs) {
			continue
		}
		s := strings.TrimSpace(longestCommon(bs[i].Text, bs[j].Text))
		if len(s) > len(best) {
			best = s
		}
	}
	n := len(strings.Fields(best))
	if n < 3 || n*3 < 2*len(strings.Fields(bs[i].Text)) || best == strings.TrimSpace(bs[i].Text) {
		return ""
	}
	return best
}

// longestCommon returns the longest common substring of a and b, by runes,
// cut to whole words of a.
func longestCommon(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 400 || len(rb) > 400 {
		return ""
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	end, length := 0, 0
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			if ra[i-1] == rb[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > length {
					end, length = i, cur[j]
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	if length == 0 {
		return ""
	}
	start := end - length
	// Do not start or end inside a word of a: "KulturfragenWir" shares
	// "Wir", not "nWir".
	for start < end && start > 0 && isWordRune(ra[start-1]) && isWordRune(ra[start]) {
		start++
	}
	for end > start && end < len(ra) && isWordRune(ra[end-1]) && isWordRune(ra[end]) {
		end--
	}
	return string(ra[start:end])
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// quotedText reports whether a whole text stands in quote marks, as
// headlines quoting the interviewee do.
func quotedText(s string) bool {
	r := []rune(strings.TrimSpace(s))
	if len(r) < 2 {
		return false
	}
	return strings.ContainsRune(`"“„«‘‚‹`, r[0]) && strings.ContainsRune(`"”“»’‘›`, r[len(r)-1])
}

// textKey is a comparison form of a text: lower-case words of letters and
// digits separated by one space.
//
// It runs on every line of a dump, so it builds the key in one pass: the
// same as joining strings.FieldsFunc(strings.ToLower(s), !isWordRune) with
// spaces, which lowers rune by rune too, without the intermediate strings.
func textKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inWord := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII needs no Unicode tables.
			switch {
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			default:
				inWord = false
				continue
			}
			if !inWord && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte(byte(r))
			inWord = true
			continue
		}
		r = unicode.ToLower(r)
		if !isWordRune(r) {
			inWord = false
			continue
		}
		if !inWord && b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		inWord = true
	}
	return b.String()
}

// endsWithStop reports whether a text ends with sentence punctuation, which
// headlines usually lack.
func endsWithStop(s string) bool {
	s = strings.TrimRight(s, ` "'”’»)`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, ":")
}

// endsSentence reports whether a text ends like a sentence, questions
// included.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ` "'”’»“)]`)
	return endsWithStop(s) || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ";")
}

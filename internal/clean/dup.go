package clean

import (
	"hash/maphash"
	"slices"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

const (
	// nearMinTokens is the shortest block compared for near-duplicates;
	// shorter ones must match exactly (a one-word difference in a short
	// text is a different text).
	nearMinTokens = 8
	// nearMinSimilarity is the share of characters two keys must share
	// (by edit distance) to count as the same text.
	nearMinSimilarity = 0.9
	// shingleSize is the length of the word n-grams used to find
	// near-duplicate candidates.
	shingleSize = 4
	// runGap is how far apart the originals of two adjacent copies may be
	// and still count as one run: an echo with a dropped line is still an
	// echo.
	runGap = 2
	// promptMaxWords is the longest non-question block that may recur
	// alone without being an echo: a recurring prompt ("Your recipe for a
	// quick dinner.") or speaker label.
	promptMaxWords = 8
	// maxBucket bounds how many blocks one 4-gram indexes, and maxConfirm
	// how many candidates are checked with an edit distance: together
	// they keep near-duplicate search linear on any page.
	maxBucket  = 32
	maxConfirm = 4
)

// duplicates finds copies of earlier blocks and decides which are echoes.
func (c *cleaner) duplicates() {
	orig, near := c.findCopies()
	live := c.liveIndexes()
	pos := make([]int, len(c.bs)) // block index -> position in live
	for p, i := range live {
		pos[i] = p
	}
	inRun := make([]bool, len(c.bs))
	for p, i := range live {
		if orig[i] < 0 {
			continue
		}
		// A copy is part of a run when the next block copies a block just
		// after the same original (one line of the original may be
		// missing from the copy). The copies must be adjacent: the same
		// question asked again with a new answer between is not an echo.
		if p+1 < len(live) {
			k := live[p+1]
			if orig[k] >= 0 {
				if step := pos[orig[k]] - pos[orig[i]]; step >= 1 && step <= runGap {
					inRun[i], inRun[k] = true, true
				}
			}
		}
	}
	run, exact, near2, doubled := c.rules.on("repeated-run"), c.rules.on("exact-duplicate"), c.rules.on("near-duplicate"), c.rules.on("doubled-caption")
	var captions []int
	for p, i := range live {
		j := orig[i]
		if j < 0 {
			continue
		}
		reason, rule, on := Duplicate, "exact-duplicate", exact
		if near[i] {
			reason, rule, on = NearDuplicate, "near-duplicate", near2
		}
		switch {
		case inRun[i]:
			if run {
				c.removeAs("repeated-run", i, RepeatedRun)
				c.marks[i].DupOf = j
			}
		case !on:
		case p > 0 && live[p-1] == j:
			// Printed twice in a row: an image's alt text and its
			// caption, or a layout printed for two screens.
			c.removeAs(rule, i, reason)
			c.marks[i].DupOf = j
			captions = append(captions, i)
		case IsQuestion(c.bs[i].Text) || c.nw[i] <= promptMaxWords || c.mayCredit(i) && c.v.Credit.Re.MatchString(c.bs[i].Text):
			// The same question put to several people, a repeated
			// speaker label, or the same photographer credited under two
			// pictures: legitimate repetition.
		default:
			c.removeAs(rule, i, reason)
			c.marks[i].DupOf = j
		}
	}
	for _, i := range captions {
		j := c.marks[i].DupOf
		if doubled && c.nw[j] <= 60 && !IsQuestion(c.bs[j].Text) {
			c.marks[i].Reason, c.marks[i].Rule = DuplicateCaption, "doubled-caption"
			c.marks[j].Role, c.marks[j].Rule = Caption, "doubled-caption"
		}
	}
	c.step("near-captions", c.nearCaptions)
}

// nearCaptionMaxWords is the longest line taken for a picture's alt text
// or caption printed twice in a row.
const nearCaptionMaxWords = 15

// nearCaptions finds, in a text dump, a picture's alt text and its caption
// printed one after the other in slightly different words: two adjacent
// short lines that end no sentence, neither a question, whose words are
// the same but for spaces and punctuation ("Jane Doe: Harbour, 2021" under
// "Jane Doe Harbour 2021"), or whose shorter one opens the longer or
// shares all but one of its words with it and both open alike. Sentences
// of speakers end like sentences, and a topic heading is not printed
// twice. The two must be adjacent blocks: lines that meet only once
// the blocks between them are gone are not one picture's. The longer
// line is the caption; the other is its copy.
func (c *cleaner) nearCaptions() {
	if c.ctx.HTML {
		return
	}
	live := c.liveIndexes()
	for p := 1; p < len(live); p++ {
		a, b := live[p-1], live[p]
		if b != a+1 || !c.captionLine(a) || !c.captionLine(b) || !c.nearCopies(a, b) {
			continue
		}
		long, short := a, b
		if c.ntok[b] > c.ntok[a] || c.ntok[b] == c.ntok[a] && len(c.bs[b].Text) > len(c.bs[a].Text) {
			long, short = b, a
		}
		c.setRole(long, Caption)
		c.remove(short, DuplicateCaption, long)
		p++
	}
}

// captionLine reports a live line that may be a caption printed twice:
// short, no question, no list item, ending no sentence.
func (c *cleaner) captionLine(i int) bool {
	t := c.bs[i].Text
	return c.live(i) && c.ntok[i] >= 2 && c.nw[i] <= nearCaptionMaxWords && !IsQuestion(t) && !EndsSentence(t) && !listLike(c.bs[i])
}

// nearCopies reports whether the keys of a and b are the same words but
// for spaces, or the shorter opens the longer, or the shorter's words but
// one stand in the longer and both open with the same two words.
func (c *cleaner) nearCopies(a, b int) bool {
	ka, kb := c.keys[a], c.keys[b]
	if strings.ReplaceAll(ka, " ", "") == strings.ReplaceAll(kb, " ", "") {
		return true
	}
	ta, tb := c.tokens(a), c.tokens(b)
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	if len(ta) < 2 || ta[0] != tb[0] || ta[1] != tb[1] {
		return false
	}
	if slices.Equal(ta, tb[:len(ta)]) {
		return true
	}
	in := map[string]bool{}
	for _, w := range tb {
		in[w] = true
	}
	shared := 0
	for _, w := range ta {
		if in[w] {
			shared++
		}
	}
	return len(ta) >= 4 && shared >= len(ta)-1
}

func (c *cleaner) liveIndexes() []int {
	var live []int
	for i := range c.bs {
		c.tick()
		if c.live(i) {
			live = append(live, i)
		}
	}
	return live
}

// findCopies returns for each live block the earliest live block it copies
// (exactly or nearly), or -1. Near-duplicates are found by hashing word
// 4-grams and only comparing blocks that share one, so the cost stays close
// to linear in the page size.
func (c *cleaner) findCopies() (orig []int, near []bool) {
	orig = make([]int, len(c.bs))
	near = make([]bool, len(c.bs))
	// Only a key that may recur can be a copy or have one: the others
	// need not go into the map. (The hashes only pick the keys to compare.)
	seed := maphash.MakeSeed()
	hs := make([]uint64, len(c.bs))
	for i, k := range c.keys {
		hs[i] = maphash.String(seed, k)
	}
	mayRecur := recurring(hs, c.tick)
	exact := map[string]int{}
	ns := &nearSearch{shingles: newGramTable(0), votes: make([]int32, len(c.bs)), dmp: diffmatchpatch.New()}
	var sample []int
	for i := range c.bs {
		c.tick()
		orig[i] = -1
		if !c.live(i) || c.keys[i] == "" {
			continue
		}
		if mayRecur[i] {
			if j, ok := exact[c.keys[i]]; ok {
				orig[i] = j
				continue
			}
			exact[c.keys[i]] = i
		}
		if c.ntok[i] < nearMinTokens {
			continue
		}
		sample = c.sampleGrams(sample[:0], i)
		if j := c.nearest(ns, sample, i); j >= 0 {
			orig[i], near[i] = j, true
			continue
		}
		for _, g := range sample {
			// A 4-gram that many blocks share tells nothing apart; not
			// indexing it more keeps the work linear. One that occurs
			// once is never looked up.
			if c.recurs[g] {
				ns.shingles.add(c.grams[g], int32(i), maxBucket, false)
			}
		}
	}
	return orig, near
}

// nearSearch is what findCopies keeps between blocks: the index of the
// sampled 4-grams of the blocks so far, and scratch space.
type nearSearch struct {
	shingles *gramTable
	votes    []int32 // per block; all zero between searches
	voted    []int32 // the blocks with votes
	buf      []int32
	cands    []nearCand
	dmp      *diffmatchpatch.DiffMatchPatch
}

type nearCand struct{ j, v int32 }

// nearest returns the earlier block that block i nearly copies, or -1.
// Only blocks that share at least half of i's sampled 4-grams are
// candidates, and only the few best are confirmed with an edit distance.
func (c *cleaner) nearest(ns *nearSearch, sample []int, i int) int {
	c.tick()
	for _, g := range sample {
		if !c.recurs[g] {
			continue // no other block has it
		}
		ns.buf = ns.shingles.appendBlocks(ns.buf[:0], c.grams[g])
		for _, j := range ns.buf {
			if ns.votes[j] == 0 {
				ns.voted = append(ns.voted, j)
			}
			ns.votes[j]++
		}
	}
	cands := ns.cands[:0]
	for _, j := range ns.voted {
		if v := ns.votes[j]; int(v)*2 >= len(sample) {
			cands = append(cands, nearCand{j, v})
		}
		ns.votes[j] = 0
	}
	ns.voted, ns.cands = ns.voted[:0], cands
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].v != cands[b].v {
			return cands[a].v > cands[b].v
		}
		return cands[a].j < cands[b].j
	})
	for k, cd := range cands {
		if k == maxConfirm {
			break
		}
		if similar(ns.dmp, c.keys[i], c.keys[cd.j]) {
			return int(cd.j)
		}
	}
	return -1
}

// sampleGrams appends to dst a sample of block i's 4-grams (their indexes
// in c.grams): every 4-gram whose hash is 0 mod 4, plus the first one,
// which keeps the index small while two near-identical texts still share
// several.
func (c *cleaner) sampleGrams(dst []int, i int) []int {
	for g := c.gramOff[i]; g < c.gramOff[i+1]; g++ {
		if g == c.gramOff[i] || c.grams[g]%4 == 0 {
			dst = append(dst, g)
		}
	}
	return dst
}

// similar confirms a near-duplicate with a real edit distance.
func similar(dmp *diffmatchpatch.DiffMatchPatch, a, b string) bool {
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return false
	}
	if la*100 < lb*85 || lb*100 < la*85 {
		return false
	}
	diffs := dmp.DiffMain(a, b, false)
	dist := dmp.DiffLevenshtein(diffs)
	longest := max(la, lb)
	return float64(longest-dist)/float64(longest) >= nearMinSimilarity
}

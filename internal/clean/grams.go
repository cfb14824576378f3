package clean

import "slices"

// Word 4-grams find the blocks that share text: copies (dup.go) and pull
// quotes (media.go). Each block's 4-grams are hashed once. Most 4-grams of
// a page occur once, and those can name no other block: a bitmap pass
// finds them, so that the indexes, open-addressing tables, hold only the
// few that recur and stay small. (On a long dump, indexing every 4-gram
// spends most of the time waiting for memory.)

// FNV-1a, 64 bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashGrams returns the hashes of the word 4-grams of all blocks in one
// slice (FNV-1a over the words, each followed by a space), and where each
// block's start: block i's k-th 4-gram is at off[i]+k. keys are the
// blocks' keys (words joined by single spaces), ntok their word counts.
// tick is called once per block (it may abandon the work: see
// cleaner.tick).
func hashGrams(keys []string, ntok []int, tick func()) (hs []uint64, off []int) {
	off = make([]int, len(keys)+1)
	for i, n := range ntok {
		off[i+1] = off[i] + max(n-shingleSize+1, 0)
	}
	hs = make([]uint64, off[len(keys)])
	for i, key := range keys {
		tick()
		if ntok[i] < shingleSize {
			continue
		}
		out := hs[off[i]:off[i+1]]
		// A word belongs to four 4-grams: their hashes advance together
		// as it is read, which reads each byte once and lets the four
		// multiplications overlap. h0 is the 4-gram the word ends, h3 the
		// one it begins.
		var h0, h1, h2 uint64
		h3 := uint64(fnvOffset)
		t := 0 // words read
		for k := 0; k <= len(key); k++ {
			c := uint64(' ') // the space after each word, the last too
			if k < len(key) {
				c = uint64(key[k])
			}
			h0, h1, h2, h3 = (h0^c)*fnvPrime, (h1^c)*fnvPrime, (h2^c)*fnvPrime, (h3^c)*fnvPrime
			if c != ' ' {
				continue
			}
			if t++; t >= shingleSize {
				out[t-shingleSize] = h0
			}
			h0, h1, h2, h3 = h1, h2, h3, fnvOffset
		}
	}
	return hs, off
}

// recurring reports for each hash in hs whether it may occur more than once
// in hs. A false "yes" only costs a lookup, so a bitmap of hashes seen
// (and seen again) does. A bitmap for a whole long dump would not stay in
// cache, so the hashes are first grouped by their top bits (a counting
// sort) and each group gets a small bitmap of its own, with room to spare:
// 32 bits per hash.
// tick is called once per group of hashes and every 1024 hashes.
func recurring(hs []uint64, tick func()) []bool {
	const groupSize = 1 << 15 // hashes per group, about
	shift := uint(64)         // h>>shift is h's group
	for len(hs)>>(64-shift) > groupSize {
		shift--
	}
	start := make([]int, 1<<(64-shift)+1) // group g is at [start[g], start[g+1])
	for _, h := range hs {
		start[h>>shift+1]++
	}
	for g := 1; g < len(start); g++ {
		start[g] += start[g-1]
	}
	next := slices.Clone(start)
	gh := make([]uint64, len(hs)) // the hashes by group
	gk := make([]int32, len(hs))  // and their indexes in hs
	for k, h := range hs {
		if k&1023 == 0 {
			tick()
		}
		g := h >> shift
		gh[next[g]], gk[next[g]] = h, int32(k)
		next[g]++
	}
	rec := make([]bool, len(hs))
	type word struct{ seen, again uint64 } // side by side: one cache line
	var m []word
	for g := 0; g+1 < len(start); g++ {
		tick()
		group, ks := gh[start[g]:start[g+1]], gk[start[g]:start[g+1]]
		bits := 64
		for bits < 32*len(group) {
			bits *= 2
		}
		m = slices.Grow(m[:0], bits/64)[:bits/64]
		clear(m)
		for _, h := range group {
			p := bitPos(h, bits)
			w, b := &m[p/64], uint64(1)<<(p%64)
			if w.seen&b != 0 {
				w.again |= b
			}
			w.seen |= b
		}
		for n, h := range group {
			p := bitPos(h, bits)
			rec[ks[n]] = m[p/64].again&(1<<(p%64)) != 0
		}
	}
	return rec
}

// bitPos maps a hash to [0, n), n a power of two. The low bits of an FNV
// hash depend only on the low bits of the input: a multiplication brings
// all of them to the high bits used.
func bitPos(h uint64, n int) uint64 {
	return (h * 0x9e3779b97f4a7c15) >> 32 & uint64(n-1)
}

// gramTable maps 4-gram hashes to the blocks that hold them, in the order
// they were added, up to a limit per 4-gram.
type gramTable struct {
	slots []gramSlot // open addressing; the length is a power of two
	used  int
	links []gramLink // the blocks after the first of each 4-gram
}

type gramSlot struct {
	h     uint64
	n     int32 // blocks named; 0 marks a free slot
	first int32 // the first block
	more  int32 // in links, the second block and the last, when n > 1
	last  int32
}

type gramLink struct{ b, next int32 }

// newGramTable returns a table with room for about n 4-grams; it grows
// when it needs to.
func newGramTable(n int) *gramTable {
	size := 16
	for size < n*4/3 {
		size *= 2
	}
	return &gramTable{slots: make([]gramSlot, size)}
}

// slot returns the slot of h, or the free slot where it goes.
func (t *gramTable) slot(h uint64) *gramSlot {
	mask := uint64(len(t.slots) - 1)
	for p := bitPos(h, len(t.slots)); ; p = (p + 1) & mask {
		if s := &t.slots[p]; s.n == 0 || s.h == h {
			return s
		}
	}
}

// add adds block b to 4-gram h unless h names limit blocks already or,
// when distinct, b is its last block.
func (t *gramTable) add(h uint64, b int32, limit int32, distinct bool) {
	s := t.slot(h)
	switch {
	case s.n == 0:
		if (t.used+1)*4 > len(t.slots)*3 {
			t.grow()
			s = t.slot(h)
		}
		*s = gramSlot{h: h, n: 1, first: b}
		t.used++
		return
	case s.n >= limit:
		return
	case distinct && ((s.n == 1 && s.first == b) || (s.n > 1 && t.links[s.last].b == b)):
		return
	}
	t.links = append(t.links, gramLink{b: b, next: -1})
	l := int32(len(t.links) - 1)
	if s.n == 1 {
		s.more = l
	} else {
		t.links[s.last].next = l
	}
	s.last = l
	s.n++
}

func (t *gramTable) grow() {
	old := t.slots
	t.slots = make([]gramSlot, 2*len(old))
	for _, s := range old {
		if s.n > 0 {
			*t.slot(s.h) = s
		}
	}
}

// appendBlocks appends the blocks of 4-gram h to buf, in the order they
// were added.
func (t *gramTable) appendBlocks(buf []int32, h uint64) []int32 {
	s := t.slot(h)
	if s.n == 0 {
		return buf
	}
	buf = append(buf, s.first)
	if s.n > 1 {
		for l := s.more; l >= 0; l = t.links[l].next {
			buf = append(buf, t.links[l].b)
		}
	}
	return buf
}

package clean

import (
	"hash/fnv"
	"net/url"
	"strings"

	"github.com/qanda/qanda/internal/blocks"
)

// SiteBoilerplate is the reason for blocks that recur on many pages of one
// host: teasers, newsletter boxes, footers, "about the author" notes.
const SiteBoilerplate Reason = "site-boilerplate"

// What makes a block site boilerplate: it is on at least siteMinPages
// distinct pages of its host and on at least a quarter of them (a section's
// own footer on 5% of a big site is left to the page-level rules).
const (
	siteMinPages   = 3
	siteShareNum   = 1
	siteShareDenom = 4
)

// Site boilerplate is learned in two passes over a batch. The first pass
// sketches every page (Sketch, in parallel) and feeds the sketches to a
// SiteLearner; the frozen SiteModel then cleans every page in the second
// pass (Apply, in parallel). Two passes rather than a model learned while
// streaming because a streaming model cannot clean the pages it has not
// yet seen enough of: the first pages of every host would keep their
// newsletter box, and the result would depend on input order. (Package
// qanda keeps each cleaned page between the passes, so none is parsed
// twice.)
//
// A column's recurring questions are not boilerplate: a block that reads as
// a prompt (a question, a heading, bold, ending in ":") and is followed by a
// different block on most pages is kept wherever it recurs. Boilerplate
// comes with its surroundings; a prompt comes with a new answer each time.

// PageSketch is what the learner needs of one page: its host, which page it
// is (re-crawls of one URL count once), and for each distinct block text a
// hash and the hash of the block that follows it.
type PageSketch struct {
	Host   string
	page   uint64
	blocks []sketchBlock
}

type sketchBlock struct {
	key, next uint64
	prompt    bool
}

// Host returns the host a page's URL names, lower case and without
// "www.", or "" if pageURL is not an absolute URL. Pages are grouped by it.
func Host(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Sketch summarises a page for SiteLearner.Observe. pageURL identifies the
// page (its URL or canonical URL); without a host the sketch is empty and
// teaches nothing. Safe for concurrent use.
func Sketch(pageURL string, bs []blocks.Block) PageSketch {
	return sketch(pageURL, bs, func(i int) string { return Key(bs[i].Text) })
}

// SketchMarked is Sketch for a page Clean has marked: it reuses the keys
// Clean put in the marks instead of computing them again.
func SketchMarked(pageURL string, bs []blocks.Block, marks []Mark) PageSketch {
	return sketch(pageURL, bs, func(i int) string {
		if k := marks[i].Key; k != "" {
			return k
		}
		return Key(bs[i].Text)
	})
}

func sketch(pageURL string, bs []blocks.Block, key func(int) string) PageSketch {
	host := Host(pageURL)
	if host == "" {
		return PageSketch{}
	}
	s := PageSketch{Host: host, page: hash(pageIdentity(pageURL))}
	keys := make([]uint64, 0, len(bs))
	idx := make([]int, 0, len(bs))
	for i := range bs {
		if k := key(i); k != "" {
			keys = append(keys, hash(k))
			idx = append(idx, i)
		}
	}
	seen := make(map[uint64]bool, len(keys))
	for j, k := range keys {
		if seen[k] {
			continue // counted once per page: in-page echoes are clean's job
		}
		seen[k] = true
		var next uint64
		if j+1 < len(keys) {
			next = keys[j+1]
		}
		s.blocks = append(s.blocks, sketchBlock{key: k, next: next, prompt: isPrompt(bs[idx[j]])})
	}
	return s
}

// isPrompt says whether a block reads like a question or a heading that
// introduces what follows.
func isPrompt(b blocks.Block) bool {
	t := strings.TrimSpace(b.Text)
	return IsQuestion(t) || strings.HasSuffix(t, ":") || b.Kind == blocks.Heading || b.Emphasis >= 0.5
}

// pageIdentity is a URL without fragment, "www." or trailing slash, so the
// same page fetched twice is one page.
func pageIdentity(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return pageURL
	}
	return Host(pageURL) + strings.TrimSuffix(u.EscapedPath(), "/") + "?" + u.RawQuery
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// SiteLearner counts, per host, on how many distinct pages each block text
// appears and, for a prompt (a question, a heading), what follows it. What
// it learns depends only on the set of pages it observed, not on their
// order, except that of two captures of one URL the first observed
// counts. Not safe for concurrent use. Memory grows with the number of
// distinct block texts (about 50 bytes each), not with the documents.
type SiteLearner struct {
	hosts map[string]*hostStats
}

type hostStats struct {
	pages map[uint64]struct{}
	keys  map[uint64]*keyStats
}

type keyStats struct {
	pages  int32
	prompt bool // the text read as a prompt on some page
	// next counts, for a prompt, the pages on which each text follows
	// it: a recurring prompt answered differently on every page (a
	// column's question) is no boilerplate.
	next map[uint64]int32
}

// NewSiteLearner returns an empty learner.
func NewSiteLearner() *SiteLearner { return &SiteLearner{hosts: map[string]*hostStats{}} }

// Observe adds one page. A page already seen (same URL) is ignored.
func (l *SiteLearner) Observe(s PageSketch) {
	if s.Host == "" {
		return
	}
	h := l.hosts[s.Host]
	if h == nil {
		h = &hostStats{pages: map[uint64]struct{}{}, keys: map[uint64]*keyStats{}}
		l.hosts[s.Host] = h
	}
	if _, dup := h.pages[s.page]; dup {
		return
	}
	h.pages[s.page] = struct{}{}
	for _, b := range s.blocks {
		k := h.keys[b.key]
		if k == nil {
			k = &keyStats{}
			h.keys[b.key] = k
		}
		k.pages++
		if b.prompt && k.next == nil {
			k.next = map[uint64]int32{}
		}
		k.prompt = k.prompt || b.prompt
		if b.prompt {
			k.next[b.next]++
		}
	}
}

// Model freezes what was learned into the set of boilerplate texts per
// host.
func (l *SiteLearner) Model() *SiteModel {
	m := &SiteModel{hosts: map[string]map[uint64]bool{}}
	for host, h := range l.hosts {
		n := int32(len(h.pages))
		for key, k := range h.keys {
			if k.pages < siteMinPages || k.pages*siteShareDenom < n*siteShareNum {
				continue
			}
			if k.prompt && maxCount(k.next)*2 < k.pages {
				continue // a recurring prompt, answered differently each time
			}
			if m.hosts[host] == nil {
				m.hosts[host] = map[uint64]bool{}
			}
			m.hosts[host][key] = true
		}
	}
	return m
}

// maxCount is the largest count in c (0 for none).
func maxCount(c map[uint64]int32) int32 {
	best := int32(0)
	for _, n := range c {
		best = max(best, n)
	}
	return best
}

// SiteModel is the frozen result of learning: which block texts are
// boilerplate on which host. Read only, safe for concurrent use; a nil
// model removes nothing.
type SiteModel struct {
	hosts map[string]map[uint64]bool
}

// Size is the number of boilerplate texts known, over all hosts.
func (m *SiteModel) Size() int {
	if m == nil {
		return 0
	}
	n := 0
	for _, h := range m.hosts {
		n += len(h)
	}
	return n
}

// Apply marks the content blocks of a page at pageURL that are its host's
// boilerplate as removed with reason SiteBoilerplate, and returns how many
// it marked. Titles, captions and blocks already removed are left alone.
func (m *SiteModel) Apply(pageURL string, bs []blocks.Block, marks []Mark) int {
	if m == nil || len(m.hosts) == 0 {
		return 0
	}
	known := m.hosts[Host(pageURL)]
	if known == nil {
		return 0
	}
	n := 0
	for i, b := range bs {
		if marks[i].Role != Content {
			continue
		}
		k := marks[i].Key
		if k == "" {
			k = Key(b.Text)
		}
		if k != "" && known[hash(k)] {
			marks[i] = Mark{Role: Removed, Reason: SiteBoilerplate, DupOf: -1, Key: k, Rule: "site-boilerplate"}
			n++
		}
	}
	return n
}

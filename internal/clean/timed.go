package clean

import (
	"regexp"
	"strconv"
	"strings"
)

const (
	// timedHeaderMaxWords bounds the line over a card or a post that
	// ends with its time ("harbour news 10:24 a.m.").
	timedHeaderMaxWords = 10
	// timedMaxGap is how many blocks a card may hold after its header.
	timedMaxGap = 5
	// timedMinRun is the fewest headers that make a feed.
	timedMinRun = 4
	// timedCardMaxWords bounds a line of a card above the feed's first
	// header: a headline, not a paragraph.
	timedCardMaxWords = 30
)

// clockEndRe finds a time of day at the end of a line: "2:14 p.m.",
// "11:38", "um 16:29 Uhr".
var clockEndRe = regexp.MustCompile(`(?i)\b([0-2]?\d):([0-5]\d)(?:\s*([ap])\.?\s?m\.?|\s*uhr|\s*h)?\s*$`)

// clockMinutes returns the minutes since midnight of the time that ends
// s, or -1 when no time ends it.
func clockMinutes(s string) int {
	m := clockEndRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return -1
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	switch strings.ToLower(m[3]) {
	case "p":
		if h < 12 {
			h += 12
		}
	case "a":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 {
		return -1
	}
	return h*60 + mi
}

// timedFeed removes, in a text dump, a feed printed below the article:
// four or more short lines, a few blocks apart, that end with times of
// day running backwards ("2:14 p.m.", "12:35 p.m.", "10:24 a.m."), each
// over a card or a post. A site lists its latest stories and its readers'
// newest posts first; a recording's timestamps count up, so a transcript
// never reads so, and a live blog, whose entries run backwards too, is the
// page's text: the feed must start below half of the page's words.
func (c *cleaner) timedFeed() {
	if c.ctx.HTML {
		return
	}
	total := c.wordsBefore(len(c.bs))
	type header struct{ i, t int }
	var hs []header
	for i, b := range c.bs {
		if !c.live(i) || c.nw[i] > timedHeaderMaxWords || IsQuestion(b.Text) {
			continue
		}
		if t := clockMinutes(b.Text); t >= 0 {
			hs = append(hs, header{i, t})
		}
	}
	for s := 0; s < len(hs); {
		e := s
		for e+1 < len(hs) && hs[e+1].i-hs[e].i <= timedMaxGap+1 && hs[e+1].t <= hs[e].t {
			e++
		}
		if e-s+1 < timedMinRun || hs[s].t == hs[e].t || 2*c.wordsBefore(hs[s].i) < total {
			s = e + 1
			continue
		}
		// The last card is as long as the longest before it.
		size := 0
		for k := s; k < e; k++ {
			size = max(size, hs[k+1].i-hs[k].i)
		}
		end := min(hs[e].i+size, len(c.bs))
		if e+1 < len(hs) {
			end = min(end, hs[e+1].i)
		}
		// A first card may be dated otherwise ("12 mins ago"): the
		// short lines right above the first header, as many as a card
		// holds, go too; the article's last paragraph is longer.
		start := hs[s].i
		for start > 0 && hs[s].i-start < size && c.marks[start-1].Role != Title && (!c.live(start-1) || c.nw[start-1] <= timedCardMaxWords) {
			start--
		}
		for i := start; i < end; i++ {
			if c.live(i) {
				c.remove(i, Teaser, -1)
			}
		}
		s = e + 1
	}
}

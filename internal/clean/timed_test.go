package clean

import (
	"fmt"
	"testing"
)

// A feed of the site's latest stories below the interview, each card under
// a line ending with its time, the times running backwards, goes, the first
// card too (dated "12 mins ago"); in English and in German.
func TestTimedFeed(t *testing.T) {
	for _, c := range []struct {
		name, first string
		times       []string
	}{
		{"en", "12 mins ago", []string{"2:14 p.m.", "12:35 p.m.", "11:48 a.m.", "10:52 a.m.", "8:05 a.m."}},
		{"de", "vor 12 Minuten", []string{"15:14 Uhr", "13:40 Uhr", "11:48 Uhr", "10:52 Uhr", "08:05 Uhr"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			lines := postInterview()
			feed := []string{"harbour " + c.first, "The lighthouse gets a new keeper after forty years The old keeper hands over the keys and the logbooks, and tells us what the light has seen"}
			for k, tm := range c.times {
				feed = append(feed, fmt.Sprintf("coast news %s", tm), fmt.Sprintf("Ferry number %d returns to the island this week After two winters in the yard the old boat is back, and the islanders are glad to see it sail again", k+2))
			}
			bs := page(append(lines, feed...)...)
			marks := Clean(bs, Context{TitleBlock: 0})
			for _, s := range feed {
				if m := roleOf(t, bs, marks, s); m.Role == Content {
					t.Errorf("feed line %q kept", s)
				}
			}
			for _, s := range lines[1:] {
				if m := roleOf(t, bs, marks, s); m.Role != Content {
					t.Errorf("interview line %q: %+v", s, m)
				}
			}
		})
	}
}

// A transcript's timestamps count up, and a live blog's entries, which run
// backwards, are the page's text: neither is a feed.
func TestTimedFeedKeeps(t *testing.T) {
	turn := "We rebuilt the quay in two winters, and the fishermen helped with every stone of it, which nobody had expected."
	var transcript []string
	for k := 0; k < 6; k++ {
		transcript = append(transcript, fmt.Sprintf("Anna Berg %d:%02d", k, 10+k), turn+fmt.Sprintf(" (%d)", k))
	}
	bs := page(append(postInterview(), transcript...)...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range transcript {
		if m := roleOf(t, bs, marks, s); m.Rule == "timed-feed" {
			t.Errorf("transcript line %q taken for a feed", s)
		}
	}
	live := []string{"Storm over the harbour: live"}
	for k, tm := range []string{"18:40", "17:55", "16:20", "15:05", "14:30"} {
		live = append(live, tm, fmt.Sprintf("The water stands %d centimetres above the quay, and the fire brigade has closed the road to the lighthouse again.", 40+k))
	}
	bs = page(live...)
	marks = Clean(bs, Context{TitleBlock: 0})
	for _, s := range live[1:] {
		if m := roleOf(t, bs, marks, s); m.Rule == "timed-feed" {
			t.Errorf("live blog line %q taken for a feed", s)
		}
	}
}

package meta

import (
	"strings"
	"testing"
	"unicode"

	"github.com/qanda/qanda/internal/blocks"
	textwords "github.com/qanda/qanda/internal/words"
)

func TestFromTextTitle(t *testing.T) {
	bs := blocks.FromText("REPORTS\n\nANALYTICS\n  • USD103.43\nNews\n\nEthnic Armenians face no threat, says the spokesman of the ministry\n\nRead this in Russian\n\n" +
		"In Nagorno-Karabakh, hostilities have put the lives of local people at risk. Some are leaving with their children, while others stay, uncertain of what comes next.\n\nA later short heading line here\n")
	m := FromText(bs)
	if m.Title != "Ethnic Armenians face no threat, says the spokesman of the ministry" || m.TitleBlock != 4 {
		t.Errorf("title %q at %d", m.Title, m.TitleBlock)
	}
	if m := FromText(blocks.FromText("Just one long paragraph that starts the page without any headline above it, and it goes on for a while with many words in it.\n")); m.TitleBlock != -1 {
		t.Errorf("found a title where there is none: %q", m.Title)
	}
}

// titleOf runs FromText on lines separated by blank lines.
func titleOf(lines ...string) Meta {
	return FromText(blocks.FromText(strings.Join(lines, "\n\n")))
}

const (
	para1 = "The committee met for the third time this year and agreed on a plan that nobody had expected, least of all the minister who had called the meeting in the first place."
	para2 = "We will publish the full report in the spring, together with the figures that the auditors asked us to add, and we will answer every question the readers send us about it."
)

func TestFromTextTitleShapes(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  string
	}{
		{"menu row and caption lose to a short headline",
			[]string{"Auto Design Interview Kosmetik Mode Reisen Schmuck Uhren Magazin", "Davor und Danach", "A view of the harbour - Foto: Jane Doe", para1, para2},
			"Davor und Danach"},
		{"kicker run into the headline and a breadcrumb",
			[]string{"StartseiteKultur\"Wir bauen die Stadt neu\"01.05.2017", "Die Zukunft\"Wir bauen die Stadt neu\"", para1, para2},
			"\"Wir bauen die Stadt neu\""},
		{"teaser list between headline and body",
			[]string{"• Home", "The headline of this interview page", para1,
				"Another story about the harbour and its walls", "A second story about the ferry and the river", "A third story about the market square today", para2, para1 + " Again.", para2 + " Again."},
			"The headline of this interview page"},
		{"image alt text and a credit below the headline",
			[]string{"Leader spotlight: Erin Doe", "Image of Jessica Roe", "Jessica Roe", para1, para2},
			"Leader spotlight: Erin Doe"},
		{"a speaker's first turn below the headline",
			[]string{"The harbour talk", "Fischer: Why did the plan surprise you?", "Berg: " + para1, "Fischer: And what comes next?", "Berg: " + para2, "Fischer: Thank you."},
			"The harbour talk"},
		{"a labelled headline whose label opens no other line",
			[]string{"Menu", "Interview: The harbour master looks ahead", "Fischer: Why did the plan surprise you?", "Berg: " + para1, "Fischer: And then?", "Berg: " + para2, "Fischer: Thank you.", "Interview: The harbour master looks ahead"},
			"Interview: The harbour master looks ahead"},
		{"headline repeated in the page footer",
			[]string{"Share this", "Subscribe now to our weekly magazine", "The Secret to Superhero TV", "By A. Writer", para1, para2, "Printed from", "The Secret to Superhero TV"},
			"The Secret to Superhero TV"},
	}
	for _, c := range cases {
		if m := titleOf(c.lines...); m.Title != c.want {
			t.Errorf("%s: title %q at %d, want %q", c.name, m.Title, m.TitleBlock, c.want)
		}
	}
}

// The word key takes a shortcut for ASCII; it must agree with the plain
// Unicode definition on any input, and with words.ScanASCII's key on ASCII.
func FuzzTextKey(f *testing.F) {
	f.Add("Hello, World! 42 times")
	f.Add("ÄRGER über\u00a0Straße\tİstanbul \x85\xff Ⱥ")
	f.Fuzz(func(t *testing.T, s string) {
		lower := strings.Map(func(r rune) rune {
			if r = unicode.ToLower(r); isWordRune(r) {
				return r
			}
			return ' '
		}, s)
		if got, want := textKey(s), strings.Join(strings.Fields(lower), " "); got != want {
			t.Fatalf("textKey(%q) = %q, want %q", s, got, want)
		}
		if key, _, _ := textwords.ScanASCII(s); textwords.IsASCII(s) && key != textKey(s) {
			t.Fatalf("ScanASCII(%q) key %q, textKey %q", s, key, textKey(s))
		}
	})
}

// A short article with a long comment thread under it: the headline is
// the one above the article, not a line above the comments.
func TestTitleAboveShortArticleWithLongComments(t *testing.T) {
	lines := []string{"Home", "News", "The harbour gets new walls after the storm", para1, para2}
	for i := 0; i < 20; i++ {
		lines = append(lines, "Related story number "+string(rune('a'+i)))
	}
	lines = append(lines, "Comments on the new walls", "Write a comment")
	for i := 0; i < 8; i++ {
		lines = append(lines, "Reader "+string(rune('A'+i))+" wrote on Monday", para2+" "+para1)
	}
	m := titleOf(lines...)
	if m.Title != "The harbour gets new walls after the storm" {
		t.Errorf("title %q at %d", m.Title, m.TitleBlock)
	}
}

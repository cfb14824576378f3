package clean

import "testing"

// A closing call that names the page's own site and speaks to the reader
// goes, with the short line after it; the article stays whole. A firm's
// page that names itself in its text keeps its last paragraph, and a copyright
// notice is a disclaimer. Invented wording, several languages.
func TestSiteAddress(t *testing.T) {
	article := []string{
		"The harbour walls will be raised by two metres before the winter, the council decided on Monday after a long debate about the cost.",
		"Engineers had warned for years that the old stones would not hold another storm like the one that flooded the quay in the spring.",
		"The work will start in May and should be finished within eighteen months, the town's engineer said after the vote.",
	}
	for _, tc := range []struct {
		site, call, after string
	}{
		{"The Coastal Ledger", "Follow The Coastal Ledger on social media and download our app for the latest news.", "All rights belong to their owners"},
		{"Hafenblatt", "Lesen Sie das Hafenblatt jetzt auch digital in unserer App.", "Mehr dazu bald"},
		{"Diario del Puerto", "¿Sabías que Diario del Puerto tiene canal de mensajería? Únete desde tu móvil.", "Hasta pronto"},
		{"Gazette du Port", "Suivez la Gazette du Port sur les réseaux et retrouvez votre port chaque jour.", "À bientôt"},
	} {
		lines := append(append([]string{"Walls for the harbour"}, article...), tc.call, tc.after)
		bs := page(lines...)
		marks := Clean(bs, Context{TitleBlock: 0, SiteNames: siteNames(tc.site)})
		if m := roleOf(t, bs, marks, tc.call); m.Role != Removed || m.Rule != "site-address" {
			t.Errorf("%s: call %q: %+v", tc.site, tc.call, m)
		}
		for _, s := range article {
			if m := roleOf(t, bs, marks, s); m.Role == Removed {
				t.Errorf("%s: article line %q removed: %+v", tc.site, s, m)
			}
		}
	}
	// The site is the page's subject: its last paragraph stays.
	firm := []string{
		"Walls for the harbour",
		"At Stonewright we have built harbour walls for forty years, and Stonewright engineers know every kind of coastal stone there is.",
		article[0], article[1],
		"Talk to Stonewright about your own quay: you will get an answer within a day.",
	}
	bs := page(firm...)
	marks := Clean(bs, Context{TitleBlock: 0, SiteNames: siteNames("Stonewright")})
	if m := roleOf(t, bs, marks, firm[4]); m.Role == Removed {
		t.Errorf("firm's own closing paragraph removed: %+v", m)
	}
	// A name inside a longer word is no name of the site.
	other := append(append([]string{"Walls for the harbour"}, article...), "The harbour people tell you their stories every week.")
	bs = page(other...)
	marks = Clean(bs, Context{TitleBlock: 0, SiteNames: siteNames("Harbo")})
	if m := roleOf(t, bs, marks, other[4]); m.Role == Removed && m.Rule == "site-address" {
		t.Errorf("name inside a word: %+v", m)
	}
}

// A reprint notice is a disclaimer in every language.
func TestCopyrightNotice(t *testing.T) {
	for _, s := range []string{
		"This story is the copyrighted property of the publisher and needs written permission for any reprint.",
		"Nachdruck nur mit schriftlicher Genehmigung des Verlags.",
		"Prohibida su reproducción total o parcial.",
		"Reproduction interdite sans l'accord de l'éditeur.",
		"Перепечатка без согласия редакции запрещена.",
	} {
		if _, re := matches("disclaimer", s); !re {
			t.Errorf("%q: no disclaimer", s)
		}
	}
}

func siteNames(site string) []string {
	var out []string
	for _, n := range []string{Key(site), Key(trimThe(site))} {
		g := ""
		for _, r := range n {
			if r != ' ' {
				g += string(r)
			}
		}
		out = append(out, g)
	}
	return out
}

func trimThe(s string) string {
	if len(s) > 4 && (s[:4] == "The " || s[:4] == "the ") {
		return s[4:]
	}
	return s
}

package clean

import (
	"testing"

	"github.com/qanda/qanda/internal/vocab"
)

// A line that only dates the article (a date, a time, a reading time, a
// label or one category word beside them) goes at the article's edges;
// a date heading a part of the text, a count and a sentence stay.
func TestDateLines(t *testing.T) {
	dated := []string{
		"14. Oktober 2031, 08:12 | Redaktion",
		"Updated: 03.02.2031, 17:45",
		"7 min read",
		"Mardi 4 février 2031",
		"2031-02-04 Lokales",
	}
	text := []string{
		"The ferry to the outer islands will stop running in the winter months, the council said after a long meeting on Tuesday.",
		"Fishermen on the islands fear that the decision cuts them off from the market on the mainland for half of the year.",
		"12 March 2031",
		"On that day the last boat of the season left the harbour with more passengers than it had seats for.",
		"The council promised to review the timetable in the spring, once the new boats have been delivered.",
	}
	lines := append([]string{"Islands lose their winter ferry"}, dated[:4]...)
	lines = append(lines, text...)
	lines = append(lines, dated[4], "3 comments")
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for k, s := range dated {
		// Under the text a dump's footer may take the line first.
		if m := roleOf(t, bs, marks, s); m.Role != Removed || k < 4 && m.Reason != Metadata {
			t.Errorf("date line %q: %+v", s, m)
		}
	}
	for _, s := range text {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("text %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"date-lines": true}})
	if m := roleOf(t, bs, off, dated[0]); m.Role != Content {
		t.Errorf("date-lines off, the date line still goes: %+v", m)
	}
}

func TestDateLine(t *testing.T) {
	v := vocab.Default()
	for s, want := range map[string]bool{
		"Sunday, 5 May 2030":          true,
		"19:30 Uhr":                   true,
		"обновлено 5 мая 2030":        true,
		"Publicado el 5 de mayo":      true,
		"12 min de lecture":           true,
		"2030":                        true,
		"1537":                        false, // a count
		"Page 2 of 5":                 false,
		"Posted by Jane Doe on 5 May": false, // a byline names more
		"Band 14 / Kapitel 121":       false,
	} {
		if got := dateLine(s, v.DateWord); got != want {
			t.Errorf("dateLine(%q) = %v, want %v", s, got, want)
		}
	}
}

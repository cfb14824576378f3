package clean

import "testing"

// A box selling the publication's issues goes: two ways to buy them in a
// longer box, one issue word in a short sentence; a sentence that names an
// issue once among other words stays, and so does a bare menu label.
// Lightbox buttons, a post's permalink line, a "click here" line and a
// table of contents' title are boilerplate.
func TestIssuePromo(t *testing.T) {
	promos := []string{
		"Get the harbour quarterly in our app, in print at the kiosk or as an e-paper on every device you own.",
		"Die neue Ausgabe liegt ab Freitag für Sie bereit!",
		"Filed under Harbours. Bookmark the permalink.",
		"Hier klicken und gratis registrieren!",
		"Bild anzeigen Bild schließen",
		"Table des matières",
	}
	kept := []string{
		"In the current issue of the council's own bulletin, the mayor admitted that the harbour fees had been set far too low for a decade.",
		"Current issue",
	}
	lines := []string{"The harbour quarterly", longA}
	lines = append(lines, promos[:2]...)
	lines = append(lines, kept[0], longB)
	lines = append(lines, promos[2:]...)
	lines = append(lines, kept[1], longC)
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range promos {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Boilerplate {
			t.Errorf("promo %q: %+v", s, m)
		}
	}
	for _, s := range kept {
		// A dump's chrome rules may take the bare label; this rule not.
		if m := roleOf(t, bs, marks, s); m.Rule == "issue-promo" || s == kept[0] && m.Role != Content {
			t.Errorf("kept %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"issue-promo": true}})
	for _, s := range promos[:2] {
		if m := roleOf(t, bs, off, s); m.Role != Content {
			t.Errorf("issue-promo off, %q still goes: %+v", s, m)
		}
	}
}

// A note that the text is published under a licence is the publisher's
// legal note, in any language; a sentence about licences stays.
func TestLicenceNote(t *testing.T) {
	notes := []string{"This story was published under a Creative Commons licence (BY-SA).", "Ce texte est publié sous licence libre."}
	kept := "We argued for years about which licence the harbour archive should use."
	lines := []string{"The harbour archive", longA, notes[0], kept, notes[1], longB, longC}
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, s := range notes {
		if m := roleOf(t, bs, marks, s); m.Role != Removed || m.Reason != Disclaimer {
			t.Errorf("licence note %q: %+v", s, m)
		}
	}
	if m := roleOf(t, bs, marks, kept); m.Role != Content {
		t.Errorf("%q: %+v", kept, m)
	}
}

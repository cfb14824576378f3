package clean

import "testing"

// A teaser card in the middle of an interview's text dump, its summary
// ending with the link word after the last sentence or a cut, goes with
// its headline, in several languages; a download line ending with a file
// size goes with its label. The speakers' turns around them stay, and so
// do sentences that merely end in the word or name a size.
func TestMoreAndDownloadLinks(t *testing.T) {
	cards := [][2]string{
		{"The lighthouse keeper retires", "After forty years on the rock the keeper hands over the keys and tells us what the light has seen. more"},
		{"Der Leuchtturm bekommt einen Wärter", "Nach vierzig Jahren übergibt der Wärter die Schlüssel und erzählt, was das Licht gesehen hat… weiterlesen"},
		{"Le phare change de gardien", "Après quarante ans sur le rocher, le gardien rend les clés et raconte ce que la lumière a vu. Lire la suite"},
		{"El faro cambia de guardián", "Tras cuarenta años en la roca, el guardián entrega las llaves y cuenta lo que ha visto la luz... leer más"},
	}
	downloads := [][2]string{
		{"Save this script as a PDF", "Download (PDF 123 KB)"},
		{"Das Gespräch zum Herunterladen", "2,4 MB"},
	}
	keep := []string{
		"Berg: We will need more.",
		"Fischer: Wie groß ist die Datei mit den Plänen?",
		"Berg: Die Pläne sind als Datei 12 MB groß, und jeder kann sie im Rathaus ansehen.",
	}
	// One box after each answer, as a page sets them between paragraphs.
	in := labelledInterview()
	boxes := append(append([][2]string{}, cards...), downloads...)
	lines := []string{in[0]}
	for k, l := range in[1 : len(in)-1] {
		lines = append(lines, l)
		if k%2 == 1 && len(boxes) > 0 {
			lines = append(lines, boxes[0][0], boxes[0][1])
			boxes = boxes[1:]
		}
	}
	for _, b := range boxes {
		lines = append(lines, b[0], b[1], in[1])
	}
	lines = append(lines, keep...)
	bs := page(lines...)
	marks := Clean(bs, Context{TitleBlock: 0})
	for _, c := range cards {
		for _, s := range c {
			if m := roleOf(t, bs, marks, s); m.Rule != "more-links" {
				t.Errorf("card line %q: %+v", s, m)
			}
		}
	}
	for _, d := range downloads {
		for _, s := range d {
			if m := roleOf(t, bs, marks, s); m.Rule != "download-links" {
				t.Errorf("download line %q: %+v", s, m)
			}
		}
	}
	for _, s := range append(keep, in[1:len(in)-1]...) {
		if m := roleOf(t, bs, marks, s); m.Role != Content {
			t.Errorf("speaker's line %q: %+v", s, m)
		}
	}
	off := Clean(bs, Context{TitleBlock: 0, Disabled: map[string]bool{"more-links": true, "download-links": true}})
	for _, s := range []string{cards[0][1], downloads[1][1]} {
		if m := roleOf(t, bs, off, s); m.Role != Content {
			t.Errorf("rules off, %q still removed: %+v", s, m)
		}
	}
}

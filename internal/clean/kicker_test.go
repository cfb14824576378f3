package clean_test

import (
	"strings"
	"testing"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
)

// A series kicker that a dump glued onto the intro's first word goes as
// navigation; the intro and the exchanges stay whole.
func TestGluedKickers(t *testing.T) {
	const intro = "The town rebuilt its harbour after the storm, and the woman who led the work tells us how the money was found and what comes next for the old ferry terminal."
	for _, kicker := range []string{"harbour talks friday", "unsere hafenreihe am freitag"} {
		lines := append([]string{"A headline about the interview here", kicker + intro}, harbourQA()...)
		bs := blocks.FromText(strings.Join(lines, "\n\n"))
		marks := clean.Clean(bs, clean.Context{TitleBlock: 0})
		if m := roleOf(t, bs, marks, kicker); m.Role != clean.Removed || m.Rule != "glued-kickers" {
			t.Errorf("%q: %+v, want removed by glued-kickers", kicker, m)
		}
		for _, l := range append([]string{intro}, harbourQA()...) {
			if m := roleOf(t, bs, marks, l); m.Role != clean.Content {
				t.Errorf("%q: %+v, want content", l, m)
			}
		}
	}
}

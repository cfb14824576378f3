package qanda

import (
	"testing"

	"github.com/qanda/qanda/internal/blocks"
)

// A headline is found under a title that adds the site's name before or
// after it; a heading that shares only a word or two with the title is
// not taken, nor one that leaves more than a site's name over.
func TestTitleBlockSiteName(t *testing.T) {
	bs := []blocks.Block{
		{Kind: blocks.Heading, Text: "Latest news"},
		{Kind: blocks.Paragraph, Text: "Behind the scenes of the harbour"},
		{Kind: blocks.Heading, Text: "Behind the scenes of the harbour"},
	}
	for _, c := range []struct {
		title string
		want  int
	}{
		{"harbour.net: Behind the scenes of the harbour", 2},
		{"Behind the scenes of the harbour – Coast Weekly", 2},
		{"Behind the scenes of the harbour", 2},
		{"Behind the scenes of the harbour and what the town council plans for it", -1},
		{"Latest news from the harbour", -1},
	} {
		if got := titleBlock(bs, c.title); got != c.want {
			t.Errorf("title %q: block %d, want %d", c.title, got, c.want)
		}
	}
}

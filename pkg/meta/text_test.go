package meta

import (
	"testing"

	"github.com/qanda/qanda/pkg/blocks"
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

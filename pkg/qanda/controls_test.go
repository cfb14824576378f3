package qanda

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// Control characters in page text (raw bytes, character references, C1
// controls encoded in UTF-8) reach no output, are listed in removed, and
// the text around them is kept verbatim.
func TestControlCharactersNeverReachOutput(t *testing.T) {
	esc := "\x1b"
	pages := map[string]string{
		"page.html": "<html><head><title>Talk" + esc + "[2J about maps</title></head><body>" +
			"<h1>Talk about maps</h1><p>An invented interviewer spoke" + esc + "]52;c;aGVsbG8=\x07 with an invented cartographer &#27;[31mabout old maps.</p>" +
			"<p><b>Q: Why do old maps\x07 matter?</b></p>" +
			"<p>A: They show what people\u0085 believed about the world.</p>" +
			"<p><b>Q: Which one do you like best?</b></p>" +
			"<p>A: A river chart\x7f that nobody could use.\x01</p></body></html>",
		"page.txt": "Talk about maps\r\n\r\nAn invented interviewer spoke" + esc + "]52;c;aGVsbG8=\x07 with an invented cartographer " + esc + "[31mabout old maps.\r\n\r\n" +
			"Q: Why do old maps\x07 matter?\r\n\r\n" +
			"A: They show what people\u0085 believed about the world.\r\n\r\n" +
			"Q: Which one do you like best?\f\nA: A river chart\x7f that nobody could use.\x01\r\n",
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			d := extractString(t, name, page)
			if len(d.Exchanges) != 2 {
				t.Fatalf("%d exchanges, want 2: %+v", len(d.Exchanges), d.Exchanges)
			}
			if got := d.Exchanges[1].Answer.Text; !strings.Contains(got, "A river chart that nobody could use.") {
				t.Errorf("answer %q: the text around a removed character must stay verbatim", got)
			}
			if got := d.Exchanges[0].Question.Text; got != "Why do old maps matter?" {
				t.Errorf("question %q: only the control characters may go", got)
			}
			if got := d.Intro[0]; !strings.Contains(got, "spoke]52;c;aGVsbG8= with an invented cartographer [31mabout") {
				t.Errorf("intro %q: only the control characters may go", got)
			}
			counted := 0
			for _, r := range d.Removed {
				if r.Reason != ReasonControl {
					continue
				}
				if !strings.HasPrefix(r.Text, "U+") || r.Count < 1 || r.Rule != "control-characters" {
					t.Errorf("ledger entry %+v: want the code point's name, a count and the rule", r)
				}
				counted += r.Count
			}
			if counted == 0 || counted != d.Stats.ControlCharacters {
				t.Errorf("removed lists %d control characters, stats %d", counted, d.Stats.ControlCharacters)
			}
			checkLedger(t, d)
			for _, f := range []string{"json", "jsonl", "md", "text", "csv", "csv-raw"} {
				var b bytes.Buffer
				if err := Render(&b, d, Format(f)); err != nil {
					t.Fatal(err)
				}
				assertNoControls(t, f, b.String())
			}
			var e bytes.Buffer
			d0, err := source.Read(name, strings.NewReader(page), source.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ex, err := Explain(context.Background(), d0, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := render.Explain(&e, ex.Doc, ex.PageText(), render.ExplainOptions{}); err != nil {
				t.Fatal(err)
			}
			assertNoControls(t, "explain", e.String())
		})
	}
}

func assertNoControls(t *testing.T, format, out string) {
	t.Helper()
	for i, r := range out {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (0x80 <= r && r <= 0x9f) {
			t.Errorf("%s: control character U+%04X at byte %d: %q", format, r, i, out[max(0, i-20):min(len(out), i+20)])
			return
		}
	}
}

func TestRefersToControls(t *testing.T) {
	for in, want := range map[string]bool{
		"plain text": false, "&#8217; &#x2019; &amp;": false, "&#27;": true, "&#x1B;": true,
		"&#X9b;": true, "&#127": true, "a &# b": false, "&#160;&#32;": false, "&#0;": true,
	} {
		if got := refersToControls([]byte(in)); got != want {
			t.Errorf("refersToControls(%q) = %v, want %v", in, got, want)
		}
	}
}

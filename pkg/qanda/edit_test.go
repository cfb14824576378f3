package qanda

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/qanda/qanda/pkg/render"
)

// editPage is an invented labelled interview with a subscription box
// between two exchanges.
const editPage = `The harbour talk

The harbour master has run the port for eleven years and now faces the biggest rebuild since the war, so we asked her about it.

Fischer: Why did the plan surprise you?

Berg: Because the committee met for the third time this year and agreed on a plan that nobody had expected, least of all the minister.

Subscribe to our newsletter for weekly harbour stories

Fischer: What comes next for the harbour?

Berg: We publish the whole report in spring, with the numbers the auditors still asked for.

Then the works begin, if the winter is kind.

Fischer: Who pays for the new walls?

Berg: The state pays half, the federal government a third, and the city the rest from its harbour fees.
`

var editTime = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

func editDoc(t *testing.T) *Document {
	t.Helper()
	d, err := fromReader("talk.txt", strings.NewReader(editPage), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Exchanges) != 3 {
		t.Fatalf("%d exchanges, want 3", len(d.Exchanges))
	}
	return d
}

// ledger checks that every block is still kept or removed once.
func ledger(t *testing.T, d *Document) {
	t.Helper()
	n := d.Stats.Kept
	for _, c := range d.Stats.Removed {
		n += c
	}
	if n != d.Stats.BlocksIn {
		t.Errorf("ledger: kept %d + removed %v != %d blocks in", d.Stats.Kept, d.Stats.Removed, d.Stats.BlocksIn)
	}
	if d.Stats.Exchanges != len(d.Exchanges) {
		t.Errorf("stats say %d exchanges, there are %d", d.Stats.Exchanges, len(d.Exchanges))
	}
	for k, x := range d.Exchanges {
		if x.N != k+1 || x.Answer.Text != strings.Join(x.Answer.Paragraphs, "\n\n") {
			t.Errorf("exchange %d: n %d, answer text out of step with its paragraphs", k+1, x.N)
		}
	}
}

func TestEditSplitThenMerge(t *testing.T) {
	d := editDoc(t)
	before := d.Exchanges[1]
	if err := ApplyEdit(d, Edit{Op: "split", Exchange: 2, Paragraph: 2}, editTime); err != nil {
		t.Fatal(err)
	}
	if len(d.Exchanges) != 4 || d.Exchanges[2].Question.Text != "Then the works begin, if the winter is kind." || len(d.Exchanges[1].Answer.Paragraphs) != 1 {
		t.Fatalf("after split: %+v", d.Exchanges)
	}
	ledger(t, d)
	if err := ApplyEdit(d, Edit{Op: "merge", Exchange: 2}, editTime); err != nil {
		t.Fatal(err)
	}
	if len(d.Exchanges) != 3 || d.Exchanges[1].Answer.Text != before.Answer.Text {
		t.Errorf("split then merge does not give the answer back: %q", d.Exchanges[1].Answer.Text)
	}
	ledger(t, d)
	if len(d.Edits) != 2 || d.Edits[0].Op != "split" || d.Edits[1].At != "2026-12-07T10:00:00Z" {
		t.Errorf("edits %+v", d.Edits)
	}
}

func TestEditRestoreAndRename(t *testing.T) {
	d := editDoc(t)
	if len(d.Removed) == 0 {
		t.Fatal("nothing removed")
	}
	box := d.Removed[0]
	kept := d.Stats.Kept
	if err := ApplyEdit(d, Edit{Op: "restore", Exchange: 1, Text: box.Text}, editTime); err != nil {
		t.Fatal(err)
	}
	a := d.Exchanges[0].Answer.Paragraphs
	if a[len(a)-1] != box.Text || d.Stats.Kept != kept+1 {
		t.Errorf("restore: answer %q, kept %d", a, d.Stats.Kept)
	}
	for _, r := range d.Removed {
		if r.Text == box.Text && r.Count >= box.Count {
			t.Error("the restored text is still counted as removed")
		}
	}
	ledger(t, d)
	who := d.Exchanges[0].Answer.Speakers[0]
	if err := ApplyEdit(d, Edit{Op: "rename", From: who, To: "Anna Berg"}, editTime); err != nil {
		t.Fatal(err)
	}
	for _, x := range d.Exchanges {
		if strings.Join(x.Answer.Speakers, ",") != "Anna Berg" {
			t.Errorf("speakers after rename: %v", x.Answer.Speakers)
		}
	}
	var md, txt bytes.Buffer
	render.Markdown(&md, d)
	render.Text(&txt, d)
	for _, out := range []string{md.String(), txt.String()} {
		if !strings.Contains(out, "Edited by hand (2): a removed text restored to exchange 1; speaker") {
			t.Errorf("the output does not say it was edited:\n%s", out)
		}
	}
	// The edited document still meets the schema.
	var js bytes.Buffer
	render.JSON(&js, d)
	sch, err := jsonschema.UnmarshalJSON(bytes.NewReader(render.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AddResource("s.json", sch)
	s, err := c.Compile("s.json")
	if err != nil {
		t.Fatal(err)
	}
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(js.Bytes()))
	if err := s.Validate(v); err != nil {
		t.Errorf("edited document fails the schema: %v", err)
	}
	var back Document
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back.Edits) != 2 {
		t.Errorf("edits do not round-trip: %v %+v", err, back.Edits)
	}
}

func TestEditErrors(t *testing.T) {
	for _, e := range []Edit{
		{Op: "merge", Exchange: 3},
		{Op: "merge", Exchange: 0},
		{Op: "split", Exchange: 1, Paragraph: 1},
		{Op: "split", Exchange: 9, Paragraph: 2},
		{Op: "restore", Exchange: 1, Text: "never removed"},
		{Op: "rename", From: "Nobody", To: "Someone"},
		{Op: "rename", From: "", To: "Someone"},
		{Op: "delete", Exchange: 1},
	} {
		d := editDoc(t)
		before, _ := json.Marshal(d)
		err := ApplyEdit(d, e, editTime)
		if !errors.Is(err, ErrBadEdit) {
			t.Errorf("%+v: error %v, want ErrBadEdit", e, err)
		}
		if after, _ := json.Marshal(d); !bytes.Equal(before, after) {
			t.Errorf("%+v: a refused edit changed the document", e)
		}
	}
}

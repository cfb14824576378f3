package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// ANSI codes used by Explain when colour is on.
const (
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiCyan  = "\x1b[36m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

// explainMaxRunes bounds a removed text in the list; the diff shows it whole.
const explainMaxRunes = 100

// ExplainOptions tunes Explain. Color adds ANSI colours; the CLI sets it only
// when stdout is a terminal.
type ExplainOptions struct {
	Color bool
}

// Explain writes a human report of what was removed from the page and why:
// the ledger (blocks in = kept + removed, by reason), every removed text with
// its reason and count, and a line diff from pageText (the page's text, one
// block per line, as the caller extracted it) to CleanText(d).
//
// Diff lines are prefixed "- " (only on the page: removed), "  " (kept),
// "+ " (only in the clean text) and "m " (removed from the text because it
// is a caption or credit now listed under media).
func Explain(w io.Writer, d *Document, pageText string, opt ExplainOptions) error {
	if err := checkDoc(d); err != nil {
		return err
	}
	paint := func(code, s string) string {
		if !opt.Color || s == "" {
			return s
		}
		return code + s + ansiReset
	}
	var b strings.Builder

	// (a) header and ledger.
	name := d.Source.Name
	if name == "" {
		name = d.Source.URL
	}
	b.WriteString(paint(ansiBold, "explain: "+name) + "\n")
	reasons := make([]string, 0, len(d.Stats.Removed))
	removed := 0
	for r, n := range d.Stats.Removed {
		reasons = append(reasons, r)
		removed += n
	}
	sort.Strings(reasons)
	fmt.Fprintf(&b, "blocks in %d = kept %d + removed %d\n", d.Stats.BlocksIn, d.Stats.Kept, removed)
	if d.Stats.BlocksIn != d.Stats.Kept+removed {
		// Every block must end somewhere; say so loudly when one did not.
		b.WriteString(paint(ansiRed, fmt.Sprintf("ledger does not balance: %d blocks unaccounted for",
			d.Stats.BlocksIn-d.Stats.Kept-removed)) + "\n")
	}
	for _, r := range reasons {
		fmt.Fprintf(&b, "  %s: %d\n", r, d.Stats.Removed[r])
	}

	// (b) removed texts.
	fmt.Fprintf(&b, "\nremoved texts (%d):\n", len(d.Removed))
	for _, r := range d.Removed {
		tag := r.Reason
		if r.Rule != "" && r.Rule != r.Reason {
			tag += "/" + r.Rule // reason/rule, once when they are one name
		}
		meta := fmt.Sprintf("[%s] x%d", tag, r.Count)
		if r.DuplicateOf != "" {
			meta += " (duplicate of " + r.DuplicateOf + ")"
		}
		b.WriteString(paint(ansiDim, meta) + " " + truncate(oneLine(r.Text), explainMaxRunes) + "\n")
	}

	// (c) the diff.
	if strings.TrimSpace(pageText) == "" {
		b.WriteString("\nno page text given: no diff\n")
	} else {
		b.WriteString("\n" + paint(ansiCyan, `diff page -> clean ("- " removed, "  " kept, "+ " added, "m " moved to media):`) + "\n")
		media := map[string]bool{}
		for _, m := range d.Media {
			media[oneLine(m.Caption)] = true
			media[oneLine(m.Credit)] = true
			media[oneLine(m.Caption+" "+m.Credit)] = true
		}
		delete(media, "")
		for _, l := range diffLines(textLines(pageText), CleanText(d)) {
			switch {
			case l.op == diffmatchpatch.DiffEqual:
				b.WriteString("  " + l.text + "\n")
			case l.op == diffmatchpatch.DiffInsert:
				b.WriteString(paint(ansiGreen, "+ "+l.text) + "\n")
			case media[l.text]:
				b.WriteString(paint(ansiDim, "m "+l.text) + "\n")
			default:
				b.WriteString(paint(ansiRed, "- "+l.text) + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CleanText is the kept text of d, one block per line in reading order:
// title, intro, then per exchange topic, label, question and answer
// paragraphs, then the outro. White space inside a block is collapsed to
// single spaces. Explain diffs the page text against it.
func CleanText(d *Document) string {
	if d == nil {
		return ""
	}
	var b strings.Builder
	add := func(s string) {
		if s = oneLine(s); s != "" {
			b.WriteString(s + "\n")
		}
	}
	if d.Title != nil {
		add(*d.Title)
	}
	for _, p := range d.Intro {
		add(p)
	}
	for _, e := range d.Exchanges {
		add(deref(e.Topic))
		add(deref(e.Question.Label))
		add(e.Question.Text)
		for _, p := range answerParagraphs(e.Answer) {
			add(p)
		}
	}
	for _, p := range d.Outro {
		add(p)
	}
	return b.String()
}

// textLines normalises a page text the way CleanText does: one block per
// line, inner white space collapsed, blank lines dropped, so that only real
// differences show in the diff.
func textLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if l = oneLine(l); l != "" {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// diffLine is one line of a line diff, without its newline.
type diffLine struct {
	op   diffmatchpatch.Operation
	text string
}

// diffLines diffs a and b line by line: diffmatchpatch's line mode maps each
// distinct line to one rune, diffs the runes and maps them back.
func diffLines(a, b string) []diffLine {
	dmp := diffmatchpatch.New()
	// No time limit: a cut-off diff would make the output depend on the
	// machine's speed, and line mode keeps even long pages fast.
	dmp.DiffTimeout = 0
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	var out []diffLine
	for _, df := range diffs {
		for _, l := range strings.SplitAfter(df.Text, "\n") {
			if l == "" {
				continue
			}
			out = append(out, diffLine{op: df.Type, text: strings.TrimSuffix(l, "\n")})
		}
	}
	return out
}

// truncate shortens s to at most max runes, the last one an ellipsis.
func truncate(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max-1]) + "…"
}

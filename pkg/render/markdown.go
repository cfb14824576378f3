package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Markdown writes d as a readable Markdown transcript: the title as "#", an
// italic metadata line, the intro, a "##" heading per exchange (its topic, or
// "Question n"), the question in bold after its speaker, the answer with the
// speakers' names, then the outro after a rule and the media as a list.
//
// Source text is escaped wherever Markdown would read it as markup, so the
// transcript reads the same in any viewer: "1. " at the start of a paragraph
// stays text, "*stars*" stays stars.
func Markdown(w io.Writer, d *Document) error {
	if err := checkDoc(d); err != nil {
		return err
	}
	var blocks []string
	add := func(b ...string) {
		for _, s := range b {
			if s != "" {
				blocks = append(blocks, s)
			}
		}
	}

	title := "Untitled"
	if d.Title != nil && oneLine(*d.Title) != "" {
		title = *d.Title
	}
	add("# " + mdHeading(title))
	if m := metaLine(d); m != "" {
		add("*" + mdInline(m) + "*")
	}
	for _, p := range d.Intro {
		add(mdParagraphs(p)...)
	}

	for i, e := range d.Exchanges {
		heading := exchangeHeading(e, i)
		add("## " + mdHeading(heading))
		if e.Question.Label != nil {
			// A label that only names the speaker ("Fischer") says nothing
			// the bold speaker does not.
			if l := oneLine(*e.Question.Label); l != "" && l != oneLine(heading) && !namesSpeaker(l, e.Question.Speaker) {
				add("*" + mdInline(l) + "*")
			}
		}
		add(mdQuestion(e.Question))
		paras := answerParagraphs(e.Answer)
		var md []string
		for _, p := range paras {
			md = append(md, mdParagraphs(p)...)
		}
		if who := speakers(e.Answer.Speakers); who != "" {
			prefix := "**" + mdInline(who) + ":**"
			if len(md) == 0 {
				md = []string{prefix}
			} else {
				md[0] = prefix + " " + md[0]
			}
		}
		add(md...)
	}

	if len(nonEmpty(d.Outro)) > 0 {
		add("---")
		for _, p := range d.Outro {
			add(mdParagraphs(p)...)
		}
	}

	if items := mediaItems(d.Media); len(items) > 0 {
		add("## Media")
		for i, it := range items {
			// A list item starting with "1." or "#" would nest a list or a
			// heading inside the item; mdLineStart prevents that.
			items[i] = "- " + mdLineStart(mdInline(it))
		}
		add(strings.Join(items, "\n"))
	}
	if e := editsLine(d); e != "" {
		add("*" + mdInline(e) + "*")
	}

	_, err := io.WriteString(w, strings.Join(blocks, "\n\n")+"\n")
	return err
}

// mdQuestion renders the question in bold, after its speaker if known.
func mdQuestion(q Question) string {
	text := oneLine(q.Text)
	speaker := ""
	if q.Speaker != nil {
		speaker = oneLine(*q.Speaker)
	}
	var parts []string
	if speaker != "" {
		parts = append(parts, "**"+mdInline(speaker)+":**")
	}
	// An empty "****" would be a thematic break, so only wrap real text.
	if text != "" {
		parts = append(parts, "**"+mdInline(text)+"**")
	}
	return strings.Join(parts, " ")
}

// editsLine says what a person changed by hand, in order, or "" when
// nothing was: a transcript that was fixed says so wherever it goes.
func editsLine(d *Document) string {
	if len(d.Edits) == 0 {
		return ""
	}
	var parts []string
	for _, e := range d.Edits {
		switch e.Op {
		case "merge":
			parts = append(parts, fmt.Sprintf("exchanges %d and %d merged", e.Exchange, e.Exchange+1))
		case "split":
			parts = append(parts, fmt.Sprintf("exchange %d split at answer paragraph %d", e.Exchange, e.Paragraph))
		case "restore":
			where := "the intro"
			if e.Exchange > 0 {
				where = fmt.Sprintf("exchange %d", e.Exchange)
			}
			parts = append(parts, "a removed text restored to "+where)
		case "rename":
			parts = append(parts, fmt.Sprintf("speaker %q renamed %q", e.From, e.To))
		}
	}
	return fmt.Sprintf("Edited by hand (%d): %s.", len(d.Edits), strings.Join(parts, "; "))
}

// metaLine joins the known metadata, e.g.
// "Interviewer: X · Interviewee: Y · Language: en · Source: page.html".
func metaLine(d *Document) string {
	var parts []string
	add := func(label string, v *string) {
		if v != nil && oneLine(*v) != "" {
			parts = append(parts, label+": "+oneLine(*v))
		}
	}
	addList := func(one, many string, vs []string) {
		vs = nonEmpty(vs)
		switch len(vs) {
		case 0:
		case 1:
			parts = append(parts, one+": "+oneLine(vs[0]))
		default:
			for i := range vs {
				vs[i] = oneLine(vs[i])
			}
			parts = append(parts, many+": "+strings.Join(vs, ", "))
		}
	}
	m := d.Meta
	add("Interviewer", m.Interviewer)
	addList("Interviewee", "Interviewees", m.Interviewees)
	addList("Author", "Authors", m.Authors)
	add("Site", m.Site)
	add("Published", m.Published)
	add("Language", m.Language)
	source := d.Source.Name
	if source == "" {
		source = d.Source.URL
	}
	add("Source", &source)
	return strings.Join(parts, " · ")
}

// exchangeHeading is the topic of e, or "Question n" without one.
func exchangeHeading(e Exchange, i int) string {
	if e.Topic != nil && oneLine(*e.Topic) != "" {
		return *e.Topic
	}
	n := e.N
	if n < 1 {
		n = i + 1
	}
	return "Question " + strconv.Itoa(n)
}

// answerParagraphs returns the answer's paragraphs, falling back to Text
// split at blank lines for documents built without Paragraphs.
func answerParagraphs(a Answer) []string {
	if len(a.Paragraphs) > 0 {
		return a.Paragraphs
	}
	return nonEmpty(strings.Split(a.Text, "\n\n"))
}

// speakers joins several answering speakers with " / ".
func speakers(names []string) string {
	names = nonEmpty(names)
	for i := range names {
		names[i] = oneLine(names[i])
	}
	return strings.Join(names, " / ")
}

// mediaItems renders each media entry as "caption — credit" (or the part
// that exists), skipping empty ones.
func mediaItems(media []Media) []string {
	var items []string
	for _, m := range media {
		parts := nonEmpty([]string{m.Caption, m.Credit})
		for i := range parts {
			parts[i] = oneLine(parts[i])
		}
		if len(parts) > 0 {
			items = append(items, strings.Join(parts, " — "))
		}
	}
	return items
}

// nonEmpty returns a new slice of the strings in ss that are not blank; the
// copy lets callers rewrite its elements without touching the Document.
func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// oneLine collapses runs of ASCII white space (newlines included) to single
// spaces and trims all white space at the ends, for places where a line
// break would end the construct: headings, bold questions, list items,
// single-line text output. Inner non-ASCII spaces such as the no-break
// space are kept: they carry meaning ("10 km").
func oneLine(s string) string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	})
	// Trimming Unicode space at the ends also keeps "**" flanking rules
	// intact: "** q\u00a0**" would not be bold.
	return strings.TrimSpace(strings.Join(fields, " "))
}

// mdParagraphs turns one source paragraph into Markdown paragraphs: blank
// lines inside it separate paragraphs, other line breaks stay soft breaks,
// and every line is escaped so it cannot start a block of its own.
func mdParagraphs(p string) []string {
	var out, lines []string
	flush := func() {
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
			lines = nil
		}
	}
	for _, l := range strings.Split(p, "\n") {
		// Leading spaces would make an indented code block and two trailing
		// spaces a hard break: neither is in the source's meaning.
		l = oneLine(l)
		if l == "" {
			flush()
			continue
		}
		lines = append(lines, mdLineStart(mdInline(l)))
	}
	flush()
	return out
}

// mdHeading escapes heading text; "#" is escaped everywhere because a
// trailing run of "#" would be taken as the heading's closing sequence.
func mdHeading(s string) string {
	return strings.ReplaceAll(mdInline(oneLine(s)), "#", `\#`)
}

// mdInline backslash-escapes the characters that start inline markup:
// emphasis, code, links, HTML, strikethrough, table cells (GFM) and entity
// references. All are ASCII punctuation, which CommonMark lets us escape.
func mdInline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<', '~', '|':
			b.WriteByte('\\')
		case '&':
			// "&amp;" in the source must not render as "&".
			if looksLikeEntity(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// looksLikeEntity reports whether s (starting with '&') begins with
// something a Markdown renderer could decode as an entity: &name; or &#123;.
// Over-matching is harmless: it only adds a backslash that renders as nothing.
func looksLikeEntity(s string) bool {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 40 {
		return false
	}
	for i, c := range []byte(s[1:end]) {
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && !(i == 0 && c == '#') {
			return false
		}
	}
	return true
}

// mdLineStart escapes what would make a line (already inline-escaped) start
// a block: a heading (#), quote (>), list item or rule (-, +), setext
// underline (=), an ordered list ("1." or "1)") or a GFM table delimiter
// row (":-"). "*", "_" and "|" are already escaped by mdInline.
func mdLineStart(l string) string {
	if l == "" {
		return l
	}
	switch l[0] {
	case '#', '>', '-', '+', '=', ':':
		return `\` + l
	}
	digits := 0
	for digits < len(l) && l[digits] >= '0' && l[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(l) && (l[digits] == '.' || l[digits] == ')') {
		return fmt.Sprintf(`%s\%s`, l[:digits], l[digits:])
	}
	return l
}

// namesSpeaker reports whether a label is the speaker's name or surname.
func namesSpeaker(label string, speaker *string) bool {
	if speaker == nil {
		return false
	}
	sp := oneLine(*speaker)
	return label == sp || strings.HasSuffix(sp, " "+label)
}

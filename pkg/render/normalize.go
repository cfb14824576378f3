package render

import "errors"

// checkDoc rejects a nil *Document: a caller bug, reported as an error rather
// than a panic in the middle of a batch.
func checkDoc(d *Document) error {
	if d == nil {
		return errors.New("render: nil document")
	}
	return nil
}

// normalized returns a copy of d in which every nil slice or map that the
// schema declares as an array or object is empty, so the JSON never carries
// null where consumers expect [] or {}. d itself is not changed: writers must
// not mutate their input, and may run concurrently on the same Document.
func normalized(d *Document) Document {
	c := *d
	if c.Schema == "" {
		c.Schema = SchemaVersion
	}
	c.Intro = nonNil(c.Intro)
	c.Outro = nonNil(c.Outro)
	c.Media = nonNil(c.Media)
	c.Warnings = nonNil(c.Warnings)
	c.Meta.Authors = nonNil(c.Meta.Authors)
	c.Meta.Interviewees = nonNil(c.Meta.Interviewees)

	// Exchanges and removed entries hold slices of their own; copy the outer
	// slice before fixing them so the caller's elements stay untouched.
	c.Exchanges = make([]Exchange, len(d.Exchanges))
	for i, e := range d.Exchanges {
		e.Answer.Paragraphs = nonNil(e.Answer.Paragraphs)
		e.Answer.Speakers = nonNil(e.Answer.Speakers)
		c.Exchanges[i] = e
	}
	c.Removed = make([]Removed, len(d.Removed))
	for i, r := range d.Removed {
		r.Blocks = nonNil(r.Blocks)
		c.Removed[i] = r
	}
	if c.Stats.Removed == nil {
		c.Stats.Removed = map[string]int{}
	}
	return c
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

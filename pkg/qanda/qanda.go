package qanda

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/qanda/qanda/pkg/blocks"
	"github.com/qanda/qanda/pkg/clean"
	"github.com/qanda/qanda/pkg/interview"
	"github.com/qanda/qanda/pkg/meta"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// Document is the result for one input (the JSON contract).
type Document = render.Document

// ErrParse wraps failures to parse a document that was read correctly.
var ErrParse = errors.New("cannot parse document")

// Options tune one extraction.
type Options struct {
	MaxBytes int64 // input size limit; 0 means source.DefaultMaxBytes

	// Site, when set, removes the boilerplate a batch learned for the
	// page's host (see clean.SiteModel); nil removes none.
	Site *clean.SiteModel
}

// Extraction is a Document together with the blocks it was built from, for
// callers that explain or test the result.
type Extraction struct {
	Doc        *Document
	Blocks     []blocks.Block
	Marks      []clean.Mark
	Transcript interview.Transcript
}

// PageText is the page's text as qanda read it: one block per line.
func (e *Extraction) PageText() string {
	var b strings.Builder
	for _, bl := range e.Blocks {
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// FromReader reads one document from r; name is used in messages and
// output.
func FromReader(name string, r io.Reader, opt Options) (*Document, error) {
	d, err := source.Read(name, r, source.Options{MaxBytes: opt.MaxBytes})
	if err != nil {
		return nil, err
	}
	return FromDocument(d, opt)
}

// FromFile reads one document from a file.
func FromFile(path string, opt Options) (*Document, error) {
	d, err := source.Open(path, source.Options{MaxBytes: opt.MaxBytes})
	if err != nil {
		return nil, err
	}
	return FromDocument(d, opt)
}

// FromDocument structures a decoded document.
func FromDocument(d *source.Doc, opt Options) (*Document, error) {
	e, err := Extract(d, opt)
	if err != nil {
		return nil, err
	}
	return e.Doc, nil
}

// Extract runs the pipeline on a decoded document.
func Extract(d *source.Doc, opt Options) (*Extraction, error) {
	bs, m, err := parse(d)
	if err != nil {
		return nil, err
	}
	marks := clean.Clean(bs, clean.Context{TitleBlock: m.TitleBlock, HTML: d.Format == source.HTML})
	opt.Site.Apply(pageURL(d, m), bs, marks)
	t := interview.Build(interview.Input{Blocks: bs, Marks: marks, Title: m.Title, Language: m.Language})
	return &Extraction{Doc: assemble(d, bs, m, marks, t), Blocks: bs, Marks: marks, Transcript: t}, nil
}

// parse splits a document into blocks and reads its metadata.
func parse(d *source.Doc) ([]blocks.Block, meta.Meta, error) {
	var bs []blocks.Block
	var m meta.Meta
	if d.Format == source.HTML {
		gq, err := goquery.NewDocumentFromReader(bytes.NewReader(d.Body))
		if err != nil {
			return nil, m, fmt.Errorf("%s: %w (%v); the page is not well-formed enough to read, try its text dump (w3m -dump)", d.Name, ErrParse, err)
		}
		bs = blocks.FromHTML(gq)
		m = meta.FromHTML(gq)
		m.TitleBlock = titleBlock(bs, m.Title)
	} else {
		bs = blocks.FromText(string(d.Body))
		m = meta.FromText(bs)
		m.Language = meta.DetectLanguage(string(d.Body))
	}
	return bs, m, nil
}

// pageURL is the address that identifies a page for site learning: where
// it was fetched or archived from, else the canonical URL it declares.
func pageURL(d *source.Doc, m meta.Meta) string {
	if d.URL != "" {
		return d.URL
	}
	return m.Canonical
}

// titleBlock finds the block that prints the page's title (its headline),
// so it is not repeated in the text.
func titleBlock(bs []blocks.Block, title string) int {
	key := clean.Key(title)
	if key == "" {
		return -1
	}
	for i, b := range bs {
		if b.Kind == blocks.Heading && clean.Key(b.Text) == key {
			return i
		}
	}
	return -1
}

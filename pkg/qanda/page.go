package qanda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/pkg/source"
)

// Page is a document read, parsed and cleaned: the first half of an
// extraction, before site boilerplate is removed and the interview is
// built. A distributed batch that learns its sites prepares each page once
// (PreparePage), shows it to a SiteLearner (LearnPage), carries it between
// workers (MarshalBinary, a fraction of the HTML's size) and finishes it
// with ExtractPage, so that no page is parsed twice. ExtractPage(PreparePage(d))
// gives the Document ExtractDoc(d) gives.
type Page struct {
	s spilled
}

// PreparePage parses and cleans d within opt's limits (Timeout applies to
// this half and to ExtractPage's separately). Its errors are ExtractDoc's.
func PreparePage(ctx context.Context, d *source.Doc, opt Options) (*Page, error) {
	c, err := guarded(ctx, d.Name, opt, func(ctx context.Context) (*cleaned, error) { return cleanPage(ctx, d, opt) })
	if err != nil {
		return nil, err
	}
	return &Page{s: spill(d, c)}, nil
}

// Name is the document's name (source.Doc.Name).
func (p *Page) Name() string { return p.s.Doc.Name }

// Host is the key under which a SiteLearner files the page: SiteHost's
// answer, without parsing again.
func (p *Page) Host() string { return clean.Host(pageURL(&p.s.Doc, p.s.Page.Meta)) }

// LearnPage is Learn for a prepared page.
func (s *SiteLearner) LearnPage(p *Page) {
	s.observe(p.sketch())
}

// ExtractPage finishes a prepared page: it removes the boilerplate
// opt.Sites learned and builds the interview. p is not changed, so it
// can be extracted again. opt's parsing limits applied in PreparePage.
func ExtractPage(ctx context.Context, p *Page, opt Options) (*Document, error) {
	c := *p.s.Page
	c.Marks = slices.Clone(c.Marks) // the site model marks its boilerplate here
	d := p.s.Doc
	e, err := finishGuarded(ctx, &d, &c, opt.Sites.model(), opt)
	if e == nil {
		return nil, err
	}
	return e.Doc, err
}

// pageMagic starts an encoded Page; its last byte is the encoding's
// version, so a worker of another release refuses a page instead of
// misreading it.
var pageMagic = []byte("qanda-page\x01")

// ErrPageEncoding is an encoded Page that cannot be decoded: not one, cut
// short, or from a release that encodes pages differently.
var ErrPageEncoding = errors.New("not an encoded page of this qanda version")

// MarshalBinary encodes the page (gob, flate-compressed) for carrying
// between processes. Only the same release of qanda decodes it.
func (p *Page) MarshalBinary() ([]byte, error) {
	var c codec
	blob, err := c.pack(p.s)
	if err != nil {
		return nil, fmt.Errorf("%s: encoding the page: %w", p.s.Doc.Name, err)
	}
	return append(slices.Clip(pageMagic), blob...), nil
}

// UnmarshalBinary decodes what MarshalBinary encoded; other bytes are
// ErrPageEncoding.
func (p *Page) UnmarshalBinary(b []byte) error {
	blob, ok := bytes.CutPrefix(b, pageMagic)
	if !ok {
		return ErrPageEncoding
	}
	var c codec
	s, err := c.unpack(blob)
	if err != nil || s.Page == nil {
		return fmt.Errorf("%w: %v", ErrPageEncoding, err)
	}
	p.s = s
	return nil
}

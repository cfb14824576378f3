package qanda

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/interview"
	"github.com/qanda/qanda/internal/meta"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// Document is the result for one input (the JSON contract).
type Document = render.Document

// Options tune one extraction.
type Options struct {
	MaxBytes int64 // input size limit; 0 means source.DefaultMaxBytes

	// MaxDepth and MaxNodes bound the HTML element tree (0: DefaultMaxDepth,
	// at most 512; DefaultMaxNodes). A page over either is not refused: its
	// text is read without the markup, as a text dump is, with a warning,
	// because its words are still worth having.
	MaxDepth, MaxNodes int

	// MaxBlocks refuses a document with more blocks (ErrTooManyBlocks);
	// 0 means DefaultMaxBlocks.
	MaxBlocks int

	// Timeout is the time one document may take to structure
	// (ErrTimeout); 0 means DefaultTimeout.
	Timeout time.Duration

	// Site, when set, removes the boilerplate a batch learned for the
	// page's host (see clean.SiteModel); nil removes none.
	Site *clean.SiteModel

	// Disabled names cleaning rules (clean.Rules) and interview formats
	// (interview.Formats) that do not run: for measuring what each
	// earns, or for a page a rule gets wrong.
	Disabled map[string]bool
}

// RuleNames returns the names that Options.Disabled accepts: every
// cleaning rule, then every interview format.
func RuleNames() []string {
	names := clean.RuleNames()
	for _, f := range interview.Formats() {
		names = append(names, f.Name)
	}
	return names
}

// UnknownRules returns the names in names that RuleNames does not list.
func UnknownRules(names []string) []string {
	known := map[string]bool{}
	for _, n := range RuleNames() {
		known[n] = true
	}
	var out []string
	for _, n := range names {
		if !known[n] {
			out = append(out, n)
		}
	}
	return out
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
	return ExtractContext(context.Background(), d, opt)
}

// ExtractContext runs the pipeline on a decoded document within the
// document's time limit (Options.Timeout) and ctx. It never panics: a bug
// in a stage is returned as a *PanicError (ErrInternal).
func ExtractContext(ctx context.Context, d *source.Doc, opt Options) (*Extraction, error) {
	return guarded(ctx, d.Name, opt, func(ctx context.Context) (*Extraction, error) {
		return extract(ctx, d, opt)
	})
}

// extract is the pipeline. The stages do not take a context, so ctx is
// checked between them: after the deadline, a run abandoned by guarded
// stops at the next boundary instead of burning a worker's CPU.
func extract(ctx context.Context, d *source.Doc, opt Options) (*Extraction, error) {
	p, err := parse(d, opt)
	if err != nil {
		return nil, err
	}
	bs, m := p.blocks, p.meta
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cctx := clean.Context{TitleBlock: m.TitleBlock, HTML: p.html, Disabled: opt.Disabled,
		SiteNames: meta.SiteNames(m.Site, pageURL(d, m))}
	marks := clean.Clean(bs, cctx)
	if p.html && lostToChrome(bs, marks) {
		// Chrome markup on an element that wraps the article (a nav or
		// footer class on the page's main wrapper) removed nearly all
		// of a page that has text: never an empty article. Read it again
		// without the markup's chrome hints; main-content scoring still
		// finds the article.
		off := map[string]bool{"html-chrome": true}
		for n := range opt.Disabled {
			off[n] = true
		}
		cctx.Disabled = off
		marks = clean.Clean(bs, cctx)
		p.warning = joinWarning(p.warning, "the page's chrome markup covered nearly all its text; it was read without those hints")
	}
	if !opt.Disabled["site-boilerplate"] {
		opt.Site.Apply(pageURL(d, m), bs, marks)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t := interview.Build(interview.Input{Blocks: bs, Marks: marks, Title: m.Title, Language: m.Language, Disabled: opt.Disabled})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := assemble(d, bs, m, marks, t, p.controls)
	if p.warning != "" {
		doc.Warnings = append([]string{p.warning}, doc.Warnings...)
	}
	doc.Warnings = append(p.repairs, doc.Warnings...)
	return &Extraction{Doc: doc, Blocks: bs, Marks: marks, Transcript: t}, nil
}

// lostToChrome reports a page with text of which the HTML's chrome hints
// left next to nothing.
func lostToChrome(bs []blocks.Block, marks []clean.Mark) bool {
	total, kept, chrome := 0, 0, 0
	for i, b := range bs {
		n := len(strings.Fields(b.Text))
		total += n
		switch {
		case marks[i].Role == clean.Content:
			kept += n
		case marks[i].Rule == "html-chrome":
			chrome += n
		}
	}
	return total >= lostMinWords && kept < lostMaxKept && chrome*10 >= total*8
}

const (
	// lostMinWords is the least text a page must have to count as lost.
	lostMinWords = 150
	// lostMaxKept: a page is lost when fewer words than this survive (a
	// headline's worth; a short article keeps more) and the chrome hints
	// took 80% of its words or more.
	lostMaxKept = 25
)

func joinWarning(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// parsed is a document split into blocks, with its metadata.
type parsed struct {
	blocks  []blocks.Block
	meta    meta.Meta
	html    bool     // the blocks come from the element tree (else from text)
	warning string   // why an HTML page was read as text, or ""
	repairs []string // broken markup that was repaired before parsing
	// controls are the control characters removed from the text, by
	// package source and from the parsed tree.
	controls source.Controls
}

// parse splits a document into blocks and reads its metadata. An HTML page
// whose tree would break a limit is read as text instead (see Options).
func parse(d *source.Doc, opt Options) (parsed, error) {
	p := parsed{controls: source.Controls{}}
	p.controls.Add(d.Controls)
	body := d.Body
	if d.Format == source.Markdown {
		// Markdown is read as the page it renders to: emphasis and
		// headings become the same signals as in HTML.
		h, err := blocks.MarkdownHTML(d.Body)
		if err != nil {
			return p, fmt.Errorf("%s: %w", d.Name, err)
		}
		body = h
	}
	if d.Format == source.HTML || d.Format == source.Markdown {
		var repairs []blocks.Repair
		body, repairs = blocks.RepairHTML(body)
		for _, r := range repairs {
			p.repairs = append(p.repairs, r.String())
		}
		why := ""
		if n := elementBound(body, opt.maxNodes()); n > opt.maxNodes() {
			why = fmt.Sprintf("the page would build over %d HTML elements (--max-nodes)", opt.maxNodes())
		} else {
			gq, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
			switch {
			case err != nil:
				// The parser's only refusal of a byte slice is nesting
				// deeper than 512 open elements.
				why = fmt.Sprintf("the page nests HTML elements deeper than %d (--max-depth)", opt.maxDepth())
			case opt.maxDepth() < DefaultMaxDepth && depth(gq.Nodes[0]) > opt.maxDepth():
				why = fmt.Sprintf("the page nests HTML elements deeper than %d (--max-depth)", opt.maxDepth())
			default:
				stripControls(gq.Nodes[0], p.controls)
				p.blocks, p.html = blocks.FromHTML(gq), true
				if err := checkBlocks(d.Name, len(p.blocks), opt); err != nil {
					return p, err
				}
				p.meta = meta.FromHTML(gq)
				p.meta.TitleBlock = titleBlock(p.blocks, p.meta.Title)
				return p, nil
			}
		}
		p.warning = why + "; its text was read without the markup, as a text dump"
		text, k := source.StripControls(htmlText(body))
		p.controls.Add(k)
		p.blocks = blocks.FromText(text)
		if err := checkBlocks(d.Name, len(p.blocks), opt); err != nil {
			return p, err
		}
		p.meta = meta.FromText(p.blocks)
		p.meta.Language = meta.DetectLanguage(text)
		return p, nil
	}
	p.blocks = blocks.FromText(string(d.Body))
	if err := checkBlocks(d.Name, len(p.blocks), opt); err != nil {
		return p, err
	}
	p.meta = meta.FromText(p.blocks)
	p.meta.Language = meta.DetectLanguage(string(d.Body))
	return p, nil
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
	// The title may carry the site's name that the headline does not
	// ("Site: Headline", "Headline - Site"): a heading of three words or
	// more that the title starts or ends with, the rest at most three
	// words.
	for i, b := range bs {
		if b.Kind != blocks.Heading {
			continue
		}
		k := clean.Key(b.Text)
		if strings.Count(k, " ") < 2 || len(k) >= len(key) {
			continue
		}
		rest := ""
		switch {
		case strings.HasSuffix(key, " "+k):
			rest = key[:len(key)-len(k)-1]
		case strings.HasPrefix(key, k+" "):
			rest = key[len(k)+1:]
		default:
			continue
		}
		if strings.Count(rest, " ") < 3 {
			return i
		}
	}
	return -1
}

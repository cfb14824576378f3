package qanda

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/qanda/qanda/internal/blocks"
	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/interview"
	"github.com/qanda/qanda/internal/meta"
	"github.com/qanda/qanda/internal/words"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// Document is the result for one input: the JSON contract (schema
// qanda/2). Its fields are documented in package render.
type Document = render.Document

// Warning is a note in Document.Warnings: a stable Code and a Message.
type Warning = render.Warning

// Options tune one extraction. The zero value is ready to use.
type Options struct {
	// Name names the input in errors and in Document.Source.Name (a
	// path, a URL); "" is "input".
	Name string

	// MaxBytes is the input size limit for Extract and ExtractFile; 0
	// means source.DefaultMaxBytes (50 MiB). Larger input is ErrTooLarge.
	MaxBytes int64

	// MaxDepth and MaxNodes bound the HTML element tree (0: DefaultMaxDepth,
	// at most 512; DefaultMaxNodes). A page over either is not refused: its
	// text is read without the markup, as a text dump is, with a warning
	// (read-as-text), because its words are still worth having.
	MaxDepth, MaxNodes int

	// MaxBlocks refuses a document with more blocks (ErrTooManyBlocks);
	// 0 means DefaultMaxBlocks.
	MaxBlocks int

	// Timeout, when positive, is the time one document may take to
	// structure (ErrTimeout). 0 means no limit but ctx's.
	Timeout time.Duration

	// Sites, when set, removes the boilerplate its learner found on the
	// page's host (see SiteLearner); nil removes none.
	Sites *SiteLearner

	// Disabled names cleaning rules and interview formats (RuleNames)
	// that do not run: for measuring what each earns, or for a page a
	// rule gets wrong.
	Disabled map[string]bool

	// RequireInterview makes a page without exchanges an error
	// (ErrNoInterview), returned together with its Document.
	RequireInterview bool
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

// Extract reads one document (HTML, a text dump or Markdown; gzip, any
// charset) from r and structures it. It stops soon after ctx is done,
// with ctx's error. Errors match ErrTooLarge, ErrNotText, ErrEmpty,
// ErrTooManyBlocks, ErrTimeout, ErrNoInterview and ErrInternal with
// errors.Is; their messages name the input and say what is wrong.
func Extract(ctx context.Context, r io.Reader, opt Options) (*Document, error) {
	name := opt.Name
	if name == "" {
		name = "input"
	}
	d, err := source.Read(name, r, source.Options{MaxBytes: opt.MaxBytes})
	if err != nil {
		return nil, err
	}
	return ExtractDoc(ctx, d, opt)
}

// ExtractFile is Extract for the file at path (named path unless
// opt.Name says otherwise).
func ExtractFile(ctx context.Context, path string, opt Options) (*Document, error) {
	d, err := source.Open(path, source.Options{MaxBytes: opt.MaxBytes})
	if err != nil {
		return nil, err
	}
	if opt.Name != "" {
		d.Name = opt.Name
	}
	return ExtractDoc(ctx, d, opt)
}

// ExtractDoc structures a document read by package source (a file, a
// WARC record, a fetched page). opt.Name and opt.MaxBytes do not apply.
func ExtractDoc(ctx context.Context, d *source.Doc, opt Options) (*Document, error) {
	e, err := run(ctx, d, opt)
	if e == nil {
		return nil, err
	}
	return e.Doc, err
}

// Explanation is a Document together with every block of the page and what
// became of it, for showing how a transcript was made.
type Explanation struct {
	Doc    *Document
	Blocks []Block
}

// Block is one paragraph, heading or line of the page as qanda read it.
type Block struct {
	ID   string // "b1", "b2", ... as in Document.Removed
	Text string
	// Role is "content", "title", "caption", "credit" (the last two
	// moved to Document.Media) or "removed".
	Role   string
	Reason string // why it was removed or moved
	Rule   string // the cleaning rule that removed or moved it
	// Exchange is the n of the exchange the block is part of as the
	// pipeline found it (before edits), 0 for none.
	Exchange int
	// Method is the interview format that proposed that exchange.
	Method string
}

// Explain is ExtractDoc keeping the page's blocks.
func Explain(ctx context.Context, d *source.Doc, opt Options) (*Explanation, error) {
	e, err := run(ctx, d, opt)
	if e == nil {
		return nil, err
	}
	x := &Explanation{Doc: e.Doc, Blocks: make([]Block, len(e.Blocks))}
	for i, b := range e.Blocks {
		m := e.Marks[i]
		x.Blocks[i] = Block{ID: b.ID, Text: b.Text, Role: string(m.Role), Reason: string(m.Reason), Rule: m.Rule}
	}
	for k, ex := range e.Transcript.Exchanges {
		for _, i := range ex.Blocks {
			x.Blocks[i].Exchange, x.Blocks[i].Method = k+1, ex.Method
		}
	}
	return x, err
}

// PageText is the page's text as qanda read it: one block per line.
func (x *Explanation) PageText() string {
	var b strings.Builder
	for _, bl := range x.Blocks {
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// extraction is a Document with the stages' outputs it was built from.
type extraction struct {
	Doc        *Document
	Blocks     []blocks.Block
	Marks      []clean.Mark
	Transcript interview.Transcript
}

// run is the pipeline within opt's limits and ctx. It never panics: a bug
// in a stage is returned as a *PanicError (ErrInternal). With
// RequireInterview, a page without exchanges returns both.
func run(ctx context.Context, d *source.Doc, opt Options) (*extraction, error) {
	e, err := guarded(ctx, d.Name, opt, func(ctx context.Context) (*extraction, error) {
		return extract(ctx, d, opt)
	})
	if err == nil && opt.RequireInterview && len(e.Doc.Exchanges) == 0 {
		err = fmt.Errorf("%s: %w", d.Name, ErrNoInterview)
	}
	return e, err
}

// extract is the pipeline. Every stage is given ctx and stops early once
// it is done; what a stopped stage returns is discarded here.
func extract(ctx context.Context, d *source.Doc, opt Options) (*extraction, error) {
	c, err := cleanPage(ctx, d, opt)
	if err != nil {
		return nil, err
	}
	return finish(ctx, d, c, opt.Sites.model(), opt)
}

// cleaned is a page read and cleaned: all the pipeline knows of it before
// site boilerplate is removed and the interview is built. A batch that
// learns its sites keeps this of every page between its two passes (see
// spill.go), so that no page is parsed twice.
type cleaned struct {
	Blocks   []blocks.Block
	Meta     meta.Meta
	Marks    []clean.Mark
	HTML     bool // the blocks come from the element tree
	Warnings []Warning
	Controls source.Controls
}

// cleanPage is the first half of the pipeline: parse and clean.
func cleanPage(ctx context.Context, d *source.Doc, opt Options) (*cleaned, error) {
	p, err := parse(ctx, d, opt)
	if err != nil {
		return nil, err
	}
	bs, m := p.blocks, p.meta
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cctx := clean.Context{TitleBlock: m.TitleBlock, HTML: p.html, Disabled: opt.Disabled,
		SiteNames: meta.SiteNames(m.Site, pageURL(d, m)), Done: ctx.Done()}
	marks := clean.Clean(bs, cctx)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
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
		p.warnings = append(p.warnings, Warning{Code: render.WarnChromeHints,
			Message: "the page's chrome markup covered nearly all its text; it was read without those hints"})
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return &cleaned{Blocks: bs, Meta: m, Marks: marks, HTML: p.html, Warnings: p.warnings, Controls: p.controls}, nil
}

// finish is the second half: remove the site boilerplate model knows (nil:
// none), build the interview, assemble the document.
func finish(ctx context.Context, d *source.Doc, c *cleaned, model *clean.SiteModel, opt Options) (*extraction, error) {
	bs, m, marks := c.Blocks, c.Meta, c.Marks
	if !opt.Disabled["site-boilerplate"] {
		model.Apply(pageURL(d, m), bs, marks)
	}
	t := interview.Build(interview.Input{Blocks: bs, Marks: marks, Title: m.Title, Language: m.Language,
		Disabled: opt.Disabled, Done: ctx.Done()})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := assemble(d, bs, m, marks, t, c.Controls)
	doc.Warnings = append(slices.Clip(c.Warnings), doc.Warnings...)
	return &extraction{Doc: doc, Blocks: bs, Marks: marks, Transcript: t}, nil
}

// lostToChrome reports a page with text of which the HTML's chrome hints
// left next to nothing.
func lostToChrome(bs []blocks.Block, marks []clean.Mark) bool {
	total, kept, chrome := 0, 0, 0
	for i, b := range bs {
		n := words.Count(b.Text)
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

// parsed is a document split into blocks, with its metadata.
type parsed struct {
	blocks []blocks.Block
	meta   meta.Meta
	html   bool // the blocks come from the element tree (else from text)
	// warnings say that broken markup was repaired and why an HTML page
	// was read as text.
	warnings []Warning
	// controls are the control characters removed from the text, by
	// package source and from the parsed tree.
	controls source.Controls
}

// parse splits a document into blocks and reads its metadata. An HTML page
// whose tree would break a limit is read as text instead (see Options).
func parse(ctx context.Context, d *source.Doc, opt Options) (parsed, error) {
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
			p.warnings = append(p.warnings, Warning{Code: render.WarnMarkupRepaired, Message: r.String()})
		}
		why := ""
		if n := elementBound(body, opt.maxNodes()); n > opt.maxNodes() {
			why = fmt.Sprintf("the page would build over %d HTML elements", opt.maxNodes())
		} else {
			gq, err := goquery.NewDocumentFromReader(ctxReader{ctx, bytes.NewReader(body)})
			switch {
			case ctx.Err() != nil:
				return p, ctx.Err()
			case err != nil:
				// The parser's only refusal of a byte slice is nesting
				// deeper than 512 open elements.
				why = fmt.Sprintf("the page nests HTML elements deeper than %d", opt.maxDepth())
			case opt.maxDepth() < DefaultMaxDepth && depth(gq.Nodes[0]) > opt.maxDepth():
				why = fmt.Sprintf("the page nests HTML elements deeper than %d", opt.maxDepth())
			default:
				if refersToControls(body) {
					stripControls(gq.Nodes[0], p.controls)
				}
				p.blocks, p.html = blocks.FromHTMLDone(gq, ctx.Done()), true
				if err := ctx.Err(); err != nil {
					return p, err
				}
				if err := checkBlocks(d.Name, len(p.blocks), opt); err != nil {
					return p, err
				}
				p.meta = meta.FromHTML(gq)
				p.meta.TitleBlock = titleBlock(p.blocks, p.meta.Title)
				return p, nil
			}
		}
		p.warnings = append(p.warnings, Warning{Code: render.WarnReadAsText, Message: why + "; its text was read without the markup, as a text dump"})
		text, k := source.StripControls(htmlText(body))
		p.controls.Add(k)
		p.blocks = blocks.FromTextDone(text, ctx.Done())
		if err := checkBlocks(d.Name, len(p.blocks), opt); err != nil {
			return p, err
		}
		p.meta = meta.FromTextDone(p.blocks, ctx.Done())
		p.meta.Language = meta.DetectLanguage(text)
		return p, nil
	}
	p.blocks = blocks.FromTextDone(string(d.Body), ctx.Done())
	if err := ctx.Err(); err != nil {
		return p, err
	}
	if err := checkBlocks(d.Name, len(p.blocks), opt); err != nil {
		return p, err
	}
	p.meta = meta.FromTextDone(p.blocks, ctx.Done())
	p.meta.Language = meta.DetectLanguage(string(d.Body))
	return p, nil
}

// ctxReader ends a read once ctx is done, so that the HTML parser, which
// reads its input in chunks, stops parsing a large page.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(b)
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

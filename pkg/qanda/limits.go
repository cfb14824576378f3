package qanda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/qanda/qanda/pkg/source"
)

// Limits on one document, so that hostile or broken input can neither
// exhaust memory nor hold a worker forever. The input size limit lives in
// package source (source.DefaultMaxBytes).
const (
	// DefaultMaxDepth is how deeply HTML elements may nest. It is also the
	// most the HTML parser (golang.org/x/net/html) accepts: it refuses a
	// page with more than 512 open elements.
	DefaultMaxDepth = 512

	// DefaultMaxNodes bounds the elements the HTML parser may build. Real
	// pages have thousands to tens of thousands; a page over the limit, or
	// one nesting deeper than MaxDepth, is read as text (see Options).
	DefaultMaxNodes = 1_000_000

	// DefaultMaxBlocks bounds the blocks (paragraphs, headings, lines) of
	// one document, which the cleaning and interview stages compare with
	// each other. A 50 MiB text dump of ordinary paragraphs has about
	// 250,000.
	DefaultMaxBlocks = 500_000
)

// Errors, matched with errors.Is. Every error names its input first. The
// end of the caller's ctx is returned as ctx's error (context.Canceled,
// context.DeadlineExceeded), wrapped with the input's name.
var (
	// ErrTooLarge is input over Options.MaxBytes (also once gzip data
	// decompresses to more).
	ErrTooLarge = source.ErrTooLarge

	// ErrNotText is input that is neither HTML nor text: an image, a
	// PDF, an archive, bytes with NUL or many control bytes.
	ErrNotText = source.ErrBinary

	// ErrEmpty is input with nothing but white space.
	ErrEmpty = source.ErrEmpty

	// ErrTooManyBlocks is a document with more blocks than
	// Options.MaxBlocks. It is refused whole rather than cut, so that no
	// text is dropped without being listed.
	ErrTooManyBlocks = errors.New("too many blocks")

	// ErrTimeout is a document that took longer than Options.Timeout.
	ErrTimeout = errors.New("took too long to structure")

	// ErrNoInterview is a page without exchanges, an error only with
	// Options.RequireInterview.
	ErrNoInterview = errors.New("no interview found")

	// ErrInternal is a bug in qanda (a panic in a stage), caught so that
	// one document cannot end a batch.
	ErrInternal = errors.New("internal error")
)

func (o Options) maxDepth() int {
	if o.MaxDepth <= 0 || o.MaxDepth > DefaultMaxDepth {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

func (o Options) maxNodes() int {
	if o.MaxNodes <= 0 {
		return DefaultMaxNodes
	}
	return o.MaxNodes
}

func (o Options) maxBlocks() int {
	if o.MaxBlocks <= 0 {
		return DefaultMaxBlocks
	}
	return o.MaxBlocks
}

// PanicError is a panic in the pipeline, turned into an error that wraps
// ErrInternal. Stack is for bug reports and fuzz tests; Error is one line.
type PanicError struct {
	Input string
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("%s: %v (%v); this is a bug in qanda, please report it with the input", e.Input, ErrInternal, e.Value)
}

func (e *PanicError) Unwrap() error { return ErrInternal }

// guarded runs f, which builds the result for document name, within ctx
// and opt.Timeout. f runs on its own goroutine so that the caller is
// answered at once when ctx ends or the time is up, even by a stage that
// is slow to notice; the stages watch ctx and stop soon after (see
// BenchmarkCancel). A panic in f becomes a *PanicError.
func guarded[T any](parent context.Context, name string, opt Options, f func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithCancel(parent)
	if opt.Timeout > 0 {
		ctx, cancel = context.WithTimeout(parent, opt.Timeout)
	}
	defer cancel()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned f must not block
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: &PanicError{Input: name, Value: p, Stack: debug.Stack()}}
			}
		}()
		v, err := f(ctx)
		done <- result{v, err}
	}()
	var zero T
	select {
	case r := <-done:
		if r.err == nil || ctx.Err() == nil {
			return r.v, r.err
		}
	case <-ctx.Done():
	}
	if err := parent.Err(); err != nil {
		return zero, fmt.Errorf("%s: %w", name, err) // the caller stopped (Ctrl-C): not this document's fault
	}
	return zero, fmt.Errorf("%s: %w (over the limit of %s)", name, ErrTimeout, opt.Timeout)
}

// checkBlocks refuses a document with more blocks than the limit.
func checkBlocks(name string, n int, opt Options) error {
	if n > opt.maxBlocks() {
		return fmt.Errorf("%s: %w (%d, over the limit of %d)", name, ErrTooManyBlocks, n, opt.maxBlocks())
	}
	return nil
}

// formatting are the HTML "formatting elements": the parser remembers
// them when something else closes them and re-opens a copy before later
// text (the spec's "reconstruct the active formatting elements"). Many
// distinct unclosed ones followed by many paragraphs make it build a copy
// of each for every paragraph: 22 KB of such HTML become 800,000 elements.
var formatting = map[string]bool{
	"a": true, "b": true, "big": true, "code": true, "em": true, "font": true, "i": true, "nobr": true,
	"s": true, "small": true, "strike": true, "strong": true, "tt": true, "u": true,
}

// impliesParents are the table parts the parser wraps in the parents they
// lack.
var impliesParents = map[string]bool{"td": true, "th": true, "tr": true, "col": true}

// rawText are elements whose content is not markup.
var rawText = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "plaintext": true,
}

// elementBound returns an upper bound of the elements the HTML parser
// builds from body, stopping as soon as it passes limit. It scans tags
// without building anything: each start tag is one element, and each tag
// or text may re-open a copy of every formatting element still open
// (counted like the parser's list: at most three identical tags, and a new
// <a> or <nobr> closes the previous one). It overestimates, which only
// matters for pages near the limit.
func elementBound(body []byte, limit int) int {
	n := 3 // html, head and body, which the parser adds when a page lacks them
	// Formatting tags are told apart by a hash of their full text (as the
	// parser compares them), which spares a string per tag; a collision
	// would only merge two counts of a bound.
	open := map[uint64]int{}        // open formatting tags by their text's hash
	byName := map[string][]uint64{} // the open formatting tags of each name, latest last
	copies := 0                     // sum over open of min(count, 3): what one reconstruction can copy
	var buf [32]byte
	closeLast := func(name string) {
		s := byName[name]
		if len(s) == 0 {
			return
		}
		key := s[len(s)-1]
		byName[name] = s[:len(s)-1]
		if open[key] <= 3 {
			copies--
		}
		open[key]--
	}
	for i := bytes.IndexByte(body, '<'); i >= 0 && n <= limit; i = nextLT(body, i) {
		rest := body[i+1:]
		if bytes.HasPrefix(rest, []byte("!--")) {
			j := bytes.Index(rest, []byte("-->"))
			if j < 0 {
				break
			}
			i += j
			continue
		}
		end := len(rest) > 0 && rest[0] == '/'
		if end {
			rest = rest[1:]
		}
		name := tagName(rest, &buf)
		if name == nil {
			continue
		}
		// Text before this tag and the tag itself may each trigger a
		// reconstruction.
		n += 2 * copies
		if end {
			if formatting[string(name)] {
				closeLast(string(name))
			}
			continue
		}
		n++
		if impliesParents[string(name)] {
			n += 2 // a bare <td> is put in a <tr> in a <tbody>
		}
		if formatting[string(name)] {
			if string(name) == "a" || string(name) == "nobr" {
				closeLast(string(name))
			}
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				k = len(rest)
			}
			key := fnv1a(rest[:k])
			open[key]++
			if open[key] <= 3 {
				copies++
			}
			byName[string(name)] = append(byName[string(name)], key)
		}
		if rawText[string(name)] {
			j := indexFold(rest, append([]byte("</"), name...))
			if j < 0 {
				break
			}
			i += j
		}
	}
	return n
}

// fnv1a is the 64-bit FNV-1a hash of b.
func fnv1a(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func nextLT(b []byte, i int) int {
	j := bytes.IndexByte(b[i+1:], '<')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// tagName returns the lowercase tag name at the start of b, written into
// buf (tag names are looked up per tag, so they are not allocated), or
// nil.
func tagName(b []byte, buf *[32]byte) []byte {
	n := 0
	for n < len(b) && n < len(buf) {
		c := b[n] | 0x20
		if !('a' <= c && c <= 'z' || n > 0 && '0' <= b[n] && b[n] <= '9') {
			break
		}
		buf[n] = c
		n++
	}
	if n == 0 || n == len(buf) {
		return nil
	}
	return buf[:n]
}

// indexFold is bytes.Index for an ASCII lowercase needle, ignoring case.
func indexFold(b, needle []byte) int {
	for i := 0; i+len(needle) <= len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(needle) <= len(b) && bytes.EqualFold(b[i:i+len(needle)], needle) {
			return i
		}
		i++
	}
	return -1
}

package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// Input is one document found by Walk, not yet read. Load reads and decodes
// it; it may be called from any goroutine, once.
type Input struct {
	Name string // a path, a URL, "-" for stdin, or "URI date" for a WARC record
	Kind InputKind
	Load func(ctx context.Context) (*Doc, error)

	// Rel is the file's path below the folder it was found in, slash
	// separated ("a/b.html" for pages/a/b.html found in pages), or its
	// base name when it was named itself; for a WARC record, the WARC
	// file's. Empty for URLs, stdin and JSON Lines records. It lets a
	// caller mirror the input tree (qanda's -o DIR does).
	Rel string

	// WARC locates a WARC record (a document's, or where a damaged file
	// fails); nil for other inputs.
	WARC *WARCRecord
}

// FailedName is the name to report the input under when Load failed
// with err: for a JSON Lines record that failed after its id or URL was
// read (a page too large, binary data), that name, which err also gives;
// else in.Name ("stdin:N" for a line that is no record at all).
func (in Input) FailedName(err error) string {
	var e *Error
	if in.Kind == StdinInput && errors.As(err, &e) && e.Input != "" {
		return e.Input
	}
	return in.Name
}

// InputKind says where an Input comes from, so a caller knows whether it can
// read it a second time (a two-pass batch does, for files and archives).
type InputKind string

// Input kinds.
const (
	FileInput   InputKind = "file"   // a file named or found in a folder
	WARCInput   InputKind = "warc"   // a response record of a WARC file
	URLInput    InputKind = "url"    // an http or https URL, fetched
	StdinInput  InputKind = "stdin"  // "-": read once from standard input
	BrokenInput InputKind = "broken" // could not be listed; Load returns why
)

// Replayable says whether reading the input again gives the same document
// without cost to anyone else: files and archives yes, URLs (another
// request to someone's server) and stdin (gone once read) no.
func (k InputKind) Replayable() bool { return k == FileInput || k == WARCInput }

// ErrUnsupported is an input spec that names nothing qanda can read, e.g.
// an ftp:// URL.
var ErrUnsupported = errors.New("unsupported input")

// WalkOptions tune Walk. The zero value reads files and folders only.
type WalkOptions struct {
	// Include and Exclude are path.Match globs for files found inside
	// folders. A pattern without "/" matches the base name, one with "/"
	// the slash-separated path below the folder. Exclude also prunes
	// folders. Without Include, folders yield pages by extension (see
	// defaultExt: .html, .htm, .xhtml, .shtml, .php, .asp(x),
	// .jsp, .txt, .text, .md, .markdown, .warc, each also with .gz). Files named directly are always read.
	Include, Exclude []string

	Read    Options   // size limit and charset for every document
	Stdin   io.Reader // what "-" reads; nil makes "-" an error
	Fetcher *Fetcher  // fetches URLs; nil makes URLs an error

	// Skipped is called for every record or file passed over on purpose
	// (a WARC request record, a filtered file), with a short reason such
	// as "warc:request" or "filtered"; nil ignores them.
	Skipped func(input, reason string)

	// OnlyReplayable leaves out "-" and URLs: for a first pass that
	// must not consume stdin or ask servers twice.
	OnlyReplayable bool
}

// defaultExt matches the names folders are searched for when no
// --include is given: pages, text dumps and web archives, each optionally
// gzip-compressed.
var defaultExt = regexp.MustCompile(`(?i)\.(html?|xhtml|shtml|php|aspx?|jsp|txt|text|md|markdown|warc)(\.gz)?$`)

// schemeRe matches a URL scheme at the start of an input spec.
var schemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// schemeOnlyRe matches a URL scheme without "//" (data:, mailto:); two
// letters at least, so that a Windows drive (C:) is not one.
var schemeOnlyRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]+:`)

// IsURL reports whether spec is an http or https URL.
func IsURL(spec string) bool {
	l := strings.ToLower(spec)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// IsWARC reports whether a file name is a web archive (.warc, .warc.gz).
func IsWARC(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, ".warc") || strings.HasSuffix(l, ".warc.gz")
}

// Walk calls yield for every document the specs name, in order: a file; a
// folder's matching files in lexical order, recursively; every HTML
// response record of a WARC file; an http(s) URL; "-" for stdin. A spec
// that cannot be listed (a missing path, a corrupt archive) is yielded as
// an Input whose Load returns the error, in its place, so a batch reports
// it and goes on. Walk reads archives record by record and never holds
// more than one document; it stops when yield returns false or ctx is done,
// and returns ctx.Err() in the latter case.
func Walk(ctx context.Context, specs []string, opt WalkOptions, yield func(Input) bool) error {
	w := walker{ctx: ctx, opt: opt, yield: yield}
	for _, spec := range specs {
		if !w.spec(spec) {
			break
		}
	}
	return ctx.Err()
}

// WalkStream is Walk for one file that the caller has opened as r, for
// files that are not on the local file system (an object in a bucket):
// every HTML response record if name is a WARC file, else the one
// document, named name. Each Input's Load must be called before yield
// returns, while r is being read.
func WalkStream(ctx context.Context, name string, r io.Reader, opt WalkOptions, yield func(Input) bool) error {
	w := walker{ctx: ctx, opt: opt, yield: yield}
	rel := path.Base(name)
	if IsWARC(name) {
		w.warcStream(r, name, rel)
		return ctx.Err()
	}
	ropt := opt.Read
	w.yield(Input{Name: name, Kind: FileInput, Rel: rel, Load: func(context.Context) (*Doc, error) {
		return Read(name, r, ropt)
	}})
	return ctx.Err()
}

// IsPageName reports whether a folder walk reads a file of this name when
// no Include is given: pages, text dumps and web archives by extension,
// each also gzip-compressed.
func IsPageName(name string) bool { return defaultExt.MatchString(path.Base(name)) }

type walker struct {
	ctx   context.Context
	opt   WalkOptions
	yield func(Input) bool
}

func (w *walker) skip(input, reason string) {
	if w.opt.Skipped != nil {
		w.opt.Skipped(input, reason)
	}
}

// broken yields an input that fails with err.
func (w *walker) broken(name string, err error) bool {
	return w.yield(Input{Name: name, Kind: BrokenInput, Load: func(context.Context) (*Doc, error) { return nil, err }})
}

// spec yields the documents of one spec; false means stop.
func (w *walker) spec(spec string) bool {
	if w.ctx.Err() != nil {
		return false
	}
	switch {
	case spec == "-":
		if w.opt.OnlyReplayable {
			return true
		}
		if w.opt.Stdin == nil {
			return w.broken(spec, &Error{Input: spec, Err: ErrUnsupported, Detail: "stdin is not available here"})
		}
		stdin := w.opt.Stdin
		return w.yield(Input{Name: "-", Kind: StdinInput, Load: func(context.Context) (*Doc, error) {
			return Read("-", stdin, w.opt.Read)
		}})
	case IsURL(spec):
		if w.opt.OnlyReplayable {
			return true
		}
		f := w.opt.Fetcher
		if f == nil {
			return w.broken(spec, &Error{Input: spec, Err: ErrUnsupported, Detail: "URLs are not fetched here"})
		}
		return w.yield(Input{Name: spec, Kind: URLInput, Load: func(ctx context.Context) (*Doc, error) {
			return f.Fetch(ctx, spec)
		}})
	case schemeRe.MatchString(spec):
		return w.broken(spec, &Error{Input: spec, Err: ErrUnsupported, Detail: "only http and https URLs are fetched"})
	}
	fi, err := os.Stat(spec)
	switch {
	case err != nil && schemeOnlyRe.MatchString(spec):
		// data:, mailto:, javascript: have no "//"; a file of that name
		// would have been read, but there is none.
		return w.broken(spec, &Error{Input: spec, Err: ErrUnsupported, Detail: "only http and https URLs are fetched"})
	case err != nil:
		return w.broken(spec, openError(spec, err))
	case fi.IsDir():
		return w.dir(spec)
	case IsWARC(spec):
		return w.warc(spec, filepath.Base(spec))
	}
	return w.file(spec, filepath.Base(spec))
}

// file yields the file at p; rel is its Input.Rel.
func (w *walker) file(p, rel string) bool {
	opt := w.opt.Read
	return w.yield(Input{Name: p, Kind: FileInput, Rel: rel, Load: func(context.Context) (*Doc, error) {
		return Open(p, opt)
	}})
}

// dir yields the matching files below root in lexical order. Hidden files
// and folders (".git", ".DS_Store") are passed over.
func (w *walker) dir(root string) bool {
	more := true
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if w.ctx.Err() != nil {
			more = false
			return fs.SkipAll
		}
		if err != nil {
			if more = w.broken(p, openError(p, err)); !more {
				return fs.SkipAll
			}
			return nil
		}
		if p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(d.Name(), ".") || matchAny(w.opt.Exclude, rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			w.skip(p, "filtered")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			w.skip(p, "not a regular file")
			return nil
		}
		if len(w.opt.Include) > 0 && !matchAny(w.opt.Include, rel) || len(w.opt.Include) == 0 && !defaultExt.MatchString(d.Name()) {
			w.skip(p, "filtered")
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Links to folders are not followed, so a link to a parent
			// cannot make the walk go round forever. A link that loops
			// on itself fails when it is read, and is reported then.
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				w.skip(p, "link to a folder")
				return nil
			}
		}
		if IsWARC(p) {
			more = w.warc(p, rel)
		} else {
			more = w.file(p, rel)
		}
		if !more {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && more {
		return w.broken(root, openError(root, err))
	}
	return more
}

// matchAny reports whether rel (slash-separated, relative to the folder)
// matches one of the globs: by base name, or by whole path when the glob
// has a "/".
func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		target := path.Base(rel)
		if strings.Contains(g, "/") {
			target = rel
		}
		if ok, _ := path.Match(g, target); ok {
			return true
		}
	}
	return false
}

// ValidGlob checks a --include or --exclude pattern.
func ValidGlob(g string) error {
	if _, err := path.Match(g, ""); err != nil {
		return fmt.Errorf("bad glob %q: %w", g, err)
	}
	return nil
}

// ReadList reads a list of input specs, one a line; blank lines and lines
// starting with "#" are passed over, and a line's surrounding white space
// is trimmed. The list is held in memory: it is names, not documents.
func ReadList(name string, r io.Reader) ([]string, error) {
	var specs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(string(bytes.TrimPrefix(sc.Bytes(), []byte(bomUTF8))))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		specs = append(specs, line)
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{Input: name, Err: ErrUnreadable, Detail: osDetail(err)}
	}
	return specs, nil
}

// OpenList reads the list file at p ("-" is not special: pass stdin to
// ReadList).
func OpenList(p string) ([]string, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, openError(p, err)
	}
	defer f.Close()
	return ReadList(p, f)
}

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qanda/qanda/pkg/source"
)

// Limits on output names. A component may have 255 bytes on common file
// systems; the last one keeps room for a collision hash, a counter, the
// extension and the temporary file's prefix and suffix (writeAtomic). The
// depth bound keeps the whole path well under PATH_MAX (4096).
const (
	maxComponent = 255
	maxLast      = 200
	maxDepth     = 8
)

// pageExt is the extension of a page that the output's extension replaces
// (after a ".gz"): "talk.html.gz" becomes "talk.json". Other extensions
// stay part of the name ("notes.2024" becomes "notes.2024.json"), since
// they may be what tells two files apart.
var pageExt = regexp.MustCompile(`(?i)\.(html?|xhtml|shtml|php|aspx?|jsp|txt|text|md|markdown)$`)

// reservedWin are names Windows gives to devices, with or without an
// extension: a file called "con.json" cannot be created or opened there.
var reservedWin = regexp.MustCompile(`(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$`)

// outStem is where an input's outputs go below -o DIR: a relative,
// slash-separated path without extension, made of safe components (see
// safeComponent). Files mirror the tree below the argument that named
// them ("a/b" for pages/a/b.html found in pages, "b" for b.html named
// itself); WARC records and URLs are named by host and path
// ("example.org/news/talk-1"); stdin is "stdin" and the N-th JSON Lines
// record "stdin-N". Inputs that failed to be listed get "" (no name: they
// are never written).
func outStem(in source.Input) string {
	switch in.Kind {
	case source.FileInput:
		rel := in.Rel
		if rel == "" {
			rel = filepath.Base(in.Name)
		}
		return safePath(strings.Split(stripExt(rel), "/"))
	case source.WARCInput:
		if in.WARC != nil && in.WARC.TargetURI != "" {
			return urlStem(in.WARC.TargetURI)
		}
		// No target URI: the record's place in its file, by offset,
		// which the document's provenance also gives.
		rel := strings.TrimSuffix(strings.TrimSuffix(in.Rel, ".gz"), ".warc")
		var off int64
		if in.WARC != nil {
			off = in.WARC.Offset
		}
		return safePath(append(strings.Split(rel, "/"), "offset-"+strconv.FormatInt(off, 10)))
	case source.URLInput:
		return urlStem(in.Name)
	case source.StdinInput:
		if n, ok := strings.CutPrefix(in.Name, "stdin:"); ok {
			return safePath([]string{"stdin-" + n})
		}
		return "stdin"
	}
	return ""
}

// stripExt takes ".gz" and then a page extension off a file name.
func stripExt(name string) string {
	if l := strings.ToLower(name); strings.HasSuffix(l, ".gz") {
		name = name[:len(name)-3]
	}
	if loc := pageExt.FindStringIndex(name); loc != nil && loc[0] > 0 && name[loc[0]-1] != '/' {
		name = name[:loc[0]]
	}
	return name
}

// urlStem names a page by its URL: host, then the path's segments
// (percent-decoded, "." and ".." resolved as a browser does), "index" for
// a path ending in "/", and the query string appended to the last segment.
// Scheme, user, port separator and fragment are not part of the name.
func urlStem(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		// Not a URL with a host: name it by what it says, made safe.
		return safePath([]string{"unknown-host", raw})
	}
	parts := []string{strings.ToLower(u.Host)}
	var segs []string
	escaped := strings.Split(u.EscapedPath(), "/")
	for _, s := range escaped {
		if d, err := url.PathUnescape(s); err == nil {
			s = d
		}
		switch s {
		case "", ".":
		case "..":
			if len(segs) > 0 {
				segs = segs[:len(segs)-1]
			}
		default:
			segs = append(segs, s)
		}
	}
	last := escaped[len(escaped)-1]
	if len(segs) == 0 || last == "" || last == "." || last == ".." {
		segs = append(segs, "index")
	}
	segs[len(segs)-1] = stripExt(segs[len(segs)-1])
	if u.RawQuery != "" {
		q, err := url.QueryUnescape(u.RawQuery)
		if err != nil {
			q = u.RawQuery
		}
		segs[len(segs)-1] += "_" + q
	}
	return safePath(append(parts, segs...))
}

// safePath joins components made safe; a path deeper than maxDepth has its
// deepest components joined into the last one.
func safePath(parts []string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		kept = []string{"document"}
	}
	if len(kept) > maxDepth {
		kept = append(kept[:maxDepth-1:maxDepth-1], strings.Join(kept[maxDepth-1:], "_"))
	}
	for k := range kept {
		limit := maxComponent
		if k == len(kept)-1 {
			limit = maxLast
		}
		kept[k] = safeComponent(kept[k], limit)
	}
	return strings.Join(kept, "/")
}

// safeComponent makes one path component that any common file system
// takes and a shell user can type: letters, digits and marks of any
// script, and the ASCII punctuation "-_.,=+~@()[]"; everything else
// (separators, control and format characters such as bidi overrides,
// invalid UTF-8, spaces, shell metacharacters) becomes "_", one per run.
// It never starts with "." (no hidden file, so never "." or ".." nor the
// journal or a temporary file), never ends with "." (Windows drops it), is
// not a Windows device name, and has at most limit bytes.
func safeComponent(s string, limit int) string {
	var b strings.Builder
	under := false
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		ok := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			r < utf8.RuneSelf && strings.ContainsRune("-_.,=+~@()[]", r))
		if !ok {
			if !under {
				b.WriteByte('_')
			}
			under = true
			continue
		}
		if b.Len()+utf8.RuneLen(r) > limit {
			break
		}
		under = false
		b.WriteRune(r)
	}
	out := b.String()
	if out == "" {
		out = "_"
	}
	if out[0] == '.' || out[0] == '-' { // nor "-": a shell would take it for a flag
		out = "_" + out[1:]
	}
	if strings.HasSuffix(out, ".") {
		out = out[:len(out)-1] + "_"
	}
	if reservedWin.MatchString(out) {
		out = "_" + out
		if len(out) > limit {
			out = out[:limit]
		}
	}
	return out
}

// namer hands out output stems in input order, each once: a stem already
// taken in this run (two inputs that map to one name, also when they
// differ only in case, which some file systems do not tell apart) gets 8
// hex digits of the input's name's sha256, and a counter if that is taken
// too (the same input given twice). It also keeps a file and a folder from
// sharing a name ("a.json" the file of one input, the folder of another's
// "a.json/b.json"), and summary.json for the summary.
type namer struct {
	exts  []string        // the extensions of the formats written
	files map[string]bool // lower-cased file paths taken
	dirs  map[string]bool // lower-cased folder paths taken
}

func newNamer(exts []string) *namer {
	return &namer{exts: exts, files: map[string]bool{"summary.json": true}, dirs: map[string]bool{}}
}

// take returns the stem for an input named name whose natural stem is
// stem, and reserves it.
func (n *namer) take(stem, name string) string {
	if stem == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(name))
	hash := hex.EncodeToString(sum[:4])
	cand := stem
	for k := 1; !n.free(cand); k++ {
		suffix := "-" + hash
		if k > 1 {
			suffix += "-" + strconv.Itoa(k)
		}
		cand = n.variant(stem, suffix)
	}
	for _, e := range n.exts {
		n.files[strings.ToLower(cand+e)] = true
	}
	for d := path.Dir(cand); d != "."; d = path.Dir(d) {
		n.dirs[strings.ToLower(d)] = true
	}
	return cand
}

// variant puts suffix on the component that makes stem collide: the
// shallowest folder that is another input's file, else the last one.
func (n *namer) variant(stem, suffix string) string {
	parts := strings.Split(stem, "/")
	for k := 1; k < len(parts); k++ {
		if n.files[strings.ToLower(strings.Join(parts[:k], "/"))] {
			parts[k-1] += suffix
			return strings.Join(parts, "/")
		}
	}
	return stem + suffix
}

func (n *namer) free(stem string) bool {
	for _, e := range n.exts {
		k := strings.ToLower(stem + e)
		if n.files[k] || n.dirs[k] {
			return false
		}
	}
	for d := path.Dir(stem); d != "."; d = path.Dir(d) {
		if n.files[strings.ToLower(d)] {
			return false
		}
	}
	return true
}

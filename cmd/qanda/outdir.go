package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// journalName is the file in -o DIR that records, one line per document
// whose outputs are complete, the output base name, the input's sha256 and
// the formats written. --resume reads it; it is appended to only after a
// document's files were renamed into place, so a line never promises a
// file that is not there.
const journalName = ".qanda-journal"

// tmpMark is in the name of every temporary file, so that leftovers of a
// killed run can be recognised and removed.
const tmpMark = ".tmp-"

// extOf is the file extension of each per-document format.
var extOf = map[string]string{"json": ".json", "md": ".md", "text": ".txt", "csv": ".csv"}

// outDir writes one file per document and format into a folder, each
// atomically (a temporary file in the same folder, then a rename), so an
// interrupted run leaves whole files or none.
type outDir struct {
	dir     string
	formats []string
	done    map[string]journalEntry // from the journal, for --resume
	used    map[string]bool         // output names written in this run
	journal *os.File
}

type journalEntry struct {
	digest  string
	formats []string
}

// openOutDir creates dir if needed, removes temporary files a killed run
// left, and loads (resume) or starts (not resume) the journal.
func openOutDir(dir string, formats []string, resume bool) (*outDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), tmpMark) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	o := &outDir{dir: dir, formats: formats, done: map[string]journalEntry{}, used: map[string]bool{}}
	flags := os.O_CREATE | os.O_WRONLY | os.O_APPEND
	if resume {
		if err := o.readJournal(); err != nil {
			return nil, err
		}
	} else {
		flags |= os.O_TRUNC
	}
	o.journal, err = os.OpenFile(filepath.Join(dir, journalName), flags, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	return o, nil
}

// readJournal loads the journal; a torn last line (a killed run) is
// ignored, and the document it names is done again.
func (o *outDir) readJournal() error {
	f, err := os.Open(filepath.Join(o.dir, journalName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("resume: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 || len(parts[1]) != 64 {
			continue
		}
		o.done[parts[0]] = journalEntry{digest: parts[1], formats: strings.Split(parts[2], ",")}
	}
	return sc.Err()
}

// complete says whether the outputs of a document named name exist for
// input digest: --resume passes it over.
func (o *outDir) complete(name, digest string) bool {
	base := outBase(name)
	e, ok := o.done[base]
	if !ok || e.digest != digest {
		return false
	}
	for _, f := range o.formats {
		if !slices.Contains(e.formats, f) {
			return false
		}
		if _, err := os.Stat(filepath.Join(o.dir, base+extOf[f])); err != nil {
			return false
		}
	}
	return true
}

// write puts a document's renderings (one per format) into place and then
// records them in the journal.
func (o *outDir) write(name, digest string, out [][]byte) error {
	base := outBase(name)
	// Two documents of one run can have the same name (a file given
	// twice, two captures of a URL in the same second); the second must
	// not overwrite the first. Results come in input order, so the
	// numbering is the same in every run.
	for k := 2; o.used[base]; k++ {
		base = outBase(fmt.Sprintf("%s #%d", name, k))
	}
	o.used[base] = true
	for i, f := range o.formats {
		if err := writeAtomic(o.dir, base+extOf[f], out[i]); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(o.journal, "%s\t%s\t%s\n", base, digest, strings.Join(o.formats, ","))
	return err
}

func (o *outDir) close() error { return o.journal.Close() }

// writeAtomic writes data to dir/name through a temporary file in dir and
// a rename, so readers (and an interrupted run) never see half a file.
func writeAtomic(dir, name string, data []byte) error {
	f, err := os.CreateTemp(dir, "."+name+tmpMark+"*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
	}
	return nil
}

// maxSlug bounds the readable part of an output name, well under the 255
// bytes file systems allow once the digest and extension are added.
const maxSlug = 100

// outBase derives a file name (without extension) from a document's name:
// a readable slug of it and 8 hex digits of its sha256, so different
// inputs never share a name. Only ASCII letters, digits, '-', '_' and '.'
// survive, the slug never starts with '.', and there is no path separator:
// whatever the input is called ("../../x", "/etc/passwd", a URL with "..",
// a NUL byte), the file lands directly in the output folder.
func outBase(name string) string {
	sum := sha256.Sum256([]byte(name))
	slug := name
	if i := strings.Index(slug, "://"); i >= 0 {
		slug = slug[i+3:] // the scheme adds nothing
	}
	slug = strings.TrimSuffix(slug, ".gz")
	if ext := filepath.Ext(slug); ext != "" && len(ext) <= 6 && !strings.ContainsAny(ext, "/?&=") {
		slug = strings.TrimSuffix(slug, ext)
	}
	var b strings.Builder
	dash := false
	for _, r := range slug {
		ok := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
		if !ok {
			if !dash && b.Len() > 0 {
				b.WriteByte('_')
			}
			dash = true
			continue
		}
		if r == '.' && (b.Len() == 0 || dash) {
			continue // no leading dot, no ".." component
		}
		dash = false
		b.WriteRune(r)
		if b.Len() >= maxSlug {
			break
		}
	}
	s := strings.Trim(b.String(), "._-")
	if s == "" {
		s = "document"
	}
	return s + "-" + hex.EncodeToString(sum[:4])
}

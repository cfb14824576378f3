package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// journalName is the file in -o DIR that records, one line per document
// whose outputs are complete, the output stem (the path below DIR without
// extension, see outStem), the input's sha256, the formats written and the
// input's name (quoted: names can hold tabs). --resume reads it; it is
// appended to only after a document's files were renamed into place, so a
// line never promises a file that is not there. Lines of the older
// three-field form (flat names) are ignored: those documents are done
// again under their new names.
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
	done    map[string]journalEntry // by stem, from the journal, for --resume
	journal *os.File
}

type journalEntry struct {
	digest  string
	formats []string
	name    string // the input's name
}

// openOutDir creates dir if needed, removes temporary files a killed run
// left, and loads (resume) or starts (not resume) the journal.
func openOutDir(dir string, formats []string, resume bool) (*outDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	// Outputs sit in subfolders too. No output name starts with ".", so
	// a dot file with the mark is a leftover, wherever it is.
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), ".") && strings.Contains(d.Name(), tmpMark) {
			os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	o := &outDir{dir: dir, formats: formats, done: map[string]journalEntry{}}
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
		if len(parts) != 4 || len(parts[1]) != 64 {
			continue
		}
		name, err := strconv.Unquote(parts[3])
		if err != nil {
			continue
		}
		o.done[parts[0]] = journalEntry{digest: parts[1], formats: strings.Split(parts[2], ","), name: name}
	}
	return sc.Err()
}

// complete says whether the outputs at stem exist for the input named name
// with digest: --resume passes it over. The name is compared too, since it
// is in the output (source.name), and the stem because in a run with other
// inputs the same input may be given another name (a collision).
func (o *outDir) complete(stem, name, digest string) bool {
	e, ok := o.done[stem]
	if !ok || e.digest != digest || e.name != name {
		return false
	}
	for _, f := range o.formats {
		if !slices.Contains(e.formats, f) {
			return false
		}
		if _, err := os.Stat(filepath.Join(o.dir, filepath.FromSlash(stem+extOf[f]))); err != nil {
			return false
		}
	}
	return true
}

// exts lists the extensions of the formats written, for the namer.
func (o *outDir) exts() []string {
	out := make([]string, len(o.formats))
	for i, f := range o.formats {
		out[i] = extOf[f]
	}
	return out
}

// write puts a document's renderings (one per format) at stem, which the
// namer handed out (unique in the run, safe, relative), and then records
// them in the journal.
func (o *outDir) write(stem, name, digest string, out [][]byte) error {
	if !filepath.IsLocal(filepath.FromSlash(stem)) {
		// outStem never makes such a name; this keeps a bug in it
		// from writing outside DIR.
		return fmt.Errorf("write %q: %w", stem, errUnsafeName)
	}
	for i, f := range o.formats {
		if err := writeAtomic(o.dir, stem+extOf[f], out[i]); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(o.journal, "%s\t%s\t%s\t%s\n", stem, digest, strings.Join(o.formats, ","), strconv.Quote(name))
	return err
}

// errUnsafeName is an output name that could leave the output folder.
var errUnsafeName = errors.New("unsafe output name")

func (o *outDir) close() error { return o.journal.Close() }

// writeAtomic writes data to dir/name (name slash-separated, maybe with
// folders, created as needed) through a temporary file beside it and a
// rename, so readers (and an interrupted run) never see half a file.
func writeAtomic(root, name string, data []byte) error {
	full := filepath.Join(root, filepath.FromSlash(name))
	dir := filepath.Dir(full)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(full)+tmpMark+"*")
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
		err = os.Rename(tmp, full)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", full, err)
	}
	return nil
}

package qanda

import (
	"context"

	"github.com/qanda/qanda/pkg/source"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extractFrom runs the whole pipeline with default options, as the CLI does
// for one input, and fails the test on any error.
func extractFrom(t *testing.T, name string, r io.Reader) *Document {
	t.Helper()
	d, err := fromReader(name, r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// extractFile extracts a file, named by its base name as the CLI names it.
func extractFile(t *testing.T, path string) *Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return extractFrom(t, filepath.Base(path), f)
}

// extractString extracts a page built in test code.
func extractString(t *testing.T, name, page string) *Document {
	t.Helper()
	return extractFrom(t, name, strings.NewReader(page))
}

// extractDoc runs the pipeline on a decoded document, keeping the stages'
// outputs.
func extractDoc(d *source.Doc, opt Options) (*extraction, error) {
	return run(context.Background(), d, opt)
}

// fromReader is Extract with a name.
func fromReader(name string, r io.Reader, opt Options) (*Document, error) {
	opt.Name = name
	return Extract(context.Background(), r, opt)
}

// hasWarning reports whether d carries a warning with code.
func hasWarning(d *Document, code string) bool {
	for _, w := range d.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

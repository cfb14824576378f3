package qanda

import (
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
	d, err := FromReader(name, r, Options{})
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

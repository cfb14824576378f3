package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	nurl "net/url"
	"os"
	"path/filepath"
	"sort"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// page is one corpus page, decompressed into memory before any timing.
type page struct {
	name string
	body []byte
}

// loadCorpus reads every html/*.html.gz (or *.html) under dir and
// decompresses it. It reports os.ErrNotExist when dir has no html folder.
func loadCorpus(dir string) ([]page, error) {
	htmlDir := filepath.Join(dir, "html")
	if fi, err := os.Stat(htmlDir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%s: %w", htmlDir, os.ErrNotExist)
	}
	gz, _ := filepath.Glob(filepath.Join(htmlDir, "*.html.gz"))
	plain, _ := filepath.Glob(filepath.Join(htmlDir, "*.html"))
	files := append(gz, plain...)
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.html.gz or *.html files: %w", htmlDir, os.ErrNotExist)
	}
	pages := make([]page, 0, len(files))
	for _, f := range files {
		p, err := loadPage(f)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// loadPage reads one file, gunzipping a .gz.
func loadPage(f string) (page, error) {
	raw, err := os.ReadFile(f)
	if err != nil {
		return page{}, err
	}
	body := raw
	if filepath.Ext(f) == ".gz" {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return page{}, fmt.Errorf("%s: %w", f, err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			return page{}, fmt.Errorf("%s: %w", f, err)
		}
	}
	return page{name: filepath.Base(f), body: body}, nil
}

// tool runs one extractor on one page's bytes. Every tool receives the same
// decompressed bytes and does its own charset handling and parsing.
type tool struct {
	name string
	what string // what one call does, for the report
	run  func(p page) error
}

var tools = []tool{
	{
		name: "read",
		what: "nothing: with -process, the reading and gunzipping every tool pays",
		run:  func(page) error { return nil },
	},
	{
		name: "parse",
		what: "golang.org/x/net/html.Parse only (no charset detection): the floor",
		run: func(p page) error {
			_, err := html.Parse(bytes.NewReader(p.body))
			return err
		},
	},
	{
		name: "qanda",
		what: "source.Read (sniff, charset, sha256) + qanda.ExtractDoc + render.JSON to io.Discard",
		run: func(p page) error {
			d, err := source.Read(p.name, bytes.NewReader(p.body), source.Options{})
			if err != nil {
				return err
			}
			doc, err := qanda.ExtractDoc(context.Background(), d, qanda.Options{})
			if err != nil {
				return err
			}
			return render.JSON(io.Discard, doc)
		},
	},
	{
		name: "trafilatura",
		what: "go-trafilatura v1.12.2 Extract, default options (no fallback, date mode Fast)",
		run: func(p page) error {
			_, err := trafilatura.Extract(bytes.NewReader(p.body), trafilatura.Options{})
			return err
		},
	},
	{
		name: "readability",
		what: "go-readability/v2 v2.1.3 FromReader + Article.RenderText to io.Discard",
		run: func(p page) error {
			a, err := readability.FromReader(bytes.NewReader(p.body), pageURL)
			if err != nil {
				return err
			}
			if a.Node == nil {
				return nil // nothing readable found: not an error of the tool
			}
			return a.RenderText(io.Discard)
		},
	},
}

// pageURL is the same placeholder URL for every page (the corpus has none).
var pageURL, _ = nurl.Parse("https://example.org/article")

func toolByName(name string) (tool, bool) {
	for _, t := range tools {
		if t.name == name {
			return t, true
		}
	}
	return tool{}, false
}

package qanda

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/qanda/qanda/pkg/source"
)

// A page prepared once, shown to a learner, carried as bytes and finished
// gives the bytes ExtractDoc gives with a learner that parsed the pages
// itself: for the column's pages (which share boilerplate) and for every
// bundled corpus page, HTML and text.
func TestPreparedPagesEqualExtractDoc(t *testing.T) {
	ctx := context.Background()
	var paths []string
	for _, g := range []string{"../../testdata/batch/column/*.html", "../../testdata/corpus/*/*"} {
		m, _ := filepath.Glob(g)
		paths = append(paths, m...)
	}
	if len(paths) < 20 {
		t.Fatalf("only %d pages", len(paths))
	}
	var docs []*source.Doc
	for _, p := range paths {
		d, err := source.Open(p, source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	direct, prepared := NewSiteLearner(), NewSiteLearner()
	var blobs [][]byte
	for _, d := range docs {
		if err := direct.Learn(ctx, d, Options{}); err != nil {
			t.Fatal(err)
		}
		p, err := PreparePage(ctx, d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		host, _ := SiteHost(ctx, d, Options{})
		if p.Host() != host || p.Name() != d.Name {
			t.Errorf("%s: host %q name %q, want %q %q", d.Name, p.Host(), p.Name(), host, d.Name)
		}
		prepared.LearnPage(p)
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		blobs = append(blobs, b)
	}
	if direct.Texts() == 0 || prepared.Texts() != direct.Texts() {
		t.Fatalf("learned %d texts from prepared pages, %d from documents", prepared.Texts(), direct.Texts())
	}
	for i, d := range docs {
		doc, err := ExtractDoc(ctx, d, Options{Sites: direct})
		want := jsonLine(t, doc, err)
		var p Page
		if err := p.UnmarshalBinary(blobs[i]); err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 2; round++ { // a page can be finished twice
			doc, err := ExtractPage(ctx, &p, Options{Sites: prepared})
			if got := jsonLine(t, doc, err); !bytes.Equal(got, want) {
				t.Errorf("%s round %d: prepared page differs:\n%s\nwant\n%s", d.Name, round, got, want)
			}
		}
	}
}

func jsonLine(t *testing.T, d *Document, err error) []byte {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Render(&b, d, FormatJSONL); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Bytes that are not an encoded page, or are cut short, are refused with
// ErrPageEncoding; errors of the first half are ExtractDoc's.
func TestPageEncodingRefused(t *testing.T) {
	ctx := context.Background()
	d, err := source.Read("talk.html", bytes.NewReader([]byte("<h1>Talk</h1><p><b>Why?</b></p><p>Because.</p>")), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := PreparePage(ctx, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := p.MarshalBinary()
	for _, bad := range [][]byte{nil, []byte("{}"), b[:len(pageMagic)], b[:len(b)/2]} {
		var q Page
		if err := q.UnmarshalBinary(bad); !errors.Is(err, ErrPageEncoding) {
			t.Errorf("%d bytes: %v, want ErrPageEncoding", len(bad), err)
		}
	}
	_, err = PreparePage(ctx, d, Options{MaxBlocks: 1})
	if !errors.Is(err, ErrTooManyBlocks) {
		t.Errorf("MaxBlocks 1: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := PreparePage(cancelled, d, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

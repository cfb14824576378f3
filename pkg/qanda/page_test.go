package qanda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
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
	perHost := map[string]*SiteLearner{} // as a distributed batch learns: one learner per host, from sketches
	for i, d := range docs {
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
		if perHost[host] == nil {
			perHost[host] = NewSiteLearner()
		}
		h, sk, err := SketchDoc(ctx, d, Options{})
		if err != nil || h != host || (host == "") != (sk == nil) {
			t.Fatalf("%s: SketchDoc gives host %q, %d bytes, %v; want host %q", d.Name, h, len(sk), err, host)
		}
		if i%2 == 0 { // the page's sketch and the document's must teach the same
			sk = p.Sketch()
		}
		if err := perHost[host].LearnSketch(sk); host != "" && err != nil {
			t.Fatal(err)
		}
		b, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		blobs = append(blobs, b)
	}
	if direct.Texts() == 0 || prepared.Texts() != direct.Texts() {
		t.Fatalf("learned %d texts from prepared pages, %d from documents", prepared.Texts(), direct.Texts())
	}
	models := NewSiteLearner()
	for _, l := range perHost {
		m, err := l.MarshalModel()
		if err != nil {
			t.Fatal(err)
		}
		if err := models.LearnModel(m); err != nil {
			t.Fatal(err)
		}
	}
	if models.Texts() != direct.Texts() {
		t.Fatalf("the hosts' models hold %d texts, the learner %d", models.Texts(), direct.Texts())
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
		doc, err = ExtractDoc(ctx, d, Options{Sites: models})
		if got := jsonLine(t, doc, err); !bytes.Equal(got, want) {
			t.Errorf("%s: extracted with the hosts' models, differs:\n%s\nwant\n%s", d.Name, got, want)
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

// Sketches and models that are cut short, or are something else, are
// refused with ErrSiteEncoding; a model encodes to the same bytes after a
// round trip.
func TestSiteEncodingRefused(t *testing.T) {
	ctx := context.Background()
	l := NewSiteLearner()
	var sketch []byte
	for i := range 4 {
		html := fmt.Sprintf("<h1>Talk %d</h1><p>Subscribe to our letter.</p><p><b>Why %d?</b></p><p>Because %d.</p>", i, i, i)
		d, err := source.Read(fmt.Sprintf("https://example.org/t/%d", i), strings.NewReader(html), source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d.URL = d.Name
		p, err := PreparePage(ctx, d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sketch = p.Sketch()
		if err := l.LearnSketch(sketch); err != nil {
			t.Fatal(err)
		}
	}
	model, err := l.MarshalModel()
	if err != nil {
		t.Fatal(err)
	}
	if l.Texts() == 0 {
		t.Fatal("nothing learned from four pages sharing a line")
	}
	again := NewSiteLearner()
	if err := again.LearnModel(model); err != nil {
		t.Fatal(err)
	}
	if m2, _ := again.MarshalModel(); !bytes.Equal(m2, model) || again.Texts() != l.Texts() {
		t.Errorf("model round trip: %d texts, %x, want %d, %x", again.Texts(), m2, l.Texts(), model)
	}
	for name, b := range map[string][]byte{"sketch": sketch, "model": model} {
		for _, bad := range [][]byte{nil, []byte("{}"), b[:len(b)-1], append(slices.Clone(b), 0)} {
			var err error
			if name == "sketch" {
				err = NewSiteLearner().LearnSketch(bad)
			} else {
				err = NewSiteLearner().LearnModel(bad)
			}
			if !errors.Is(err, ErrSiteEncoding) {
				t.Errorf("%s of %d bytes: %v, want ErrSiteEncoding", name, len(bad), err)
			}
		}
	}
	if err := NewSiteLearner().LearnModel(sketch); !errors.Is(err, ErrSiteEncoding) {
		t.Errorf("a sketch taken as a model: %v", err)
	}
}

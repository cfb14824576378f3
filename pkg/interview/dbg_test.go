package interview

import (
	"bytes"

	"fmt"
	"github.com/PuerkitoBio/goquery"
	"os"
	"testing"

	"github.com/qanda/qanda/pkg/blocks"
	"github.com/qanda/qanda/pkg/clean"
	"github.com/qanda/qanda/pkg/meta"
	"github.com/qanda/qanda/pkg/source"
)

func TestDbgCandidates(t *testing.T) {
	path := os.Getenv("DBG")
	if path == "" {
		t.Skip()
	}
	d, _ := source.Open(path, source.Options{})
	var bs []blocks.Block
	var m meta.Meta
	html := d.Format == source.HTML
	if html {
		gq, _ := goquery.NewDocumentFromReader(bytes.NewReader(d.Body))
		bs = blocks.FromHTML(gq)
		m = meta.FromHTML(gq)
	} else {
		bs = blocks.FromText(string(d.Body))
		m = meta.FromText(bs)
	}
	marks := clean.Clean(bs, clean.Context{TitleBlock: m.TitleBlock, HTML: html})
	var stream []int
	for i, mk := range marks {
		if mk.Role == clean.Content {
			stream = append(stream, i)
		}
	}
	p := &page{in: Input{Blocks: bs, Marks: marks}, stream: stream}
	for _, c := range p.candidates() {
		nq := 0
		for _, q := range c.isQ {
			if q {
				nq++
			}
		}
		tr, score := p.segment(c)
		fmt.Printf("%-20s isQ=%d exchanges=%d score=%.2f stream=%d\n", c.method, nq, len(tr.Exchanges), score, len(stream))
	}
}

func TestDbgSig(t *testing.T) {
	path := os.Getenv("DBG")
	if path == "" {
		t.Skip()
	}
	d, _ := source.Open(path, source.Options{})
	gq, _ := goquery.NewDocumentFromReader(bytes.NewReader(d.Body))
	bs := blocks.FromHTML(gq)
	for i, b := range bs {
		if b.Elem != nil {
			fmt.Printf("%d %s.%s|%s  %.50s\n", i, b.Elem.Tag, b.Elem.Class, b.Elem.Style, b.Text)
		}
	}
}

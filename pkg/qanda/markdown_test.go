package qanda

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/qanda/qanda/pkg/render"
)

// The founding page's Markdown, parsed as any viewer would: one title, one
// section per exchange, questions in bold, no stray lists or code.
func TestSampleMarkdownParses(t *testing.T) {
	d := extractFile(t, filepath.Join(testdataDir, "insider-hajizada.txt"))
	var md bytes.Buffer
	if err := render.Markdown(&md, d); err != nil {
		t.Fatal(err)
	}
	src := md.Bytes()
	root := goldmark.New().Parser().Parse(text.NewReader(src))
	var h1, h2 []string
	strong := map[string]bool{}
	lists := 0
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			txt := plain(n, src)
			if n.Level == 1 {
				h1 = append(h1, txt)
			} else if n.Level == 2 {
				h2 = append(h2, txt)
			}
		case *ast.Emphasis:
			if n.Level == 2 {
				strong[plain(n, src)] = true
			}
		case *ast.List:
			lists++
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			t.Errorf("unexpected %s in the Markdown", n.Kind())
		}
		return ast.WalkContinue, nil
	})
	if len(h1) != 1 || h1[0] != *d.Title {
		t.Errorf("H1 = %q, want the title", h1)
	}
	if len(h2) != len(d.Exchanges)+1 { // + Media
		t.Fatalf("H2 = %q", h2)
	}
	for k, e := range d.Exchanges {
		if h2[k] != *e.Topic {
			t.Errorf("section %d heading %q, want topic %q", k+1, h2[k], *e.Topic)
		}
		if !strong[e.Question.Text] {
			t.Errorf("question %d is not in bold as written", k+1)
		}
	}
	if lists != 1 {
		t.Errorf("%d lists, want 1 (media)", lists)
	}
}

// plain returns the text of a node's inline children, as a reader sees it.
func plain(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
			if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return unescape(b.String())
}

// unescape undoes CommonMark backslash escapes, which goldmark leaves in
// text segments (a renderer drops them).
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

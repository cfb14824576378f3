package source

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarkdownDetection(t *testing.T) {
	markdown := map[string]string{
		"bold labels":       "**Host:** Welcome to the show.\n\n**Guest:** Thanks.\n\n**Host:** First question?\n",
		"headings and bold": "# Interview\n\nIntro text here.\n\n## The beginning\n\n**When did you start?** In 1998.\n",
		"heading and link":  "# Notes\n\nRead the [full story](https://example.org/a).\n",
		"lists and bold":    "Topics:\n\n- **Boats** and nets\n- **harbours**\n- weather\n",
		"underscores":       "__Anna:__ Hello.\n\n__Ben:__ Hi.\n\n__Anna:__ Ready?\n",
		"de":                "## Gespräch\n\n**Frage:** Wie geht es Ihnen?\n\n**Antwort:** Gut, danke.\n",
		"ru":                "**Вопрос:** Как дела?\n\n**Ответ:** Хорошо.\n\n**Вопрос:** Почему?\n",
		"bold and a bullet": "**Host:** Hi.\n\n**Guest:** Hello • again.\n\n• one point\n\n**Host:** Why?\n",
	}
	for name, s := range markdown {
		if !isMarkdown([]byte(s)) {
			t.Errorf("%s: not detected as Markdown: %+v", name, sniffMarkdown([]byte(s)))
		}
	}
	text := map[string]string{
		"plain":          "Q: How are you?\nA: Fine, thanks.\n",
		"bullets":        "Menu\n* Home\n* News\n1. First\n2. Second\n",
		"one bold":       "Prices rose by 5%**, said the report**.\n",
		"hash tag":       "#1 in sales\n#MeToo was trending\n",
		"footnote stars": "The fund** grew* last year.\n** unaudited\n",
		"brackets":       "He said [inaudible] and left (laughs).\n[12:06] A: yes\n",
		"code fence":     "```\n# not a heading\n**not bold**\n**x** **y** **z**\n```\nplain\n",
		"dunder names":   "Define __init__ first.\n\nThen __slots__ and __repr__ help.\n\nSee [docs](https://example.org/d).\n",
		"browser dump":   "  • Home\n  • Boats\n  • Nets\n  • Weather\n━━━━━━━━\n# 1 of 9\n\n# 2 of 9\n\nSearch [          ]\n- one\n- two\n",
	}
	for name, s := range text {
		if isMarkdown([]byte(s)) {
			t.Errorf("%s: taken for Markdown: %+v", name, sniffMarkdown([]byte(s)))
		}
	}
}

// No bundled text dump is taken for Markdown.
func TestMarkdownNotOnTextDumps(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/interviews-text/*.txt.gz")
	files = append(files, "../../testdata/insider-hajizada.txt")
	if len(files) < 10 {
		t.Fatalf("only %d text dumps found", len(files))
	}
	for _, f := range files {
		d, err := Open(f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Format != Text {
			t.Errorf("%s: format %q, want text", filepath.Base(f), d.Format)
		}
	}
}

func TestMarkdownExtension(t *testing.T) {
	for name, want := range map[string]Format{
		"notes.md": Markdown, "NOTES.MARKDOWN": Markdown, "a/b.md.gz": Markdown,
		"notes.txt": Text, "md": Text, "page.html": HTML,
	} {
		body := "Just a line of text.\n"
		if want == HTML {
			body = "<!DOCTYPE html><p>x</p>"
		}
		d, err := Read(name, strings.NewReader(body), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Format != want {
			t.Errorf("%s: format %q, want %q", name, d.Format, want)
		}
	}
	if !defaultExt.MatchString("show.md") || !defaultExt.MatchString("show.markdown.gz") {
		t.Error("folders do not yield .md files")
	}
}

// A "text" record of a JSON Lines stream that holds Markdown is read as
// Markdown.
func TestMarkdownRecord(t *testing.T) {
	line := `{"id":"p1","text":"**Host:** Hi.\n\n**Guest:** Hello.\n\n**Host:** Why?\n"}`
	d, err := DecodeRecord("stdin:1", []byte(line), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != Markdown {
		t.Errorf("format %q, want markdown", d.Format)
	}
	d, err = DecodeRecord("stdin:2", []byte(`{"id":"p2","text":"Q: Hi?\nA: Hello."}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != Text {
		t.Errorf("format %q, want text", d.Format)
	}
}

func FuzzIsMarkdown(f *testing.F) {
	for _, s := range []string{"", "# a\n**b**", "**a** **b** **c**", "```\n**a**", "[x](http://y)\n## z",
		"- a\n- b\n**c**", "__a__ __b__", "\n\n\n", "#\t\tx"} {
		f.Add([]byte(s))
	}
	if b, err := readGz("../../testdata/corpus/interviews-text/expapp-ceo.txt.gz"); err == nil {
		f.Add(b[:min(len(b), 4096)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := isMarkdown(data)
		if got != isMarkdown(data) {
			t.Fatal("not deterministic")
		}
		// Markdown needs its markers: text without any of them is text.
		if got && !strings.ContainsAny(string(data), "*_#[") {
			t.Fatalf("taken for Markdown without any marker: %q", data)
		}
		e := sniffMarkdown(data)
		if e.headings < 0 || e.strong < 0 || e.links < 0 || e.lists < 0 || e.dump < 0 {
			t.Fatalf("negative counts %+v", e)
		}
	})
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

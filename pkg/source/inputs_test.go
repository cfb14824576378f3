package source

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func names(ins []Input) string {
	var s []string
	for _, in := range ins {
		s = append(s, in.Name)
	}
	return strings.Join(s, " ")
}

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.html", "a.txt.gz", "sub/c.htm", "sub/drafts/d.html", ".hidden/e.html", "photo.jpg", "notes.md", ".f.html"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("<p>x</p><p>y</p>"), 0o644)
	}
	rel := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }

	ins, skipped := walkAll(t, []string{dir}, WalkOptions{})
	if got := rel(names(ins)); got != "a.txt.gz b.html notes.md sub/c.htm sub/drafts/d.html" {
		t.Errorf("default: %q", got)
	}
	if skipped["filtered"] != 2 { // photo.jpg, .f.html
		t.Errorf("skipped %v", skipped)
	}
	ins, _ = walkAll(t, []string{dir}, WalkOptions{Include: []string{"*.html", "*.md"}, Exclude: []string{"drafts"}})
	if got := rel(names(ins)); got != "b.html notes.md" {
		t.Errorf("include/exclude: %q", got)
	}
	ins, _ = walkAll(t, []string{dir}, WalkOptions{Include: []string{"sub/*"}})
	if got := rel(names(ins)); got != "sub/c.htm" {
		t.Errorf("path glob: %q", got)
	}
	// A file named directly is read whatever its name; a missing one fails
	// in its place.
	ins, _ = walkAll(t, []string{filepath.Join(dir, "notes.md"), filepath.Join(dir, "nope.html")}, WalkOptions{})
	if len(ins) != 2 {
		t.Fatalf("got %d inputs", len(ins))
	}
	if _, err := ins[1].Load(context.Background()); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadList(t *testing.T) {
	specs, err := ReadList("list", strings.NewReader("\ufeffa.html\n\n# comment\n  https://example.org/x  \r\nb/\n"))
	if err != nil || strings.Join(specs, "|") != "a.html|https://example.org/x|b/" {
		t.Errorf("got %q, %v", specs, err)
	}
	if _, err := OpenList(filepath.Join(t.TempDir(), "none")); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing list: %v", err)
	}
}

func TestRecordReader(t *testing.T) {
	in := `{"url":"https://example.org/a","html":"<p>Hello</p>"}` + "\n" +
		"\n" +
		`{"id":"doc-2","text":"<p>looks like html</p><p>but is text</p>"}` + "\r\n" +
		`not json` + "\n" +
		`{"url":"https://example.org/big","html":"` + strings.Repeat("x", 3000) + `"}` + "\n" +
		`{"url":"https://example.org/none"}` + "\n" +
		`{"html":"<meta charset=windows-1251><p>Привет</p>"}`
	rr := NewRecordReader(strings.NewReader(in), Options{MaxBytes: 1000})
	var got []string
	for {
		in, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		d, err := in.Load(context.Background())
		switch {
		case err != nil:
			got = append(got, in.Name+" error")
		default:
			got = append(got, d.Name+" "+string(d.Format)+" "+d.URL+" "+string(d.Body))
		}
	}
	want := []string{
		"https://example.org/a html https://example.org/a <p>Hello</p>",
		"doc-2 text  <p>looks like html</p><p>but is text</p>",
		"stdin:4 error",
		"stdin:5 error",
		"stdin:6 error",
		"stdin:7 html  <meta charset=windows-1251><p>Привет</p>",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Links in a folder: a link to a folder (here its parent, which would make
// the walk go round) is passed over, a link that loops fails when read,
// and a link to a page is read.
func TestWalkSymlinks(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "page.html"), []byte("<p>x</p><p>y</p>"), 0o644)
	os.Symlink("page.html", filepath.Join(dir, "link.html"))
	os.Symlink("loop.html", filepath.Join(dir, "loop.html"))
	os.Symlink("..", filepath.Join(dir, "up.html"))
	os.Symlink(".", filepath.Join(dir, "self"))
	ins, skipped := walkAll(t, []string{dir}, WalkOptions{Include: []string{"*"}})
	if got := strings.ReplaceAll(names(ins), dir+string(filepath.Separator), ""); got != "link.html loop.html page.html" {
		t.Errorf("inputs %q", got)
	}
	if skipped["link to a folder"] != 2 {
		t.Errorf("skipped %v", skipped)
	}
	for _, in := range ins {
		_, err := in.Load(context.Background())
		if loop := strings.HasSuffix(in.Name, "loop.html"); loop != (err != nil) || loop && !strings.Contains(err.Error(), "too many levels of symbolic links") {
			t.Errorf("%s: %v", in.Name, err)
		}
	}
}

// Only http and https are fetched; other schemes are refused by name,
// never opened as files or fetched.
func TestWalkOtherSchemes(t *testing.T) {
	specs := []string{"file:///etc/passwd", "ftp://example.org/a.html", "gopher://example.org/1", "data:text/html,<p>x</p>", "javascript:alert(1)"}
	ins, _ := walkAll(t, specs, WalkOptions{Fetcher: NewFetcher(FetchOptions{})})
	if len(ins) != len(specs) {
		t.Fatalf("%d inputs", len(ins))
	}
	for _, in := range ins {
		if _, err := in.Load(context.Background()); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "only http and https URLs are fetched") {
			t.Errorf("%s: %v", in.Name, err)
		}
	}
}

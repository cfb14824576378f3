package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The example reads a folder's pages in order, writes one JSON line per
// page and reports the file it cannot read, going on past it.
func TestFolderToJSONL(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a/one.txt": "Talk one\n\nQ: Why do bridges sing?\n\nA: The wind makes their cables hum.\n\nQ: Always?\n\nA: Only in autumn.\n",
		"b/two.html": "<html><body><h1>Talk two</h1><p><b>Why paint walls?</b></p><p>Because they are there.</p>" +
			"<p><b>And then?</b></p><p>Then we paint the next one.</p></body></html>",
		"c/bad.txt": "",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{dir}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one file failed)", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), stdout.String())
	}
	for k, want := range []string{"Why do bridges sing?", "Why paint walls?"} {
		var d struct {
			Schema    string
			Exchanges []struct{ Question struct{ Text string } }
		}
		if err := json.Unmarshal([]byte(lines[k]), &d); err != nil {
			t.Fatalf("line %d: %v", k+1, err)
		}
		if d.Schema != "qanda/2" || len(d.Exchanges) != 2 || d.Exchanges[0].Question.Text != want {
			t.Errorf("line %d: %+v, want two exchanges opening with %q", k+1, d, want)
		}
	}
	if msg := stderr.String(); !strings.Contains(msg, "bad.txt: empty input") || strings.Count(msg, "\n") != 1 {
		t.Errorf("stderr %q, want one line naming bad.txt", msg)
	}
	if code := run(context.Background(), nil, &stdout, &stderr); code != 2 {
		t.Errorf("no folder: exit %d, want 2", code)
	}
}

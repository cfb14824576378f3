package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../testdata/insider-hajizada.txt"

// runCLI runs qanda in-process and returns exit code, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"qanda"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtractJSON(t *testing.T) {
	code, out, errs := runCLI(t, "", "extract", sample)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var d struct {
		Schema    string `json:"schema"`
		Exchanges []struct {
			Question struct{ Text string } `json:"question"`
		} `json:"exchanges"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	if d.Schema != "qanda/2" || len(d.Exchanges) != 4 {
		t.Errorf("schema %q, %d exchanges", d.Schema, len(d.Exchanges))
	}
}

func TestExtractFormats(t *testing.T) {
	for format, want := range map[string]string{
		"md":    "# Ethnic Armenians face no threat",
		"text":  "Ethnic Armenians face no threat",
		"jsonl": `{"schema":"qanda/2"`,
		"csv":   "document,n,topic",
	} {
		code, out, errs := runCLI(t, "", "extract", "--format", format, sample)
		if code != 0 || errs != "" {
			t.Errorf("%s: exit %d, stderr %q", format, code, errs)
		}
		if !strings.HasPrefix(out, want) {
			t.Errorf("%s: output starts %q, want %q", format, firstLine(out), want)
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func TestExtractStdinAndGzip(t *testing.T) {
	raw, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(raw)
	w.Close()
	for name, in := range map[string]string{"plain": string(raw), "gzip": gz.String()} {
		code, out, errs := runCLI(t, in, "extract", "--format", "jsonl", "-")
		if code != 0 || errs != "" {
			t.Errorf("%s: exit %d, stderr %q", name, code, errs)
		}
		if !strings.Contains(out, `"n":4`) {
			t.Errorf("%s: no 4th exchange in %q", name, firstLine(out)[:80])
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.html")
	os.WriteFile(empty, nil, 0o644)
	png := filepath.Join(dir, "photo.png")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), 0o644)
	missing := filepath.Join(dir, "missing.html")
	cases := []struct {
		name, path, want string
	}{
		{"missing", missing, "missing.html"},
		{"empty", empty, "empty.html"},
		{"binary", png, "photo.png"},
		{"directory", dir, filepath.Base(dir)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "extract", c.path)
			if code != exitFailed {
				t.Errorf("exit %d, want %d", code, exitFailed)
			}
			if out != "" {
				t.Errorf("stdout should be empty, got %q", out)
			}
			if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "qanda: ") || !strings.Contains(errs, c.want) {
				t.Errorf("stderr should be one line naming %q, got %q", c.want, errs)
			}
		})
	}
}

// A bad input in a batch is reported, and the good ones are still written.
func TestBatchGoesOn(t *testing.T) {
	code, out, errs := runCLI(t, "", "extract", "nope.html", sample)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"schema":"qanda/2"`) {
		t.Errorf("want one JSON line for the good input, got %q", out)
	}
	if !strings.Contains(errs, "nope.html") {
		t.Errorf("stderr %q does not name the bad input", errs)
	}
}

func TestNoInterview(t *testing.T) {
	page := "A short news story\n\nThe council met on Tuesday and approved the budget for next year. The vote was unanimous and the meeting lasted two hours.\n\nThe new budget takes effect in January and includes more money for schools.\n"
	code, out, errs := runCLI(t, page, "extract", "-")
	if code != exitOK {
		t.Errorf("exit %d, want 0", code)
	}
	var d struct {
		Exchanges []any                            `json:"exchanges"`
		Intro     []string                         `json:"intro"`
		Warnings  []struct{ Code, Message string } `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if d.Exchanges == nil || len(d.Exchanges) != 0 || len(d.Warnings) != 1 || d.Warnings[0].Code != "no-interview" || len(d.Intro) == 0 {
		t.Errorf("want no exchanges, a warning and the text in intro; got %+v", d)
	}
	if !strings.Contains(errs, "no interview") {
		t.Errorf("stderr %q lacks the warning", errs)
	}
	if code, _, _ := runCLI(t, page, "extract", "--strict", "-"); code != exitNoInterview {
		t.Errorf("--strict: exit %d, want %d", code, exitNoInterview)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--format", "pdf", sample},
		{"extract", "--no-such-flag", sample},
		{"explain"},
		{"explain", "--color", "purple", sample},
	} {
		code, out, errs := runCLI(t, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, exitUsage, errs)
		}
		if out != "" && !strings.Contains(out, "USAGE") {
			t.Errorf("%v: unexpected stdout %q", args, out)
		}
		if !strings.Contains(errs, "qanda: ") {
			t.Errorf("%v: stderr %q", args, errs)
		}
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "schema")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, "qanda/2") {
		t.Errorf("exit %d, schema output %q", code, firstLine(out))
	}
}

func TestExplain(t *testing.T) {
	code, out, errs := runCLI(t, "", "explain", "--color", "never", sample)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"repeated-run", "link-stub", "pull-quote", "- Subscribe to our weekly digest", "  My first question concerns"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q", want)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes with --color never")
	}
	_, out, _ = runCLI(t, "", "explain", "--color", "always", sample)
	if !strings.Contains(out, "\x1b[31m") {
		t.Error("no colour with --color always")
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, errs := runCLI(t, "", "frobnicate")
	if code != exitUsage || !strings.Contains(errs, "frobnicate") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// Flags may follow the inputs, as users type them; "--" ends the flags;
// a flag without its value or an unknown flag is a usage error, never an
// input that is "not found".
func TestFlagsAfterInputs(t *testing.T) {
	cases := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string // a prefix of stdout
		stderr string // stderr, exactly
	}{
		{"format after input", "", []string{"extract", sample, "--format", "md"}, exitOK, "# Ethnic Armenians", ""},
		{"short flags with =", "", []string{"extract", sample, "-f=text", "-q"}, exitOK, "Ethnic Armenians", ""},
		{"between inputs", "", []string{"extract", sample, "-f", "jsonl", sample}, exitOK, `{"schema":"qanda/2"`, "qanda: 2 documents: 2 written, 0 failed\n"},
		{"after --", "", []string{"extract", "-f", "md", "--", sample}, exitOK, "# Ethnic Armenians", ""},
		{"bool flag after input", "", []string{"extract", "--format", "md", sample, "--strict"}, exitOK, "# Ethnic Armenians", ""},
		{"value - is the flag's", sample + "\n", []string{"extract", "--from-list", "-", "--format", "md"}, exitOK, "# Ethnic Armenians", ""},
		{"missing value", "", []string{"extract", sample, "--format"}, exitUsage, "", "qanda: flag needs an argument: --format (see 'qanda --help')\n"},
		{"unknown flag", "", []string{"extract", sample, "--bogus"}, exitUsage, "", "qanda: flag provided but not defined: -bogus (see 'qanda --help')\n"},
		{"explain", "", []string{"explain", sample, "--color", "never"}, exitOK, "explain: ", ""},
		{"help after input", "", []string{"extract", sample, "--help"}, exitOK, "NAME:", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(t, c.stdin, c.args...)
			if code != c.code || errs != c.stderr || !strings.HasPrefix(out, c.stdout) {
				t.Errorf("exit %d (want %d), stderr %q (want %q), stdout %.80q (want prefix %q)", code, c.code, errs, c.stderr, out, c.stdout)
			}
		})
	}
}

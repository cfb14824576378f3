package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Exit codes, documented in README.md.
const (
	exitOK          = 0 // every input processed
	exitFailed      = 1 // at least one input could not be read or processed
	exitUsage       = 2 // bad flags or arguments
	exitNoInterview = 3 // --strict and at least one document has no exchanges
)

// usageError marks errors in how qanda was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError carries an exit code out of a command after its messages were
// printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Options is everything the flags say, in one value.
type Options struct {
	Format   string
	MaxBytes int64
	Strict   bool
	Color    string
	Inputs   []string
}

func optionsFrom(c *cli.Context) (Options, error) {
	o := Options{
		Format:   strings.ToLower(c.String("format")),
		MaxBytes: c.Int64("max-bytes"),
		Strict:   c.Bool("strict"),
		Color:    c.String("color"),
		Inputs:   c.Args().Slice(),
	}
	switch o.Format {
	case "", "json", "jsonl", "md", "markdown", "text", "txt", "csv":
	default:
		return o, usageError{fmt.Sprintf("unknown --format %q; use json, jsonl, md, text or csv", o.Format)}
	}
	switch o.Color {
	case "", "auto", "always", "never":
	default:
		return o, usageError{fmt.Sprintf("unknown --color %q; use auto, always or never", o.Color)}
	}
	if o.MaxBytes < 0 {
		return o, usageError{"--max-bytes must be positive"}
	}
	return o, nil
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	notFound := false
	app.CommandNotFound = func(_ *cli.Context, name string) {
		fmt.Fprintf(stderr, "qanda: unknown command %q (see 'qanda --help')\n", name)
		notFound = true
	}
	err := app.RunContext(ctx, args)
	if notFound {
		return exitUsage
	}
	var ue usageError
	var ee exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "qanda: %s (see 'qanda --help')\n", ue.msg)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "qanda: %v\n", err)
		return exitFailed
	}
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	maxBytes := &cli.Int64Flag{Name: "max-bytes", Value: source.DefaultMaxBytes, Usage: "refuse inputs larger than this many bytes (after gunzip)"}
	return &cli.App{
		Name:      "qanda",
		Usage:     "turn scraped interview pages into clean question/answer transcripts",
		Version:   version,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// qanda maps errors to exit codes itself.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err.Error()}
		},
		Commands: []*cli.Command{
			{
				Name:      "extract",
				Usage:     "structure one or more pages (files, or - for stdin)",
				ArgsUsage: "[FILE|-]...",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "json, jsonl, md, text or csv"},
					maxBytes,
					&cli.BoolFlag{Name: "strict", Usage: "exit 3 when a page has no interview"},
				},
				OnUsageError: usageErr,
				Action: func(c *cli.Context) error {
					o, err := optionsFrom(c)
					if err != nil {
						return err
					}
					return extract(c.Context, o, stdin, stdout, stderr)
				},
			},
			{
				Name:      "explain",
				Usage:     "show what was removed from a page and why, and a diff of page text against clean text",
				ArgsUsage: "FILE|-",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "color", Value: "auto", Usage: "auto (only on a terminal), always or never"},
					maxBytes,
				},
				OnUsageError: usageErr,
				Action: func(c *cli.Context) error {
					o, err := optionsFrom(c)
					if err != nil {
						return err
					}
					if len(o.Inputs) != 1 {
						return usageError{"explain takes exactly one input"}
					}
					return explain(o, stdin, stdout, stderr)
				},
			},
			{
				Name:  "schema",
				Usage: "print the JSON Schema of the JSON output",
				Action: func(*cli.Context) error {
					_, err := stdout.Write(render.Schema())
					return err
				},
			},
		},
	}
}

func usageErr(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }

// load reads and structures one input.
func load(name string, o Options, stdin io.Reader) (*qanda.Extraction, error) {
	var d *source.Doc
	var err error
	if name == "-" {
		d, err = source.Read("-", stdin, source.Options{MaxBytes: o.MaxBytes})
	} else {
		d, err = source.Open(name, source.Options{MaxBytes: o.MaxBytes})
	}
	if err != nil {
		return nil, err
	}
	return qanda.Extract(d, qanda.Options{MaxBytes: o.MaxBytes})
}

// extract writes each input's document to stdout. A bad input is reported
// and skipped; the others are still written.
func extract(ctx context.Context, o Options, stdin io.Reader, stdout, stderr io.Writer) error {
	inputs := o.Inputs
	if len(inputs) == 0 {
		if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			return usageError{"no input: name a file, or pipe a page into 'qanda extract -'"}
		}
		inputs = []string{"-"}
	}
	format := o.Format
	if format == "json" && len(inputs) > 1 {
		format = "jsonl" // several documents: one per line
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	failed, empty := 0, 0
	for k, name := range inputs {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "qanda: interrupted")
			failed += len(inputs) - k
			break
		}
		e, err := load(name, o, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "qanda: %v\n", err)
			failed++
			continue
		}
		if len(e.Doc.Exchanges) == 0 {
			empty++
			fmt.Fprintf(stderr, "qanda: %s: warning: no interview found; the text is in intro\n", name)
		}
		if err := write(w, format, e.Doc, k == 0); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	switch {
	case failed > 0:
		return exitError{exitFailed}
	case o.Strict && empty > 0:
		return exitError{exitNoInterview}
	}
	return nil
}

func write(w io.Writer, format string, d *render.Document, first bool) error {
	switch format {
	case "jsonl":
		return render.JSONLine(w, d)
	case "md", "markdown":
		return render.Markdown(w, d)
	case "text", "txt":
		return render.Text(w, d)
	case "csv":
		if first {
			if err := render.CSVHeader(w); err != nil {
				return err
			}
		}
		return render.CSVRows(w, d)
	}
	return render.JSON(w, d)
}

func explain(o Options, stdin io.Reader, stdout, stderr io.Writer) error {
	e, err := load(o.Inputs[0], o, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "qanda: %v\n", err)
		return exitError{exitFailed}
	}
	color := o.Color == "always"
	if o.Color == "auto" || o.Color == "" {
		if f, ok := stdout.(*os.File); ok {
			color = term.IsTerminal(int(f.Fd()))
		}
	}
	return render.Explain(stdout, e.Doc, e.PageText(), render.ExplainOptions{Color: color})
}

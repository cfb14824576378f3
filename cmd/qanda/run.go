package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

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
	Format   string   // stdout format; with OutDir the first of Formats
	Formats  []string // -o DIR: one file per document and format
	MaxBytes int64
	Limits   qanda.Options // --max-depth, --max-nodes, --max-blocks, --timeout-doc
	Strict   bool
	Color    string
	Inputs   []string

	Include, Exclude []string      // globs for files inside folders
	FromList         string        // file (or "-") listing inputs, one a line
	StdinJSONL       bool          // JSON Lines records on stdin, answered on stdout
	OutDir           string        // -o: one file per document
	Resume           bool          // skip documents done for the same input digest
	Jobs             int           // documents at once
	Quiet            bool          // no progress, warnings or closing line
	Timeout          time.Duration // per URL
	PerHost          int           // URL requests at once per host
	SiteLearning     bool          // learn site boilerplate across the run
	CSVRaw           bool          // CSV cells unchanged, not spreadsheet-safe
}

func optionsFrom(c *cli.Context) (Options, error) {
	o := Options{
		Format:   strings.ToLower(c.String("format")),
		MaxBytes: c.Int64("max-bytes"),
		Limits: qanda.Options{
			MaxBytes: c.Int64("max-bytes"), MaxDepth: c.Int("max-depth"), MaxNodes: c.Int("max-nodes"),
			MaxBlocks: c.Int("max-blocks"), Timeout: c.Duration("timeout-doc"),
		},
		Strict:       c.Bool("strict"),
		Color:        c.String("color"),
		Inputs:       c.Args().Slice(),
		Include:      c.StringSlice("include"),
		Exclude:      c.StringSlice("exclude"),
		FromList:     c.String("from-list"),
		StdinJSONL:   c.Bool("stdin-jsonl"),
		OutDir:       c.String("output"),
		Resume:       c.Bool("resume"),
		Jobs:         c.Int("jobs"),
		Quiet:        c.Bool("quiet"),
		Timeout:      c.Duration("timeout"),
		PerHost:      c.Int("per-host"),
		SiteLearning: !c.Bool("no-site-boilerplate"),
		CSVRaw:       c.Bool("csv-raw"),
	}
	if names := ruleList(c.StringSlice("disable-rule")); len(names) > 0 {
		if u := qanda.UnknownRules(names); len(u) > 0 {
			return o, usageError{fmt.Sprintf("unknown rule %q in --disable-rule; qanda rules lists the names", u[0])}
		}
		o.Limits.Disabled = map[string]bool{}
		for _, n := range names {
			o.Limits.Disabled[n] = true
		}
		o.SiteLearning = o.SiteLearning && !o.Limits.Disabled["site-boilerplate"]
	}
	if c.Command.Name != "extract" {
		o.Jobs, o.PerHost, o.Timeout = 1, 1, time.Second // not used by explain and serve
	}
	if o.OutDir != "" {
		for _, f := range strings.Split(o.Format, ",") {
			switch f = strings.TrimSpace(f); f {
			case "markdown":
				f = "md"
			case "txt":
				f = "text"
			}
			if _, ok := extOf[f]; !ok {
				return o, usageError{fmt.Sprintf("unknown --format %q with -o; use json, md, text or csv (comma-separated)", f)}
			}
			if !slices.Contains(o.Formats, f) {
				o.Formats = append(o.Formats, f)
			}
		}
		o.Format = o.Formats[0]
	} else {
		switch o.Format {
		case "", "json", "jsonl", "md", "markdown", "text", "txt", "csv":
		default:
			return o, usageError{fmt.Sprintf("unknown --format %q; use json, jsonl, md, text or csv (several, comma-separated, only with -o DIR)", o.Format)}
		}
		if o.Format == "" {
			o.Format = "json"
		}
	}
	switch o.Color {
	case "", "auto", "always", "never":
	default:
		return o, usageError{fmt.Sprintf("unknown --color %q; use auto, always or never", o.Color)}
	}
	switch {
	case o.MaxBytes < 0:
		return o, usageError{"--max-bytes must be positive"}
	case o.Limits.MaxDepth < 1 || o.Limits.MaxDepth > qanda.DefaultMaxDepth:
		return o, usageError{fmt.Sprintf("--max-depth must be between 1 and %d (the HTML parser's own limit)", qanda.DefaultMaxDepth)}
	case o.Limits.MaxNodes < 1:
		return o, usageError{"--max-nodes must be at least 1"}
	case o.Limits.MaxBlocks < 1:
		return o, usageError{"--max-blocks must be at least 1"}
	case o.Limits.Timeout <= 0:
		return o, usageError{"--timeout-doc must be positive, e.g. 2m"}
	case o.Jobs < 1:
		return o, usageError{"--jobs must be at least 1"}
	case o.PerHost < 1:
		return o, usageError{"--per-host must be at least 1"}
	case o.Timeout <= 0:
		return o, usageError{"--timeout must be positive, e.g. 30s"}
	case o.Resume && o.OutDir == "":
		return o, usageError{"--resume needs -o DIR"}
	case o.StdinJSONL && (len(o.Inputs) > 0 || o.FromList != ""):
		return o, usageError{"--stdin-jsonl reads only stdin; give no inputs and no --from-list"}
	case o.StdinJSONL && o.OutDir == "" && o.Format != "json" && o.Format != "jsonl":
		return o, usageError{"--stdin-jsonl answers in JSON Lines; drop --format or use -o DIR"}
	}
	for _, g := range append(o.Include, o.Exclude...) {
		if err := source.ValidGlob(g); err != nil {
			return o, usageError{err.Error()}
		}
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
	args, err := interspersed(app, args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
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
		fmt.Fprintf(stderr, "qanda: %s\n", advised(err))
		return exitFailed
	}
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	// Limits on one document, shared by extract and explain.
	limits := []cli.Flag{
		&cli.Int64Flag{Name: "max-bytes", Value: source.DefaultMaxBytes, Usage: "refuse inputs larger than this many bytes (after gunzip)"},
		&cli.IntFlag{Name: "max-depth", Value: qanda.DefaultMaxDepth, Usage: "read a page whose HTML nests deeper than this as text (at most 512)"},
		&cli.IntFlag{Name: "max-nodes", Value: qanda.DefaultMaxNodes, Usage: "read a page that would build more HTML elements than this as text"},
		&cli.IntFlag{Name: "max-blocks", Value: qanda.DefaultMaxBlocks, Usage: "refuse a document with more blocks (paragraphs, lines) than this"},
		&cli.DurationFlag{Name: "timeout-doc", Value: defaultTimeoutDoc, Usage: "give up on a document that takes longer than this to structure"},
		&cli.StringSliceFlag{Name: "disable-rule", Usage: "switch off a cleaning rule or interview format by `NAME` (repeatable or comma-separated; qanda rules lists them)"},
	}
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
				Usage:     "structure pages: files, folders, WARC files, URLs, - for stdin",
				ArgsUsage: "[FILE|DIR|WARC|URL|-]...",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "json, jsonl, md, text or csv; with -o a comma-separated list (json,md)"},
					&cli.BoolFlag{Name: "strict", Usage: "exit 3 when a page has no interview"},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write one file per document and format into `DIR`, plus summary.json"},
					&cli.BoolFlag{Name: "resume", Usage: "with -o: pass over documents whose output exists for the same input digest"},
					&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "documents processed at once"},
					&cli.StringSliceFlag{Name: "include", Usage: "only files in folders matching `GLOB` (repeatable; default: pages, text dumps, WARCs)"},
					&cli.StringSliceFlag{Name: "exclude", Usage: "leave out files and folders matching `GLOB` (repeatable)"},
					&cli.StringFlag{Name: "from-list", Usage: "read inputs (files, folders, WARCs, URLs) from `FILE`, one a line; - for stdin"},
					&cli.BoolFlag{Name: "stdin-jsonl", Usage: "read JSON Lines records {url, html|text} on stdin; answer one JSON line each, in order"},
					&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar, warnings or closing line (errors still go to stderr)"},
					&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "time limit for fetching one URL"},
					&cli.IntFlag{Name: "per-host", Value: 2, Usage: "URL requests at once to one host"},
					&cli.BoolFlag{Name: "no-site-boilerplate", Usage: "do not learn boilerplate that recurs across pages of one host"},
					&cli.BoolFlag{Name: "csv-raw", Usage: "write CSV cells unchanged (by default a cell starting with = + - @ gets a leading ' so that spreadsheets do not run it)"},
				}, limits...),
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
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "color", Value: "auto", Usage: "auto (only on a terminal), always or never"},
				}, limits...),
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
			rulesCommand(stdout, stderr),
			serveCommand(limits, stdout, stderr),
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

// defaultTimeoutDoc is the time one document may take to structure by
// default (the library has no limit of its own). The largest legitimate
// input (50 MiB of text) takes about half a minute on a slow machine.
const defaultTimeoutDoc = 2 * time.Minute

func usageErr(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }

// load reads and structures one input.
func load(name string, o Options, stdin io.Reader) (*qanda.Explanation, error) {
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
	return qanda.Explain(context.Background(), d, o.Limits)
}

func explain(o Options, stdin io.Reader, stdout, stderr io.Writer) error {
	e, err := load(o.Inputs[0], o, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "qanda: %s\n", advised(err))
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

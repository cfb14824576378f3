package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/internal/interview"
	"github.com/qanda/qanda/pkg/qanda"
)

// ruleInfo is one cleaning rule or interview format, as `qanda rules`
// lists it.
type ruleInfo struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"` // "reading", "rule", "step" (of Parent) or "format"
	Parent string   `json:"parent,omitempty"`
	Input  string   `json:"input"`
	Does   string   `json:"does"`
	Why    string   `json:"why"`
	Pages  []string `json:"pages,omitempty"` // with inputs: where it fired
}

func allRules() []ruleInfo {
	// Reading: not a cleaning rule (it cannot be disabled), but it is
	// named in removed like one.
	out := []ruleInfo{{Name: "control-characters", Kind: "reading", Input: string(clean.AnyInput),
		Does: "removes control characters other than tab and newline (listed as reason " + qanda.ReasonControl + ")",
		Why:  "page text never needs them, and printed raw they are terminal commands"}}
	for _, r := range clean.Rules() {
		kind := "rule"
		if r.Parent != "" {
			kind = "step"
		}
		out = append(out, ruleInfo{Name: r.Name, Kind: kind, Parent: r.Parent, Input: string(r.Input), Does: r.Does, Why: r.Why})
	}
	for _, f := range interview.Formats() {
		out = append(out, ruleInfo{Name: f.Name, Kind: "format", Input: string(clean.AnyInput), Does: "proposes " + f.Proposes, Why: f.Why})
	}
	return out
}

// ruleList splits the values of a repeatable, comma-separated flag.
func ruleList(values []string) []string {
	var out []string
	for _, v := range values {
		for n := range strings.SplitSeq(v, ",") {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// firedRules returns the rules that removed or moved a block of e and the
// formats its exchanges came from.
func firedRules(e *qanda.Explanation) map[string]bool {
	fired := map[string]bool{}
	for _, b := range e.Blocks {
		if b.Rule != "" {
			fired[b.Rule] = true
		}
	}
	for _, r := range e.Doc.Removed {
		fired[r.Rule] = true // also what reading removed, which is no block
	}
	for _, x := range e.Doc.Exchanges {
		best := ""
		for _, f := range interview.Formats() {
			if strings.HasPrefix(x.Method, f.Name) && len(f.Name) > len(best) {
				best = f.Name
			}
		}
		if best != "" {
			fired[best] = true
		}
	}
	return fired
}

func rulesCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list the cleaning rules and interview formats; with inputs, the pages each fires on",
		ArgsUsage: "[FILE]...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
		},
		OnUsageError: usageErr,
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageError{fmt.Sprintf("unknown --format %q for rules; use text or json", format)}
			}
			rules := allRules()
			failed := false
			for _, name := range c.Args().Slice() {
				e, err := load(name, Options{}, nil)
				if err != nil {
					fmt.Fprintf(stderr, "qanda: %s\n", advised(err))
					failed = true
					continue
				}
				fired := firedRules(e)
				for i := range rules {
					if fired[rules[i].Name] {
						rules[i].Pages = append(rules[i].Pages, name)
					}
				}
			}
			if err := writeRules(stdout, rules, format, c.NArg() > 0); err != nil {
				return err
			}
			if failed {
				return exitError{exitFailed}
			}
			return nil
		},
	}
}

func writeRules(w io.Writer, rules []ruleInfo, format string, counted bool) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rules)
	}
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	for _, r := range rules {
		name := r.Name
		if r.Kind == "step" {
			name = "  " + name
		}
		if counted {
			fmt.Fprintf(tw, "%s\t%s\t%d pages\t%s\n", name, r.Kind, len(r.Pages), r.Does)
		} else {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, r.Kind, r.Input, r.Does)
		}
	}
	return tw.Flush()
}

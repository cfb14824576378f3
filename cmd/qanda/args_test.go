package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

// interspersed only reorders: nothing is lost or made up but the one "--"
// it puts before the inputs, and the inputs keep their order.
func FuzzInterspersed(f *testing.F) {
	f.Add("extract a.html --format md b.html -q")
	f.Add("extract -- -x.html --format")
	f.Add("explain - --color never")
	f.Add("schema --x y")
	f.Fuzz(func(t *testing.T, line string) {
		app := newApp(strings.NewReader(""), io.Discard, io.Discard)
		args := append([]string{"qanda"}, strings.Fields(line)...)
		out, err := interspersed(app, args)
		switch {
		case err != nil:
			if !strings.HasPrefix(args[len(args)-1], "-") {
				t.Fatalf("%q: error %v though the last argument is no flag", args, err)
			}
			return
		case len(args) < 3 || app.Command(args[1]) == nil:
			if !slices.Equal(out, args) {
				t.Fatalf("%q changed to %q", args, out)
			}
			return
		case slices.ContainsFunc(out, func(a string) bool { return a == "-h" || a == "--help" || a == "-help" }):
			return // help drops the inputs
		}
		without := func(a []string, drop string) []string {
			if i := slices.Index(a, drop); i >= 0 {
				return slices.Delete(slices.Clone(a), i, i+1)
			}
			return a
		}
		gotAll, wantAll := slices.Clone(without(out, "--")), slices.Clone(without(args, "--"))
		slices.Sort(gotAll)
		slices.Sort(wantAll)
		if !slices.Equal(gotAll, wantAll) {
			t.Fatalf("%q became %q", args, out)
		}
		// The inputs, in order, are a subsequence of the arguments.
		if i := slices.Index(out, "--"); i >= 0 {
			j := 0
			for _, in := range out[i+1:] {
				for j < len(args) && args[j] != in {
					j++
				}
				if j == len(args) {
					t.Fatalf("%q: inputs reordered in %q", args, out)
				}
				j++
			}
		}
	})
}

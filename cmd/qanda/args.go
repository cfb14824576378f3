package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed lets a command's flags follow its inputs, as in
// "qanda extract page.html --format md". urfave/cli, like the flag package,
// stops reading flags at the first argument that is none, so without this
// "--format" and "md" would be taken for two more inputs. It moves every
// argument that starts with "-" (except "-" itself, stdin), with the value
// of a flag that takes one, in front of the inputs, and puts "--" between
// them. An argument after "--" is always an input; unknown flags are moved
// too, so the parser reports them as usage errors rather than as missing
// files. Arguments before the command name are left alone.
func interspersed(app *cli.App, args []string) ([]string, error) {
	if len(args) < 3 {
		return args, nil
	}
	cmd := app.Command(args[1])
	if cmd == nil || cmd.SkipFlagParsing {
		return args, nil
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	flags := []string{}
	var inputs []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			inputs = append(inputs, rest[i+1:]...)
			i = len(rest)
		case a == "-" || !strings.HasPrefix(a, "-"):
			inputs = append(inputs, a)
		default:
			flags = append(flags, a)
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if !takesValue[name] || hasValue {
				continue
			}
			if i+1 == len(rest) {
				return nil, usageError{"flag needs an argument: " + a}
			}
			i++
			flags = append(flags, rest[i])
		}
	}
	out := append(append([]string{}, args[:2]...), flags...)
	for _, f := range flags {
		if f == "-h" || f == "--help" || f == "-help" {
			// Help ignores inputs; urfave/cli would read one as a
			// command to show help for.
			return out, nil
		}
	}
	if len(inputs) > 0 {
		out = append(append(out, "--"), inputs...)
	}
	return out, nil
}

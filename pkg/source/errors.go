package source

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinels for what callers branch on (exit codes, batch reports). Every
// error from this package is an *Error wrapping exactly one of them.
var (
	ErrNotFound   = errors.New("file not found")
	ErrUnreadable = errors.New("cannot read input")
	ErrIsDir      = errors.New("is a directory, not a file")
	ErrEmpty      = errors.New("empty input")
	ErrBinary     = errors.New("binary data")
	ErrTooLarge   = errors.New("too large")
	ErrCorrupt    = errors.New("corrupt or truncated data")
	ErrCharset    = errors.New("unknown charset")
)

// Error is an input that could not be turned into a Doc.
type Error struct {
	Input  string // the name the caller gave: a path, "-" for stdin, a URL
	Err    error  // one of the Err* sentinels
	Detail string // specifics, e.g. "application/pdf" or "permission denied"; may be empty
}

// Error returns one line: the input, what is wrong, and what to do, e.g.
//
//	report.pdf: binary data (application/pdf), not an HTML page or text dump; pass an HTML file or a text dump
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(displayName(e.Input))
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("error")
	}
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(oneLine(e.Detail))
		b.WriteString(")")
	}
	tail, hint := advice(e.Err)
	b.WriteString(tail)
	if hint != "" {
		b.WriteString("; ")
		b.WriteString(hint)
	}
	return b.String()
}

// Unwrap returns the sentinel so that errors.Is(err, ErrBinary) works.
func (e *Error) Unwrap() error { return e.Err }

// advice completes the message for a sentinel: a tail that explains it and
// a hint saying what the user can do.
func advice(err error) (tail, hint string) {
	switch err {
	case ErrNotFound:
		return "", "check the path"
	case ErrUnreadable:
		return "", "check that the file is readable (permissions, disk)"
	case ErrIsDir:
		return "", "pass the files inside it, e.g. dir/*.html"
	case ErrEmpty:
		return "", "pass a page or text dump with content"
	case ErrBinary:
		return ", not an HTML page or text dump", "pass an HTML file or a text dump"
	case ErrTooLarge:
		return "", "" // the limit is the caller's: the CLI names its flag
	case ErrCorrupt:
		return "", "re-download the file (gzip -t checks gzip data)"
	case ErrCharset:
		return "", "use a WHATWG label such as utf-8, windows-1252 or windows-1251"
	case ErrUnsupported:
		return "", "pass a file, a folder, a WARC file, an http(s) URL or -"
	}
	return "", ""
}

// displayName makes the input name safe for a one-line message.
func displayName(name string) string {
	switch name {
	case "":
		return "input"
	case "-":
		return "stdin"
	}
	for _, r := range name {
		if !strconv.IsPrint(r) {
			return strconv.Quote(name)
		}
	}
	return name
}

// oneLine keeps details (often OS or library messages) on one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/qanda/qanda/internal/serve"
	"github.com/qanda/qanda/pkg/source"
)

// defaultAddr is loopback: the desk is for the person at this machine.
const defaultAddr = "127.0.0.1:8750"

func serveCommand(limits []cli.Flag, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "start the desk: a local web page to paste a page, read its transcript and what was removed, and download it",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "addr", Value: defaultAddr, Usage: "listen on `HOST:PORT`; anything but loopback lets other machines use the desk (a warning says so)"},
			&cli.BoolFlag{Name: "open", Usage: "open the desk in the browser"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "time limit for fetching one URL"},
		}, limits...),
		OnUsageError: usageErr,
		Action: func(c *cli.Context) error {
			o, err := optionsFrom(c)
			if err != nil {
				return err
			}
			if c.NArg() > 0 {
				return usageError{"serve takes no inputs; open the page and paste or drop them there"}
			}
			return serveDesk(c.Context, c.String("addr"), c.Bool("open"), c.Duration("timeout"), o, stdout, stderr)
		},
	}
}

func serveDesk(ctx context.Context, addr string, open bool, fetchTimeout time.Duration, o Options, stdout, stderr io.Writer) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError{fmt.Sprintf("--addr %q is not HOST:PORT (e.g. %s)", addr, defaultAddr)}
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "qanda: warning: listening on %s: other machines can reach the desk and fetch URLs through it\n", addr)
	}
	s, err := serve.New(serve.Config{
		Options: o.Limits,
		Fetch:   source.NewFetcher(source.FetchOptions{Timeout: fetchTimeout, MaxBytes: o.MaxBytes, UserAgent: "qanda/" + version}),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "qanda: cannot listen on %s: %v; pick another port with --addr\n", addr, err)
		return exitError{exitFailed}
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "qanda desk on %s (Ctrl-C stops it; nothing is kept after that)\n", url)
	if open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "qanda: warning: cannot open a browser (%v); open %s yourself\n", err, url)
		}
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(shut)
		if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
		return err
	}
}

// openBrowser asks the platform to open url.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}

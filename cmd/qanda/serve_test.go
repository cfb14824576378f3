package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from the server's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `qanda serve` with args until the test cancels it, and
// returns the desk's URL, its stderr and the exit code's channel.
func startServe(t *testing.T, args ...string) (string, *syncBuffer, <-chan int, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	stderr := &syncBuffer{}
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, append([]string{"qanda", "serve"}, args...), strings.NewReader(""), pw, stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if err != nil {
		cancel()
		t.Fatalf("no first line (%v); stderr: %s", err, stderr.String())
	}
	i := strings.Index(line, "http://")
	if i < 0 {
		cancel()
		t.Fatalf("first line names no URL: %q", line)
	}
	return strings.Fields(line[i:])[0], stderr, code, cancel
}

func TestServeStartsAndStops(t *testing.T) {
	url, stderr, code, stop := startServe(t, "--addr", "127.0.0.1:0")
	resp, err := http.Get(url)
	if err != nil {
		stop()
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("GET / = %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	stop()
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("exit %d after Ctrl-C, want 0; stderr: %s", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Contains(stderr.String(), "warning") {
		t.Errorf("loopback warned: %s", stderr.String())
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	_, stderr, code, stop := startServe(t, "--addr", "0.0.0.0:0")
	stop()
	<-code
	if !strings.Contains(stderr.String(), "warning: listening on 0.0.0.0:0: other machines can reach the desk") {
		t.Errorf("stderr: %q", stderr.String())
	}
}

func TestServeBadAddr(t *testing.T) {
	var out, errb bytes.Buffer
	if c := run(context.Background(), []string{"qanda", "serve", "--addr", "8750"}, strings.NewReader(""), &out, &errb); c != exitUsage {
		t.Errorf("exit %d, want %d", c, exitUsage)
	}
	if !strings.Contains(errb.String(), `--addr "8750" is not HOST:PORT`) {
		t.Errorf("stderr: %q", errb.String())
	}
	errb.Reset()
	if c := run(context.Background(), []string{"qanda", "serve", "page.html"}, strings.NewReader(""), &out, &errb); c != exitUsage {
		t.Errorf("with an input: exit %d, want %d", c, exitUsage)
	}
}

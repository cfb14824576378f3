package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const fetchPage = "<html><body><p>Q: Are you there?</p><p>A: Yes.</p></body></html>"

func fetchServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("X-Seen-UA", r.UserAgent())
		w.Write([]byte(fetchPage))
	})
	mux.HandleFunc("/ua", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<p>agent</p><p>" + r.UserAgent() + "</p>"))
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("<p>x</p>", 1000)))
	})
	mux.HandleFunc("/bigstream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 100 {
			w.Write([]byte(strings.Repeat("<p>y</p>", 100)))
			w.(http.Flusher).Flush()
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := fetchServer(t)
	f := NewFetcher(FetchOptions{Timeout: 300 * time.Millisecond, MaxBytes: 4000, UserAgent: "qanda/test"})
	ctx := context.Background()

	d, err := f.Fetch(ctx, srv.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != srv.URL+"/moved" || d.URL != srv.URL+"/page" || d.Format != HTML || string(d.Body) != fetchPage {
		t.Errorf("got name %q url %q format %s body %q", d.Name, d.URL, d.Format, d.Body)
	}
	d, err = f.Fetch(ctx, srv.URL+"/ua")
	if err != nil || !strings.Contains(string(d.Body), "qanda/test") {
		t.Errorf("User-Agent not sent: %v %q", err, d.Body)
	}

	for _, c := range []struct {
		path   string
		err    error
		detail string
	}{
		{"/missing", ErrFetch, "404"},
		{"/broken", ErrFetch, "500"},
		{"/loop", ErrFetch, "too many redirects"},
		{"/slow", ErrFetch, "within 300ms"},
		{"/big", ErrTooLarge, "limit"},
		{"/bigstream", ErrTooLarge, "limit"},
	} {
		_, err := f.Fetch(ctx, srv.URL+c.path)
		if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.detail) || !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: got %v, want %v mentioning %q and the URL", c.path, err, c.err, c.detail)
		}
	}
	if _, err := f.Fetch(ctx, "ftp://example.org/x"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("ftp: %v", err)
	}
}

// However many goroutines ask, one host gets at most PerHost requests at
// once.
func TestFetchPerHostLimit(t *testing.T) {
	var now, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		now.Add(-1)
		w.Write([]byte(fetchPage))
	}))
	defer srv.Close()
	f := NewFetcher(FetchOptions{PerHost: 2})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Fetch(context.Background(), srv.URL+"/x"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 2 || p < 1 {
		t.Errorf("peak concurrency %d, want 1..2", p)
	}
}

func TestWalkURLsAndStdin(t *testing.T) {
	srv := fetchServer(t)
	opt := WalkOptions{Fetcher: NewFetcher(FetchOptions{}), Stdin: strings.NewReader("<p>a</p><p>b</p>")}
	ins, _ := walkAll(t, []string{srv.URL + "/page", "-", "gopher://x"}, opt)
	if len(ins) != 3 || ins[0].Kind != URLInput || ins[1].Kind != StdinInput || ins[2].Kind != BrokenInput {
		t.Fatalf("inputs %+v", ins)
	}
	if _, err := ins[0].Load(context.Background()); err != nil {
		t.Error(err)
	}
	opt.OnlyReplayable = true
	if ins, _ := walkAll(t, []string{srv.URL + "/page", "-"}, opt); len(ins) != 0 {
		t.Errorf("a first pass must neither fetch nor read stdin: %d inputs", len(ins))
	}
}

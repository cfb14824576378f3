package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// ErrFetch wraps a URL that could not be fetched: a network error, a
// timeout, an HTTP error status, too many redirects.
var ErrFetch = errors.New("cannot fetch")

// ErrFetchTimeout is ErrFetch for a server that did not answer in time
// (errors.Is matches both).
var ErrFetchTimeout = fmt.Errorf("%w", ErrFetch)

// FetchOptions tune a Fetcher. Zero values take the defaults.
type FetchOptions struct {
	Timeout      time.Duration     // whole request including the body; default 30s
	MaxBytes     int64             // body size limit; default DefaultMaxBytes
	MaxRedirects int               // redirects followed; default 5, negative: none
	PerHost      int               // requests at once to one host; default 2
	UserAgent    string            // default "qanda/dev"
	Transport    http.RoundTripper // default http.DefaultTransport
}

// Fetcher gets pages over http and https, politely: a timeout, a size cap, a
// capped number of redirects, a User-Agent naming qanda and its version, and
// at most PerHost requests at once to any one host however many workers
// ask. Safe for concurrent use.
type Fetcher struct {
	client    *http.Client
	userAgent string
	maxBytes  int64
	perHost   int
	timeout   time.Duration

	mu    sync.Mutex
	hosts map[string]chan struct{} // one semaphore per host
}

// NewFetcher returns a Fetcher with o's settings.
func NewFetcher(o FetchOptions) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = 5
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.UserAgent == "" {
		o.UserAgent = "qanda/dev"
	}
	maxRedirects := max(o.MaxRedirects, 0)
	client := &http.Client{
		Timeout:   o.Timeout,
		Transport: o.Transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return errTooManyRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s URL refused", req.URL.Scheme)
			}
			return nil
		},
	}
	return &Fetcher{client: client, userAgent: o.UserAgent, maxBytes: o.MaxBytes, perHost: o.PerHost, timeout: o.Timeout, hosts: map[string]chan struct{}{}}
}

var errTooManyRedirects = errors.New("too many redirects")

// slot returns the semaphore of a host.
func (f *Fetcher) slot(host string) chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.hosts[host]
	if !ok {
		s = make(chan struct{}, f.perHost)
		f.hosts[host] = s
	}
	return s
}

// Fetch gets the page at rawURL and decodes it like Read. The Doc's Name is
// rawURL and its URL the address the page was finally served from. Errors
// are *Error wrapping ErrFetch (network, timeout, HTTP status, redirects),
// ErrTooLarge or the sentinels Read returns.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Doc, error) {
	fail := func(err error, detail string) (*Doc, error) {
		return nil, &Error{Input: rawURL, Err: err, Detail: detail}
	}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fail(ErrUnsupported, "not an http or https URL")
	}
	sem := f.slot(strings.ToLower(u.Host))
	select {
	case sem <- struct{}{}:
		defer func() { <-sem }()
	case <-ctx.Done():
		return fail(ErrFetch, "interrupted")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fail(ErrUnsupported, err.Error())
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		detail, sentinel := f.netDetail(err)
		return fail(sentinel, detail)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(ErrFetch, "HTTP "+resp.Status+"; check the URL or try again later")
	}
	if resp.ContentLength > f.maxBytes {
		return fail(ErrTooLarge, "over the "+formatSize(f.maxBytes)+" limit")
	}
	raw, err := readAtMost(resp.Body, f.maxBytes, 512)
	if err != nil {
		detail, sentinel := f.netDetail(err)
		return fail(sentinel, detail)
	}
	if int64(len(raw)) > f.maxBytes {
		return fail(ErrTooLarge, "over the "+formatSize(f.maxBytes)+" limit")
	}
	d, err := Read(rawURL, bytes.NewReader(raw), Options{MaxBytes: f.maxBytes})
	if err != nil {
		return nil, err
	}
	d.URL = resp.Request.URL.String()
	return d, nil
}

// netDetail says in one phrase what went wrong with a request, and which
// sentinel that is.
func (f *Fetcher) netDetail(err error) (string, error) {
	var ne net.Error
	switch {
	case errors.Is(err, errTooManyRedirects):
		return "too many redirects (a redirect loop?)", ErrFetch
	case errors.Is(err, context.Canceled):
		return "interrupted", ErrFetch
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Sprintf("no complete answer within %s", f.timeout), ErrFetchTimeout
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error(), ErrFetch
}

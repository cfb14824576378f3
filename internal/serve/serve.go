package serve

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

//go:embed assets
var assets embed.FS

// DefaultMaxResults is how many results the server keeps for viewing and
// export before it forgets the oldest.
const DefaultMaxResults = 32

// formOverhead is what a request may carry beyond the document itself:
// the form's other fields and the multipart framing.
const formOverhead = 1 << 20

// csp allows the embedded stylesheet and script and nothing else: no
// inline script or style, no frames, no form posts elsewhere.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Fetcher gets a URL's page; source.Fetcher is one.
type Fetcher interface {
	Fetch(ctx context.Context, rawURL string) (*source.Doc, error)
}

// Config sets up a Server. Zero values take the defaults.
type Config struct {
	Options    qanda.Options // limits and rules for each document, as in the CLI
	MaxResults int           // results kept in memory; default DefaultMaxResults
	Fetch      Fetcher       // fetches URLs; nil refuses them
}

// Server serves the desk. Safe for concurrent use.
type Server struct {
	cfg      Config
	maxBytes int64
	csrf     string
	pages    *template.Template

	mu      sync.Mutex
	results map[string]*result
	order   []string // ids, oldest first
}

// result is one structured input, kept for viewing and export.
type result struct {
	ID      string
	Ex      *qanda.Explanation
	Explain string
}

// ErrNoInput is returned for a form with no page in it.
var ErrNoInput = errors.New("no input")

// New returns a Server with cfg's settings and a fresh CSRF secret.
func New(cfg Config) (*Server, error) {
	if cfg.MaxResults <= 0 {
		cfg.MaxResults = DefaultMaxResults
	}
	maxBytes := cfg.Options.MaxBytes
	if maxBytes <= 0 {
		maxBytes = source.DefaultMaxBytes
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("serve: no random source for the CSRF secret: %w", err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("qanda serve form"))
	pages, err := template.New("").Funcs(template.FuncMap{"visible": visible, "inc": func(i int) int { return i + 1 }}).ParseFS(assets, "assets/*.html")
	if err != nil {
		return nil, fmt.Errorf("serve: templates: %w", err)
	}
	return &Server{cfg: cfg, maxBytes: maxBytes, csrf: hex.EncodeToString(mac.Sum(nil)), pages: pages, results: map[string]*result{}}, nil
}

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "assets")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("POST /extract", s.extract)
	mux.HandleFunc("GET /r/{id}", s.view)
	mux.HandleFunc("GET /r/{id}/export/{format}", s.export)
	mux.HandleFunc("POST /r/{id}/edit", s.edit)
	return secure(mux)
}

// secure sets the headers every response carries.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		// same-origin, not no-referrer: under no-referrer a browser
		// sends "Origin: null" with the desk's own forms.
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// indexPage is what the input page shows.
type indexPage struct {
	CSRF  string
	Error string
	URLs  bool
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "index.html", indexPage{CSRF: s.csrf, URLs: s.cfg.Fetch != nil})
}

// fail shows the input page again with a one-line message.
func (s *Server) fail(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "index.html", indexPage{CSRF: s.csrf, Error: msg, URLs: s.cfg.Fetch != nil})
}

func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, "qanda: cannot render the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// sameOrigin refuses a state-changing request sent by another site: the
// browser says so in Sec-Fetch-Site or Origin, and only the desk's own
// page knows the token.
func (s *Server) sameOrigin(r *http.Request) bool {
	site := r.Header.Get("Sec-Fetch-Site")
	if site != "" && site != "same-origin" && site != "none" {
		return false
	}
	// An opaque origin ("null": a sandboxed frame, a privacy setting)
	// passes only when the browser vouches that the request is its own.
	if o := r.Header.Get("Origin"); o != "" && (o != "null" || site != "same-origin") {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host {
			return false
		}
	}
	return hmac.Equal([]byte(r.PostFormValue("csrf")), []byte(s.csrf))
}

func (s *Server) extract(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.maxBytes+formOverhead)
	// All of the form is held in memory: an upload is never written to
	// disk.
	err := r.ParseMultipartForm(s.maxBytes + formOverhead)
	if errors.Is(err, http.ErrNotMultipart) {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		s.fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request is larger than %d bytes; raise --max-bytes or split the input", s.maxBytes))
		return
	case err != nil:
		s.fail(w, http.StatusBadRequest, "the form could not be read: "+err.Error())
		return
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if !s.sameOrigin(r) {
		s.fail(w, http.StatusForbidden, "the form is stale or was sent from another site; reload this page and send it again")
		return
	}
	d, err := s.input(r)
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, source.ErrTooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		s.fail(w, status, err.Error())
		return
	}
	ex, err := qanda.Explain(r.Context(), d, s.cfg.Options)
	if err != nil {
		s.fail(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	var exp bytes.Buffer
	if err := render.Explain(&exp, ex.Doc, ex.PageText(), render.ExplainOptions{}); err != nil {
		s.fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	id, err := s.keep(ex, exp.String())
	if err != nil {
		s.fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	http.Redirect(w, r, "/r/"+id, http.StatusSeeOther)
}

// input decodes the page the form carries: a file, else pasted text,
// else a URL.
func (s *Server) input(r *http.Request) (*source.Doc, error) {
	opt := source.Options{MaxBytes: s.maxBytes}
	if f, h, err := r.FormFile("file"); err == nil {
		defer f.Close()
		if h.Size > 0 {
			return source.Read(h.Filename, f, opt)
		}
	}
	if t := r.PostFormValue("text"); strings.TrimSpace(t) != "" {
		return source.Read("pasted", strings.NewReader(t), opt)
	}
	if u := strings.TrimSpace(r.PostFormValue("url")); u != "" {
		if s.cfg.Fetch == nil {
			return nil, fmt.Errorf("%s: this server does not fetch URLs; save the page and drop the file", u)
		}
		if !source.IsURL(u) {
			return nil, fmt.Errorf("%s: not an http or https URL", u)
		}
		return s.cfg.Fetch.Fetch(r.Context(), u)
	}
	return nil, fmt.Errorf("%w: paste a page, choose a file or give a URL", ErrNoInput)
}

// keep stores a result under a new random id, forgetting the oldest when
// the server holds MaxResults.
func (s *Server) keep(ex *qanda.Explanation, explain string) (string, error) {
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("no random source for the result id: %w", err)
	}
	id := hex.EncodeToString(raw)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results[id] = &result{ID: id, Ex: ex, Explain: explain}
	s.order = append(s.order, id)
	for len(s.order) > s.cfg.MaxResults {
		delete(s.results, s.order[0])
		s.order = s.order[1:]
	}
	return id, nil
}

func (s *Server) lookup(id string) *result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.results[id]
}

// block is one block of the page text as the view shows it.
type block struct {
	Text    string
	Removed bool
	Moved   bool // a caption or credit, listed under media
	Why     string
	Restore int // for a removed block still listed: its index in removed, else -1
	To      int // the exchange a restore puts it back into (0: the intro)
}

// viewPage is what the result page shows.
type viewPage struct {
	ID       string
	CSRF     string
	Doc      *qanda.Document
	Blocks   []block
	Explain  string
	Formats  []string
	Speakers []string
	Error    string
}

func (s *Server) view(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r.PathValue("id"))
	if res == nil {
		s.fail(w, http.StatusNotFound, "that result is no longer held (the server keeps the latest ones only, and none after a restart); send the page again")
		return
	}
	s.mu.Lock()
	page := s.viewOf(res)
	s.mu.Unlock()
	s.render(w, http.StatusOK, "view.html", page)
}

// viewOf builds the result page; the caller holds s.mu, since edits
// change the document.
func (s *Server) viewOf(res *result) viewPage {
	d := res.Ex.Doc
	removedAt := map[string]int{}
	for k, rm := range d.Removed {
		removedAt[rm.Text] = k
	}
	bs := make([]block, len(res.Ex.Blocks))
	before := 0 // the last exchange that starts before block i
	for i, b := range res.Ex.Blocks {
		bs[i] = block{Text: b.Text, Restore: -1}
		switch b.Role {
		case "removed":
			bs[i].Removed = true
			bs[i].Why = reasonOf(b.Reason, b.Rule)
			if k, ok := removedAt[b.Text]; ok {
				bs[i].Restore, bs[i].To = k, min(before, len(d.Exchanges))
			}
		case "caption", "credit":
			bs[i].Moved = true
			bs[i].Why = reasonOf("moved to media as "+b.Role, b.Rule)
		}
		before = max(before, b.Exchange)
	}
	return viewPage{ID: res.ID, CSRF: s.csrf, Doc: d, Blocks: bs, Explain: res.Explain,
		Formats: []string{"md", "json", "csv", "text"}, Speakers: speakersOf(d)}
}

// speakersOf lists every name the transcript gives, for renaming.
func speakersOf(d *qanda.Document) []string {
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if d.Meta.Interviewer != nil {
		add(*d.Meta.Interviewer)
	}
	for _, p := range d.Meta.Interviewees {
		add(p)
	}
	for _, x := range d.Exchanges {
		if x.Question.Speaker != nil {
			add(*x.Question.Speaker)
		}
		for _, p := range x.Answer.Speakers {
			add(p)
		}
	}
	return out
}

// edit applies one fix made by hand and shows the result again.
func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, formOverhead)
	if err := r.ParseForm(); err != nil {
		s.fail(w, http.StatusBadRequest, "the form could not be read: "+err.Error())
		return
	}
	if !s.sameOrigin(r) {
		s.fail(w, http.StatusForbidden, "the form is stale or was sent from another site; reload this page and send it again")
		return
	}
	res := s.lookup(r.PathValue("id"))
	if res == nil {
		s.fail(w, http.StatusNotFound, "that result is no longer held; send the page again")
		return
	}
	num := func(k string) int { n, _ := strconv.Atoi(r.PostFormValue(k)); return n }
	e := qanda.Edit{Op: r.PostFormValue("op"), Exchange: num("exchange"), Paragraph: num("paragraph"),
		From: r.PostFormValue("from"), To: r.PostFormValue("to")}
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	if e.Op == "restore" {
		if k := num("removed"); k >= 0 && k < len(res.Ex.Doc.Removed) && r.PostFormValue("removed") != "" {
			e.Text = res.Ex.Doc.Removed[k].Text
		} else {
			err = fmt.Errorf("%w: that removed text is no longer listed", qanda.ErrBadEdit)
		}
	}
	if err == nil {
		err = qanda.ApplyEdit(res.Ex.Doc, e, time.Now())
	}
	if err != nil {
		page := s.viewOf(res)
		page.Error = err.Error()
		s.render(w, http.StatusUnprocessableEntity, "view.html", page)
		return
	}
	http.Redirect(w, r, "/r/"+res.ID+"#x"+strconv.Itoa(max(e.Exchange, 1)), http.StatusSeeOther)
}

// exportTypes are the downloads, with their content types and file
// extensions.
var exportTypes = map[string][2]string{
	"md":   {"text/markdown; charset=utf-8", "md"},
	"json": {"application/json", "json"},
	"csv":  {"text/csv; charset=utf-8", "csv"},
	"text": {"text/plain; charset=utf-8", "txt"},
}

// export sends the result in one of the CLI's formats, byte for byte what
// qanda extract --format writes for the same input.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	res := s.lookup(r.PathValue("id"))
	if res == nil {
		s.fail(w, http.StatusNotFound, "that result is no longer held; send the page again")
		return
	}
	format := r.PathValue("format")
	t, ok := exportTypes[format]
	if !ok {
		s.fail(w, http.StatusNotFound, fmt.Sprintf("unknown format %q; use md, json, csv or text", format))
		return
	}
	var b bytes.Buffer
	s.mu.Lock()
	defer s.mu.Unlock()
	// CSV with its header, as a one-page run writes it.
	if err := qanda.Render(&b, res.Ex.Doc, qanda.Format(format)); err != nil {
		s.fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", t[0])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="transcript.%s"`, t[1]))
	io.Copy(w, &b)
}

// reasonOf is the hover text of a removed block: its reason and rule.
func reasonOf(reason, rule string) string {
	if rule == "" {
		return reason
	}
	return reason + " (rule " + rule + ")"
}

// visible shows control characters (a terminal's escape codes, a bell) as
// their Unicode pictures. Reading already removes them from page text;
// this guards the rest the view prints (an input's name). Line breaks and
// tabs stay.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return 0x2421
		}
		return r
	}, s)
}

package serve

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/render"
	"github.com/qanda/qanda/pkg/source"
)

const founding = "../../testdata/insider-hajizada.txt"

func newServer(t *testing.T, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// noRedirect is a client that shows redirects instead of following them.
func noRedirect() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// paste posts text as the pasted page and returns the response.
func paste(t *testing.T, ts *httptest.Server, token, text string, header http.Header) *http.Response {
	t.Helper()
	form := url.Values{"csrf": {token}, "text": {text}}
	req, err := http.NewRequest("POST", ts.URL+"/extract", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := noRedirect().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func get(t *testing.T, u string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, resp.Header, b.String()
}

func body(resp *http.Response) string {
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return b.String()
}

func TestIndexHeadersAndToken(t *testing.T) {
	s, ts := newServer(t, Config{})
	code, h, page := get(t, ts.URL+"/")
	if code != http.StatusOK {
		t.Fatalf("GET / = %d", code)
	}
	if got := h.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'none'") || !strings.Contains(got, "script-src 'self'") {
		t.Errorf("CSP = %q", got)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
		t.Errorf("headers %v", h)
	}
	if !strings.Contains(page, `name="csrf" value="`+s.csrf+`"`) {
		t.Error("the form carries no CSRF token")
	}
	if strings.Contains(page, `name="url"`) {
		t.Error("a server without a fetcher offers a URL field")
	}
	if code, _, _ := get(t, ts.URL+"/static/app.css"); code != http.StatusOK {
		t.Errorf("GET /static/app.css = %d", code)
	}
}

// The founding page pasted gives its 4 exchanges, and each download is
// what the CLI's renderer writes for the same input.
func TestPasteFoundingPage(t *testing.T) {
	s, ts := newServer(t, Config{})
	raw, err := os.ReadFile(founding)
	if err != nil {
		t.Fatal(err)
	}
	resp := paste(t, ts, s.csrf, string(raw), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST /extract = %d: %s", resp.StatusCode, body(resp))
	}
	loc := resp.Header.Get("Location")
	code, _, page := get(t, ts.URL+loc)
	if code != http.StatusOK {
		t.Fatalf("GET %s = %d", loc, code)
	}
	if n := strings.Count(page, `<li class="exchange"`); n != 4 {
		t.Errorf("%d exchanges on the page, want 4", n)
	}
	if !strings.Contains(page, `class="block removed" title="`) {
		t.Error("no removed block is marked with its reason")
	}
	want, err := qanda.Extract(context.Background(), bytes.NewReader(raw), qanda.Options{Name: "pasted"})
	if err != nil {
		t.Fatal(err)
	}
	for format, write := range map[string]func(*bytes.Buffer, *render.Document) error{
		"md":   func(b *bytes.Buffer, d *render.Document) error { return render.Markdown(b, d) },
		"json": func(b *bytes.Buffer, d *render.Document) error { return render.JSON(b, d) },
		"text": func(b *bytes.Buffer, d *render.Document) error { return render.Text(b, d) },
		"csv":  func(b *bytes.Buffer, d *render.Document) error { return render.CSV(b, d) },
	} {
		var b bytes.Buffer
		if err := write(&b, want); err != nil {
			t.Fatal(err)
		}
		code, h, got := get(t, ts.URL+loc+"/export/"+format)
		if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Disposition"), "attachment;") {
			t.Errorf("export %s: %d %v", format, code, h)
		}
		if got != b.String() {
			t.Errorf("export %s differs from the CLI's output", format)
		}
	}
	if code, _, _ := get(t, ts.URL+loc+"/export/pdf"); code != http.StatusNotFound {
		t.Errorf("export pdf = %d, want 404", code)
	}
}

// A state-changing request without the token, or sent by another site,
// is refused and nothing is structured.
func TestCSRF(t *testing.T) {
	s, ts := newServer(t, Config{})
	for name, c := range map[string]struct {
		token  string
		header http.Header
	}{
		"no token":         {"", nil},
		"wrong token":      {strings.Repeat("0", len(s.csrf)), nil},
		"cross-site fetch": {s.csrf, http.Header{"Sec-Fetch-Site": {"cross-site"}}},
		"foreign origin":   {s.csrf, http.Header{"Origin": {"https://elsewhere.example"}}},
		"opaque origin":    {s.csrf, http.Header{"Origin": {"null"}}},
	} {
		resp := paste(t, ts, c.token, "Q: Why?\nA: Because.\n", c.header)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", name, resp.StatusCode)
		}
		if page := body(resp); !strings.Contains(page, "reload this page") {
			t.Errorf("%s: no message on the page", name)
		}
	}
	if len(s.results) != 0 {
		t.Errorf("%d results kept after refused requests", len(s.results))
	}
	// An opaque origin the browser says is the desk's own passes, and so
	// does the same origin with the token.
	if resp := paste(t, ts, s.csrf, "Q: Why?\nA: Because.\n", http.Header{"Origin": {"null"}, "Sec-Fetch-Site": {"same-origin"}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("opaque same-origin: %d, want 303", resp.StatusCode)
	}
	if resp := paste(t, ts, s.csrf, "Q: Why?\nA: Because.\n", http.Header{"Origin": {ts.URL}, "Sec-Fetch-Site": {"same-origin"}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("same origin: %d, want 303", resp.StatusCode)
	}
}

func TestSizeLimit(t *testing.T) {
	s, ts := newServer(t, Config{Options: qanda.Options{MaxBytes: 1000}})
	// Over the document limit but inside the form's allowance: the
	// reader refuses it.
	resp := paste(t, ts, s.csrf, strings.Repeat("word ", 1000), nil)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 5000-byte page with a 1000-byte limit: %d, want 413", resp.StatusCode)
	}
	// Over the whole request's limit: cut off while reading.
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("csrf", s.csrf)
	fw, _ := mw.CreateFormFile("file", "big.html")
	fw.Write(bytes.Repeat([]byte("<p>word</p>"), 200000))
	mw.Close()
	r, err := http.Post(ts.URL+"/extract", mw.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	if r.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 2 MB upload: %d, want 413", r.StatusCode)
	}
	if page := body(r); !strings.Contains(page, "raise --max-bytes") {
		t.Errorf("no message on the page: %.200s", page)
	}
}

func TestNoInputAndUnknownResult(t *testing.T) {
	s, ts := newServer(t, Config{})
	resp := paste(t, ts, s.csrf, "   ", nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body(resp), "paste a page") {
		t.Errorf("empty form: %d", resp.StatusCode)
	}
	form := url.Values{"csrf": {s.csrf}, "url": {"https://example.org/a"}}
	r, err := noRedirect().PostForm(ts.URL+"/extract", form)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	if r.StatusCode != http.StatusBadRequest || !strings.Contains(body(r), "does not fetch URLs") {
		t.Errorf("URL without a fetcher: %d", r.StatusCode)
	}
	if code, _, page := get(t, ts.URL+"/r/0123"); code != http.StatusNotFound || !strings.Contains(page, "no longer held") {
		t.Errorf("unknown result: %d", code)
	}
}

// A page full of scripts, event handlers, javascript: links and control
// characters comes back as text: the only script on the result page is
// the desk's own.
func TestHostilePage(t *testing.T) {
	s, ts := newServer(t, Config{})
	hostile := `<html><head><title>Q&amp;A <script>alert(1)</script></title></head><body>
<p><b>Why &lt;script&gt;alert(2)&lt;/script&gt; here?</b></p>
<p>Because <a href="javascript:alert(3)" onclick="alert(4)">this link</a> and <img src=x onerror="alert(5)"> said so.` + "\x07\x1b[31m" + `</p>
<p><b>And "><svg onload=alert(6)> then?</b></p>
<p>Then '><iframe src="javascript:alert(7)"></iframe> nothing.</p>
<script>alert(8)</script><style>body{display:none}</style>
</body></html>`
	resp := paste(t, ts, s.csrf, hostile, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST = %d: %s", resp.StatusCode, body(resp))
	}
	_, _, page := get(t, ts.URL+resp.Header.Get("Location"))
	if n := strings.Count(strings.ToLower(page), "<script"); n != 1 || !strings.Contains(page, `<script src="/static/app.js" defer></script>`) {
		t.Errorf("%d script elements on the result page", n)
	}
	for _, bad := range []string{"<svg", "<iframe", "<img", "onerror=", "onload=", "onclick=", `href="javascript:`, "<style", "\x07", "\x1b"} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("the result page carries %q", bad)
		}
	}
	if !regexp.MustCompile(`Why &lt;script&gt;alert\(2\)&lt;/script&gt; here\?`).MatchString(page) {
		t.Error("the page's text is not shown escaped")
	}
	// Reading removes them (qanda lists them in removed); the rest of the
	// text is kept.
	if !strings.Contains(page, "said so.[31m") {
		t.Error("the text around removed control characters is not shown as it was")
	}
	// Binary data gets the CLI's message, on the page.
	resp = paste(t, ts, s.csrf, "Q: Why?\x00\x00", nil)
	if page := body(resp); resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "pasted: binary data") {
		t.Errorf("NUL bytes: %d", resp.StatusCode)
	}
}

// postEdit sends one edit form for the result at loc.
func postEdit(t *testing.T, ts *httptest.Server, loc string, form url.Values) *http.Response {
	t.Helper()
	r, err := noRedirect().PostForm(ts.URL+loc+"/edit", form)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Body.Close() })
	return r
}

// Fixes by hand: merge two exchanges and split one, restore a removed
// block and rename a speaker; each is listed, the Markdown download is
// what the library writes for the same edits, and a refused edit says why.
func TestEdits(t *testing.T) {
	s, ts := newServer(t, Config{})
	raw, err := os.ReadFile(founding)
	if err != nil {
		t.Fatal(err)
	}
	resp := paste(t, ts, s.csrf, string(raw), nil)
	loc := resp.Header.Get("Location")
	exchanges := func() int {
		_, _, page := get(t, ts.URL+loc)
		return strings.Count(page, `<li class="exchange"`)
	}
	edit := func(kv ...string) *http.Response {
		form := url.Values{"csrf": {s.csrf}}
		for i := 0; i+1 < len(kv); i += 2 {
			form.Set(kv[i], kv[i+1])
		}
		return postEdit(t, ts, loc, form)
	}
	if r := edit("op", "merge", "exchange", "1"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge: %d %s", r.StatusCode, body(r))
	}
	if n := exchanges(); n != 3 {
		t.Errorf("after merge: %d exchanges, want 3", n)
	}
	want, _ := qanda.Extract(context.Background(), bytes.NewReader(raw), qanda.Options{Name: "pasted"})
	first := len(want.Exchanges[0].Answer.Paragraphs) + 1 // the second question's place in the merged answer
	if r := edit("op", "split", "exchange", "1", "paragraph", strconv.Itoa(first)); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("split: %d %s", r.StatusCode, body(r))
	}
	if n := exchanges(); n != 4 {
		t.Errorf("after split: %d exchanges, want 4", n)
	}
	_, _, page := get(t, ts.URL+loc)
	m := regexp.MustCompile(`name="removed" value="(\d+)"><input type="hidden" name="exchange" value="(\d+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no restore button on a removed block")
	}
	if r := edit("op", "restore", "removed", m[1], "exchange", m[2]); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: %d %s", r.StatusCode, body(r))
	}
	who := want.Exchanges[0].Answer.Speakers
	if len(who) == 0 {
		t.Fatal("no answer speaker to rename")
	}
	if r := edit("op", "rename", "from", who[0], "to", "A. Spokesman"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("rename: %d %s", r.StatusCode, body(r))
	}
	// The same edits through the library give the same Markdown.
	k, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	for _, e := range []qanda.Edit{
		{Op: "merge", Exchange: 1}, {Op: "split", Exchange: 1, Paragraph: first},
		{Op: "restore", Exchange: n, Text: want.Removed[k].Text}, {Op: "rename", From: who[0], To: "A. Spokesman"},
	} {
		if err := qanda.ApplyEdit(want, e, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	var md bytes.Buffer
	render.Markdown(&md, want)
	_, _, got := get(t, ts.URL+loc+"/export/md")
	if got != md.String() {
		t.Errorf("the edited Markdown download differs from the library's")
	}
	if !strings.Contains(got, "Edited by hand (4): exchanges 1 and 2 merged; exchange 1 split at answer paragraph") || !strings.Contains(got, "A. Spokesman") {
		t.Errorf("the download does not say what was edited:\n%s", got)
	}
	_, _, js := get(t, ts.URL+loc+"/export/json")
	if !strings.Contains(js, `"op": "rename"`) {
		t.Error("the JSON download has no edits list")
	}
	// Refused: a bad edit (with its reason on the page), and one without
	// the token.
	if r := edit("op", "merge", "exchange", "4"); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body(r), "exchange 4 is the last") {
		t.Errorf("merging the last exchange: %d", r.StatusCode)
	}
	if r := postEdit(t, ts, loc, url.Values{"op": {"merge"}, "exchange": {"1"}}); r.StatusCode != http.StatusForbidden {
		t.Errorf("edit without a token: %d, want 403", r.StatusCode)
	}
	if n := exchanges(); n != 4 {
		t.Errorf("refused edits changed the transcript: %d exchanges", n)
	}
}

// A URL is fetched by the server with the CLI's fetcher; a page that
// cannot be had gets the fetcher's message.
func TestFetchURL(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/insider-hajizada.html")
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/interview" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(raw)
	}))
	defer site.Close()
	s, ts := newServer(t, Config{Fetch: source.NewFetcher(source.FetchOptions{Timeout: 5 * time.Second})})
	if _, _, page := get(t, ts.URL+"/"); !strings.Contains(page, `name="url"`) {
		t.Error("a server with a fetcher offers no URL field")
	}
	post := func(u string) *http.Response {
		r, err := noRedirect().PostForm(ts.URL+"/extract", url.Values{"csrf": {s.csrf}, "url": {u}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Body.Close() })
		return r
	}
	r := post(site.URL + "/interview")
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("fetch: %d %s", r.StatusCode, body(r))
	}
	if _, _, page := get(t, ts.URL+r.Header.Get("Location")); strings.Count(page, `<li class="exchange"`) != 4 {
		t.Error("the fetched page does not give 4 exchanges")
	}
	if r := post(site.URL + "/gone"); r.StatusCode != http.StatusBadRequest || !strings.Contains(body(r), "404") {
		t.Errorf("a missing page: %d", r.StatusCode)
	}
	if r := post("ftp://example.org/a"); r.StatusCode != http.StatusBadRequest || !strings.Contains(body(r), "not an http or https URL") {
		t.Errorf("an ftp URL: %d", r.StatusCode)
	}
}

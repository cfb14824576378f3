package source

// Format says how a document's body is to be parsed.
type Format string

// The formats a Doc can have.
const (
	HTML     Format = "html"
	Text     Format = "text"
	Markdown Format = "markdown" // a Markdown document: read as the HTML it renders to
)

// Doc is one input document, decoded to UTF-8.
type Doc struct {
	Name    string // what the user named: a path, "-" for stdin, a URL
	URL     string // the page's URL when known (empty for local files)
	Body    []byte // UTF-8, gzip undone
	Format  Format
	Charset string // the charset the body was decoded from, e.g. "utf-8", "windows-1251"
	SHA256  string // hex digest of the raw input bytes as read (before gunzip)
	Bytes   int    // size of the raw input

	// Controls are the control characters removed from Body (all but
	// tab and newline; see StripControls), for the ledger.
	Controls Controls
}

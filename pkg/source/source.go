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

	// WARC says where in a web archive the document was found; nil for
	// every other input.
	WARC *WARCRecord
}

// WARCRecord locates a document in a web archive, so that a transcript can
// be traced back to the record it came from (as a CDX index does). Header
// values are copied as the record has them; a header the record lacks is
// left empty, never made up.
type WARCRecord struct {
	RecordID      string // WARC-Record-ID, e.g. "<urn:uuid:...>"
	TargetURI     string // WARC-Target-URI, without the angle brackets WARC 1.0 allowed
	Date          string // WARC-Date: when the page was captured
	PayloadDigest string // WARC-Payload-Digest, e.g. "sha1:..."; empty when the record has none
	File          string // the WARC file's path, as it was given or found
	Offset        int64  // byte offset of the record in the file (of its gzip member in a .warc.gz)
}

package render

// SchemaVersion names the version of the JSON contract. It changes when a
// field is renamed, removed or changes meaning; adding fields keeps it.
const SchemaVersion = "qanda/2"

// Document is the whole result for one input: the JSON contract.
type Document struct {
	Schema    string     `json:"schema"`
	Source    Source     `json:"source"`
	Title     *string    `json:"title"`
	Meta      Meta       `json:"meta"`
	Intro     []string   `json:"intro"`
	Exchanges []Exchange `json:"exchanges"`
	Outro     []string   `json:"outro"`
	Media     []Media    `json:"media"`
	Removed   []Removed  `json:"removed"`
	Stats     Stats      `json:"stats"`
	Warnings  []Warning  `json:"warnings"`
	Edits     []Edit     `json:"edits,omitempty"` // fixes a person made by hand (qanda serve), in order
}

// Warning is something the reader of a transcript should know: that the
// page was read as text, that no interview was found. Code is stable, for
// programs (see the schema for the list); Message is one line for people.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Warning codes.
const (
	WarnMarkupRepaired = "markup-repaired"      // broken markup was repaired before parsing
	WarnReadAsText     = "read-as-text"         // the HTML tree broke a limit; its text was read as a text dump
	WarnChromeHints    = "chrome-hints-ignored" // the markup's chrome hints covered nearly all the text
	WarnNoInterview    = "no-interview"         // no exchanges: the text is in intro
	WarnUnanswered     = "unanswered-question"  // a listed question has no answer section
)

// Edit is one fix a person made by hand. The text stays verbatim: an edit
// only regroups paragraphs, restores a removed text or renames a speaker.
type Edit struct {
	Op        string `json:"op"`                  // merge, split, restore or rename
	Exchange  int    `json:"exchange,omitempty"`  // the exchange's n as it was before the edit
	Paragraph int    `json:"paragraph,omitempty"` // split: the answer paragraph (1-based) that became a question
	Text      string `json:"text,omitempty"`      // restore: the text put back
	From      string `json:"from,omitempty"`      // rename: the old name
	To        string `json:"to,omitempty"`        // rename: the new name
	At        string `json:"at"`                  // when, RFC 3339
}

// Source describes the input the document came from.
type Source struct {
	Name    string `json:"name"`
	URL     string `json:"url,omitempty"`
	Format  string `json:"format"`  // "html" or "text"
	Charset string `json:"charset"` // charset the input was decoded from
	SHA256  string `json:"sha256"`  // digest of the raw input bytes
	Bytes   int    `json:"bytes"`
	// WARC locates the record in a web archive the document was read
	// from; absent for other inputs.
	WARC *WARC `json:"warc,omitempty"`
}

// WARC is where in a web archive a document was found, for tracing a
// transcript back to its record (CDX-style: file and offset; record id).
// Header values are as the record has them; one the record lacks is left
// out rather than made up.
type WARC struct {
	RecordID      string `json:"record_id,omitempty"`      // WARC-Record-ID
	TargetURI     string `json:"target_uri,omitempty"`     // WARC-Target-URI
	Date          string `json:"date,omitempty"`           // WARC-Date, the capture time
	PayloadDigest string `json:"payload_digest,omitempty"` // WARC-Payload-Digest
	File          string `json:"file"`                     // path of the WARC file
	Offset        int64  `json:"offset"`                   // byte offset of the record in the file
}

// Meta is what is known about the page and the people in it.
type Meta struct {
	Language     *string  `json:"language"`
	Site         *string  `json:"site"`
	Authors      []string `json:"authors"`
	Published    *string  `json:"published"`
	Canonical    *string  `json:"canonical"`
	Interviewer  *string  `json:"interviewer"`
	Interviewees []string `json:"interviewees"`
}

// Exchange is one question with its complete answer.
type Exchange struct {
	N          int      `json:"n"`
	Topic      *string  `json:"topic"`
	Question   Question `json:"question"`
	Answer     Answer   `json:"answer"`
	Confidence float64  `json:"confidence"`
	Method     string   `json:"method"`
}

// Question is the question of an exchange; Text carries no label.
type Question struct {
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
	Label   *string `json:"label"`
}

// Answer is the complete answer; Text is Paragraphs joined by blank lines.
type Answer struct {
	Text       string   `json:"text"`
	Paragraphs []string `json:"paragraphs"`
	Speakers   []string `json:"speakers"`
}

// Media is a caption and its credit, moved out of the text.
type Media struct {
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// Removed is one distinct removed text with the reason and how often it was
// removed. DuplicateOf names the kept block it copies, if any.
type Removed struct {
	Text        string   `json:"text"`
	Reason      string   `json:"reason"`
	Rule        string   `json:"rule"` // the cleaning rule that removed it (qanda rules lists them)
	Count       int      `json:"count"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	Blocks      []string `json:"blocks"`
}

// Stats is the ledger: BlocksIn == Kept + the sum of Removed.
type Stats struct {
	BlocksIn  int            `json:"blocks_in"`
	Kept      int            `json:"kept"`
	Removed   map[string]int `json:"removed"`
	Exchanges int            `json:"exchanges"`
	// ControlCharacters counts the control characters removed from the
	// text (listed in Removed with reason control-character); they are
	// not blocks, so not part of BlocksIn.
	ControlCharacters int `json:"control_characters,omitempty"`
}

// Str returns a pointer to s, or nil when s is empty: the JSON null of the
// contract.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

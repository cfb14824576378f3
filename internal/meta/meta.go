package meta

// Meta is page-level metadata. Empty strings mean unknown.
type Meta struct {
	Title      string
	TitleBlock int // index of the block holding the title, -1 if none
	Authors    []string
	Published  string // as found, ISO 8601 when the source gives it so
	Site       string
	Language   string // ISO 639-1 code, e.g. "en"
	Canonical  string
}

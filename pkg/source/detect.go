package source

import (
	"bytes"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of the start of a document binary and format
// sniffing look at.
const sniffLen = 4 << 10

// metaWindow is how far into an HTML document a <meta> charset declaration
// is looked for. The HTML standard stops at 1024 bytes (as DetermineEncoding
// does), but saved pages often have long heads before the declaration.
const metaWindow = 16 << 10

// Byte order marks.
const (
	bomUTF8    = "\xef\xbb\xbf"
	bomUTF16LE = "\xff\xfe"
	bomUTF16BE = "\xfe\xff"
)

// decode turns data into valid UTF-8 and decides its format. forced is a
// canonical charset name from the caller, or "".
func decode(data []byte, forced string) (body []byte, f Format, cs string, e *Error) {
	// UTF-16 is not ASCII-compatible, so it is decoded before anything
	// looks for tags or control bytes.
	switch {
	case hasPrefix(data, bomUTF8):
		data, cs = data[len(bomUTF8):], "utf-8"
	case hasPrefix(data, bomUTF16LE):
		data, cs = data[len(bomUTF16LE):], "utf-16le"
	case hasPrefix(data, bomUTF16BE):
		data, cs = data[len(bomUTF16BE):], "utf-16be"
	case forced == "utf-16le", forced == "utf-16be":
		cs = forced
	case forced == "":
		cs = sniffUTF16(data)
	}
	if cs == "utf-16le" || cs == "utf-16be" {
		data = decodeUTF16(data, cs)
	}

	if why := binaryType(data); why != "" {
		return nil, "", "", &Error{Err: ErrBinary, Detail: why}
	}
	f = Text
	switch {
	case isHTML(data):
		f = HTML
	case isMarkdown(data):
		f = Markdown
	}
	if cs == "" {
		var enc encoding.Encoding
		enc, cs = chooseCharset(data, f, forced)
		if enc != nil {
			data = decodeWith(enc, data)
		}
	}
	// A BOM can survive decoding, e.g. UTF-16 text that starts with U+FEFF
	// after its own BOM.
	data = bytes.TrimPrefix(data, []byte(bomUTF8))
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte(string(utf8.RuneError)))
	}
	return data, f, cs, nil
}

// chooseCharset picks the charset of data, which has no BOM. A nil
// encoding means UTF-8 (the bytes are kept, invalid ones replaced later).
func chooseCharset(data []byte, f Format, forced string) (encoding.Encoding, string) {
	if forced != "" {
		return lookup(forced)
	}
	valid := utf8.Valid(data)
	// Multibyte UTF-8 almost never happens by chance in a legacy charset,
	// so valid non-ASCII UTF-8 beats a declaration: the declaration is the
	// one that is wrong (a page re-saved as UTF-8, say).
	if valid && !isASCII(data) {
		return nil, "utf-8"
	}
	if f == HTML {
		if enc, name := declared(data, !valid); enc != nil {
			return enc, name
		}
	}
	// No usable declaration: UTF-8 if the bytes are (mostly) UTF-8,
	// otherwise the web's usual legacy default.
	if valid || mostlyUTF8(data) {
		return nil, "utf-8"
	}
	return charmap.Windows1252, "windows-1252"
}

// declared returns the charset an HTML document declares in a <meta> tag,
// or nil if it declares none, or only utf-8 or windows-1252 (the choices
// chooseCharset makes anyway, after checking the bytes). late says whether
// to look past the first 1024 bytes.
func declared(data []byte, late bool) (encoding.Encoding, string) {
	if enc, name := specific(charset.DetermineEncoding(data, "")); enc != nil {
		return enc, name
	}
	if !late {
		return nil, ""
	}
	head := data[:min(len(data), metaWindow)]
	for i := bytes.IndexByte(head, '<'); i >= 0; i = nextTag(head, i) {
		if tagName(head[i+1:]) != "meta" {
			continue
		}
		// The prescan starts at this tag, so it sees declarations
		// DetermineEncoding's 1024-byte window missed.
		if enc, name := specific(charset.DetermineEncoding(head[i:], "")); enc != nil {
			return enc, name
		}
	}
	return nil, ""
}

// nextTag returns the index of the next '<' in b after index i, or -1.
func nextTag(b []byte, i int) int {
	j := bytes.IndexByte(b[i+1:], '<')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// specific filters DetermineEncoding's answer down to an actual, useful
// declaration. Its utf-8 and windows-1252 answers may be guesses rather
// than declarations, "replacement" would turn the page into one U+FFFD, and
// the standard maps a declared x-user-defined to windows-1252.
func specific(enc encoding.Encoding, name string, _ bool) (encoding.Encoding, string) {
	switch name = strings.ToLower(name); name {
	case "utf-8", "windows-1252", "replacement", "x-user-defined", "":
		return nil, ""
	}
	return enc, name
}

// lookup resolves a WHATWG charset label to an encoding and its lowercase
// canonical name; "" if the label is unknown or unusable.
func lookup(label string) (encoding.Encoding, string) {
	enc, name := charset.Lookup(label)
	name = strings.ToLower(name)
	if enc == nil || name == "replacement" {
		return nil, ""
	}
	if name == "utf-8" {
		return nil, name // kept as is; invalid bytes are replaced later
	}
	return enc, name
}

// decodeWith converts data from enc to UTF-8.
func decodeWith(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		// x/text decoders replace bad input with U+FFFD rather than fail;
		// should one fail anyway, keep the bytes for the UTF-8 repair.
		return data
	}
	return out
}

// decodeUTF16 decodes BOM-less UTF-16 in the byte order name gives.
func decodeUTF16(data []byte, name string) []byte {
	order := xunicode.LittleEndian
	if name == "utf-16be" {
		order = xunicode.BigEndian
	}
	return decodeWith(xunicode.UTF16(order, xunicode.IgnoreBOM), data)
}

// sniffUTF16 recognises UTF-16 without a BOM when the text is mostly
// ASCII-range, where every other byte is zero. Anything else with zero bytes
// is refused as binary later.
func sniffUTF16(data []byte) string {
	b := data[:min(len(data), 1024)&^1]
	pairs := len(b) / 2
	if pairs < 4 {
		return ""
	}
	le, be := 0, 0
	for i := 0; i < len(b); i += 2 {
		switch {
		case b[i] != 0 && b[i+1] == 0:
			le++
		case b[i] == 0 && b[i+1] != 0:
			be++
		}
	}
	switch {
	case le*10 >= pairs*9:
		return "utf-16le"
	case be*10 >= pairs*9:
		return "utf-16be"
	}
	return ""
}

// binaryType says why data is not text (a media type or a reason), or ""
// if it looks like text. data is UTF-8 or an ASCII-compatible charset.
func binaryType(data []byte) string {
	head := data[:min(len(data), sniffLen)]
	mime := http.DetectContentType(head)
	// DetectContentType knows the signatures of images, PDF, archives,
	// fonts, media. Its octet-stream only means "a control byte somewhere
	// in the first 512 bytes", which is judged below instead.
	if !strings.HasPrefix(mime, "text/") && mime != "application/octet-stream" {
		return mime
	}
	ctrl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return "contains NUL bytes"
		case c < 0x20 && !strings.ContainsRune("\t\n\v\f\r\x1b", rune(c)), c == 0x7f:
			ctrl++
		}
	}
	// Real text has at most a stray control byte or two (^Z ending a DOS
	// file, a pasted ^H); random bytes have about one in ten.
	if ctrl > 2 && ctrl*16 > len(head) {
		return "control characters"
	}
	return ""
}

// isHTML says whether data (ASCII-compatible) is HTML rather than a text
// dump. Unambiguous tags (doctype, html, head, body) decide on their own;
// common content tags count only when there are two of them, so a text dump
// that quotes one tag, or says "a < b" or "<3", stays text.
func isHTML(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	if strings.HasPrefix(http.DetectContentType(head), "text/html") {
		return true
	}
	tags := 0
	for i := bytes.IndexByte(head, '<'); i >= 0; i = nextTag(head, i) {
		switch tagName(head[i+1:]) {
		case "!doctype", "html", "head", "body":
			return true
		case "p", "div", "span", "a", "b", "i", "u", "em", "strong", "br", "hr", "img",
			"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
			"table", "tr", "td", "th", "article", "section", "header", "footer", "nav",
			"main", "aside", "figure", "figcaption", "blockquote", "pre", "meta",
			"title", "link", "script", "style", "form", "iframe", "noscript":
			tags++
			if tags >= 2 {
				return true
			}
		}
	}
	return false
}

// tagName returns the lowercase name of a tag whose '<' precedes b (a
// closing tag's '/' skipped), or "" if b does not start a tag name followed
// by white space, '/' or '>'.
func tagName(b []byte) string {
	if len(b) > 0 && b[0] == '/' {
		b = b[1:]
	}
	var name [16]byte
	n := 0
	for n < len(b) && n < len(name) {
		c := b[n] | 0x20 // ASCII lowercase; digits and '!' are unaffected
		if !('a' <= c && c <= 'z' || n > 0 && '0' <= c && c <= '9' || n == 0 && c == '!') {
			break
		}
		name[n] = c
		n++
	}
	if n == 0 || n == len(b) || n == len(name) {
		return ""
	}
	switch b[n] {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
		return string(name[:n])
	}
	return ""
}

// mostlyUTF8 says whether data, which is not valid UTF-8, is UTF-8 with a
// few bad bytes (a stray windows-1252 quote pasted into a UTF-8 page)
// rather than a legacy charset.
func mostlyUTF8(data []byte) bool {
	multi, bad := 0, 0
	for len(data) > 0 {
		if data[0] < utf8.RuneSelf {
			data = data[1:]
			continue
		}
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			multi++
		}
		data = data[n:]
	}
	return multi > bad
}

func isASCII(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// blank says whether body has no visible characters.
func blank(body []byte) bool {
	return bytes.IndexFunc(body, func(r rune) bool {
		return !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff'
	}) < 0
}

func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}

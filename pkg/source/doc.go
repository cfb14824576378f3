// Package source turns raw input (a file, stdin, bytes) into a Doc: UTF-8 text
// with its format (HTML or plain text) decided, gzip undone and the declared or
// sniffed charset decoded. It is the only stage that sees raw bytes.
//
// Input: an io.Reader (Read) or a path (Open; "-" is not special there, the
// CLI passes os.Stdin to Read). Output: *Doc whose Body is always valid UTF-8,
// without a BOM, and not blank.
//
// Rules, in order:
//   - At most Options.MaxBytes are read (default 50 MiB); gzip input (by its
//     magic bytes, not its name) is decompressed under the same limit, so a
//     gzip bomb stops at the limit. Doc.SHA256 and Doc.Bytes describe the raw
//     input as read.
//   - Images, PDF, archives, data with NUL bytes or many control bytes are
//     refused as binary. UTF-16 is recognised by its BOM, or without one when
//     the text is mostly ASCII-range.
//   - HTML versus text: an HTML signature at the start (doctype, <html>,
//     <p>, ...), or html/head/body tags, or two common tags in the first
//     4 KB. A text dump that says "a < b" or "<3" stays text.
//   - Charset: a BOM wins; then Options.Charset; then, for HTML, a <meta>
//     declaration (looked for in the first 16 KB) unless the bytes are valid
//     non-ASCII UTF-8, which beats any declaration; then UTF-8 if the bytes
//     are (mostly) UTF-8, else windows-1252. Remaining invalid bytes become
//     U+FFFD. Doc.Charset is the lowercase WHATWG name ("utf-8",
//     "windows-1251", "utf-16le", ...).
//
// Errors are *Error values wrapping one of the exported sentinels (ErrNotFound,
// ErrUnreadable, ErrIsDir, ErrEmpty, ErrBinary, ErrTooLarge, ErrCorrupt,
// ErrCharset) so callers can map them to exit codes with errors.Is; the
// message is one line naming the input and saying what to do.
// Batches: Walk lists the documents of input specs lazily (files, folders
// with globs, WARC files record by record via gowarc, http(s) URLs through a
// polite Fetcher, "-"), RecordReader splits a JSON Lines stream into
// records, and ReadList reads a list of specs. Every listed document is an
// Input whose Load does the reading, so a batch can spread it over workers.
//
// Functions are safe for concurrent use; inputs are never mutated.
package source

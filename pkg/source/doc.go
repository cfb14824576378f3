// Package source turns raw input (a file, stdin, bytes) into a Doc: UTF-8 text
// with its format (HTML or plain text) decided, gzip undone and the declared or
// sniffed charset decoded. It is the only stage that sees raw bytes.
//
// Input: an io.Reader or a path. Output: *Doc. Errors are typed (*Error) and
// wrap one of the exported sentinels (ErrNotFound, ErrEmpty, ErrBinary,
// ErrTooLarge, ErrUnreadable) so callers can map them to exit codes.
// Functions are safe for concurrent use; inputs are never mutated.
package source

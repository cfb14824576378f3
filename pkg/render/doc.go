// Package render owns qanda's output contract: the Document type, its JSON
// Schema (schema.json, printed by `qanda schema`), and the writers for JSON,
// JSON Lines, Markdown, plain text and CSV, plus Explain, the human view of
// what was removed and why.
//
// Input: a *Document built by package qanda. Output: bytes on an io.Writer.
// Writers never change the texts they are given (they only escape them as the
// format needs). Output is deterministic. Safe for concurrent use.
package render

// Package render owns qanda's output contract: the Document type, its JSON
// Schema (schema.json, printed by `qanda schema`), and the writers for JSON,
// JSON Lines, Markdown, plain text and CSV, plus Explain, the human view of
// what was removed and why.
//
// Input: a *Document built by package qanda. Output: bytes on an io.Writer.
// Writers never change the texts they are given (they only escape them as the
// format needs; Markdown and plain text also collapse runs of white space,
// since a line break there would end a heading, a bold question or a line).
// Nil slices in the Document are written as [] (JSON never has null where the
// schema says array). Output is deterministic. Safe for concurrent use.
package render

// Package blocks splits a decoded document into Blocks in reading order: the
// unit every later stage marks, moves or removes.
//
// Input: UTF-8 HTML (FromHTML, parsed with goquery) or a plain-text dump of a
// page (FromText). Output: []Block with IDs b1, b2, ... in reading order. Block
// text is the source text with whitespace collapsed and nothing else changed,
// so later stages can quote it verbatim. HTML hints about page chrome (nav,
// footer, hidden elements, ...) are recorded in Block.Chrome, not acted on:
// deciding what to drop belongs to package clean.
// Functions are safe for concurrent use.
package blocks

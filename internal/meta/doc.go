// Package meta finds what a page says about itself: title, authors,
// published date, site name, language and canonical URL (from JSON-LD,
// OpenGraph, meta tags and the document), and, for text dumps, the title
// line. It also guesses the language of a text.
//
// Input: a parsed HTML document (goquery) or the blocks of a text dump.
// Output: Meta. Nothing is mutated. Safe for concurrent use.
package meta

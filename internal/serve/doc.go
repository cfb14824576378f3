// Package serve is the journalist's desk: a local web page, served by the
// qanda binary itself, where a person pastes a page (or drops a file, or
// gives a URL), reads the transcript beside the page text with every
// removed block marked with its reason and rule, and downloads the result
// in the CLI's formats.
//
// Everything it shows is built with html/template, so the page's own text
// is always escaped; every asset is embedded; a strict
// Content-Security-Policy allows only those assets; every POST carries a
// per-server CSRF token; request bodies are capped. Results live in memory
// only (a bounded number of them) and are gone when the server stops.
package serve

// Package qanda turns interview pages into question/answer transcripts.
//
// Extract reads one page (HTML, a text dump or Markdown, in any charset,
// gzip or not) and returns its Document: the title, the people, the intro,
// every question with its complete answer, and everything it removed
// (navigation, adverts, echoes of the text) with the reason, so nothing is
// lost unseen. Text is copied from the page, never rewritten. Render writes
// a Document as JSON, JSON Lines, Markdown, text or CSV; the JSON contract
// is versioned (SchemaVersion in package render, which documents every
// field).
//
// For many pages, RunBatch runs a bounded pool of workers and delivers the
// results in input order, and a SiteLearner (LearnSites, or one the caller
// feeds with Learn) removes the boilerplate a site prints on all its pages.
// Package source names the inputs: files, folders, WARC archives, URLs.
//
// Every call takes a context and stops within milliseconds once it is done,
// returning its error. The library sets no time limit of its own
// (Options.Timeout sets one). Errors are values to match with errors.Is
// (ErrTooLarge, ErrNotText, ErrEmpty, ErrTooManyBlocks, ErrTimeout,
// ErrNoInterview, ErrInternal); their messages name the input and what is
// wrong, and no command-line flag. Warnings (a page read as text, no
// interview found) are typed: Warning.Code is stable. Limits (Options:
// MaxBytes, MaxDepth, MaxNodes, MaxBlocks) keep one hostile document from
// exhausting memory, and a panic in a stage becomes an error (ErrInternal)
// instead of ending the process. Safe for concurrent use: calls share
// nothing but the SiteLearner they are given, which is safe too.
package qanda

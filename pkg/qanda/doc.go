// Package qanda composes the pipeline stages (source, blocks, meta, clean,
// interview, render) into one call: FromReader, FromFile or FromDocument
// turn one input into a *render.Document, the JSON contract.
//
// Everything it returns is built from the stages' outputs; it adds the
// ledger (every block is in the transcript or in Removed) and the warnings.
// RunBatch runs many inputs on a bounded pool of workers and delivers the
// results in input order; LearnSites is its optional first pass, which
// learns each host's boilerplate (clean.SiteModel) for Options.Site.
// Limits (Options: MaxDepth, MaxNodes, MaxBlocks, Timeout; see limits.go)
// keep one hostile document from exhausting memory or holding a worker:
// an HTML page whose tree would be too deep or too large is read as text
// with a warning, a document with too many blocks is refused, one that
// takes too long fails with ErrTimeout, and a panic in a stage becomes an
// error (ErrInternal) instead of ending the process.
// Safe for concurrent use: no state is shared between calls.
package qanda

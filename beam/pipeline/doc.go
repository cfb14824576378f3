// Package pipeline builds the Apache Beam pipeline that runs qanda over
// archives: WARC files, folders, globs and JSON Lines record files in,
// JSON Lines shards and a failures file out.
//
// The stages are those of `qanda extract` spread over workers. Reading
// (package source) turns each input spec into pages; every page is keyed
// by its site host (qanda.SiteHost) and a GroupByKey brings a host's pages
// together, so one worker learns that host's boilerplate
// (qanda.SiteLearner) and then extracts its pages with it, which is what
// the CLI's first pass does for the whole batch in one process. Pages
// without a host skip the grouping and are extracted as they come. Every
// document's output line is the bytes `qanda extract --format jsonl`
// writes for it; documents that fail become one JSON record each in the
// failures output. Counters (namespace "qanda") count documents,
// exchanges and failures by kind.
//
// Build only constructs the graph, so tests run it on Prism and the
// command qanda-beam runs it on any runner.
package pipeline

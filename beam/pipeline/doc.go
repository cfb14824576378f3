// Package pipeline builds the Apache Beam pipeline that runs qanda over
// archives: WARC files, folders, globs and JSON Lines record files in,
// JSON Lines shards and a failures file out.
//
// The stages are those of `qanda extract` spread over workers, arranged so
// that no page and no output line passes through a shuffle (a runner such
// as Prism holds a shuffle in memory). With site learning the inputs are
// read twice. The first read sketches every page (qanda.SketchDoc: a hash
// a block, a few percent of the HTML), packs a bundle's sketches by host,
// and a GroupByKey brings a host's packs to one worker, which learns the
// host's boilerplate (qanda.SiteLearner) and emits its model. The models
// are the side input of the second read, which extracts each page where
// it was read, as the CLI's second pass does. Every document's output line
// is the bytes `qanda extract --format jsonl` writes for it; it goes into
// a sorted run file of its shard, and one step a shard merges the runs.
// Documents that fail become one JSON record each in the failures output.
// Counters (namespace "qanda") count documents, exchanges, failures by
// kind, and the pages and texts site learning used and found.
//
// Build only constructs the graph, so tests run it on Prism and the
// command qanda-beam runs it on any runner.
package pipeline

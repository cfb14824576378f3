// Command qanda-beam runs qanda over archives as an Apache Beam pipeline:
// WARC files, folders, globs and JSON Lines record files in, JSON Lines
// shards and a failures file out, with site learning grouped by host.
// The runner is chosen by Beam's own flags (--runner, --endpoint,
// --environment_type, ...); without them it runs locally on Prism. See the
// README's section on Beam for the commands per runner.
//
//	qanda-beam --input 'crawl/*.warc.gz' --output out/ [--records pages.jsonl] [--shards 8]
package main

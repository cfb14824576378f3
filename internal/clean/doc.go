// Package clean decides, for every block of a page, whether it is content,
// the title, a caption or credit (moved to media), or removed, and why:
// page chrome marked by the HTML, blocks outside the article's main content
// (maincontent.go), page chrome of text dumps (textchrome.go), repeated runs
// of blocks (echoes), exact and near duplicates, doubled captions, pull
// quotes, link stubs, text in another script, boilerplate phrases, and text
// that recurs on many pages of one site (site.go, learned across a batch).
//
// Input: []blocks.Block in reading order and a Context (title block, whether
// the page was HTML). Output: one Mark per block. Blocks are never changed:
// a removal is a Mark, so the ledger (blocks in = kept + removed) always
// balances and every drop can be explained.
//
// Echoes versus legitimate repetition: a copy is removed when it belongs to a
// repeated run of blocks, sits next to its original, or is neither a question
// nor a short recurring prompt; a question repeated alone, each time followed
// by a different answer (the same question put to many people), is kept.
//
// Work stays near-linear in the page size: copies and pull quotes are found
// through hashed word 4-grams with capped buckets (grams.go; 4-grams that
// occur once on the page are set aside first), and only a few candidates
// are confirmed with an edit distance. Clean is safe for concurrent use; a
// SiteLearner is not (see site.go).
package clean

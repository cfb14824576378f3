// Package clean decides, for every block of a page, whether it is content,
// the title, a caption or credit (moved to media), or removed, and why:
// page chrome, repeated runs of blocks (echoes), exact and near duplicates,
// doubled captions, pull quotes, link stubs, text in another script, and
// boilerplate phrases.
//
// Input: []blocks.Block in reading order and a Context (title block,
// language, whether the page was HTML). Output: one Mark per block. Blocks
// are never changed: a removal is a Mark, so the ledger (blocks in = kept +
// removed) always balances and every drop can be explained.
//
// Echoes versus legitimate repetition: a copy is removed when it belongs to a
// repeated run of blocks, sits next to its original, or is not a question;
// a question repeated alone, each time followed by a different answer (the
// same question put to many people), is kept.
// Safe for concurrent use.
package clean

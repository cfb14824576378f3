// Package words holds the word-level scans that every stage runs on the
// text of every block: counting words, and for plain ASCII text (nearly all
// of most pages) its comparison key, word count and letter count in one
// pass. They sit in one leaf package so the stages share one fast version
// instead of each keeping its own.
package words

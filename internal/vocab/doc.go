// Package vocab holds the phrases the cleaner looks for (link stubs,
// subscription and cookie boxes, calls to action, teaser kickers, legal
// disclaimers, photo credits), one table per language, and builds from
// them both the regular expressions and the cheap pre-checks that spare
// most blocks those expressions.
//
// Why one table: the pre-checks used to be word lists written by hand next
// to each expression, and a phrase added to one but not the other made the
// pre-check reject text the expression would have matched. Deriving both
// from the same phrases means they cannot disagree; the tests check every
// phrase in lower, upper and title case against both.
//
// The tables are data/*.txt, embedded. Each file is one language (any.txt:
// names and marks of no language). Lines starting with '#' are comments;
// "[category]" opens a section; every other non-empty line is one phrase.
// A phrase matches ignoring case (teaser kickers: in capitals only), its
// words separated by one space, as a whole word: \b on each side that
// is an ASCII letter or digit (Go's \b knows no other letters, so Cyrillic
// phrases match inside words too). In a phrase,
//
//	word*   is a stem: no boundary after it ("photo*": "photographer");
//	word:   is a label: a colon follows, maybe after spaces ("bild:");
//	_       stands for any one character ("picture_alliance").
//
// Categories and the shape of their match (see Vocab):
//
//	stub-end        ends a link stub: "The full text is here."
//	stub-start      opens one: "Read more ..."
//	boiler          anywhere in a subscription, sharing or cookie box
//	call-to-action  opens a box, or follows a lead-in and a colon
//	teaser          an embedded teaser's kicker: "VIDEO: ..."
//	disclaimer      anywhere in a legal note
//	plugin          anywhere in a notice that a plug-in or player is needed
//	credit          anywhere in a photo credit: "Photo: AFP"
//	credit-label    a caption's credit label, with ":" or "by Name" after
//	credit-mark     a caption's credit without a label: "© ...", "(Fuente ...)"
//	related         a whole line heading a list of other stories: "Related posts"
//	more-link       the link word a teaser's summary ends with: "... in April. more"
//	reader          one word that addresses the reader: "you", "unser*" (whole
//	                words of a block's key in any script; no spaces, no labels)
//	issue           anywhere in a sales pitch for the publication's issues:
//	                "current issue", "e-paper", "Einzelheft"
//	date-word       one word of a line that only dates the article: "März",
//	                "updated", "min" (whole words, as reader)
package vocab

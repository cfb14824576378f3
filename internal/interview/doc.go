// Package interview turns the kept blocks of a page into a Transcript:
// intro, exchanges (question, complete answer, topic, speakers), outro. It
// detects the dominant interview format of the document (a question list
// with topic headings, Q:/A: or speaker labels, bold or heading questions,
// dialogue dashes, unstyled questions) and segments turns accordingly,
// recording per exchange the method used and a confidence.
//
// Input: blocks with their clean.Marks. Output: Transcript. Texts are copied
// from the blocks; only labels that the format puts before a turn ("Q:",
// "MARGARET WARNER:", a leading dialogue dash) are cut off and moved to the
// speaker or label fields. Non-interviews yield no exchanges and a warning,
// never invented pairs. Safe for concurrent use.
package interview

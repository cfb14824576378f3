package interview

import "math"

// Calibration of Exchange.Confidence. The formats score an exchange from
// what found it (turns.go confidence: the share of questions with a
// question mark and the format's bonus; qlist.go: how well a topic heading
// matches its question). Measured on the hand-made gold (the HTML pages and
// their text dumps, 842 exchanges, 820 of them correctly delimited), that
// raw score said little: exchanges scored 0.68 were right 68 times in 69,
// those scored 0.95 413 in 421, and its expected calibration error was
// 0.097. What did go wrong was mostly where an answer's end is a guess:
//
//   - the last exchange of a page with no outro: its answer runs to the
//     end of the text, so whatever the cleaner kept after the interview
//     (a bio, a call to action, a last subheading) lands in it; right 35
//     times in 43, against 785 in 799 for the others;
//   - answers of several paragraphs: each paragraph break is a place
//     where a question may have been missed; one paragraph was right 577
//     times in 585, four or more 35 in 40.
//
// So the confidence is a logistic model of three signals the pipeline
// has, fitted on the gold (maximum likelihood, a small ridge penalty) and
// rounded to one decimal per weight:
//
//	logit = 4.2 + 3.5*(raw-0.85) - 1.8*open - 0.5*(paragraphs-1)
//
// with raw the format's score, open 1 for the last exchange when nothing
// follows it, and paragraphs the answer's paragraphs counted up to 5. It
// is monotone in each signal: up with the raw score, down for an open end
// and with every further paragraph. Refitted with each page left out and
// applied to that page, the pooled predictions have an expected
// calibration error of 0.008 and a Brier score of 0.0241 (0.0257 for one
// constant), so the fit is not an artefact of a few pages. The model
// without the raw score does as well (0.009, 0.0241); the raw score is
// kept, with its small weight, as the only signal of how clearly the
// format was found, which the gold, made of interviews, hardly tests.
// tools/calibrate.py (make eval) prints the table per confidence band.
const (
	calIntercept = 4.2
	calRaw       = 3.5
	calRawCentre = 0.85
	calOpen      = 1.8
	calParagraph = 0.5
	calMaxParas  = 5
)

// calibrate replaces the raw confidence of every exchange of t by the
// estimated probability that the exchange is correctly delimited (rounded
// to two decimals). It reads t's outro, so it runs once t is complete.
func calibrate(t *Transcript) {
	for k := range t.Exchanges {
		e := &t.Exchanges[k]
		open := k == len(t.Exchanges)-1 && len(t.Outro) == 0
		e.Confidence = calibrated(e.Confidence, open, len(e.Answer))
	}
}

// calibrated maps a raw score, whether the answer's end is open and its
// number of paragraphs to a probability in [0,1], rounded to 2 decimals.
func calibrated(raw float64, open bool, paragraphs int) float64 {
	z := calIntercept + calRaw*(raw-calRawCentre)
	if open {
		z -= calOpen
	}
	z -= calParagraph * float64(min(max(paragraphs, 1), calMaxParas)-1)
	p := 1 / (1 + math.Exp(-z))
	return math.Round(p*100) / 100
}

package clean

import (
	"regexp"
	"strings"
)

// Comments: a thread of readers' posts after the article, with the lines
// that open it (its count, its title).
const Comments Reason = "comments"

const (
	// postHeaderMaxWords bounds the line over a post that gives its
	// author, date and buttons.
	postHeaderMaxWords = 15
	// threadMinHeaders is how many post headers make a thread.
	threadMinHeaders = 2
	// threadMaxGap is the most blocks between two post headers of one
	// thread (a post's title, body and signature).
	threadMaxGap = 12
	// threadLeadMaxLines and threadLeadMaxWords bound the lines above the
	// first post that belong to the thread: its title, the count of its
	// messages, its sort controls, the button to post, a post's own title,
	// the link back to the archive.
	threadLeadMaxLines = 6
	threadLeadMaxWords = 12
	// threadMinWordsBefore is how much live text must stand before the
	// thread: comments follow an article.
	threadMinWordsBefore = 150
)

var (
	// postYearRe and postTimeRe find a post's date and time: "2004-09-16
	// 21:49:53", "March 3, 2021 at 4:15 pm", "3. März 2021, 16:15".
	postYearRe = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	postTimeRe = regexp.MustCompile(`\b[0-2]?\d:[0-5]\d\b`)
	// replyRe finds the buttons under or over a post, in the languages
	// of the vocabulary.
	replyRe = regexp.MustCompile(`(?i)\b(?:` + strings.Join(replyWords[:6], "|") + `)\b|` + replyWords[6])
	// replyWords are replyRe's words, lower case, as a block's key holds
	// them: a text whose key has none of them cannot match, which spares
	// the pattern on nearly every block.
	replyWords = []string{"reply", "permalink", "antworten", "répondre", "responder", "rispondi", "ответить"}
)

// hasReplyWord reports whether block i's key holds one of replyWords.
func (c *cleaner) hasReplyWord(i int) bool {
	for _, w := range replyWords {
		if strings.Contains(c.keys[i], w) {
			return true
		}
	}
	return false
}

// postHeader reports whether block i reads as the line over or under a
// reader's post: short, with a reply button and a date or a time. A date
// and a time alone are not enough: shops print them on every price.
func (c *cleaner) postHeader(i int) bool {
	if c.nw[i] > postHeaderMaxWords || c.nw[i] == 0 {
		return false
	}
	t := c.bs[i].Text
	dated := func(t string) bool { return postYearRe.MatchString(t) || postTimeRe.MatchString(t) }
	if !c.hasReplyWord(i) || !replyRe.MatchString(t) {
		return false
	}
	if dated(t) {
		return true
	}
	// A text dump prints a header's parts as list items, a line each:
	// the reply button, the author, the date.
	for j := i + 1; j < len(c.bs) && j <= i+postHeaderMaxLines; j++ {
		if c.nw[j] > postHeaderMaxWords {
			return false
		}
		if dated(c.bs[j].Text) && c.nw[j] <= postDateMaxWords {
			return true
		}
	}
	return false
}

// threadArticleWords is the length of text above a thread that makes
// the page an article with comments, not a forum's thread.
const threadArticleWords = 400

// postHeaderMaxLines is how many lines after its reply button a header's
// date may stand on.
const postHeaderMaxLines = 3

// postDateMaxWords bounds a line that holds only a post's date and time.
const postDateMaxWords = 6

// signedHeader reports whether block i is the line over a reader's post
// that names its author and ends in a colon ("B.A. says:", "Marie écrit
// :"), with the post's date and time alone on the next line. A speaker's
// label is followed by the answer, not by a timestamp.
func (c *cleaner) signedHeader(i int) bool {
	if c.nw[i] > postHeaderMaxWords || c.nw[i] == 0 || !strings.HasSuffix(strings.TrimSpace(c.bs[i].Text), ":") {
		return false
	}
	j := i + 1
	for j < len(c.bs) && !c.live(j) {
		j++
	}
	if j == len(c.bs) || c.nw[j] > postDateMaxWords {
		return false
	}
	t := c.bs[j].Text
	return postYearRe.MatchString(t) && postTimeRe.MatchString(t)
}

// commentThread removes a thread of readers' comments after the article:
// post headers (a name, a date and a time, "Reply") at short intervals,
// the posts between them, the lines that open the thread ("Showing
// messages 1 through 6 of 6", its title) and whatever follows it. Posts
// by many hands after the article are no part of the interview, and their
// shape is the same on every site: one header line per post. A list of
// dated headlines is not a thread: its lines hold no time or reply button.
func (c *cleaner) commentThread() {
	var heads []int
	for i := range c.bs {
		c.tick()
		if c.marks[i].Role == Title || !c.postHeader(i) && !c.signedHeader(i) {
			continue
		}
		if len(heads) > 0 && i-heads[len(heads)-1] > threadMaxGap {
			if len(heads) >= threadMinHeaders {
				break
			}
			heads = heads[:0]
		}
		heads = append(heads, i)
	}
	// One post is a thread when its header is signed and dated: a list
	// of headlines has no author's line over its dates.
	if len(heads) < threadMinHeaders && (len(heads) == 0 || !c.signedHeader(heads[0])) {
		return
	}
	first := heads[0]
	// The thread's posts alternate with their headers: a header with no
	// text after it before the next is a list of dates, not a thread. A
	// post counts whatever an earlier rule made of it (a text dump's
	// footer may have taken the later posts already): the thread's shape
	// is on the page either way.
	posts := 0
	for k, h := range heads {
		end := len(c.bs)
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		for j := h + 1; j < end; j++ {
			if c.marks[j].Role != Title && c.nw[j] >= 3 {
				posts++
				break
			}
		}
	}
	if posts < len(heads)-1 {
		return
	}
	before := c.wordsBefore(first)
	if before < threadMinWordsBefore {
		return
	}
	// The lines that open the thread.
	start, lines := first, 0
	for i := first - 1; i >= 0 && lines < threadLeadMaxLines; i-- {
		if !c.live(i) {
			continue
		}
		if c.nw[i] > threadLeadMaxWords || c.marks[i].Role != Content || labelled(c.bs[i].Text) {
			break
		}
		start, lines = i, lines+1
	}
	// A page whose posts outweigh the text above them is a forum's
	// thread: the posts are its text. An article of some length above
	// the first header is an article, however many readers answered it.
	after := c.wordsBefore(len(c.bs)) - c.wordsBefore(start)
	if after > before && before < threadArticleWords {
		return
	}
	for i := start; i < len(c.bs); i++ {
		if c.live(i) {
			c.remove(i, Comments, -1)
		}
	}
}

// labelled reports whether a text opens with a speaker's label ("SK:",
// "Jane Doe:"): a turn of the interview, which no thread's heading is.
func labelled(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 30 {
		return false
	}
	head := s[:i]
	return strings.Count(head, " ") <= 3 && !strings.ContainsAny(head, "0123456789")
}

// relatedTail removes a line that heads a list of other stories ("Related
// posts", "Ähnliche Beiträge", "Already read?": the vocabulary's related
// headings) and everything after it, when the article stands above it
// (half of the live words and more: readers' posts may follow) and nothing after it is a
// speaker's turn. The heading names what follows on every
// site; without markup the list's links are short lines like any other, and
// in HTML the heading may stand inside the article's container, where
// nothing marks the box around it: there the box's summaries may outweigh
// the article, and 150 words above the heading are enough.
func (c *cleaner) relatedTail() {
	total := c.wordsBefore(len(c.bs))
	before := 0
	for i := range c.bs {
		c.tick()
		if !c.live(i) {
			continue
		}
		if c.nw[i] <= relatedHeadingMaxWords && before >= threadMinWordsBefore && (c.ctx.HTML || 2*before >= total) &&
			c.v.Related.Re.MatchString(c.bs[i].Text) && !c.turnAfter(i) {
			for j := i; j < len(c.bs); j++ {
				c.tick()
				if c.live(j) {
					c.remove(j, Related, -1)
				}
			}
			return
		}
		before += c.nw[i]
	}
}

// relatedHeadingMaxWords bounds the heading of a list of other stories.
const relatedHeadingMaxWords = 6

// turnAfter reports whether a live line after block i opens with a
// speaker's label that also opens a line before it, and is no post's date
// line: the interview goes on there. A question alone does not say so:
// teasers' headlines and readers' posts ask questions too; and a label
// first seen after block i is a teaser's kicker ("Fashion: ..."), since
// an interview's speakers have spoken before half of its text.
func (c *cleaner) turnAfter(i int) bool {
	before := map[string]bool{}
	for j := 0; j < i; j++ {
		if t := c.bs[j].Text; c.live(j) && labelled(t) {
			before[t[:strings.IndexByte(t, ':')]] = true
		}
	}
	for j := i + 1; j < len(c.bs); j++ {
		c.tick()
		if t := c.bs[j].Text; c.live(j) && labelled(t) && before[t[:strings.IndexByte(t, ':')]] && !c.postHeader(j) {
			return true
		}
	}
	return false
}

const (
	// moreLinkMaxWords bounds a teaser's summary.
	moreLinkMaxWords = 80
	// cardHeadlineMaxWords bounds the headline over a teaser's summary.
	cardHeadlineMaxWords = 15
)

// moreLinks removes, in a text dump, a teaser card's summary that ends
// with the link to the story after its last sentence or its cut ("... in
// April. more", "... the town… Read more": the vocabulary's more-link
// words), and the headline right above it. No one's sentence ends with a
// lone "more" after its full stop; a speaker's turn is never taken.
func (c *cleaner) moreLinks() {
	c.removeLinkLines(moreLinkMaxWords, cardHeadlineMaxWords, Teaser, func(t string) bool {
		return !labelled(t) && c.v.MoreLink.Re.MatchString(t)
	})
}

// removeLinkLines removes, in a text dump, every live block of at most
// maxWords words that is, by isLink, a link to something else, and the short
// label above it (see removeLabelAbove).
func (c *cleaner) removeLinkLines(maxWords, labelWords int, r Reason, isLink func(string) bool) {
	if c.ctx.HTML {
		return
	}
	for i, b := range c.bs {
		if c.live(i) && c.nw[i] <= maxWords && isLink(b.Text) {
			c.remove(i, r, -1)
			c.removeLabelAbove(i, labelWords, r)
		}
	}
}

// removeLabelAbove removes the line above block i (past a picture's
// caption) when it is a short label of it: at most maxWords words, no
// sentence, no question, no speaker's turn.
func (c *cleaner) removeLabelAbove(i, maxWords int, r Reason) {
	h := i - 1
	for h >= 0 && !c.live(h) && c.marks[h].Role != Removed {
		h--
	}
	if h >= 0 && c.live(h) && c.marks[h].Role == Content && c.nw[h] <= maxWords &&
		!EndsSentence(c.bs[h].Text) && !IsQuestion(c.bs[h].Text) && !labelled(c.bs[h].Text) {
		c.remove(h, r, -1)
	}
}

// fileSizeRe matches a line that ends with a download's file size, alone
// or in brackets with its format: "123 KB", "Download (PDF 3,9 MB)".
var fileSizeRe = regexp.MustCompile(`(?i)(?:^|\()(?:(?:pdf|zip|docx?|xlsx?|pptx?|mp3|mp4|epub)\s*)?\d+(?:[.,]\d+)?\s?(?:[kmg]b|[km]o|[км]б)\)?\s*$`)

const (
	// downloadMaxWords bounds a download link's line.
	downloadMaxWords = 25
	// downloadLabelMaxWords bounds a label above it ("Save this script as a PDF").
	downloadLabelMaxWords = 10
)

// downloadLinks removes, in a text dump, a line that ends with a file's
// size (a download link: "Download (123 KB)") and the short label right
// above it. Speech gives a size inside a sentence, never as a line's end
// in brackets or alone.
func (c *cleaner) downloadLinks() {
	c.removeLinkLines(downloadMaxWords, downloadLabelMaxWords, Boilerplate, fileSizeRe.MatchString)
}

package interview

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// name is two to four capitalised words: "Aykhan Hajizada", "Karin Fischer".
const name = `(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,3})`

// outlet is a publication: one to four capitalised words, maybe after "The".
const outlet = `((?:The\s+|the\s+)?\p{Lu}[\p{L}\p{N}'’\-]*(?:\.\p{L}+)*(?:\s+\p{Lu}[\p{L}\p{N}'’\-]*(?:\.\p{L}+)*){0,3})`

// personNameRe matches a heading that is only a person's name: two to
// four capitalised words.
var personNameRe = regexp.MustCompile(`^\p{Lu}[\p{Ll}'’\-]+(?:\s+\p{Lu}[\p{Ll}'’\-]+){1,3}$`)

// toldRes find "X told Y" and its equivalents: the person who speaks and
// the outlet (the interviewer) they spoke to.
var toldRes = []toldRe{
	{[]string{"told", "tells", "said to", "explained to", "revealed to"},
		regexp.MustCompile(name + `\s+(?:told|tells|said to|explained to|revealed to)\s+` + outlet)},
	{[]string{"sagte", "sagt", "erklärte", "erklärt"},
		regexp.MustCompile(name + `\s+(?:sagte|sagt|erklärte|erklärt)\s+(?:dem|der|den)\s+` + outlet)},
	{[]string{"a déclaré", "a confié", "a expliqué", "déclare"},
		regexp.MustCompile(name + `\s+(?:a déclaré|a confié|a expliqué|déclare)\s+(?:à|au|aux)\s+` + outlet)},
	{[]string{"dijo", "declaró", "explicó", "contó"},
		regexp.MustCompile(name + `\s+(?:dijo|declaró|explicó|contó)\s+(?:a|al)\s+` + outlet)},
	{[]string{"рассказал", "заявил", "сообщил"},
		regexp.MustCompile(name + `\s+(?:рассказал|рассказала|заявил|заявила|сообщил|сообщила)\s+` + outlet)},
}

// toldRe is a pattern with the verbs it needs: a paragraph without any of
// them is not searched (the regular expressions are slow on long text).
type toldRe struct {
	verbs []string
	re    *regexp.Regexp
}

func (t toldRe) find(s string) []string {
	for _, v := range t.verbs {
		if strings.Contains(s, v) {
			m := t.re.FindStringSubmatchIndex(s)
			if m == nil {
				return nil
			}
			found := []string{s[m[0]:m[1]], s[m[2]:m[3]], s[m[4]:m[5]]}
			// "tells the Dutch weekly De Krant": the words before a
			// kind of publication describe it; its name follows.
			if n := descriptorRe.FindStringSubmatch(s[m[1]:]); n != nil {
				found[2] = n[1]
			}
			return found
		}
	}
	return nil
}

// descriptorRe matches a kind of publication and the name after it, right
// after an outlet's first words.
var descriptorRe = regexp.MustCompile(`^\s+(?:weekly|daily|newspaper|magazine|paper|broadcaster|channel|station|agency|news agency|website|site|portal|radio|network)\s+` + outlet)

// people finds the interviewer and interviewees from the intro and fills
// the speaker fields that the format did not.
func (p *page) people(t *Transcript) {
	for _, i := range t.Intro {
		for _, re := range toldRes {
			m := re.find(p.text(i))
			if m == nil {
				continue
			}
			if t.Interviewer == "" {
				t.Interviewer = strings.TrimRight(m[2], ".")
			}
			if !contains(t.Interviewees, m[1]) {
				t.Interviewees = append(t.Interviewees, m[1])
			}
		}
	}
	// In a group interview each section is headed by the name of the
	// person who answers the questions under it.
	section := ""
	for k := range t.Exchanges {
		e := &t.Exchanges[k]
		if e.Topic != "" {
			section = ""
			if personNameRe.MatchString(e.Topic) {
				section = e.Topic
			}
		}
		if section != "" && len(e.AnswerSpeakers) == 0 {
			e.AnswerSpeakers = []string{section}
		}
	}
	// Speakers named by labels or sections are interviewees too.
	for _, e := range t.Exchanges {
		for _, s := range e.AnswerSpeakers {
			if !genericLabel(s) && !contains(t.Interviewees, s) {
				t.Interviewees = append(t.Interviewees, s)
			}
		}
		// A chat's askers are many: none of them is the interviewer.
		if t.Interviewer == "" && e.QuestionSpeaker != "" && !genericLabel(e.QuestionSpeaker) && !p.askers[e.QuestionSpeaker] {
			t.Interviewer = e.QuestionSpeaker
		}
	}
	for k := range t.Exchanges {
		e := &t.Exchanges[k]
		if genericLabel(e.QuestionSpeaker) {
			e.QuestionSpeaker = ""
		}
		if e.QuestionSpeaker == "" {
			e.QuestionSpeaker = t.Interviewer
		}
		var sp []string
		for _, s := range e.AnswerSpeakers {
			if !genericLabel(s) {
				sp = append(sp, s)
			}
		}
		if len(sp) == 0 && len(t.Interviewees) == 1 {
			sp = []string{t.Interviewees[0]}
		}
		e.AnswerSpeakers = sp
	}
}

// genericLabel reports whether a label names a role, not a person: "Q",
// "A", "Frage", "Antwort".
func genericLabel(s string) bool {
	l := strings.ToLower(s)
	return utf8.RuneCountInString(s) <= 2 || questionLabels[l] || answerLabels[l]
}

var answerLabels = map[string]bool{
	"a": true, "antwort": true, "answer": true, "réponse": true, "reponse": true, "respuesta": true,
	"r": true, "ответ": true, "о": true,
}

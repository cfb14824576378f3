package interview

import (
	"strings"
	"testing"

	"github.com/qanda/qanda/pkg/blocks"
	"github.com/qanda/qanda/pkg/clean"
)

func build(lines ...string) (Transcript, []blocks.Block) {
	bs := blocks.FromText(strings.Join(lines, "\n\n"))
	marks := clean.Clean(bs, clean.Context{TitleBlock: -1})
	return Build(Input{Blocks: bs, Marks: marks}), bs
}

func TestMatchTopicsFollowsWording(t *testing.T) {
	questions := []string{
		"My first question concerns the plan and guarantees for the civilian population, including military personnel who laid down arms.",
		"What about common people? I am afraid of the troops. Can you promise there will be no violence and no rape?",
		"What is the status of the humanitarian corridor for those who want to leave?",
		"How do you assess the government's commitment to avoiding escalation after the statement by the prime minister?",
	}
	topics := []string{
		"On the humanitarian corridor and its safety",
		"On guarantees towards the civilian population",
		"On the prime minister's statement about avoiding escalation",
		"On possible violence and rape committed by military personnel",
	}
	assign, _ := matchTopics(topics, questions)
	want := []int{2, 0, 3, 1}
	for k := range want {
		if assign[k] != want[k] {
			t.Errorf("topic %q -> question %d, want %d", topics[k], assign[k], want[k])
		}
	}
}

func TestMatchTopicsMoreTopicsThanQuestions(t *testing.T) {
	assign, _ := matchTopics([]string{"On taxes and the budget", "On the weather", "On the budget deficit"}, []string{"Will taxes rise?", "How big is the deficit?"})
	taken := map[int]bool{}
	for _, q := range assign {
		if q >= 0 {
			if taken[q] {
				t.Fatalf("question %d assigned twice: %v", q, assign)
			}
			taken[q] = true
		}
	}
	if len(taken) != 2 {
		t.Errorf("want both questions assigned: %v", assign)
	}
}

func TestLabelledTurns(t *testing.T) {
	tr, _ := build(
		"The mayor spoke to us about the new tram line and the budget.",
		"Q: When will the tram line open?",
		"A: Next spring, if the tests go well.",
		"The first cars have already arrived in the depot.",
		"Q: And what will it cost?",
		"A: About two hundred million, most of it from the state.",
	)
	if len(tr.Exchanges) != 2 {
		t.Fatalf("got %d exchanges: %+v", len(tr.Exchanges), tr)
	}
	e := tr.Exchanges[0]
	if e.Question != "When will the tram line open?" || e.Label != "Q" {
		t.Errorf("question %q label %q", e.Question, e.Label)
	}
	if len(e.Answer) != 2 || e.Answer[0] != "Next spring, if the tests go well." {
		t.Errorf("answer %q", e.Answer)
	}
	if len(tr.Intro) != 1 {
		t.Errorf("intro %v", tr.Intro)
	}
}

func TestNoInterview(t *testing.T) {
	tr, _ := build(
		"The council met on Tuesday and approved the budget for next year.",
		"The vote was unanimous. The new budget takes effect in January and includes more money for schools.",
		"Opposition members said they would have liked more for public transport.",
	)
	if len(tr.Exchanges) != 0 || len(tr.Warnings) == 0 || len(tr.Intro) != 3 {
		t.Errorf("want no exchanges, a warning and all text in intro: %+v", tr)
	}
}

func TestPeopleFromIntro(t *testing.T) {
	tr, _ := build(
		"The spokesman Aykhan Hajizada told The Insider. He stressed that nobody should leave.",
		"Question 1", "Why should nobody leave?", "Question 2", "What happens next?",
		"On leaving the region", "Because they are safe, he said, and nobody is forcing anybody out of the region.",
		"On what happens next", "Talks will start on Thursday, in a town chosen by both sides.",
	)
	if tr.Interviewer != "The Insider" || len(tr.Interviewees) != 1 || tr.Interviewees[0] != "Aykhan Hajizada" {
		t.Errorf("interviewer %q interviewees %q", tr.Interviewer, tr.Interviewees)
	}
	if len(tr.Exchanges) != 2 || tr.Exchanges[0].QuestionSpeaker != "The Insider" || tr.Exchanges[1].AnswerSpeakers[0] != "Aykhan Hajizada" {
		t.Errorf("exchanges %+v", tr.Exchanges)
	}
}

func TestStripDash(t *testing.T) {
	for in, want := range map[string]string{"— Why?": "Why?", "–¿Por qué?": "¿Por qué?", "Plain": "Plain", "—": "—"} {
		if got := stripDash(in); got != want {
			t.Errorf("stripDash(%q) = %q, want %q", in, got, want)
		}
	}
}

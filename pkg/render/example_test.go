package render_test

import (
	"os"

	"github.com/qanda/qanda/pkg/render"
)

func ExampleMarkdown() {
	d := &render.Document{
		Title: render.Str("A short talk"),
		Meta:  render.Meta{Interviewer: render.Str("Ann"), Interviewees: []string{"Bo"}},
		Exchanges: []render.Exchange{{
			N:        1,
			Question: render.Question{Text: "Why *now*?", Speaker: render.Str("Ann")},
			Answer:   render.Answer{Paragraphs: []string{"1. Because it was time."}, Speakers: []string{"Bo"}},
		}},
	}
	_ = render.Markdown(os.Stdout, d)
	// Output:
	// # A short talk
	//
	// *Interviewer: Ann · Interviewee: Bo*
	//
	// ## Question 1
	//
	// **Ann:** **Why \*now\*?**
	//
	// **Bo:** 1\. Because it was time.
}

func ExampleCSV() {
	d := &render.Document{
		Source: render.Source{Name: "talk.html"},
		Exchanges: []render.Exchange{{
			N:        1,
			Question: render.Question{Text: "Why?"},
			Answer:   render.Answer{Paragraphs: []string{"Because.", "Really."}, Speakers: []string{"Bo"}},
		}},
	}
	_ = render.CSV(os.Stdout, d)
	// Output:
	// document,n,topic,question_speaker,question,answer_speakers,answer,warc_record_id,warc_target_uri,warc_date,warc_payload_digest,warc_file,warc_offset
	// talk.html,1,,,Why?,Bo,"Because.
	//
	// Really.",,,,,,
}

func ExampleJSONLine() {
	_ = render.JSONLine(os.Stdout, &render.Document{Title: render.Str("Q & A")})
	// Output:
	// {"schema":"qanda/2","source":{"name":"","format":"","charset":"","sha256":"","bytes":0},"title":"Q & A","meta":{"language":null,"site":null,"authors":[],"published":null,"canonical":null,"interviewer":null,"interviewees":[]},"intro":[],"exchanges":[],"outro":[],"media":[],"removed":[],"stats":{"blocks_in":0,"kept":0,"removed":{},"exchanges":0},"warnings":[]}
}

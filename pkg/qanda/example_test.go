package qanda_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/qanda/qanda/pkg/qanda"
	"github.com/qanda/qanda/pkg/source"
)

const tramPage = `Mayor answers readers' questions on the new tram line

The mayor spoke to us on Monday about the tram line that opens next year.

Q: When will the tram line open?

A: Next spring, if the tests go well.

Q: And what will it cost?

A: About two hundred million, most of it paid by the state.
`

func ExampleExtract() {
	d, err := qanda.Extract(context.Background(), strings.NewReader(tramPage), qanda.Options{Name: "tram.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Exchanges {
		fmt.Printf("%d. %s -> %s\n", e.N, e.Question.Text, e.Answer.Text)
	}
	// Output:
	// 1. When will the tram line open? -> Next spring, if the tests go well.
	// 2. And what will it cost? -> About two hundred million, most of it paid by the state.
}

func ExampleRender() {
	d, err := qanda.Extract(context.Background(), strings.NewReader(tramPage), qanda.Options{Name: "tram.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := qanda.Render(os.Stdout, d, qanda.FormatText); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Mayor answers readers' questions on the new tram line
	// =====================================================
	// Language: en · Source: tram.txt
	//
	// The mayor spoke to us on Monday about the tram line that opens next year.
	//
	// Q: When will the tram line open?
	// A: Next spring, if the tests go well.
	//
	// Q: And what will it cost?
	// A: About two hundred million, most of it paid by the state.
}

// Errors are values to match, and their messages name the input.
func ExampleExtract_errors() {
	ctx := context.Background()
	_, err := qanda.Extract(ctx, strings.NewReader("%PDF-1.7\n..."), qanda.Options{Name: "report.pdf"})
	fmt.Println(errors.Is(err, qanda.ErrNotText))

	_, err = qanda.Extract(ctx, strings.NewReader(tramPage), qanda.Options{Name: "tram.txt", MaxBytes: 100})
	fmt.Println(errors.Is(err, qanda.ErrTooLarge), err)

	d, err := qanda.Extract(ctx, strings.NewReader("Just a note, no questions here.\n"),
		qanda.Options{Name: "note.txt", RequireInterview: true})
	fmt.Println(errors.Is(err, qanda.ErrNoInterview), d.Warnings[0].Code)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = qanda.Extract(cancelled, strings.NewReader(tramPage), qanda.Options{Name: "tram.txt"})
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// true
	// true tram.txt: too large (over the 100 bytes limit)
	// true no-interview
	// true
}

// A SiteLearner shown a site's pages removes what recurs on them.
func ExampleSiteLearner() {
	ctx := context.Background()
	sites := qanda.NewSiteLearner()
	page := func(n int) *source.Doc {
		body := fmt.Sprintf("Talk number %d\n\nQ: What is new in week %d?\n\nA: A new answer for week %d, unlike any other.\n\n"+
			"Our talks are recorded in the town hall every Monday evening.\n", n, n, n)
		d, err := source.Read(fmt.Sprintf("talk-%d.txt", n), strings.NewReader(body), source.Options{})
		if err != nil {
			panic(err)
		}
		d.URL = fmt.Sprintf("https://news.example/talks/%d", n)
		return d
	}
	for n := range 6 {
		if err := sites.Learn(ctx, page(n), qanda.Options{}); err != nil {
			fmt.Println(err)
		}
	}
	d, err := qanda.ExtractDoc(ctx, page(7), qanda.Options{Sites: sites})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range d.Removed {
		fmt.Println(r.Reason, "|", r.Text)
	}
	// Output:
	// site-boilerplate | Our talks are recorded in the town hall every Monday evening.
}

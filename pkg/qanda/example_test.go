package qanda_test

import (
	"fmt"
	"strings"

	"github.com/qanda/qanda/pkg/qanda"
)

func ExampleFromReader() {
	page := `Mayor answers readers' questions on the new tram line

The mayor spoke to us on Monday about the tram line that opens next year.

Q: When will the tram line open?

A: Next spring, if the tests go well.

Q: And what will it cost?

A: About two hundred million, most of it paid by the state.
`
	d, err := qanda.FromReader("tram.txt", strings.NewReader(page), qanda.Options{})
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

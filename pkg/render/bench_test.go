package render

import (
	"io"
	"testing"
)

func BenchmarkJSON(b *testing.B) {
	d := sampleDoc()
	for b.Loop() {
		if err := JSON(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	d := sampleDoc()
	for b.Loop() {
		if err := Markdown(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExplain(b *testing.B) {
	d := sampleDoc()
	for b.Loop() {
		if err := Explain(io.Discard, d, samplePage, ExplainOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

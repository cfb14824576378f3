package source_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qanda/qanda/pkg/source"
)

func ExampleRead() {
	// A windows-1251 page: the <meta> declaration decides the decoding.
	page := "<html><head><meta charset=windows-1251></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>"
	doc, err := source.Read("page.html", strings.NewReader(page), source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Format, doc.Charset)
	fmt.Println(string(doc.Body))
	// Output:
	// html windows-1251
	// <html><head><meta charset=windows-1251></head><body><p>Привет</p></body></html>
}

func ExampleRead_error() {
	_, err := source.Read("report.pdf", strings.NewReader("%PDF-1.4\n..."), source.Options{})
	fmt.Println(errors.Is(err, source.ErrBinary))
	fmt.Println(err)
	// Output:
	// true
	// report.pdf: binary data (application/pdf), not an HTML page or text dump; pass an HTML file or a text dump
}

func ExampleOpen() {
	_, err := source.Open("no/such/page.html", source.Options{})
	fmt.Println(errors.Is(err, source.ErrNotFound))
	fmt.Println(err)
	// Output:
	// true
	// no/such/page.html: file not found; check the path
}

// Package e2e holds the desk's end-to-end tests in a real headless browser
// (chromedp driving Debian's chromium). It is its own module so that qanda
// itself never depends on a browser driver; `make test` runs it too.
package e2e

package qanda

import (
	"context"

	"github.com/qanda/qanda/internal/clean"
	"github.com/qanda/qanda/pkg/source"
)

// SiteHost is the key under which a SiteLearner files d: the host of its
// URL, else of its canonical URL, in lower case without "www."; "" when
// neither names a host (such a page teaches nothing and loses nothing to
// site learning). It lets a distributed batch group a host's pages before
// learning from them, as LearnSites does in one process. A page without a
// URL is parsed to find its canonical link, so its parse error, if any, is
// returned.
func SiteHost(ctx context.Context, d *source.Doc, opt Options) (string, error) {
	if d.URL != "" {
		return clean.Host(d.URL), nil
	}
	p, err := guarded(ctx, d.Name, opt, func(ctx context.Context) (parsed, error) { return parse(ctx, d, opt) })
	if err != nil {
		return "", err
	}
	return clean.Host(pageURL(d, p.meta)), nil
}

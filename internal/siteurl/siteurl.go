// Package siteurl makes every URL the site links to. A page, an asset or a
// catalog entry is named by its path relative to the site's base
// ("clore/5/", "assets/main-X.js", "" for the home page); [URLs.Path] turns it
// into the root-relative URL a browser follows ("/errdex/clore/5/") and
// [URLs.Abs] into the absolute URL a crawler, a chat unfurler or catalog.json
// needs ("https://errdex.github.io/errdex/clore/5/").
//
// The base path is the one setting that moves the site: "/errdex/" for a
// GitHub Pages project site, "/" at the root of a domain. Because no other
// code concatenates URLs, the site works under either without change.
package siteurl

import (
	"fmt"
	"net/url"
	"strings"
)

// URLs joins site paths with the base path and the site's origin.
type URLs struct {
	base   string // "/errdex/" or "/"
	origin string // "https://errdex.github.io", no trailing slash
}

// New checks and normalises the base path and the site URL. The base may be
// given with or without its slashes ("errdex", "/errdex", "/errdex/"); the
// site URL must be an absolute http(s) URL without a path.
func New(base, siteURL string) (URLs, error) {
	b := "/" + strings.Trim(base, "/") + "/"
	if b == "//" {
		b = "/"
	}
	if strings.ContainsAny(b, "?#\\ ") || strings.Contains(b, "//") || strings.Contains(b, "/../") || strings.Contains(b, "/./") {
		return URLs{}, fmt.Errorf("base path %q: want a path like /errdex/ or /", base)
	}
	u, err := url.Parse(siteURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" {
		return URLs{}, fmt.Errorf("site URL %q: want an origin like https://errdex.github.io", siteURL)
	}
	return URLs{base: b, origin: u.Scheme + "://" + u.Host}, nil
}

// MustNew is New for values known to be valid, such as test constants.
func MustNew(base, siteURL string) URLs {
	u, err := New(base, siteURL)
	if err != nil {
		panic(err)
	}
	return u
}

// Base returns the normalised base path, with leading and trailing slashes.
func (u URLs) Base() string { return u.base }

// Path returns the root-relative URL of a site path: Path("clore/5/") is
// "/errdex/clore/5/" under the base "/errdex/". A fragment is kept.
func (u URLs) Path(p string) string { return u.base + strings.TrimPrefix(p, "/") }

// Abs returns the absolute URL of a site path, for canonical links,
// sitemaps, Open Graph tags and catalog.json.
func (u URLs) Abs(p string) string { return u.origin + u.Path(p) }

// Rel returns the site path of a root-relative URL, and false when the URL
// lies outside the base. It is Path's inverse.
func (u URLs) Rel(urlPath string) (string, bool) {
	if urlPath+"/" == u.base {
		return "", true
	}
	return strings.CutPrefix(urlPath, u.base)
}

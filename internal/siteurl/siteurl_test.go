package siteurl

import "testing"

func TestURLs(t *testing.T) {
	for _, tc := range []struct {
		base, site    string
		in, path, abs string
	}{
		{"/errdex/", "https://errdex.github.io", "clore/5/", "/errdex/clore/5/", "https://errdex.github.io/errdex/clore/5/"},
		{"errdex", "https://errdex.github.io/", "", "/errdex/", "https://errdex.github.io/errdex/"},
		{"/", "http://localhost:8080", "play/#example=clore/5/0", "/play/#example=clore/5/0", "http://localhost:8080/play/#example=clore/5/0"},
		{"", "https://example.com", "/sitemap.xml", "/sitemap.xml", "https://example.com/sitemap.xml"},
		{"/a/b/", "https://example.com", "x/", "/a/b/x/", "https://example.com/a/b/x/"},
	} {
		u, err := New(tc.base, tc.site)
		if err != nil {
			t.Fatalf("New(%q, %q): %v", tc.base, tc.site, err)
		}
		if got := u.Path(tc.in); got != tc.path {
			t.Errorf("base %q: Path(%q) = %q, want %q", tc.base, tc.in, got, tc.path)
		}
		if got := u.Abs(tc.in); got != tc.abs {
			t.Errorf("base %q: Abs(%q) = %q, want %q", tc.base, tc.in, got, tc.abs)
		}
		if rel, ok := u.Rel(u.Path("clore/")); !ok || rel != "clore/" {
			t.Errorf("base %q: Rel(Path) = %q, %v", tc.base, rel, ok)
		}
	}
}

func TestNewRejects(t *testing.T) {
	for _, tc := range [][2]string{
		{"/a b/", "https://x.io"}, {"/a/../b/", "https://x.io"}, {"/a?x/", "https://x.io"},
		{"/", "errdex.github.io"}, {"/", "https://x.io/sub"}, {"/", "ftp://x.io"},
	} {
		if _, err := New(tc[0], tc[1]); err == nil {
			t.Errorf("New(%q, %q) accepted", tc[0], tc[1])
		}
	}
}

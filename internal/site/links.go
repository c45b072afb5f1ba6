package site

import (
	"bytes"
	"encoding/json"
	"html"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/errdex/errdex/internal/siteurl"
)

// CheckLinks checks every href, src and absolute meta URL in the HTML files
// of a built site: internal URLs must lie under the base path and name a
// file of the site, and a #fragment must name an element of the target page.
// The playground's state fragments (#example=<key>, #input=..., #v1=...)
// must be on the playground, and an example must be in the examples file at
// examplesPath. External URLs are not fetched.
// It returns one line per problem, sorted.
func CheckLinks(files map[string][]byte, urls siteurl.URLs, examplesPath string) []string {
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		for _, v := range attrValues(files[file], "id") {
			m[html.UnescapeString(v)] = true
		}
		ids[file] = m
		return m
	}
	examples := map[string]string{}
	_ = json.Unmarshal(files[examplesPath], &examples)
	origin := strings.TrimSuffix(urls.Abs(""), urls.Base())

	var problems []string
	for file, data := range files {
		if !strings.HasSuffix(file, ".html") {
			continue
		}
		dir := path.Dir(file)
		if dir == "." {
			dir = ""
		} else {
			dir += "/"
		}
		pageURL := urls.Path(dir)
		refs := append(attrValues(data, "href"), attrValues(data, "src")...)
		for _, v := range attrValues(data, "content") {
			if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
				refs = append(refs, v)
			}
		}
		for _, raw := range refs {
			ref := html.UnescapeString(raw)
			bad := func(why string) { problems = append(problems, file+": "+ref+": "+why) }
			if strings.HasPrefix(ref, "#") {
				if !idsOf(file)[ref[1:]] {
					bad("no element with this id on the page")
				}
				continue
			}
			u, err := url.Parse(ref)
			if err != nil {
				bad(err.Error())
				continue
			}
			switch {
			case ref == "":
				bad("empty URL")
				continue
			case u.Scheme == "http" || u.Scheme == "https":
				if !strings.HasPrefix(ref, origin+"/") {
					continue // external
				}
				u.Scheme, u.Host = "", ""
			case u.Scheme != "" || u.Host != "":
				if u.Scheme == "mailto" {
					continue
				}
				bad("unexpected scheme")
				continue
			}
			if !strings.HasPrefix(u.Path, "/") {
				u.Path = path.Join(pageURL, u.Path) + map[bool]string{true: "/"}[strings.HasSuffix(u.Path, "/")]
			}
			rel, ok := urls.Rel(u.Path)
			if !ok {
				bad("outside the base path " + urls.Base())
				continue
			}
			target := FileFor(rel)
			if _, ok := files[target]; !ok {
				bad("no such file " + target)
				continue
			}
			frag := u.Fragment
			switch {
			case frag == "":
			case strings.HasPrefix(frag, "example="):
				if _, ok := examples[strings.TrimPrefix(frag, "example=")]; !ok || rel != playPath {
					bad("no such playground example")
				}
			case strings.HasPrefix(frag, "input=") || strings.HasPrefix(frag, "v1="):
				if rel != playPath {
					bad("playground fragment off the playground")
				}
			case !strings.HasSuffix(target, ".html"):
				bad("fragment on a non-HTML file")
			case !idsOf(target)[frag]:
				bad("no element with id " + frag + " in " + target)
			}
		}
	}
	sort.Strings(problems)
	return problems
}

// attrValues returns the values of every attribute name="..." in an HTML
// document written by html/template, which always double-quotes values and
// escapes quotes inside them. (A scan, not a regexp: it runs over every page
// of every build.)
func attrValues(doc []byte, name string) []string {
	var out []string
	pat := []byte(name + `="`)
	for i := 0; ; {
		j := bytes.Index(doc[i:], pat)
		if j < 0 {
			return out
		}
		start := i + j
		i = start + len(pat)
		if start == 0 || !isSpace(doc[start-1]) {
			continue
		}
		end := bytes.IndexByte(doc[i:], '"')
		if end < 0 {
			return out
		}
		out = append(out, string(doc[i:i+end]))
		i += end + 1
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

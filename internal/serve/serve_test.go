package serve

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestHandler(t *testing.T) {
	site := fstest.MapFS{
		"index.html":           {Data: []byte("home")},
		"404.html":             {Data: []byte("not found page")},
		"clore/5/index.html":   {Data: []byte("code 5")},
		"about.html":           {Data: []byte("about")},
		"assets/app-X.js":      {Data: []byte("js")},
		"assets/classify.wasm": {Data: []byte("\x00asm")},
		".sitegen":             {Data: []byte("marker")},
	}
	srv := httptest.NewServer(Handler(site, "/errdex/"))
	defer srv.Close()
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	for _, tc := range []struct {
		path, wantBody, wantType, wantLoc string
		wantStatus                        int
	}{
		{"/errdex/", "home", "text/html; charset=utf-8", "", 200},
		{"/errdex", "", "", "/errdex/", 301},
		{"/errdex/clore/5/", "code 5", "text/html; charset=utf-8", "", 200},
		{"/errdex/clore/5", "", "", "/errdex/clore/5/", 301},
		{"/errdex/about", "about", "text/html; charset=utf-8", "", 200},
		{"/errdex/assets/app-X.js", "js", "text/javascript; charset=utf-8", "", 200},
		{"/errdex/assets/classify.wasm", "\x00asm", "application/wasm", "", 200},
		{"/errdex/nope/", "not found page", "text/html; charset=utf-8", "", 404},
		{"/errdex/.sitegen", "not found page", "text/html; charset=utf-8", "", 404},
		{"/errdex/../../etc/passwd", "not found page", "text/html; charset=utf-8", "", 404},
		{"/other/", "404 page not found\n", "", "", 404},
	} {
		resp, err := client.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.wantStatus {
			t.Errorf("%s: status %d, want %d", tc.path, resp.StatusCode, tc.wantStatus)
		}
		if tc.wantLoc != "" && resp.Header.Get("Location") != tc.wantLoc {
			t.Errorf("%s: Location %q, want %q", tc.path, resp.Header.Get("Location"), tc.wantLoc)
		}
		if tc.wantBody != "" && string(body) != tc.wantBody {
			t.Errorf("%s: body %q, want %q", tc.path, body, tc.wantBody)
		}
		if tc.wantType != "" && resp.Header.Get("Content-Type") != tc.wantType {
			t.Errorf("%s: Content-Type %q, want %q", tc.path, resp.Header.Get("Content-Type"), tc.wantType)
		}
	}

	root := httptest.NewServer(Handler(site, "/"))
	defer root.Close()
	resp, err := root.Client().Get(root.URL + "/clore/5/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "code 5") {
		t.Errorf("root base: %d %q", resp.StatusCode, body)
	}
}

// gzipSite is a site whose text files are big enough for gzip to matter.
func gzipSite() fstest.MapFS {
	page := strings.Repeat("<p>An error page, repeated so that it compresses.</p>\n", 200)
	return fstest.MapFS{
		"index.html":             {Data: []byte("<!DOCTYPE html><title>home</title>" + page)},
		"404.html":               {Data: []byte("<!DOCTYPE html><title>not found</title>" + page)},
		"assets/site-X.css":      {Data: []byte(strings.Repeat("body { color: black; }\n", 300))},
		"assets/main-X.js":       {Data: []byte(strings.Repeat("console.log('errdex');\n", 300))},
		"assets/main-X.js.map":   {Data: []byte(`{"version":3,"mappings":"` + strings.Repeat("AAAA;", 500) + `"}`)},
		"assets/search-X.json":   {Data: []byte(`[` + strings.Repeat(`{"c":"429"},`, 300) + `{}]`)},
		"assets/favicon-X.svg":   {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg">` + strings.Repeat(`<g/>`, 300) + `</svg>`)},
		"assets/errdex-X.wasm":   {Data: append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 2000)...)},
		"assets/shot.png":        {Data: append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 2000)...)},
		"sitemap.xml":            {Data: []byte(`<urlset>` + strings.Repeat(`<url><loc>https://x/</loc></url>`, 100) + `</urlset>`)},
		"robots.txt":             {Data: []byte(strings.Repeat("User-agent: *\nAllow: /\n", 50))},
		"clore/5/index.html":     {Data: []byte("<!DOCTYPE html><title>code 5</title>" + page)},
		"categories/index.html":  {Data: []byte("<!DOCTYPE html><title>matrix</title>" + page)},
		"play/index.html":        {Data: []byte("<!DOCTYPE html><title>play</title>" + page)},
		"assets/wasm_exec-X.js":  {Data: []byte(strings.Repeat("globalThis.Go = class {};\n", 300))},
		"assets/examples-X.json": {Data: []byte(`[` + strings.Repeat(`"example",`, 300) + `""]`)},
	}
}

// get requests path with the given Accept-Encoding ("" sends none) and
// returns the response with its body as sent, never decompressed.
func get(t *testing.T, srv *httptest.Server, method, path, acceptEncoding string, extra ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	for i := 0; i+1 < len(extra); i += 2 {
		req.Header.Set(extra[i], extra[i+1])
	}
	// DisableCompression: the transport neither asks for gzip by itself nor
	// decompresses, so the test sees the bytes on the wire.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return out
}

func hasVary(resp *http.Response) bool {
	for _, v := range resp.Header.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), "Accept-Encoding") {
				return true
			}
		}
	}
	return false
}

// TestGzip: every compressible type, the 404 page included, comes gzipped
// to a client that asks, with the compressed length, and decompresses to
// the file.
func TestGzip(t *testing.T) {
	site := gzipSite()
	srv := httptest.NewServer(Handler(site, "/errdex/"))
	defer srv.Close()

	for _, tc := range []struct {
		path, file string
		status     int
	}{
		{"/errdex/", "index.html", 200},
		{"/errdex/clore/5/", "clore/5/index.html", 200},
		{"/errdex/categories/", "categories/index.html", 200},
		{"/errdex/play/", "play/index.html", 200},
		{"/errdex/assets/site-X.css", "assets/site-X.css", 200},
		{"/errdex/assets/main-X.js", "assets/main-X.js", 200},
		{"/errdex/assets/main-X.js.map", "assets/main-X.js.map", 200},
		{"/errdex/assets/search-X.json", "assets/search-X.json", 200},
		{"/errdex/assets/favicon-X.svg", "assets/favicon-X.svg", 200},
		{"/errdex/assets/errdex-X.wasm", "assets/errdex-X.wasm", 200},
		{"/errdex/sitemap.xml", "sitemap.xml", 200},
		{"/errdex/robots.txt", "robots.txt", 200},
		{"/errdex/no/such/page/", "404.html", 404},
		{"/errdex/.hidden", "404.html", 404},
	} {
		for _, ae := range []string{"gzip", "gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8, *;q=0.1", "x-gzip", "*", "GZIP;Q=0.5"} {
			resp, body := get(t, srv, "GET", tc.path, ae)
			if resp.StatusCode != tc.status {
				t.Errorf("%s (%s): status %d, want %d", tc.path, ae, resp.StatusCode, tc.status)
			}
			if got := resp.Header.Get("Content-Encoding"); got != "gzip" {
				t.Errorf("%s (%s): Content-Encoding %q, want gzip", tc.path, ae, got)
				continue
			}
			if !hasVary(resp) {
				t.Errorf("%s (%s): Vary %q lacks Accept-Encoding", tc.path, ae, resp.Header.Values("Vary"))
			}
			if cl := resp.Header.Get("Content-Length"); cl != strconv.Itoa(len(body)) {
				t.Errorf("%s (%s): Content-Length %s, body %d bytes", tc.path, ae, cl, len(body))
			}
			if want := site[tc.file].Data; len(body) >= len(want) {
				t.Errorf("%s (%s): %d bytes gzipped from %d", tc.path, ae, len(body), len(want))
			}
			if got, want := gunzip(t, body), site[tc.file].Data; !bytes.Equal(got, want) {
				t.Errorf("%s (%s): decompressed body differs from %s (%d bytes, want %d)", tc.path, ae, tc.file, len(got), len(want))
			}
			if resp.Header.Get("Content-Type") != ContentType(tc.file) {
				t.Errorf("%s (%s): Content-Type %q, want %q", tc.path, ae, resp.Header.Get("Content-Type"), ContentType(tc.file))
			}
		}

		// HEAD: the GET's headers, no body.
		getResp, getBody := get(t, srv, "GET", tc.path, "gzip")
		head, headBody := get(t, srv, "HEAD", tc.path, "gzip")
		if head.StatusCode != tc.status || len(headBody) != 0 {
			t.Errorf("HEAD %s: status %d with %d bytes, want %d and none", tc.path, head.StatusCode, len(headBody), tc.status)
		}
		for _, k := range []string{"Content-Encoding", "Content-Length", "Content-Type", "Vary"} {
			if head.Header.Get(k) != getResp.Header.Get(k) {
				t.Errorf("HEAD %s: %s %q, GET has %q", tc.path, k, head.Header.Get(k), getResp.Header.Get(k))
			}
		}
		if head.Header.Get("Content-Length") != strconv.Itoa(len(getBody)) {
			t.Errorf("HEAD %s: Content-Length %q, the gzipped GET body is %d bytes", tc.path, head.Header.Get("Content-Length"), len(getBody))
		}
	}
}

// TestNoGzip: a client that does not ask for gzip, or refuses it, gets the
// file as it is, still with Vary on compressible types.
func TestNoGzip(t *testing.T) {
	site := gzipSite()
	srv := httptest.NewServer(Handler(site, "/errdex/"))
	defer srv.Close()

	for _, tc := range []struct {
		path, file string
		status     int
	}{
		{"/errdex/", "index.html", 200},
		{"/errdex/assets/main-X.js", "assets/main-X.js", 200},
		{"/errdex/assets/errdex-X.wasm", "assets/errdex-X.wasm", 200},
		{"/errdex/nope/", "404.html", 404},
	} {
		for _, ae := range []string{
			"", // no header at all
			"gzip;q=0",
			"gzip; q=0.000, deflate",
			"identity",
			"br, zstd",
			"deflate",
			"gzip;q=0.5, identity",
			"*;q=0",
			"*;q=0, identity",
			"gzip;q=2", // malformed: ignored
		} {
			for _, method := range []string{"GET", "HEAD"} {
				resp, body := get(t, srv, method, tc.path, ae)
				want := site[tc.file].Data
				if resp.StatusCode != tc.status {
					t.Errorf("%s %s (%q): status %d, want %d", method, tc.path, ae, resp.StatusCode, tc.status)
				}
				if got := resp.Header.Get("Content-Encoding"); got != "" {
					t.Errorf("%s %s (%q): Content-Encoding %q, want none", method, tc.path, ae, got)
				}
				if !hasVary(resp) {
					t.Errorf("%s %s (%q): Vary %q lacks Accept-Encoding", method, tc.path, ae, resp.Header.Values("Vary"))
				}
				if cl := resp.Header.Get("Content-Length"); cl != strconv.Itoa(len(want)) {
					t.Errorf("%s %s (%q): Content-Length %s, want %d", method, tc.path, ae, cl, len(want))
				}
				if method == "GET" && !bytes.Equal(body, want) {
					t.Errorf("%s %s (%q): body differs from %s", method, tc.path, ae, tc.file)
				}
				if method == "HEAD" && len(body) != 0 {
					t.Errorf("HEAD %s (%q): %d bytes of body", tc.path, ae, len(body))
				}
			}
		}
	}

	// A type that is not compressible: never gzipped, no Vary.
	resp, body := get(t, srv, "GET", "/errdex/assets/shot.png", "gzip")
	if resp.Header.Get("Content-Encoding") != "" || hasVary(resp) || !bytes.Equal(body, site["assets/shot.png"].Data) {
		t.Errorf("png: Content-Encoding %q, Vary %q, body equal %v; want the file as it is, without Vary",
			resp.Header.Get("Content-Encoding"), resp.Header.Values("Vary"), bytes.Equal(body, site["assets/shot.png"].Data))
	}

	// A Range request counts the file's own bytes, so it gets identity.
	resp, body = get(t, srv, "GET", "/errdex/assets/main-X.js", "gzip", "Range", "bytes=0-6")
	if resp.StatusCode != http.StatusPartialContent || resp.Header.Get("Content-Encoding") != "" || string(body) != "console" {
		t.Errorf("range: status %d, Content-Encoding %q, body %q; want 206, none, %q", resp.StatusCode, resp.Header.Get("Content-Encoding"), body, "console")
	}
}

// TestGzipCache: a file is compressed once, and again when it changes.
func TestGzipCache(t *testing.T) {
	site := gzipSite()
	h := Handler(site, "/errdex/").(*handler)
	srv := httptest.NewServer(h)
	defer srv.Close()

	_, first := get(t, srv, "GET", "/errdex/assets/main-X.js", "gzip")
	cached := h.gz.m["assets/main-X.js"]
	if cached == nil {
		t.Fatal("nothing cached for assets/main-X.js")
	}
	_, second := get(t, srv, "GET", "/errdex/assets/main-X.js", "gzip")
	if h.gz.m["assets/main-X.js"] != cached || !bytes.Equal(first, second) {
		t.Error("the second request compressed the file again")
	}

	site["assets/main-X.js"] = &fstest.MapFile{Data: []byte(strings.Repeat("rebuilt();\n", 300))}
	_, third := get(t, srv, "GET", "/errdex/assets/main-X.js", "gzip")
	if got := gunzip(t, third); !bytes.Equal(got, site["assets/main-X.js"].Data) {
		t.Errorf("after a rebuild: got %.40q..., want the new content", got)
	}
}

func TestAcceptsGzip(t *testing.T) {
	for _, tc := range []struct {
		header []string
		want   bool
	}{
		{nil, false},
		{[]string{""}, false},
		{[]string{"gzip"}, true},
		{[]string{"gzip, deflate, br"}, true},
		{[]string{"deflate", "gzip"}, true}, // two header lines
		{[]string{"x-gzip"}, true},
		{[]string{"Gzip"}, true},
		{[]string{"*"}, true},
		{[]string{"gzip;q=0"}, false},
		{[]string{"gzip;q=0.0"}, false},
		{[]string{"gzip ; q=0"}, false},
		{[]string{"gzip;q=0, *"}, false}, // named beats "*"
		{[]string{"*;q=0.5, identity;q=0.1"}, true},
		{[]string{"gzip;q=0.001"}, true}, // identity defaults to 1 but...
		{[]string{"gzip;q=0.5, identity;q=1"}, false},
		{[]string{"gzip;q=1, identity;q=1"}, true}, // a tie goes to gzip
		{[]string{"identity"}, false},
		{[]string{"identity;q=0"}, false},
		{[]string{"br"}, false},
		{[]string{"gzip;q=abc"}, false},
		{[]string{"gzip;q=-1"}, false},
	} {
		if got := acceptsGzip(tc.header); got != tc.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}

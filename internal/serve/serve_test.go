package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
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

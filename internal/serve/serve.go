// Package serve serves a built site the way GitHub Pages does, so that
// `sitegen serve` and the browser tests see what visitors will see:
//
//   - the site lives under its base path ("/errdex/"); "/errdex" redirects
//     there and anything outside it is a plain 404;
//   - a directory is served by its index.html, and a directory URL without
//     its trailing slash is redirected to it (301);
//   - "/errdex/page" is served by page.html when that file exists;
//   - a miss is answered with the site's 404.html and status 404;
//   - content types come from the extension, with .wasm as application/wasm
//     (WebAssembly.instantiateStreaming insists on it);
//   - dotfiles are never served.
//
// Unlike Pages it sends Cache-Control: no-cache, so a rebuilt page shows on
// reload during development.
package serve

import (
	"bytes"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// contentTypes pins the types that matter; the system's MIME table may lack
// them or disagree.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".map":  "application/json",
	".wasm": "application/wasm",
	".xml":  "application/xml",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
}

// ContentType returns the type a file is served with.
func ContentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Handler serves the site in fsys (its root is the site's base) under base.
func Handler(fsys fs.FS, base string) http.Handler {
	base = "/" + strings.Trim(base, "/") + "/"
	if base == "//" {
		base = "/"
	}
	return &handler{fsys: fsys, base: base}
}

type handler struct {
	fsys fs.FS
	base string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p+"/" == h.base {
		http.Redirect(w, r, h.base, http.StatusMovedPermanently)
		return
	}
	rel, ok := strings.CutPrefix(p, h.base)
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := path.Clean("/" + rel)[1:] // "" for the base itself
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			h.notFound(w, r)
			return
		}
	}
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(h.fsys, name)
	switch {
	case err == nil && info.IsDir():
		if !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, p+"/"+query(r), http.StatusMovedPermanently)
			return
		}
		h.file(w, r, path.Join(name, "index.html"), http.StatusOK)
	case err == nil:
		h.file(w, r, name, http.StatusOK)
	default:
		if _, err := fs.Stat(h.fsys, name+".html"); err == nil && !strings.HasSuffix(p, "/") {
			h.file(w, r, name+".html", http.StatusOK)
			return
		}
		h.notFound(w, r)
	}
}

func query(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return "?" + r.URL.RawQuery
}

func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.file(w, r, "404.html", http.StatusNotFound)
}

// file writes one file; a file that cannot be read becomes the 404 page, and
// a missing 404 page a plain 404.
func (h *handler) file(w http.ResponseWriter, r *http.Request, name string, status int) {
	data, err := fs.ReadFile(h.fsys, name)
	if err != nil {
		if name == "404.html" {
			http.NotFound(w, r)
			return
		}
		h.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ContentType(name))
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if status != http.StatusOK {
		w.Header().Set("Content-Length", itoa(len(data)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(data)
		}
		return
	}
	http.ServeContent(w, r, name, time.Time{}, io.NewSectionReader(bytes.NewReader(data), 0, int64(len(data))))
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

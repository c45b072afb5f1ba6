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
//   - text responses are gzipped when the request accepts gzip (see below);
//   - dotfiles are never served.
//
// Unlike Pages it sends Cache-Control: no-cache, so a rebuilt page shows on
// reload during development.
//
// # Compression
//
// Pages compresses on the fly, with gzip only (no Brotli, and no serving of
// pre-compressed .gz files), for text types: HTML, CSS, JavaScript, JSON,
// SVG, XML and plain text; observed responses show application/wasm
// gzipped too, though Pages documents none of this. We do the same, so that
// transfer sizes, Lighthouse's "enable text compression" audit and the
// playground's load time are what visitors get:
//
//   - the compressible types are text/*, application/json (which covers
//     .map), application/xml, image/svg+xml and application/wasm; others
//     (images) are sent as they are;
//   - a compressible response is gzipped when the request's Accept-Encoding
//     accepts gzip (or x-gzip, or "*") and does not weigh identity above
//     it: "gzip;q=0", a missing header or "identity" get the file as it
//     is. Both carry Vary: Accept-Encoding, so a cache keeps them apart;
//   - the 404 page is compressed like any other page; HEAD gets the headers
//     of the GET, with the compressed Content-Length;
//   - a request with a Range header gets the identity encoding, so that its
//     byte ranges count the file's own bytes;
//   - the level is gzip -9, the one the playground binary's size budget is
//     measured with (package wasmbin), so the binary's transfer size is the
//     budgeted one. The compressed bytes are cached per file and reused
//     while the file's content is unchanged: the site is static for the
//     life of a server, and a rebuild is still picked up on reload.
package serve

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
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

// compressibleTypes are the media types, besides text/*, that are gzipped.
var compressibleTypes = map[string]bool{
	"application/json":       true,
	"application/javascript": true,
	"application/xml":        true,
	"application/wasm":       true,
	"image/svg+xml":          true,
}

// compressible reports whether a response of content type ct is gzipped
// for a client that accepts gzip.
func compressible(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return strings.HasPrefix(mt, "text/") || compressibleTypes[mt]
}

// acceptsGzip reports whether the Accept-Encoding values in header accept
// gzip and do not prefer the identity encoding to it (RFC 9110, section
// 12.5.3). "x-gzip" counts as gzip; "*" stands for any coding not named; a
// coding with q=0 is refused. Identity competes only when the client gives
// it a weight, by name or by "*" ("gzip;q=0.5, identity" prefers identity);
// a tie goes to gzip. Elements with a malformed q are ignored.
func acceptsGzip(header []string) bool {
	qGzip, qIdentity, qAny := -1.0, -1.0, -1.0
	for _, h := range header {
		for _, elem := range strings.Split(h, ",") {
			coding, params, _ := strings.Cut(elem, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			q, ok := qvalue(params)
			if !ok || coding == "" {
				continue
			}
			switch coding {
			case "gzip", "x-gzip":
				qGzip = max(qGzip, q)
			case "identity":
				qIdentity = q
			case "*":
				qAny = q
			}
		}
	}
	if qGzip < 0 {
		qGzip = max(qAny, 0)
	}
	if qIdentity < 0 {
		qIdentity = max(qAny, 0)
	}
	return qGzip > 0 && qGzip >= qIdentity
}

// qvalue reads the q parameter among an Accept-Encoding element's
// parameters: 1 when there is none, ok false when it is malformed.
func qvalue(params string) (q float64, ok bool) {
	q = 1
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || f < 0 || f > 1 {
			return 0, false
		}
		q = f
	}
	return q, true
}

// Handler serves the site in fsys (its root is the site's base) under base.
func Handler(fsys fs.FS, base string) http.Handler {
	base = "/" + strings.Trim(base, "/") + "/"
	if base == "//" {
		base = "/"
	}
	return &handler{fsys: fsys, base: base, gz: gzipCache{m: map[string]*gzipped{}}}
}

type handler struct {
	fsys fs.FS
	base string
	gz   gzipCache
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
	ct := ContentType(name)
	hdr := w.Header()
	hdr.Set("Content-Type", ct)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")
	if compressible(ct) {
		hdr.Add("Vary", "Accept-Encoding")
		if r.Header.Get("Range") == "" && acceptsGzip(r.Header.Values("Accept-Encoding")) {
			data = h.gz.get(name, data)
			hdr.Set("Content-Encoding", "gzip")
			write(w, r, status, data)
			return
		}
	}
	if status != http.StatusOK {
		write(w, r, status, data)
		return
	}
	http.ServeContent(w, r, name, time.Time{}, io.NewSectionReader(bytes.NewReader(data), 0, int64(len(data))))
}

// write sends data whole with status, and only the headers for HEAD.
func write(w http.ResponseWriter, r *http.Request, status int, data []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// gzipCache keeps each file's gzipped bytes with the content they were made
// from, so a file is compressed once however often it is asked for, and
// again only when its content changes.
type gzipCache struct {
	mu sync.Mutex
	m  map[string]*gzipped
}

type gzipped struct {
	raw  []byte
	once sync.Once
	gz   []byte
}

// get returns raw, the content of the file name, gzipped.
func (c *gzipCache) get(name string, raw []byte) []byte {
	c.mu.Lock()
	e := c.m[name]
	if e == nil || !bytes.Equal(e.raw, raw) {
		e = &gzipped{raw: raw}
		c.m[name] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.gz = gzipBytes(raw) })
	return e.gz
}

func gzipBytes(raw []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // a valid level: no error
	_, _ = zw.Write(raw)                                     // a bytes.Buffer does not fail
	_ = zw.Close()
	return buf.Bytes()
}

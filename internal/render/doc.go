// Package render turns the prose and example responses of content/ into
// HTML fragments for the site's templates.
//
// Markdown (a provider's body, a category's body, a code's meaning, causes
// and fix steps) goes through goldmark with GitHub Flavored Markdown and
// heading IDs, and with goldmark's safe defaults kept: raw HTML is dropped
// and links with dangerous schemes (javascript:, vbscript:, file:, data:)
// lose their destination. Links written as site paths ("/clore/5/") or as
// paths relative to the page ("../quota/") are rewritten into URLs under the
// site's base path by [siteurl.URLs], so content works under any base. A
// link to a script URL keeps its text and loses the link. Fenced code blocks
// with a language chroma knows are highlighted like the examples.
//
// Example responses (status line, headers, JSON body, or one SSE chunk)
// are highlighted by chroma into elements with CSS classes only; the one
// stylesheet they need, a light and a dark palette switched by
// prefers-color-scheme, comes from [StyleCSS]. Nothing this package emits
// carries a style attribute, so the site keeps a strict Content-Security-
// Policy.
//
// Everything here is safe for concurrent use: the site renders its pages in
// parallel.
package render

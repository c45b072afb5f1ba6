// Package content is errdex's single source of truth: the providers, their
// error codes and the canonical categories, written as Markdown files with
// YAML front matter, and the loader that reads and validates them.
//
// Everything else is generated from these files: the classifier's catalog
// (wasm/catalog/data_gen.go, by `make gen`), the reference pages, the search
// index and catalog.json (by cmd/sitegen). The files are embedded as [FS];
// [Load] takes any fs.FS, so tests load fixtures from an fstest.MapFS.
//
// # Layout
//
//	content/providers/<id>.md     one provider and all of its codes
//	content/categories/<name>.md  one canonical category
//	content/urls.txt              every code page URL ever published (the manifest)
//
// A file is a front-matter block between two "---" lines, then a Markdown
// body. The body is rendered by goldmark with raw HTML off; use "##" headings.
//
// # Schema
//
// The front matter's keys, their types and which are required are
// documented once, in package model (`go doc ./content/model`), whose types [Load]
// fills: [Provider], [Code] and [Category] are the model's values with the
// file and line they were written at; they declare no data of their own.
//
// # Problems
//
// [Load] never stops at the first problem. It returns every one as a
// [Problem] naming file and line ("providers/clore.md:42: unknown category
// \"ratelimit\""); content with any problem reaches no output.
package content

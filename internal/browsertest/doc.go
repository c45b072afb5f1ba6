// Package browsertest drives the built site in headless Chromium: search
// (exact and partial codes, ranking, the tokenizer's TypeScript mirror),
// keyboard navigation, the copy-link button, the playground's fragments,
// and every page type loading without console errors or Content-Security-
// Policy violations, at a phone's width and in both colour schemes.
//
// The tests build the site once per test binary into a temporary directory
// and serve it with package serve under /errdex/ on 127.0.0.1, as GitHub
// Pages would. They look for Chromium with exec.LookPath("chromium") (then
// chromium-browser, google-chrome); without it they skip, except when the
// environment has CI=true, where a missing browser fails the run.
//
//	go test ./internal/browsertest
//
// The package has no non-test code.
package browsertest

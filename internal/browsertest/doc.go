// Package browsertest drives the built site in headless Chromium: search
// (exact and partial codes, ranking, the tokenizer's TypeScript mirror),
// keyboard navigation, the copy-link button, every page type loading
// without console errors or Content-Security-Policy violations, at a
// phone's width and in both colour schemes, and accessibility (axe-core).
//
// The playground tests (play_test.go, play_worker_test.go) run the real
// classifier compiled to js/wasm in the page's worker and compare it with
// the classifier run natively (what `errdex diagnose --json` prints): the
// whole corpus of wasm/classify through window.errdexEngine.diagnose, one
// case per input form through the full UI; the panel, the provider
// override, the gallery, "Open in playground", permalinks, Markdown,
// shortcuts, a paste before the classifier is ready, the MIME-type
// fallback, a restart after the Go program exits, secrets (masked in the
// panel, the permalink and the Markdown), hostile pastes, 5 MB pastes on
// one line and on many lines (diagnosed while the page answers a timer and
// a click, asserted by the order of events), a stale answer never drawn,
// long values shortened and shown whole, the folded paste box, lists of
// many errors and a root cause (the worker's answer rewritten in the page
// where the classifier does not send them yet), and privacy: after the
// page has loaded, pasting and sharing make no network request at all,
// from the page or its worker. Each tab follows its workers
// (chromium.FollowWorkers): their console and requests count too.
//
// clients_test.go reads the playground's "What your client would do"
// table (#clients) for issue 13's cases against the classifier run
// natively and the code page's table, and runs axe-core on the client
// pages, a code page's table and the playground's.
//
// TestAccessibility injects site/node_modules/axe-core/axe.min.js
// (`npm ci --prefix site`); without it the test skips, or fails with
// CI=true. TestPlaygroundScreenshot writes the README's picture:
//
//	go test ./internal/browsertest -run Screenshot -screenshot ../../.github/assets/playground.png
//
// The tests build the playground binary (package wasmbin) and the site
// once per test binary into a temporary directory and serve it with
// package serve under /errdex/ on 127.0.0.1, as GitHub Pages would. They
// look for Chromium with exec.LookPath("chromium") (then chromium-browser,
// google-chrome); without it they skip, except when the
// environment has CI=true, where a missing browser fails the run.
//
//	go test ./internal/browsertest
//
// The package has no non-test code.
package browsertest

// Package chromium finds and starts the headless Chromium that the browser
// tests (internal/browsertest, internal/bench) and make bench drive with
// chromedp: Debian's chromium package, or whatever CHROME_PATH names.
//
// The flags suit a sandboxed CI machine without network: no sandbox (CI
// runs as root), no GPU, and none of Chromium's background connections to
// Google, which a closed network refuses many at a time.
package chromium

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Find returns the browser to drive: $CHROME_PATH, else chromium,
// chromium-browser or google-chrome on PATH; "" when there is none.
func Find() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Start starts the browser at path, headless, with its profile in the
// directory profile, and returns a chromedp context for it. stop ends the
// browser.
func Start(ctx context.Context, path, profile string) (browser context.Context, stop context.CancelFunc, err error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return bctx, func() { cancelBrowser(); cancelAlloc() }, nil
}

package browsertest

import (
	"flag"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Protocol commands and events of the playground tests.
var (
	networkSetCacheDisabled = network.SetCacheDisabled
	pageCaptureScreenshot   = page.CaptureScreenshot
	flagString              = flag.String
)

// cacheOff turns a target's HTTP cache off.
var cacheOff = network.SetCacheDisabledParams{CacheDisabled: true}

var yes = true

// clip is a PNG screenshot of one region of the page.
func clip(x, y, w, h float64) page.CaptureScreenshotParams {
	return page.CaptureScreenshotParams{
		Format:                page.CaptureScreenshotFormatPng,
		Clip:                  &page.Viewport{X: x, Y: y, Width: w, Height: h, Scale: 1},
		CaptureBeyondViewport: &yes,
	}
}

// callEmulatedMedia switches the tab's emulated media features.
func callEmulatedMedia(tb *tab, p emulation.SetEmulatedMediaParams) (any, error) {
	return chromedp.Call(tb.ctx, emulationSetEmulatedMedia, p)
}

package browsertest

import (
	"flag"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Protocol commands and events of the playground tests.
var (
	fetchEnable           = fetch.Enable
	fetchRequestPaused    = fetch.RequestPaused
	fetchContinueResponse = fetch.ContinueResponse
	pageCaptureScreenshot = page.CaptureScreenshot
	flagString            = flag.String
)

// wasmResponses pauses every .wasm response before the page sees it.
func wasmResponses() fetch.EnableParams {
	return fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm", RequestStage: fetch.RequestStageResponse}}}
}

// octetStream lets a paused response through with its Content-Type
// replaced by application/octet-stream.
func octetStream(ev fetch.EventRequestPaused) fetch.ContinueResponseParams {
	var hs []*fetch.HeaderEntry
	for _, h := range ev.ResponseHeaders {
		if h.Name != "Content-Type" && h.Name != "content-type" {
			hs = append(hs, h)
		}
	}
	hs = append(hs, &fetch.HeaderEntry{Name: "Content-Type", Value: "application/octet-stream"})
	return fetch.ContinueResponseParams{RequestID: ev.RequestID, ResponseCode: ev.ResponseStatusCode, ResponseHeaders: hs}
}

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

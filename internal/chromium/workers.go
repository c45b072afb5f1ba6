package chromium

import (
	"context"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// FollowWorkers makes every dedicated worker the tab starts from now on
// wait before it runs its script, attaches a chromedp context to it (with
// the Network domain enabled, as chromedp does for every target), hands
// that context to attach, and then lets the worker run. attach may listen
// to the worker's events (console, network) and send it commands (cache
// off, request interception): it sees everything the worker does.
//
// A page's Network and Fetch domains do not see what its workers load:
// the playground's classifier (its .wasm and Go's wasm_exec.js) is only
// visible this way. Call FollowWorkers before navigating.
func FollowWorkers(tab context.Context, attach func(worker context.Context)) error {
	attached := chromedp.Events(tab, target.AttachedToTarget)
	wait, flatten := true, true
	if _, err := chromedp.Call(tab, target.SetAutoAttach, target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: wait, Flatten: &flatten}); err != nil {
		return err
	}
	go func() {
		for ev, err := range attached {
			if err != nil {
				return
			}
			if ev.WaitingForDebugger {
				go follow(tab, ev.TargetInfo, attach)
			}
		}
	}()
	return nil
}

// follow attaches to one waiting target and lets it run. Targets that are
// not workers (none on this site) are let run untouched.
func follow(tab context.Context, info *target.Info, attach func(context.Context)) {
	w, cancel := chromedp.NewContext(tab, chromedp.WithTargetID(info.TargetID))
	context.AfterFunc(tab, cancel)
	if err := chromedp.Do(w); err != nil {
		return // the tab closed, or the target went away
	}
	if info.Type == "worker" {
		attach(w)
	}
	_, _ = chromedp.Call(w, runtime.RunIfWaitingForDebugger, struct{}{})
}

package bench

import "fmt"

// The targets, as numbers.
const (
	TargetTypicalNs       = 20_000 // ns for the typical 1 KB body, natively
	TargetUnmarshalRatio  = 3.0    // × encoding/json.Unmarshal of the same bytes
	TargetLinearity       = 1.25   // ns/byte at 5 MB ÷ ns/byte at 200 KB
	TargetWasmRatio       = 1.2    // × the bare syscall/js floor, gzip
	TargetMSPerPage       = 1.0    // Hugo's rule of thumb
	TargetSearchIndexGzip = 20_000 // bytes
	TargetFirstSearch     = 30_000 // bytes
	TargetLighthouse      = 100
	TargetPlayPerf        = 95
)

// Evaluate sets r.Targets from the measured figures; a target whose figure
// is missing is reported as not measured.
func Evaluate(r *Report) {
	var ts []Target
	add := func(goal, stands string, met *bool) { ts = append(ts, Target{Goal: goal, Stands: stands, Met: met}) }
	yes := func(b bool) *bool { return &b }

	var typical *Case
	if r.Classifier != nil {
		typical = r.Classifier.find("json_1KB")
	}
	if typical != nil {
		add("typical 1 KB response diagnosed in < 20 µs natively", dur(typical.Diagnose.NsPerOp), yes(typical.Diagnose.NsPerOp < TargetTypicalNs))
		add("within 3× json.Unmarshal of the same bytes", fmt.Sprintf("%.1f× (%s against %s)", typical.Ratio, dur(typical.Diagnose.NsPerOp), dur(typical.Floor.NsPerOp)), yes(typical.Ratio <= TargetUnmarshalRatio))
		add("linear in input size (5 MB log vs 200 KB log, ns/byte ≤ 1.25×)", fmt.Sprintf("%.2f×", r.Classifier.Linearity), yes(r.Classifier.Linearity > 0 && r.Classifier.Linearity <= TargetLinearity))
	} else {
		add("typical 1 KB response diagnosed in < 20 µs natively", "", nil)
		add("within 3× json.Unmarshal of the same bytes", "", nil)
		add("linear in input size", "", nil)
	}

	if w := r.Wasm; w != nil {
		add("WASM ≤ 1.2× the bare syscall/js floor, gzip", fmt.Sprintf("%.3f× (%s B against %s B; ≤ %s B needed)", w.GzipRatio, group(w.Playground.Gzip), group(w.Floor.Gzip), group(int(float64(w.Floor.Gzip)*TargetWasmRatio))), yes(w.GzipRatio <= TargetWasmRatio))
		add("WASM within the 700 KB gzip budget", group(w.Playground.Gzip)+" B", yes(w.Playground.Gzip <= w.Budget))
	} else {
		add("WASM ≤ 1.2× the bare syscall/js floor, gzip", "", nil)
	}

	if big := largestBuild(r.SiteBuild); big != nil {
		stands := fmt.Sprintf("%.2f ms/page: %d pages in %.0f ms", big.MSPerPage, big.Pages, big.MedianMS)
		if m := marginalMSPerPage(r.SiteBuild); m > 0 {
			stands += fmt.Sprintf("; %.2f ms per page beyond the real catalog's", m)
		}
		add("site build ≤ 1 ms per page, highlighting included ("+big.Name+")", stands, yes(big.MSPerPage <= TargetMSPerPage))
	} else {
		add("site build ≤ 1 ms per page, highlighting included", "", nil)
	}

	b := r.Browser
	if b != nil && b.Lighthouse != nil && len(b.Lighthouse.Pages) > 0 {
		for _, cat := range []string{"accessibility", "best-practices", "seo"} {
			worst, where := 101, ""
			for _, p := range b.Lighthouse.Pages {
				if v := p.Scores[cat]; v < worst {
					worst, where = v, p.Type
				}
			}
			stands := "100 on every page type"
			if worst < TargetLighthouse {
				stands = fmt.Sprintf("lowest %d (%s)", worst, where)
			}
			add("Lighthouse "+cat+" 100 on every page type", stands, yes(worst >= TargetLighthouse))
		}
		for _, p := range b.Lighthouse.Pages {
			want := TargetLighthouse
			if p.Type == "playground" {
				want = TargetPlayPerf
			}
			add(fmt.Sprintf("Lighthouse performance ≥ %d: %s", want, p.Type), fmt.Sprint(p.Scores["performance"]), yes(p.Scores["performance"] >= want))
		}
	} else {
		add("Lighthouse 100 for accessibility, best-practices and SEO; performance ≥ 95 on the playground, 100 elsewhere", "", nil)
	}

	if b != nil && b.Search.IndexGzip > 0 {
		add("search index < 20 KB gzip", group(b.Search.IndexGzip)+" B", yes(b.Search.IndexGzip < TargetSearchIndexGzip))
	} else {
		add("search index < 20 KB gzip", "", nil)
	}
	if b != nil && len(b.Search.FirstURLs) > 0 {
		add("first search fetches < 30 KB", fmt.Sprintf("%s B in %d request(s)", group64(b.Search.FirstBytes), len(b.Search.FirstURLs)), yes(b.Search.FirstBytes < TargetFirstSearch))
	} else {
		add("first search fetches < 30 KB", "", nil)
	}
	r.Targets = ts
}

// largestBuild is the build with the most pages: the one whose per-page
// figure fixed costs (process start, esbuild, weighing the WASM) distort
// least.
func largestBuild(bs []SiteBuild) *SiteBuild {
	var big *SiteBuild
	for i := range bs {
		if big == nil || bs[i].Pages > big.Pages {
			big = &bs[i]
		}
	}
	return big
}

// marginalMSPerPage is what each page beyond the smallest build's cost:
// the difference of the two builds' wall times over their page counts.
func marginalMSPerPage(bs []SiteBuild) float64 {
	if len(bs) < 2 {
		return 0
	}
	small, big := bs[0], *largestBuild(bs)
	for _, b := range bs {
		if b.Pages < small.Pages {
			small = b
		}
	}
	if big.Pages == small.Pages {
		return 0
	}
	return (big.MedianMS - small.MedianMS) / float64(big.Pages-small.Pages)
}

package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/errdex/errdex/internal/chromium"
)

// Options choose what a run measures.
type Options struct {
	Count         int             // runs of each Go benchmark (medians are reported)
	SiteRuns      int             // builds of each catalog
	Providers     int             // synthetic catalog: providers ×
	Codes         int             //   codes per provider
	DiagnosisRuns int             // playground loads timed
	PasteTimeout  time.Duration   // longest wait for a large paste's diagnosis
	Only          map[string]bool // parts to run: classifier, wasm, site, browser, lighthouse (nil: all)
}

// Parts are the report's parts, in run order: the CPU-bound benchmarks run
// first, on a quiet machine.
var Parts = []string{"classifier", "wasm", "site", "browser", "lighthouse"}

func (o Options) want(part string) bool { return o.Only == nil || o.Only[part] }

// Run measures everything and returns the report. A part that cannot run
// (no chromium, no Lighthouse, a failing build) is named in NotMeasured
// with the reason and the fix; the rest still runs.
func Run(ctx context.Context, env *Env, opt Options) *Report {
	if err := os.MkdirAll(env.Out, 0o755); err != nil {
		return &Report{NotMeasured: []string{err.Error()}}
	}
	r := &Report{Schema: 1, Date: time.Now().UTC().Format(time.RFC3339), Commit: commit(ctx, env), Machine: env.Describe(ctx)}
	miss := func(part string, err error) {
		r.NotMeasured = append(r.NotMeasured, part+": "+strings.TrimSpace(err.Error()))
	}

	if opt.want("classifier") {
		env.logf("classifier: go test -bench (native, then js/wasm under node), %d runs each", opt.Count)
		c, err := RunClassifier(ctx, env, opt.Count)
		r.Classifier = c
		if err != nil {
			miss("classifier", err)
		}
	}

	wasmFile := ""
	if opt.want("wasm") || opt.want("site") || opt.want("browser") || opt.want("lighthouse") {
		env.logf("wasm: building the playground and the floor program")
		w, file, err := RunWasm(ctx, env)
		if err != nil {
			miss("wasm", err)
		} else {
			wasmFile = file
			if opt.want("wasm") {
				r.Wasm = w
			}
		}
	}

	siteDir := filepath.Join(env.Out, "site-real")
	if wasmFile != "" && (opt.want("site") || opt.want("browser") || opt.want("lighthouse")) {
		runs, providers := opt.SiteRuns, opt.Providers
		if !opt.want("site") { // the browser parts only need the real site, once
			runs, providers = 1, 0
		}
		sb, err := RunSiteBuild(ctx, env, wasmFile, runs, providers, opt.Codes)
		if err != nil {
			miss("site build", err)
		}
		if opt.want("site") {
			r.SiteBuild = sb
		}
	}

	if (opt.want("browser") || opt.want("lighthouse")) && exists(filepath.Join(siteDir, "index.html")) {
		r.Browser = &Browser{}
		if f, err := searchIndexFile(siteDir); err != nil {
			miss("search index", err)
		} else if data, err := os.ReadFile(f); err == nil {
			w := Weigh(data)
			r.Browser.Search.IndexRaw, r.Browser.Search.IndexGzip = w.Raw, w.Gzip
		}
		srv, err := Serve(siteDir)
		if err != nil {
			miss("browser", err)
		} else {
			defer srv.Close()
			srv.Warm(ctx, siteDir)
			if env.Chromium == "" {
				miss("browser", fmt.Errorf("no chromium: install Debian's chromium (apt-get install chromium; make bench-deps does it) or set CHROME_PATH"))
			} else if opt.want("browser") {
				runBrowser(ctx, env, srv.URL, r, opt, miss)
			}
			if opt.want("lighthouse") && env.Chromium != "" {
				if bin := LighthouseBin(env.Root); bin == "" {
					miss("lighthouse", fmt.Errorf("Lighthouse is not installed: npm ci --prefix %s (make bench-deps does it)", LighthouseDir))
				} else {
					lh, err := RunLighthouse(ctx, env, bin, srv.URL)
					if lh != nil && len(lh.Pages) > 0 {
						r.Browser.Lighthouse = lh
						r.Machine.Lighthouse = "lighthouse " + lh.Version
					}
					if err != nil {
						miss("lighthouse", err)
					}
				}
			}
		}
	}
	Evaluate(r)
	return r
}

func runBrowser(ctx context.Context, env *Env, siteURL string, r *Report, opt Options, miss func(string, error)) {
	profile, err := os.MkdirTemp("", "errdex-bench-chromium")
	if err != nil {
		miss("browser", err)
		return
	}
	defer os.RemoveAll(profile)
	browser, stop, err := chromium.Start(ctx, env.Chromium, profile)
	if err != nil {
		miss("browser", err)
		return
	}
	defer stop()
	env.logf("browser: page weights")
	if pw, err := RunPageWeights(browser, siteURL); err != nil {
		miss("page weight", err)
	} else {
		r.Browser.Pages = pw
	}
	env.logf("browser: first search")
	idx := r.Browser.Search
	if s, err := RunFirstSearch(browser, siteURL, "429"); err != nil {
		miss("first search", err)
	} else {
		s.IndexRaw, s.IndexGzip = idx.IndexRaw, idx.IndexGzip
		r.Browser.Search = s
	}
	env.logf("browser: time to first diagnosis, %d runs", opt.DiagnosisRuns)
	if fd, err := RunFirstDiagnosis(browser, siteURL, opt.DiagnosisRuns); err != nil {
		miss("first diagnosis", err)
	} else {
		r.Browser.FirstDiagnosis = fd
	}
	env.logf("browser: time to diagnosis of two 5 MiB pastes (at most %s each)", opt.PasteTimeout)
	lp, err := RunLargePastes(browser, siteURL, opt.PasteTimeout)
	r.Browser.LargePastes = lp
	if err != nil {
		miss("large pastes", err)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// commit is the checkout's short commit, "-dirty" when it has changes.
func commit(ctx context.Context, env *Env) string {
	out, err := env.run(ctx, nil, "git", "rev-parse", "--short", "HEAD")
	if err != nil {
		return ""
	}
	c := strings.TrimSpace(string(out))
	if st, err := env.run(ctx, nil, "git", "status", "--porcelain"); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += "-dirty"
	}
	return c
}

// Write writes report.json and report.md into env.Out.
func Write(env *Env, r *Report) error {
	data, err := r.JSON()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(env.Out, "report.json"), data, 0o644); err != nil {
		return err
	}
	var md strings.Builder
	r.Markdown(&md)
	return os.WriteFile(filepath.Join(env.Out, "report.md"), []byte(md.String()), 0o644)
}

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// LighthouseDir holds the locked npm package of Lighthouse (package.json
// and package-lock.json; `npm ci --prefix internal/bench/lighthouse`).
const LighthouseDir = "internal/bench/lighthouse"

// LighthouseCategories are the scored categories, in report order.
var LighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// LighthousePage is one page type's scores (0–100) and what cost points.
type LighthousePage struct {
	Type    string             `json:"type"`
	Path    string             `json:"path"`
	Scores  map[string]int     `json:"scores"`
	Metrics map[string]float64 `json:"metrics"` // ms, except cumulative-layout-shift
	Failing []string           `json:"failing"` // "category: audit-id (score)"
}

// LighthouseRun is every page type under one Lighthouse version.
type LighthouseRun struct {
	Version  string           `json:"version"`
	Settings string           `json:"settings"`
	Pages    []LighthousePage `json:"pages"`
}

// LighthouseBin is the installed CLI, or "" when `npm ci` has not run.
func LighthouseBin(root string) string {
	p := filepath.Join(root, LighthouseDir, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

var lighthouseMetrics = []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"}

// RunLighthouse audits every page type with Lighthouse's defaults (mobile,
// simulated throttling) in the given chromium.
func RunLighthouse(ctx context.Context, env *Env, bin, siteURL string) (*LighthouseRun, error) {
	run := &LighthouseRun{Settings: "Lighthouse defaults: mobile form factor, simulated throttling (Moto G Power, slow 4G)"}
	for _, pt := range PageTypes {
		env.logf("lighthouse: %s", pt.Type)
		out := filepath.Join(env.Out, "lighthouse", pt.Type+".json")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return run, err
		}
		profile, err := os.MkdirTemp("", "errdex-lighthouse")
		if err != nil {
			return run, err
		}
		cmd := exec.CommandContext(ctx, bin, siteURL+pt.Path,
			"--output=json", "--output-path="+out, "--quiet",
			"--only-categories="+strings.Join(LighthouseCategories, ","),
			"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir="+profile,
		)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+env.Chromium)
		msg, err := cmd.CombinedOutput()
		os.RemoveAll(profile)
		if err != nil {
			return run, fmt.Errorf("lighthouse %s: %v\n%s", pt.Type, err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			return run, err
		}
		p, version, err := ParseLighthouse(data)
		if err != nil {
			return run, fmt.Errorf("lighthouse %s: %w", pt.Type, err)
		}
		p.Type, p.Path = pt.Type, Base+pt.Path
		run.Version = version
		run.Pages = append(run.Pages, p)
	}
	return run, nil
}

// ParseLighthouse reads a Lighthouse JSON report (the lhr).
func ParseLighthouse(data []byte) (LighthousePage, string, error) {
	var lhr struct {
		Version      string `json:"lighthouseVersion"`
		RuntimeError *struct{ Code, Message string }
		Categories   map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Score        *float64 `json:"score"`
			NumericValue *float64 `json:"numericValue"`
		} `json:"audits"`
	}
	p := LighthousePage{Scores: map[string]int{}, Metrics: map[string]float64{}}
	if err := json.Unmarshal(data, &lhr); err != nil {
		return p, "", err
	}
	if lhr.RuntimeError != nil && lhr.RuntimeError.Code != "" {
		return p, lhr.Version, fmt.Errorf("%s: %s", lhr.RuntimeError.Code, lhr.RuntimeError.Message)
	}
	for _, name := range LighthouseCategories {
		c, ok := lhr.Categories[name]
		if !ok || c.Score == nil {
			return p, lhr.Version, fmt.Errorf("no %s score", name)
		}
		p.Scores[name] = int(math.Round(*c.Score * 100))
		for _, ref := range c.AuditRefs {
			a := lhr.Audits[ref.ID]
			if ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				p.Failing = append(p.Failing, fmt.Sprintf("%s: %s (%.2f)", name, ref.ID, *a.Score))
			}
		}
	}
	for _, m := range lighthouseMetrics {
		if a, ok := lhr.Audits[m]; ok && a.NumericValue != nil {
			p.Metrics[m] = *a.NumericValue
		}
	}
	sort.Strings(p.Failing)
	return p, lhr.Version, nil
}

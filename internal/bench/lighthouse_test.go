package bench

import (
	"strings"
	"testing"
)

func TestParseLighthouse(t *testing.T) {
	lhr := `{"lighthouseVersion":"12.8.2",
	"categories":{
	  "performance":{"score":0.93,"auditRefs":[{"id":"largest-contentful-paint","weight":25},{"id":"diagnostics","weight":0}]},
	  "accessibility":{"score":1,"auditRefs":[{"id":"color-contrast","weight":7}]},
	  "best-practices":{"score":0.96,"auditRefs":[{"id":"errors-in-console","weight":1}]},
	  "seo":{"score":1,"auditRefs":[{"id":"meta-description","weight":1}]}},
	"audits":{
	  "largest-contentful-paint":{"score":0.8,"numericValue":2712.5},
	  "diagnostics":{"score":0},
	  "color-contrast":{"score":1},
	  "errors-in-console":{"score":0},
	  "meta-description":{"score":null},
	  "cumulative-layout-shift":{"score":1,"numericValue":0.002}}}`
	p, v, err := ParseLighthouse([]byte(lhr))
	if err != nil {
		t.Fatal(err)
	}
	if v != "12.8.2" {
		t.Errorf("version %q", v)
	}
	want := map[string]int{"performance": 93, "accessibility": 100, "best-practices": 96, "seo": 100}
	for k, n := range want {
		if p.Scores[k] != n {
			t.Errorf("%s = %d, want %d", k, p.Scores[k], n)
		}
	}
	if got := strings.Join(p.Failing, "; "); got != "best-practices: errors-in-console (0.00); performance: largest-contentful-paint (0.80)" {
		t.Errorf("failing = %q (weightless and unscored audits must not count)", got)
	}
	if p.Metrics["largest-contentful-paint"] != 2712.5 || p.Metrics["cumulative-layout-shift"] != 0.002 {
		t.Errorf("metrics = %v", p.Metrics)
	}

	if _, _, err := ParseLighthouse([]byte(`{"lighthouseVersion":"12","runtimeError":{"code":"NO_FCP","message":"The page did not paint"},"categories":{}}`)); err == nil || !strings.Contains(err.Error(), "NO_FCP") {
		t.Errorf("a runtime error: %v", err)
	}
	if _, _, err := ParseLighthouse([]byte(`{"lighthouseVersion":"12","categories":{"performance":{"score":null}}}`)); err == nil {
		t.Error("a missing score passed")
	}
	if _, _, err := ParseLighthouse([]byte(`not json`)); err == nil {
		t.Error("not JSON passed")
	}
}

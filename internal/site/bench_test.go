package site

import "testing"

// BenchmarkBuild measures a whole build of the real site (bundling,
// indexing, rendering, link checking), with one worker and with the default.
func BenchmarkBuild(b *testing.B) {
	for _, w := range []struct {
		name string
		n    int
	}{{"workers=1", 1}, {"workers=GOMAXPROCS", 0}} {
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Build(realCat, Options{Engine: testEngine, URLs: urls, SiteDir: siteDir, Workers: w.n}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

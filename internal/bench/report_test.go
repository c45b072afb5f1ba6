package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func sampleReport() *Report {
	r := &Report{Schema: 1, Date: "2026-11-23T12:00:00Z", Machine: Machine{CPUs: 2, GoVersion: "go1.26.8", GOOS: "linux", GOARCH: "amd64"}}
	r.Classifier = &Classifier{Command: "go test -bench", Linearity: 1.1, Cases: []Case{
		{Name: "json_1KB", Diagnose: Result{NsPerOp: 18_000, MBPerS: 56, Runs: 5}, Floor: Result{NsPerOp: 9_000}, Ratio: 2},
		{Name: "log_200KB", Diagnose: Result{NsPerOp: 2e6, Runs: 5}, Floor: Result{NsPerOp: 1e6}, Ratio: 2},
	}}
	r.Wasm = &Wasm{Playground: Weight{Raw: 2_000_000, Gzip: 700_001, Brotli: 500_000}, Floor: Weight{Raw: 1_000_000, Gzip: 500_000, Brotli: 400_000}, GzipRatio: 1.400002, BrotliRatio: 1.25, Budget: 700_000, Flags: "-x"}
	r.SiteBuild = []SiteBuild{
		{Name: "real content", Pages: 100, MedianMS: 300, MSPerPage: 3, WallMS: []float64{300}},
		{Name: "synthetic 50×100", Pages: 5100, MedianMS: 4300, MSPerPage: 0.84, WallMS: []float64{4300}},
	}
	r.Browser = &Browser{
		Search: Search{IndexGzip: 25_000, FirstBytes: 12_000, FirstURLs: []string{"x"}, Query: "429"},
		LargePastes: []LargePaste{
			{Name: "json_one_line_5MB", What: "one long line", Bytes: 5_242_884, Lines: 1, TimedOut: true, TimeoutS: 180},
			{Name: "log_many_lines_5MB", What: "many lines", Bytes: 5_243_172, Lines: 41_701, MS: 4477, LongestStallMS: 1223, Category: "rate_limit", RevealMS: 81, RevealStallMS: 64},
		},
		Lighthouse: &LighthouseRun{Version: "12.0.0", Pages: []LighthousePage{
			{Type: "home", Scores: map[string]int{"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}},
			{Type: "playground", Scores: map[string]int{"performance": 94, "accessibility": 100, "best-practices": 96, "seo": 100}, Failing: []string{"best-practices: errors-in-console (0.00)"}},
		}},
	}
	Evaluate(r)
	return r
}

// TestEvaluate checks each target's verdict against the figures it reads.
func TestEvaluate(t *testing.T) {
	r := sampleReport()
	met := map[string]string{}
	for _, g := range r.Targets {
		v := "not measured"
		if g.Met != nil {
			v = map[bool]string{true: "yes", false: "no"}[*g.Met]
		}
		met[g.Goal] = v
	}
	for goal, want := range map[string]string{
		"typical 1 KB response diagnosed in < 20 µs natively":                  "yes",
		"within 3× json.Unmarshal of the same bytes":                           "yes",
		"WASM ≤ 1.2× the bare syscall/js floor, gzip":                          "no",
		"WASM within the 700 KB gzip budget":                                   "no",
		"site build ≤ 1 ms per page, highlighting included (synthetic 50×100)": "yes",
		"Lighthouse accessibility 100 on every page type":                      "yes",
		"Lighthouse best-practices 100 on every page type":                     "no",
		"Lighthouse performance ≥ 95: playground":                              "no",
		"Lighthouse performance ≥ 100: home":                                   "yes",
		"search index < 20 KB gzip":                                            "no",
		"first search fetches < 30 KB":                                         "yes",
		"linear in input size (5 MB log vs 200 KB log, ns/byte ≤ 1.25×)":       "yes",
	} {
		if got, ok := met[goal]; !ok {
			t.Errorf("no target %q in %v", goal, met)
		} else if got != want {
			t.Errorf("%q: met = %s, want %s", goal, got, want)
		}
	}
	for _, g := range r.Targets {
		if strings.HasPrefix(g.Goal, "site build") && !strings.Contains(g.Stands, "0.80 ms per page beyond") {
			t.Errorf("site build stands %q; want the marginal cost (4000 ms / 5000 pages)", g.Stands)
		}
	}

	empty := &Report{}
	Evaluate(empty)
	if len(empty.Targets) == 0 {
		t.Fatal("no targets for an empty report")
	}
	for _, g := range empty.Targets {
		if g.Met != nil {
			t.Errorf("%q is judged without a figure", g.Goal)
		}
	}
}

// TestRender checks the three outputs carry the same figures.
func TestRender(t *testing.T) {
	r := sampleReport()
	r.NotMeasured = []string{"lighthouse: not installed"}
	var text, md bytes.Buffer
	r.Text(&text)
	r.Markdown(&md)
	for _, out := range []string{text.String(), md.String()} {
		for _, want := range []string{"18.0 µs", "2.0×", "700,001", "1.40×", "0.84 ms", "Lighthouse 12.0.0", "errors-in-console", "lighthouse: not installed", "2 CPUs", "go1.26.8",
			"over 180 s", "4477 ms", "1223 ms", "41,701", "81 ms, 64 ms"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
	}
	if !strings.Contains(md.String(), "| case | bytes |") {
		t.Error("report.md has no Markdown table")
	}
	data, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Wasm.Playground.Gzip != 700_001 || back.Classifier.Cases[0].Diagnose.NsPerOp != 18_000 || len(back.Targets) != len(r.Targets) ||
		len(back.Browser.LargePastes) != 2 || !back.Browser.LargePastes[0].TimedOut {
		t.Errorf("report.json does not round-trip: %s", data)
	}
}

func TestWeigh(t *testing.T) {
	data := bytes.Repeat([]byte("errdex weighs what visitors download. "), 1000)
	w := Weigh(data)
	if w.Raw != len(data) || w.Gzip <= 0 || w.Gzip >= w.Raw || w.Brotli <= 0 || w.Brotli >= w.Raw {
		t.Fatalf("Weigh = %+v", w)
	}
	var g, b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	if g.Len() != w.Gzip {
		t.Errorf("gzip %d, want %d", w.Gzip, g.Len())
	}
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	bw.Write(data)
	bw.Close()
	n := b.Len()
	back, err := io.ReadAll(brotli.NewReader(&b))
	if err != nil || !bytes.Equal(back, data) || n != w.Brotli {
		t.Errorf("brotli: %d bytes, round trip ok=%v, want %d", n, bytes.Equal(back, data), w.Brotli)
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{dur(850), "850 ns"}, {dur(18_250), "18.2 µs"}, {dur(6.4e6), "6.4 ms"}, {dur(1.5e9), "1.50 s"},
		{size(512), "512 B"}, {size(2048), "2.0 KiB"}, {size(3 << 20), "3.0 MiB"},
		{group(0), "0"}, {group(999), "999"}, {group(1000), "1,000"}, {group64(-1234567), "-1,234,567"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

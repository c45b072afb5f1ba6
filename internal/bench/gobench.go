package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/errdex/errdex/internal/wasmbin"
)

// Result is one Go benchmark's figures: the median of its runs.
type Result struct {
	NsPerOp     float64 `json:"ns_per_op"`
	AllocsPerOp float64 `json:"allocs_per_op"`
	BytesPerOp  float64 `json:"bytes_per_op"`
	MBPerS      float64 `json:"mb_per_s"`
	PasteBytes  int     `json:"paste_bytes"` // the paste's size (the benchmark's paste-B metric)
	Runs        int     `json:"runs"`
}

// ParseBenchmarks reads `go test -bench` output and returns each
// benchmark's median figures by name, without the "Benchmark" prefix and
// the -GOMAXPROCS suffix ("Diagnose/json_1KB").
func ParseBenchmarks(out []byte) map[string]Result {
	runs := map[string][]map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil { // iterations
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		m := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			m[f[i+1]] = v
		}
		if _, ok := m["ns/op"]; ok {
			runs[name] = append(runs[name], m)
		}
	}
	res := map[string]Result{}
	for name, rs := range runs {
		res[name] = Result{
			NsPerOp:     median(rs, "ns/op"),
			AllocsPerOp: median(rs, "allocs/op"),
			BytesPerOp:  median(rs, "B/op"),
			MBPerS:      median(rs, "MB/s"),
			PasteBytes:  int(median(rs, "paste-B")),
			Runs:        len(rs),
		}
	}
	return res
}

func median(rs []map[string]float64, unit string) float64 {
	var v []float64
	for _, r := range rs {
		if x, ok := r[unit]; ok {
			v = append(v, x)
		}
	}
	return medianOf(v)
}

func medianOf(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = append([]float64(nil), v...)
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// ClassifierCases are the benchmark cases of wasm/classify's bench_test.go,
// in report order, with what each stands for.
var ClassifierCases = []struct{ Name, What string }{
	{"json_1KB", "typical 1 KB JSON error body"},
	{"curl_v", "curl -v paste, 429 with headers"},
	{"sse", "SSE stream failing mid-way, 4 KB"},
	{"log_200KB", "200 KB log with one error"},
	{"log_5MB", "5 MB log with one error"},
	{"har_5MB", "5 MB HAR export, one failed call"},
	{"log_10k_lines_500_errors", "10,000-line log with 500 errors of 5 kinds"},
}

// Case is one classifier case: the classifier against its floor.
type Case struct {
	Name     string  `json:"name"`
	What     string  `json:"what"`
	Diagnose Result  `json:"diagnose"`
	Floor    Result  `json:"unmarshal"`
	Ratio    float64 `json:"ratio"` // Diagnose ns/op ÷ Unmarshal ns/op
}

// Classifier is the classifier section of the report.
type Classifier struct {
	Cases []Case `json:"native"`
	// Wasm is the typical case compiled to js/wasm (with the playground's
	// -gcflags=all=-l) and run by node.
	Wasm *Case `json:"wasm,omitempty"`
	// Linearity is the 5 MB log's ns per byte over the 200 KB log's: 1.0
	// is perfectly linear.
	Linearity float64 `json:"linearity"`
	Command   string  `json:"command"`
}

// RunClassifier runs the classifier's Go benchmarks natively (count runs
// each) and the typical case under node.
func RunClassifier(ctx context.Context, env *Env, count int) (*Classifier, error) {
	args := []string{"test", "-run", "^$", "-bench", "^Benchmark(Diagnose|Unmarshal)$", "-benchmem", "-count", strconv.Itoa(count), "./wasm/classify"}
	out, err := env.run(ctx, nil, "go", args...)
	if err != nil {
		return nil, err
	}
	res := ParseBenchmarks(out)
	c := &Classifier{Command: "go " + strings.Join(args, " ")}
	for _, k := range ClassifierCases {
		d, ok1 := res["Diagnose/"+k.Name]
		u, ok2 := res["Unmarshal/"+k.Name]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("go test printed no result for %s:\n%s", k.Name, out)
		}
		c.Cases = append(c.Cases, Case{Name: k.Name, What: k.What, Diagnose: d, Floor: u, Ratio: d.NsPerOp / u.NsPerOp})
	}
	small, big := c.find("log_200KB"), c.find("log_5MB")
	if small != nil && big != nil {
		c.Linearity = (big.Diagnose.NsPerOp / float64(5<<20)) / (small.Diagnose.NsPerOp / float64(200<<10))
	}

	lib, err := wasmbin.LibWasm(ctx, "go")
	if err != nil {
		return c, err
	}
	exe := filepath.Join(lib, "go_js_wasm_exec")
	if _, err := os.Stat(exe); err != nil {
		return c, fmt.Errorf("wasm benchmark: %v", err)
	}
	wargs := []string{"test", "-gcflags=all=-l", "-exec", exe, "-run", "^$", "-bench", "^Benchmark(Diagnose|Unmarshal)$/^json_1KB$", "-benchmem", "-count", strconv.Itoa(count), "./wasm/classify"}
	wout, err := env.run(ctx, []string{"GOOS=js", "GOARCH=wasm"}, "go", wargs...)
	if err != nil {
		return c, fmt.Errorf("wasm benchmark (needs node): %v", err)
	}
	wres := ParseBenchmarks(wout)
	d, ok1 := wres["Diagnose/json_1KB"]
	u, ok2 := wres["Unmarshal/json_1KB"]
	if !ok1 || !ok2 {
		return c, fmt.Errorf("the wasm benchmark printed no result:\n%s", wout)
	}
	c.Wasm = &Case{Name: "json_1KB", What: "typical 1 KB body, js/wasm under node " + env.Node, Diagnose: d, Floor: u, Ratio: d.NsPerOp / u.NsPerOp}
	return c, nil
}

func (c *Classifier) find(name string) *Case {
	for i := range c.Cases {
		if c.Cases[i].Name == name {
			return &c.Cases[i]
		}
	}
	return nil
}

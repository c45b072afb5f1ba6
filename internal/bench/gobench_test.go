package bench

import "testing"

func TestParseBenchmarks(t *testing.T) {
	out := []byte(`goos: linux
goarch: amd64
pkg: github.com/errdex/errdex/wasm/classify
BenchmarkDiagnose/json_1KB-2         	   10000	    150000 ns/op	   6.36 MB/s	   12904 B/op	     233 allocs/op
BenchmarkDiagnose/json_1KB-2         	   10000	    100000 ns/op	   9.00 MB/s	   12904 B/op	     233 allocs/op
BenchmarkDiagnose/json_1KB-2         	   10000	    120000 ns/op	   8.00 MB/s	   12904 B/op	     233 allocs/op
BenchmarkUnmarshal/json_1KB          	   94002	     12875 ns/op	  76.66 MB/s	       987.0 paste-B	    2352 B/op	      27 allocs/op
BenchmarkDiagnose/x-y-2 	 5 	 7 ns/op
--- FAIL: BenchmarkBroken
BenchmarkBroken 	 notanumber
PASS
`)
	res := ParseBenchmarks(out)
	d := res["Diagnose/json_1KB"]
	if d.Runs != 3 || d.NsPerOp != 120000 || d.MBPerS != 8 || d.AllocsPerOp != 233 || d.BytesPerOp != 12904 {
		t.Errorf("Diagnose/json_1KB = %+v", d)
	}
	if u := res["Unmarshal/json_1KB"]; u.Runs != 1 || u.NsPerOp != 12875 || u.PasteBytes != 987 || u.AllocsPerOp != 27 {
		t.Errorf("Unmarshal/json_1KB (no -N suffix under wasm) = %+v", u)
	}
	if x := res["Diagnose/x-y"]; x.NsPerOp != 7 {
		t.Errorf("a dash in a sub-benchmark name: %+v", res)
	}
	if _, ok := res["Broken"]; ok {
		t.Error("a line without figures became a result")
	}
	if len(res) != 3 {
		t.Errorf("%d results: %v", len(res), res)
	}
}

func TestMedianOf(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := medianOf(c.in); got != c.want {
			t.Errorf("medianOf(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

package wasmbin

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestBudget builds the playground binary as `make wasm` does and fails when
// it weighs more than BudgetGzip. `make test` also prints the figure
// (`sitegen size`), pass or fail.
func TestBudget(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH")
	}
	out := filepath.Join(t.TempDir(), "errdex.wasm")
	if err := Build(context.Background(), "go", "../..", out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\x00asm")) {
		t.Fatalf("%s is not a WebAssembly module", out)
	}
	s := Measure(data)
	t.Logf("playground binary: %s", s)
	if s.OverBudget() {
		t.Errorf("the playground binary is over its size budget: %s", s)
	}
	js, err := ExecJS(context.Background(), "go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte("Go = class")) {
		t.Errorf("wasm_exec.js does not define Go:\n%.200s", js)
	}
}

func TestSizeString(t *testing.T) {
	for _, tc := range []struct {
		s    Size
		want string
	}{
		{Size{2823741, 689102}, "2,823,741 B raw, 689,102 B gzip -9 (budget 700,000 B: 10,898 B to spare)"},
		{Size{1000, 700001}, "1,000 B raw, 700,001 B gzip -9 (budget 700,000 B: OVER by 1 B)"},
		{Size{12, 0}, "12 B raw, 0 B gzip -9 (budget 700,000 B: 700,000 B to spare)"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
	if m := Measure(bytes.Repeat([]byte("a"), 10000)); m.Raw != 10000 || m.Gzip <= 0 || m.Gzip > 200 {
		t.Errorf("Measure: %+v", m)
	}
}

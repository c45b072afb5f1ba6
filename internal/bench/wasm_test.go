package bench

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errdex/errdex/internal/wasmbin"
)

// TestFloorBuilds builds the floor program as make bench does: the ratio
// means nothing unless the floor is a real js/wasm binary.
func TestFloorBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: make test runs it")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	out := filepath.Join(t.TempDir(), "floor.wasm")
	if err := wasmbin.BuildPackage(context.Background(), "go", "../..", FloorPackage, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\x00asm")) {
		t.Fatal("the floor is not a WebAssembly binary")
	}
	if w := Weigh(data); w.Gzip < 100_000 {
		t.Errorf("the floor weighs %d B gzip: too little for a Go runtime, the build is not what it claims", w.Gzip)
	}
}

package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/errdex/errdex/internal/wasmbin"
)

// Weight is a file's size raw and compressed at the highest levels.
type Weight struct {
	Raw    int `json:"raw"`
	Gzip   int `json:"gzip"`   // gzip -9, as make size measures (wasmbin.Measure)
	Brotli int `json:"brotli"` // brotli quality 11
}

// Weigh measures data.
func Weigh(data []byte) Weight {
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	_, _ = bw.Write(data)
	_ = bw.Close()
	return Weight{Raw: len(data), Gzip: wasmbin.Measure(data).Gzip, Brotli: b.Len()}
}

// Wasm is the WASM weight section.
type Wasm struct {
	Playground  Weight  `json:"playground"`
	Floor       Weight  `json:"floor"` // internal/bench/floor, same flags
	GzipRatio   float64 `json:"gzip_ratio"`
	BrotliRatio float64 `json:"brotli_ratio"`
	Budget      int     `json:"budget_gzip"`
	Flags       string  `json:"flags"`
}

// FloorPackage is the bare syscall/js program.
const FloorPackage = "./internal/bench/floor"

// RunWasm builds the playground binary and the floor program with the same
// go command and flags, into env.Out, and weighs both. It returns the
// playground binary's path, which the site build uses.
func RunWasm(ctx context.Context, env *Env) (*Wasm, string, error) {
	play := filepath.Join(env.Out, "errdex.wasm")
	floor := filepath.Join(env.Out, "floor.wasm")
	if err := wasmbin.Build(ctx, "go", env.Root, play); err != nil {
		return nil, "", err
	}
	if err := wasmbin.BuildPackage(ctx, "go", env.Root, FloorPackage, floor); err != nil {
		return nil, "", err
	}
	pb, err := os.ReadFile(play)
	if err != nil {
		return nil, "", err
	}
	fb, err := os.ReadFile(floor)
	if err != nil {
		return nil, "", err
	}
	w := &Wasm{Playground: Weigh(pb), Floor: Weigh(fb), Budget: wasmbin.BudgetGzip, Flags: strings.Join(wasmbin.BuildEnv, " ") + " go build " + joinFlags(wasmbin.BuildFlags)}
	w.GzipRatio = float64(w.Playground.Gzip) / float64(w.Floor.Gzip)
	w.BrotliRatio = float64(w.Playground.Brotli) / float64(w.Floor.Brotli)
	return w, play, nil
}

func joinFlags(f []string) string {
	var b bytes.Buffer
	for i, s := range f {
		if i > 0 {
			b.WriteByte(' ')
		}
		if bytes.ContainsAny([]byte(s), " ") {
			b.WriteString("'" + s + "'")
		} else {
			b.WriteString(s)
		}
	}
	return b.String()
}

// Command bench measures what errdex's users feel and what it costs, each
// figure beside its floor or peer, in one run on one machine (`make bench`):
// the classifier against encoding/json, the playground's WebAssembly
// against a bare syscall/js program, site builds of the real and a
// synthetic 5,000-code catalog, page weights, Lighthouse scores and the
// playground's time to first diagnosis and to the diagnosis of two 5 MiB
// pastes (one long line, many lines).
//
//	bench [-out build/bench] [-count 5] [-site-runs 3] [-providers 50] [-codes 100]
//	      [-diagnosis-runs 5] [-paste-timeout 180s] [-only classifier,wasm,site,browser,lighthouse]
//
// It prints the tables on stdout and writes report.md and report.json to
// -out. It exits 1 when a part could not be measured (each named with the
// reason and the fix), 0 otherwise: a target that is missed is reported,
// not failed. All the work is in package internal/bench.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/errdex/errdex/internal/bench"
	"github.com/errdex/errdex/internal/chromium"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "repository root")
	out := fs.String("out", filepath.Join("build", "bench"), "output directory, relative to -root unless absolute")
	opt := bench.Options{}
	fs.IntVar(&opt.Count, "count", 5, "runs of each Go benchmark; medians are reported")
	fs.IntVar(&opt.SiteRuns, "site-runs", 3, "builds of each catalog")
	fs.IntVar(&opt.Providers, "providers", 50, "providers in the synthetic catalog")
	fs.IntVar(&opt.Codes, "codes", 100, "codes per synthetic provider")
	fs.IntVar(&opt.DiagnosisRuns, "diagnosis-runs", 5, "playground loads timed")
	fs.DurationVar(&opt.PasteTimeout, "paste-timeout", 180*time.Second, "longest wait for the diagnosis of a 5 MiB paste in the playground")
	only := fs.String("only", "", "comma-separated parts to run ("+strings.Join(bench.Parts, ",")+"); default all")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "bench: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if opt.Count < 1 || opt.SiteRuns < 1 || opt.Providers < 1 || opt.Codes < 1 || opt.DiagnosisRuns < 1 {
		fmt.Fprintln(stderr, "bench: -count, -site-runs, -providers, -codes and -diagnosis-runs must be at least 1")
		return 2
	}
	if opt.PasteTimeout <= 0 {
		fmt.Fprintln(stderr, "bench: -paste-timeout must be positive")
		return 2
	}
	if *only != "" {
		opt.Only = map[string]bool{}
		for _, p := range strings.Split(*only, ",") {
			p = strings.TrimSpace(p)
			known := false
			for _, k := range bench.Parts {
				known = known || k == p
			}
			if !known {
				fmt.Fprintf(stderr, "bench: -only: unknown part %q (parts: %s)\n", p, strings.Join(bench.Parts, ", "))
				return 2
			}
			opt.Only[p] = true
		}
	}
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(*root, dir)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	env := &bench.Env{
		Root:     *root,
		Out:      dir,
		Chromium: chromium.Find(),
		Node:     bench.NodeVersion(ctx),
		Log:      func(format string, args ...any) { fmt.Fprintf(stderr, "bench: "+format+"\n", args...) },
	}
	r := bench.Run(ctx, env, opt)
	r.Text(stdout)
	if err := bench.Write(env, r); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	fmt.Fprintf(stdout, "\nwrote %s and %s\n", filepath.Join(dir, "report.md"), filepath.Join(dir, "report.json"))
	if len(r.NotMeasured) > 0 {
		fmt.Fprintf(stderr, "bench: %d part(s) not measured; see above\n", len(r.NotMeasured))
		return 1
	}
	return 0
}

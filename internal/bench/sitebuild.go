package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// SiteBuild is one catalog's build figures.
type SiteBuild struct {
	Name        string    `json:"name"`
	Providers   int       `json:"providers"`
	Codes       int       `json:"codes"`
	Pages       int       `json:"pages"`
	Highlighted int       `json:"highlighted_blocks"` // code blocks chroma coloured
	WallMS      []float64 `json:"wall_ms"`            // every run
	MedianMS    float64   `json:"median_ms"`
	MSPerPage   float64   `json:"ms_per_page"`
	PagesPerSec float64   `json:"pages_per_s"`
	PeakRSS     int64     `json:"peak_rss_bytes"` // the largest of the runs
	Command     string    `json:"command"`
}

var builtPages = regexp.MustCompile(`built (\d+) pages`)

// RunSiteBuild times `sitegen build` as a user runs it (a fresh process:
// load and check content, bundle, render, highlight, index, link-check,
// write) on the real content and on a synthetic catalog of providers ×
// codes (none when providers is 0), runs times each.
func RunSiteBuild(ctx context.Context, env *Env, wasmFile string, runs, providers, codes int) ([]SiteBuild, error) {
	// sitegen reads -out relative to its -root: give it absolute paths.
	root, err := filepath.Abs(env.Root)
	if err != nil {
		return nil, err
	}
	outDir, err := filepath.Abs(env.Out)
	if err != nil {
		return nil, err
	}
	if wasmFile, err = filepath.Abs(wasmFile); err != nil {
		return nil, err
	}
	bin := filepath.Join(outDir, "bin", "sitegen")
	if _, err := env.run(ctx, nil, "go", "build", "-o", bin, "./cmd/sitegen"); err != nil {
		return nil, err
	}
	synth := filepath.Join(outDir, "synth")
	if err := os.RemoveAll(synth); err != nil {
		return nil, err
	}
	if err := Synthesize(filepath.Join(synth, "content"), providers, codes); err != nil {
		return nil, err
	}
	if err := os.Symlink(filepath.Join(root, "site"), filepath.Join(synth, "site")); err != nil {
		return nil, err
	}
	type catalog struct {
		name            string
		root            string
		providers, code int
	}
	catalogs := []catalog{{"real content", root, 0, 0}}
	if providers > 0 {
		catalogs = append(catalogs, catalog{fmt.Sprintf("synthetic %d×%d", providers, codes), synth, providers, codes})
	}
	var res []SiteBuild
	for _, c := range catalogs {
		out := filepath.Join(outDir, "site-"+strings.Fields(c.name)[0])
		sb := SiteBuild{Name: c.name, Providers: c.providers, Codes: c.providers * c.code,
			Command: fmt.Sprintf("sitegen -root %s build -out %s -wasm %s", rel(env.Root, c.root), rel(env.Root, out), rel(env.Root, wasmFile))}
		for i := 0; i < runs; i++ {
			env.logf("site build: %s, run %d of %d", c.name, i+1, runs)
			cmd := exec.CommandContext(ctx, bin, "-root", c.root, "build", "-out", out, "-wasm", wasmFile)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			wall := time.Since(start)
			if err != nil {
				return res, fmt.Errorf("%s: %v\n%s", sb.Command, err, stderr.Bytes())
			}
			sb.WallMS = append(sb.WallMS, float64(wall.Microseconds())/1000)
			if rss := peakRSS(cmd.ProcessState); rss > sb.PeakRSS {
				sb.PeakRSS = rss
			}
			m := builtPages.FindSubmatch(stdout.Bytes())
			if m == nil {
				return res, fmt.Errorf("%s printed no page count:\n%s", sb.Command, stdout.Bytes())
			}
			sb.Pages, _ = strconv.Atoi(string(m[1]))
		}
		sb.MedianMS = medianOf(sb.WallMS)
		sb.MSPerPage = sb.MedianMS / float64(sb.Pages)
		sb.PagesPerSec = float64(sb.Pages) / (sb.MedianMS / 1000)
		n, err := countHighlighted(out)
		if err != nil {
			return res, err
		}
		sb.Highlighted = n
		if c.providers == 0 {
			sb.Providers, sb.Codes = countCatalog(out)
		}
		res = append(res, sb)
	}
	return res, nil
}

// countHighlighted counts the code blocks chroma coloured in a built site.
func countHighlighted(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n += bytes.Count(data, []byte(`class="chroma"`))
		return nil
	})
	return n, err
}

// countCatalog reads provider and code counts from a built catalog.json.
func countCatalog(dir string) (providers, codes int) {
	data, err := os.ReadFile(filepath.Join(dir, "catalog.json"))
	if err != nil {
		return 0, 0
	}
	var cat struct {
		Providers []struct {
			Codes []json.RawMessage `json:"codes"`
		} `json:"providers"`
	}
	if json.Unmarshal(data, &cat) != nil {
		return 0, 0
	}
	for _, p := range cat.Providers {
		codes += len(p.Codes)
	}
	return len(cat.Providers), codes
}

// rel shows path relative to the repository root when it is inside it.
func rel(root, path string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return path
	}
	if r, err := filepath.Rel(abs, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

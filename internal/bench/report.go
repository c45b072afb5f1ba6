package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/errdex/errdex/internal/wasmbin"
)

// Report is one `make bench` run: report.json is this struct, and
// report.md and the stdout table are rendered from it.
type Report struct {
	Schema     int         `json:"schema"` // 1
	Date       string      `json:"date"`   // RFC 3339, UTC
	Commit     string      `json:"commit,omitempty"`
	Machine    Machine     `json:"machine"`
	Classifier *Classifier `json:"classifier,omitempty"`
	Wasm       *Wasm       `json:"wasm,omitempty"`
	SiteBuild  []SiteBuild `json:"site_build,omitempty"`
	Browser    *Browser    `json:"browser,omitempty"`
	Targets    []Target    `json:"targets"`
	// NotMeasured names each part that could not be measured, and why.
	NotMeasured []string `json:"not_measured,omitempty"`
}

// Target is one of the targets and where the run left it.
type Target struct {
	Goal   string `json:"goal"`
	Stands string `json:"stands"`
	Met    *bool  `json:"met"` // null when not measured
}

// JSON is report.json.
func (r *Report) JSON() ([]byte, error) {
	data, err := json.MarshalIndent(r, "", "  ")
	return append(data, '\n'), err
}

// table is one table of the report.
type table struct {
	title string
	note  string
	head  []string
	rows  [][]string
}

// Text writes the report as aligned plain-text tables.
func (r *Report) Text(w io.Writer) {
	fmt.Fprintf(w, "errdex bench, %s, %s\n", r.Date, r.machineLine())
	for _, t := range r.tables() {
		fmt.Fprintf(w, "\n%s\n", t.title)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  "+strings.Join(t.head, "\t"))
		for _, row := range t.rows {
			fmt.Fprintln(tw, "  "+strings.Join(row, "\t"))
		}
		tw.Flush()
		if t.note != "" {
			fmt.Fprintf(w, "  %s\n", t.note)
		}
	}
	for _, m := range r.NotMeasured {
		fmt.Fprintf(w, "\nNOT MEASURED: %s\n", m)
	}
}

// Markdown writes report.md.
func (r *Report) Markdown(w io.Writer) {
	fmt.Fprintf(w, "# errdex bench report\n\n%s, %s", r.Date, r.machineLine())
	if r.Commit != "" {
		fmt.Fprintf(w, ", commit `%s`", r.Commit)
	}
	fmt.Fprint(w, ".\nMade by `make bench`; the figures are in report.json beside this file.\n")
	for _, t := range r.tables() {
		fmt.Fprintf(w, "\n## %s\n\n", t.title)
		fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(t.head, " | "), strings.Repeat("---|", len(t.head)))
		for _, row := range t.rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = strings.ReplaceAll(c, "|", `\|`)
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		}
		if t.note != "" {
			fmt.Fprintf(w, "\n%s\n", t.note)
		}
	}
	if len(r.NotMeasured) > 0 {
		fmt.Fprint(w, "\n## Not measured\n\n")
		for _, m := range r.NotMeasured {
			fmt.Fprintf(w, "- %s\n", m)
		}
	}
}

func (r *Report) machineLine() string {
	m := r.Machine
	s := fmt.Sprintf("%d CPUs", m.CPUs)
	if m.CPUModel != "" {
		s += " (" + m.CPUModel + ")"
	}
	s += ", " + m.GoVersion + " " + m.GOOS + "/" + m.GOARCH
	node := ""
	if m.Node != "" {
		node = "node " + m.Node
	}
	for _, v := range []string{node, m.Chromium, m.Lighthouse} {
		if v != "" {
			s += ", " + v
		}
	}
	return s
}

func (r *Report) tables() []table {
	var ts []table
	if c := r.Classifier; c != nil {
		t := table{
			title: "Classifier: Diagnose against encoding/json.Unmarshal of the same bytes",
			head:  []string{"case", "bytes", "time/op", "allocs/op", "B/op", "MB/s", "Unmarshal", "ratio"},
			note: "Medians of " + fmt.Sprint(c.runs()) + " runs of `" + c.Command + "`. The floor reads the paste itself where it is JSON, otherwise the paste as one JSON string. " +
				fmt.Sprintf("Linearity (ns per byte, 5 MB log ÷ 200 KB log): %.2f.", c.Linearity),
		}
		row := func(name string, k Case) []string {
			return []string{name, bytesOf(k.Diagnose), dur(k.Diagnose.NsPerOp), num(k.Diagnose.AllocsPerOp), size(k.Diagnose.BytesPerOp), fmt.Sprintf("%.1f", k.Diagnose.MBPerS), dur(k.Floor.NsPerOp), fmt.Sprintf("%.1f×", k.Ratio)}
		}
		for _, k := range c.Cases {
			t.rows = append(t.rows, row(k.Name, k))
		}
		if c.Wasm != nil {
			t.rows = append(t.rows, row(c.Wasm.Name+" (js/wasm, node)", *c.Wasm))
		}
		ts = append(ts, t)
	}
	if w := r.Wasm; w != nil {
		ts = append(ts, table{
			title: "WebAssembly weight: the playground beside a bare syscall/js program",
			head:  []string{"binary", "raw", "gzip -9", "brotli 11"},
			rows: [][]string{
				{"playground (./wasm)", group(w.Playground.Raw), group(w.Playground.Gzip), group(w.Playground.Brotli)},
				{"floor (" + FloorPackage + ")", group(w.Floor.Raw), group(w.Floor.Gzip), group(w.Floor.Brotli)},
				{"ratio", fmt.Sprintf("%.2f×", float64(w.Playground.Raw)/float64(w.Floor.Raw)), fmt.Sprintf("%.2f×", w.GzipRatio), fmt.Sprintf("%.2f×", w.BrotliRatio)},
			},
			note: "Both built in this run with `" + w.Flags + "`. Budget: " + group(w.Budget) + " B gzip (" + group(w.Budget-w.Playground.Gzip) + " B to spare).",
		})
	}
	if len(r.SiteBuild) > 0 {
		t := table{
			title: "Site build: `sitegen build` as a fresh process, with highlighting",
			head:  []string{"catalog", "providers", "codes", "pages", "highlighted blocks", "wall (median)", "per page", "pages/s", "peak RSS"},
			note:  "Each build loads and checks content/, bundles with esbuild, renders Markdown and highlights examples with chroma, builds the search index and catalog.json, checks every link and writes the site. Runs: " + fmt.Sprint(len(r.SiteBuild[0].WallMS)) + " per catalog.",
		}
		for _, s := range r.SiteBuild {
			t.rows = append(t.rows, []string{s.Name, fmt.Sprint(s.Providers), fmt.Sprint(s.Codes), fmt.Sprint(s.Pages), fmt.Sprint(s.Highlighted), fmt.Sprintf("%.0f ms", s.MedianMS), fmt.Sprintf("%.2f ms", s.MSPerPage), fmt.Sprintf("%.0f", s.PagesPerSec), size(float64(s.PeakRSS))})
		}
		ts = append(ts, t)
	}
	if b := r.Browser; b != nil {
		if len(b.Pages) > 0 {
			t := table{
				title: "Page weight: bytes a first visit transfers (gzip, headers included)",
				head:  []string{"page", "requests", "transfer", "without the WASM"},
				note:  "Measured in Chromium with the cache off, served by package serve (gzip, as GitHub Pages does).",
			}
			for _, p := range b.Pages {
				t.rows = append(t.rows, []string{p.Type + " " + p.Path, fmt.Sprint(p.Requests), group64(p.Transfer), group64(p.WithoutWasm)})
			}
			s := b.Search
			t.rows = append(t.rows,
				[]string{"search index (file)", "", group(s.IndexGzip) + " gzip -9", group(s.IndexRaw) + " raw"},
				[]string{fmt.Sprintf("first search (%q)", s.Query), fmt.Sprint(len(s.FirstURLs)), group64(s.FirstBytes), ""})
			ts = append(ts, t)
		}
		if lh := b.Lighthouse; lh != nil {
			t := table{
				title: "Lighthouse " + lh.Version,
				head:  []string{"page", "performance", "accessibility", "best practices", "SEO", "FCP", "LCP", "TBT", "CLS"},
				note:  lh.Settings + ".",
			}
			var failing []string
			for _, p := range lh.Pages {
				m := p.Metrics
				t.rows = append(t.rows, []string{p.Type, fmt.Sprint(p.Scores["performance"]), fmt.Sprint(p.Scores["accessibility"]), fmt.Sprint(p.Scores["best-practices"]), fmt.Sprint(p.Scores["seo"]),
					ms(m["first-contentful-paint"]), ms(m["largest-contentful-paint"]), ms(m["total-blocking-time"]), fmt.Sprintf("%.3f", m["cumulative-layout-shift"])})
				for _, f := range p.Failing {
					failing = append(failing, p.Type+": "+f)
				}
			}
			if len(failing) > 0 {
				t.note += " Audits that cost points: " + strings.Join(failing, "; ") + "."
			}
			ts = append(ts, t)
		}
		if fd := b.FirstDiagnosis; len(fd.RunsMS) > 0 {
			runs := make([]string, len(fd.RunsMS))
			for i, v := range fd.RunsMS {
				runs[i] = fmt.Sprintf("%.0f", v)
			}
			ts = append(ts, table{
				title: "Playground: time to first diagnosis",
				head:  []string{"example", "median", "runs (ms)"},
				rows:  [][]string{{fd.Example, fmt.Sprintf("%.0f ms", fd.MedianMS), strings.Join(runs, ", ")}},
				note:  "From navigation to a filled diagnosis panel, pasting as soon as the document is parsed; a first visit each run (cache off), no CPU or network throttling.",
			})
		}
		if len(b.LargePastes) > 0 {
			ts = append(ts, largePasteTable(b.LargePastes))
		}
	}
	t := table{title: "Targets", head: []string{"target", "where it stands", "met"}}
	for _, g := range r.Targets {
		met := "not measured"
		if g.Met != nil {
			met = map[bool]string{true: "yes", false: "NO"}[*g.Met]
		}
		t.rows = append(t.rows, []string{g.Goal, g.Stands, met})
	}
	return append(ts, t)
}

// largePasteTable is the time to diagnosis of the large pastes.
func largePasteTable(lps []LargePaste) table {
	t := table{
		title: "Playground: time to diagnosis of large pastes",
		head:  []string{"paste", "bytes", "lines", "paste to painted diagnosis", "longest stall", "category", "show all: painted, longest stall"},
		note: "From filling the box (its input event, as a paste fires; the 200 ms pause in typing included) to the frame after the filled panel, in a playground whose classifier is ready; no throttling. " +
			"A stall is a time the page's thread could not run a 20 ms timer (so could not answer a click or a key). Show all: a click on the panel's first shortened value.",
	}
	for _, lp := range lps {
		took, stall, show := fmt.Sprintf("%.0f ms", lp.MS), fmt.Sprintf("%.0f ms", lp.LongestStallMS), ""
		if lp.TimedOut {
			took, stall = fmt.Sprintf("over %.0f s (gave up)", lp.TimeoutS), "the whole wait"
		}
		if lp.RevealMS > 0 {
			show = fmt.Sprintf("%.0f ms, %.0f ms", lp.RevealMS, lp.RevealStallMS)
		}
		t.rows = append(t.rows, []string{lp.What, group(lp.Bytes), group(lp.Lines), took, stall, lp.Category, show})
	}
	return t
}

func (c *Classifier) runs() int {
	if len(c.Cases) == 0 {
		return 0
	}
	return c.Cases[0].Diagnose.Runs
}

func bytesOf(r Result) string {
	if r.PasteBytes > 0 {
		return size(float64(r.PasteBytes))
	}
	if r.MBPerS == 0 {
		return ""
	}
	return size(r.MBPerS * 1e6 * r.NsPerOp / 1e9)
}

// dur formats nanoseconds.
func dur(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func ms(v float64) string { return fmt.Sprintf("%.0f ms", v) }

func num(v float64) string { return fmt.Sprintf("%.0f", v) }

// size formats bytes in binary units.
func size(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

// group writes n with thousands separators, as sitegen's reports do.
func group(n int) string { return wasmbin.Group(n) }

func group64(n int64) string { return wasmbin.Group(int(n)) }

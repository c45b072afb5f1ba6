package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Env is where a bench run happens: the repository, the output directory
// and the tools found on this machine.
type Env struct {
	Root     string // repository root
	Out      string // build/bench
	Chromium string // path, or "" when not found
	Node     string // node's version, or "" when not found
	Log      func(format string, args ...any)
}

// Machine describes the machine a report was measured on.
type Machine struct {
	CPUs       int    `json:"cpus"`
	CPUModel   string `json:"cpu_model"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	GoVersion  string `json:"go_version"`
	Node       string `json:"node,omitempty"`
	Chromium   string `json:"chromium,omitempty"`
	Lighthouse string `json:"lighthouse,omitempty"`
}

// Describe reads the machine's figures.
func (e *Env) Describe(ctx context.Context) Machine {
	m := Machine{CPUs: runtime.NumCPU(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, Node: e.Node}
	if v, err := e.run(ctx, nil, "go", "env", "GOVERSION"); err == nil {
		m.GoVersion = strings.TrimSpace(string(v))
	}
	if e.Chromium != "" {
		if v, err := exec.CommandContext(ctx, e.Chromium, "--version").Output(); err == nil {
			m.Chromium = strings.TrimSpace(string(v))
		}
	}
	m.CPUModel = cpuModel()
	return m
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// NodeVersion returns `node --version`, or "" without node.
func NodeVersion(ctx context.Context) string {
	v, err := exec.CommandContext(ctx, "node", "--version").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(v))
}

// run runs a command in the repository root with extra environment and
// returns its stdout; a failure carries its stderr.
func (e *Env) run(ctx context.Context, env []string, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = e.Root
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.Bytes(), nil
}

func (e *Env) logf(format string, args ...any) {
	if e.Log != nil {
		e.Log(format, args...)
	}
}

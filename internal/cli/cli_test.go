package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/classify"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin io.Reader, env map[string]string, tty bool, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Env{
		Stdin: stdin, Stdout: &out, Stderr: &errb, TTY: tty,
		Getenv: func(k string) string { return env[k] },
	})
	return result{code, out.String(), errb.String()}
}

const body = `{"code": 6, "error": "not_enough_balance"}`

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "paste.txt")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		r := run(t, nil, nil, false, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "errdex diagnose [--json] [FILE]") {
			t.Errorf("%v: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
	r := run(t, nil, nil, false, "diagnose", "-h")
	if r.code != 0 || !strings.Contains(r.stdout, "Usage: errdex diagnose") {
		t.Errorf("diagnose -h: exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"diagnose", "--nope"}, {"diagnose", "a", "b"}} {
		r := run(t, strings.NewReader(""), nil, false, args...)
		if r.code != 2 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, r.code, r.stderr)
		}
	}
}

func TestDiagnoseJSONFile(t *testing.T) {
	r := run(t, nil, nil, false, "diagnose", "--json", writeFile(t, body))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"provider", "confidence", "candidates", "status", "code", "message", "category", "retry", "reference", "fix", "redactions"} {
		if _, ok := got[k]; !ok {
			t.Errorf("--json output lacks %q", k)
		}
	}
	if got["provider"] != "clore" || got["code"] != "not_enough_balance" || got["category"] != "payment" {
		t.Errorf("got provider=%v code=%v category=%v", got["provider"], got["code"], got["category"])
	}
	retry := got["retry"].(map[string]any)
	if retry["retryable"] != false || retry["wait_seconds"] != nil {
		t.Errorf("retry = %v", retry)
	}
}

func TestDiagnoseStdin(t *testing.T) {
	for _, args := range [][]string{{"diagnose", "--json"}, {"diagnose", "--json", "-"}} {
		r := run(t, strings.NewReader(body), nil, false, args...)
		if r.code != 0 || !strings.Contains(r.stdout, `"code":"not_enough_balance"`) {
			t.Errorf("%v: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
}

func TestUnrecognisedInputExitsZero(t *testing.T) {
	r := run(t, strings.NewReader("lunch at 12?"), nil, false, "diagnose")
	if r.code != 0 || !strings.Contains(r.stdout, "No API error found") {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
	r = run(t, strings.NewReader(""), nil, false, "diagnose", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"category":"unknown"`) {
		t.Errorf("empty: exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestUnreadableFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.txt")
	r := run(t, nil, nil, false, "diagnose", missing)
	if r.code != 2 || !strings.Contains(r.stderr, "cannot read "+missing) {
		t.Errorf("missing file: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, nil, nil, false, "diagnose", t.TempDir())
	if r.code != 2 || !strings.Contains(r.stderr, "directory") {
		t.Errorf("directory: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestOversizeInput(t *testing.T) {
	big := strings.Repeat("a", classify.MaxInput+1)
	r := run(t, strings.NewReader(big), nil, false, "diagnose", "--json")
	if r.code != 2 || !strings.Contains(r.stderr, "larger than 8 MiB") || r.stdout != "" {
		t.Errorf("oversize stdin: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, nil, nil, false, "diagnose", writeFile(t, big))
	if r.code != 2 {
		t.Errorf("oversize file: exit %d", r.code)
	}
	// exactly MaxInput is fine
	r = run(t, strings.NewReader(big[:classify.MaxInput]), nil, false, "diagnose", "--json")
	if r.code != 0 {
		t.Errorf("MaxInput bytes: exit %d, %s", r.code, r.stderr)
	}
}

func TestColour(t *testing.T) {
	in := "HTTP/1.1 429 Too Many Requests\nRetry-After: 3\n\n" + `{"error":{"code":429,"message":"Too Many Requests","metadata":{}}}`
	tty := run(t, strings.NewReader(in), nil, true, "diagnose")
	if !strings.Contains(tty.stdout, "\x1b[") || !strings.Contains(tty.stdout, "after 3 s") {
		t.Errorf("terminal output has no colour or no wait:\n%s", tty.stdout)
	}
	noColor := run(t, strings.NewReader(in), map[string]string{"NO_COLOR": "1"}, true, "diagnose")
	pipe := run(t, strings.NewReader(in), nil, false, "diagnose")
	for _, r := range []result{noColor, pipe} {
		if strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("colour despite NO_COLOR or a pipe:\n%s", r.stdout)
		}
	}
	if !strings.Contains(pipe.stdout, "Cline · 429 · HTTP 429") || !strings.Contains(pipe.stdout, "Reference  cline/429/") {
		t.Errorf("human output:\n%s", pipe.stdout)
	}
}

func TestNoSecretsPrinted(t *testing.T) {
	in := "> Authorization: Bearer sk-test-FAKEFAKEFAKE1234567890\n< HTTP/1.1 401 Unauthorized\n<\n" + `{"error":{"code":"unauthorized","message":"Invalid or missing API key"}}`
	for _, args := range [][]string{{"diagnose"}, {"diagnose", "--json"}} {
		r := run(t, strings.NewReader(in), nil, false, args...)
		if strings.Contains(r.stdout, "FAKEFAKE") {
			t.Errorf("%v printed the secret:\n%s", args, r.stdout)
		}
	}
}

func TestSeveralErrors(t *testing.T) {
	in := "2026-11-23T09:00:05Z ERROR POST https://api.clipia.ai/v1/queue/flux-pro status=402 " + `{"error":{"type":"invalid_request_error","code":"insufficient_credits","message":"Not enough credits for this generation. Please top up your balance."}}` + "\n" +
		"2026-11-23T09:00:09Z ERROR GET https://aitbc.bubuit.net/api/v1/jobs/job-77 status=404 " + `{"detail": "Job job-77 not found", "error_code": "JOB_NOT_FOUND"}` + "\n"
	r := run(t, strings.NewReader(in), nil, false, "diagnose")
	if !strings.Contains(r.stdout, "AITBC · JOB_NOT_FOUND") || !strings.Contains(r.stdout, "Other errors in the paste\n  line 1      Clipia · insufficient_credits · payment · retry no\n") {
		t.Errorf("human output:\n%s", r.stdout)
	}
	r = run(t, strings.NewReader(in), nil, false, "diagnose", "--json")
	var got struct {
		Line   int `json:"line"`
		Errors []struct {
			Code string `json:"code"`
			Line int    `json:"line"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || got.Line != 2 || len(got.Errors) != 2 || got.Errors[0].Code != "insufficient_credits" || got.Errors[1].Line != 2 {
		t.Errorf("--json: %v %+v", err, got)
	}
}

func TestRootCause(t *testing.T) {
	in := `{"code":"stream_initialization_failed","message":"Failed to create stream: request failed with status 400: {\"error\":{\"message\":\"This model's maximum context length is 204800 tokens.\",\"code\":400}}"}`
	r := run(t, strings.NewReader(in), nil, false, "diagnose")
	for _, want := range []string{
		"category   context_length   (from the root cause; stream_initialization_failed itself is upstream)",
		"root cause context_length, in message (escaped JSON): HTTP 400: \"This model's maximum context length is 204800 tokens.\"",
		"retry      no",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("human output lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestClientsTable checks the terminal view's clients table: one row per
// client rule, those that disagree with the documented rule first.
func TestClientsTable(t *testing.T) {
	r := run(t, strings.NewReader("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 300\r\n\r\nslow down\n"), nil, false, "diagnose")
	_, table, ok := strings.Cut(r.stdout, "What your client would do")
	if !ok {
		t.Fatalf("no clients table:\n%s", r.stdout)
	}
	table, _, _ = strings.Cut(table, "\n\n")
	rows := strings.Split(table, "\n")[1:]
	if len(rows) < 10 {
		t.Fatalf("%d rows:\n%s", len(rows), table)
	}
	giveUp, agree := -1, -1
	for i, row := range rows {
		f := strings.Fields(row)
		switch f[0] {
		case "openai-python":
			giveUp = i
			if f[1] != "no" || f[2] != "×1" || !strings.HasSuffix(row, "gives up") {
				t.Errorf("openai-python row %q", row)
			}
		case "go-retryablehttp":
			agree = i
			if f[1] != "yes" || f[2] != "×5" || !strings.Contains(row, "retry-after: 300") || !strings.HasSuffix(row, "agrees") {
				t.Errorf("go-retryablehttp row %q", row)
			}
		}
	}
	if giveUp < 0 || agree < 0 || giveUp > agree {
		t.Errorf("disagreements are not first:\n%s", table)
	}
	if r := run(t, strings.NewReader(body), nil, false, "diagnose"); !strings.Contains(r.stdout, "What your client would do") {
		t.Error("no clients table for a catalog error")
	}
}

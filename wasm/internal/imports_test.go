//go:build !js

package internal

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports checks that the stand-ins, built for GOOS=js GOARCH=wasm, do
// not depend on the packages they stand in for, nor on the other heavy
// ones the browser build avoids. (Their tests may: they are not in the
// binary. Natively, textx uses package strings.)
func TestImports(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	cmd := exec.Command(goTool, "list", "-deps", "./...")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	for _, bad := range []string{"strings", "unicode", "strconv", "time", "fmt", "encoding/json", "encoding/base64",
		"net/http", "regexp", "reflect", "text/template", "html/template"} {
		for _, d := range deps {
			if d == bad {
				t.Errorf("the packages of wasm/internal import %s (for GOOS=js GOARCH=wasm); keep it out of the browser build", bad)
			}
		}
	}
}

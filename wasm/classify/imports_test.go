//go:build !js

package classify

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports keeps the browser build small: every package under wasm/
// (the glue, the catalog, the classifier and the stand-ins of
// wasm/internal), built for GOOS=js GOARCH=wasm, must not depend on fmt,
// encoding/json, net/http, regexp or reflect-heavy encoders, nor on
// strings, unicode, strconv, time or encoding/base64, which the packages of
// wasm/internal stand in for (their tests may: tests are not in the
// binary; natively, textx uses package strings). unicode/utf8 is allowed:
// it weighs nothing.
func TestImports(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	cmd := exec.Command(goTool, "list", "-deps", "github.com/errdex/errdex/wasm/...")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	for _, bad := range []string{"fmt", "encoding/json", "net/http", "regexp", "text/template", "html/template",
		"time", "strings", "unicode", "strconv", "reflect", "encoding/base64"} {
		for _, d := range deps {
			if d == bad {
				t.Errorf("the browser build imports %s (for GOOS=js GOARCH=wasm); keep it out of the browser build", bad)
			}
		}
	}
}

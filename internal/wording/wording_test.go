package wording

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestGeneratedTypeScriptIsCurrent(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("..", "..", TSFile))
	if err != nil {
		t.Fatalf("%v: run make gen", err)
	}
	if !bytes.Equal(got, TS()) {
		t.Errorf("%s is stale: run make gen", TSFile)
	}
}

func TestWaitSeconds(t *testing.T) {
	for s, want := range map[float64]string{60: "60 s", 1.5: "1.5 s", 0.25: "0.25 s"} {
		if got := WaitSeconds(s); got != want {
			t.Errorf("WaitSeconds(%v) = %q, want %q", s, got, want)
		}
	}
}

package classify

import (
	"strings"
	"testing"
)

// TestLines checks lineReader and joinLines against strings.Split.
func TestLines(t *testing.T) {
	for _, s := range append(textSamples(), "a\r\nb\rc\n", "\r", "\n\n", "x\r\r\n") {
		var lines []string
		for lr := (lineReader{rest: s}); ; {
			line, ok := lr.next()
			if !ok {
				break
			}
			lines = append(lines, line)
		}
		want := strings.Split(s, "\n")
		for k := range want {
			want[k] = strings.TrimSuffix(want[k], "\r")
		}
		if strings.Join(lines, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("lines of %q = %q, want %q", s, lines, want)
		}
		if got, want := joinLines(s), strings.Join(want, "\n"); got != want {
			t.Errorf("joinLines(%q) = %q, want %q", s, got, want)
		}
	}
}

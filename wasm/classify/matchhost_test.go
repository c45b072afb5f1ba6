package classify

import (
	"testing"

	"github.com/errdex/errdex/content/model"
)

// TestMatchHostIsTheModels: matchHost, written for size, agrees with
// model.MatchHost on every catalog host pattern and on hosts around them.
func TestMatchHostIsTheModels(t *testing.T) {
	pats := []string{"api.openai.com", "*.example.com", "bedrock-runtime.*.amazonaws.com",
		"*-aiplatform.googleapis.com", "aiplatform.*.rep.googleapis.com", "a*b.c"}
	for i := range std.cat.Providers {
		pats = append(pats, std.cat.Providers[i].Detect.Hosts...)
	}
	hosts := []string{"api.openai.com", "x.api.openai.com", "xapi.openai.com", "openai.com",
		"example.com", "a.example.com", "a.b.example.com",
		"bedrock-runtime.us-east-1.amazonaws.com", "x.bedrock-runtime.us-east-1.amazonaws.com",
		"bedrock-runtime..amazonaws.com", "bedrock-runtime.amazonaws.com", "xbedrock-runtime.us.amazonaws.com",
		"bedrock-runtime.us.east.amazonaws.com", "us-central1-aiplatform.googleapis.com",
		"-aiplatform.googleapis.com", "aiplatform.googleapis.com", "a.us-central1-aiplatform.googleapis.com",
		"aiplatform.us-east4.rep.googleapis.com", "ab.c", "axb.c", "x.axxb.c", "b.c", "a.b.c",
		"generativelanguage.googleapis.com", "fake-resource.openai.azure.com", ""}
	for _, p := range pats {
		for _, h := range hosts {
			if got, want := matchHost(p, h), model.MatchHost(p, h); got != want {
				t.Errorf("matchHost(%q, %q) = %v, model.MatchHost says %v", p, h, got, want)
			}
		}
	}
}

package model_test

import (
	"testing"

	"github.com/errdex/errdex/content/model"
)

func TestHeaderCode(t *testing.T) {
	for in, want := range map[string]string{
		"ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/": "ThrottlingException",
		"aws.protocols#ThrottlingException":                                        "ThrottlingException",
		"com.amazon.coral.service#ValidationException:http://x/":                   "ValidationException",
		" AccessDeniedException ":                                                  "AccessDeniedException",
		"":                                                                         "",
	} {
		if got := model.HeaderCode(in); got != want {
			t.Errorf("HeaderCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchHost(t *testing.T) {
	for _, c := range []struct {
		pattern, host string
		want          bool
	}{
		{"api.openai.com", "api.openai.com", true},
		{"openai.azure.com", "myres.openai.azure.com", true}, // a plain host matches its subdomains
		{"openai.azure.com", "notopenai.azure.com", false},
		{"*.openai.azure.com", "myres.openai.azure.com", true},
		{"*.openai.azure.com", "a.b.openai.azure.com", true},
		{"*.openai.azure.com", "openai.azure.com", false}, // "*." is subdomains only
		{"bedrock-runtime.*.amazonaws.com", "bedrock-runtime.us-east-1.amazonaws.com", true},
		{"bedrock-runtime.*.amazonaws.com", "bedrock-runtime.amazonaws.com", false},
		{"bedrock-runtime.*.amazonaws.com", "bedrock.us-east-1.amazonaws.com", false},
		{"*-aiplatform.googleapis.com", "us-central1-aiplatform.googleapis.com", true},
		{"*-aiplatform.googleapis.com", "aiplatform.googleapis.com", false},
		{"*-aiplatform.googleapis.com", "-aiplatform.googleapis.com", false},
		{"api.x.ai", "x.ai", false},
	} {
		if got := model.MatchHost(c.pattern, c.host); got != c.want {
			t.Errorf("MatchHost(%q, %q) = %v, want %v", c.pattern, c.host, got, c.want)
		}
	}
}

func TestLastRead(t *testing.T) {
	p := &model.Provider{Docs: []model.Link{{Read: "2026-11-23"}, {Read: "2026-12-02"}, {Read: "2026-01-15"}}}
	if got := p.LastRead(); got != "2026-12-02" {
		t.Errorf("LastRead = %q", got)
	}
	if got := (&model.Provider{}).LastRead(); got != "" {
		t.Errorf("LastRead without docs = %q", got)
	}
}

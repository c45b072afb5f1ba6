package search

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestBuild(t *testing.T) {
	data, err := Build([]Entry{
		{Doc: Doc{Kind: "code", Code: "JOB_NOT_FOUND", Provider: "AITBC", Title: "Job not found", Status: "404", URL: "/x/aitbc/job_not_found/"},
			Text: "The job does not exist."},
		{Doc: Doc{Kind: "code", Code: "rate_limit_exceeded", Aliases: []string{"ratelimitexceeded"}, Provider: "ClawHosters", Title: "Too many requests", Status: "429", URL: "/x/c/r/"},
			Text: "Slow down; the job waits."},
	})
	if err != nil {
		t.Fatal(err)
	}
	var ix Index
	if err := json.Unmarshal(data, &ix); err != nil {
		t.Fatal(err)
	}
	if ix.Version != Version || len(ix.Docs) != 2 {
		t.Fatalf("version %d, %d docs", ix.Version, len(ix.Docs))
	}
	if got, want := ix.Docs[0].Norms, []string{"job not found"}; !reflect.DeepEqual(got, want) {
		t.Errorf("norms %q, want %q", got, want)
	}
	if got, want := ix.Docs[1].Norms, []string{"rate limit exceeded", "ratelimitexceeded"}; !reflect.DeepEqual(got, want) {
		t.Errorf("norms %q, want %q", got, want)
	}
	for tok, want := range map[string][]int{"job": {0}, "found": {0}, "many": {1}} {
		if got := ix.Title[tok]; !reflect.DeepEqual(got, want) {
			t.Errorf("title[%q] = %v, want %v", tok, got, want)
		}
	}
	// "job" is in both texts, once each; provider names are text too.
	if got := ix.Text["job"]; !reflect.DeepEqual(got, []int{0, 1}) {
		t.Errorf("text[job] = %v", got)
	}
	// A CamelCase name is indexed whole and in parts.
	for _, tok := range []string{"clawhosters", "claw", "hosters"} {
		if got := ix.Text[tok]; !reflect.DeepEqual(got, []int{1}) {
			t.Errorf("text[%s] = %v", tok, got)
		}
	}
	again, _ := Build([]Entry{{Doc: ix.Docs[0]}, {Doc: ix.Docs[1]}})
	if again2, _ := Build([]Entry{{Doc: ix.Docs[0]}, {Doc: ix.Docs[1]}}); string(again) != string(again2) {
		t.Error("Build is not deterministic")
	}
}

package classify

import (
	"strings"
	"testing"
)

func TestRedactUserinfo(t *testing.T) {
	tests := []struct {
		in, secret, kind, want string
	}{
		{"https://user:s3cretFAKEpass@api.example.com/v1/x", "s3cretFAKEpass", "url_userinfo",
			"https://user:[redacted]@api.example.com/v1/x"},
		{"GET http://sk-FAKEFAKEFAKEFAKE@host/", "FAKEFAKEFAKEFAKE", "url_userinfo", "GET http://sk-[redacted]@host/"},
		{"https://Qx7Wv6Ut5Sr4Pq3@api.example.com/", "Qx7Wv6Ut5Sr4Pq3", "url_userinfo", "https://[redacted]@api.example.com/"},
		{"db=postgres://u:FAKEpw@db:5432/x", "FAKEpw", "url_userinfo", "db=postgres://u:[redacted]@db:5432/x"},
		{"wss://u:FAKEws@stream.example.com/", "FAKEws", "url_userinfo", "wss://u:[redacted]@stream.example.com/"},
		{"redis://:FAKEredis@cache:6379", "FAKEredis", "url_userinfo", "redis://:[redacted]@cache:6379"},
		{`{"url":"https:\/\/u:FAKEesc@host\/x"}`, "FAKEesc", "url_userinfo", `{"url":"https:\/\/u:[redacted]@host\/x"}`},
		{`{"url":"https://u:p@ss:FAKE@host/x"}`, "ss:FAKE", "url_userinfo", `{"url":"https://u:[redacted]@host/x"}`},
		{"curl -u user:FAKEpass https://x", "FAKEpass", "curl_user", "curl -u user:[redacted] https://x"},
		{"curl -uuser:FAKEpass https://x", "FAKEpass", "curl_user", "curl -uuser:[redacted] https://x"},
		{"curl --user user:FAKEpass https://x", "FAKEpass", "curl_user", "curl --user user:[redacted] https://x"},
		{"curl --user=user:FAKEpass https://x", "FAKEpass", "curl_user", "curl --user=user:[redacted] https://x"},
		{"curl -u 'user:FAKE pass' https://x", "FAKE pass", "curl_user", "curl -u 'user:[redacted]' https://x"},
		{`curl -u "user:FAKEpass" https://x`, "FAKEpass", "curl_user", `curl -u "user:[redacted]" https://x`},
		{`{"cmd":"curl -u \"user:FAKEpass\" https://x"}`, "FAKEpass", "curl_user", `{"cmd":"curl -u \"user:[redacted]\" https://x"}`},
		{"curl -u :FAKEtoken https://x", "FAKEtoken", "curl_user", "curl -u :[redacted] https://x"},
		{"curl -u sk_test_FAKE4eC39HqLyjWDar: https://x", "FAKE4eC39HqLyjWDar", "curl_user", "curl -u sk_test_[redacted]: https://x"},
		{"curl -u Qx7Wv6Ut5Sr4Pq3 https://x", "Qx7Wv6Ut5Sr4Pq3", "curl_user", "curl -u [redacted] https://x"},
		{"curl --proxy-user bob:FAKEproxy https://x", "FAKEproxy", "curl_user", "curl --proxy-user bob:[redacted] https://x"},
		{"curl -U bob:FAKEproxy https://x", "FAKEproxy", "curl_user", "curl -U bob:[redacted] https://x"},
		{"curl -s \\\n  -H 'Accept: x' \\\n  -u user:FAKEpass \\\n  https://x", "FAKEpass", "curl_user",
			"curl -s \\\n  -H 'Accept: x' \\\n  -u user:[redacted] \\\n  https://x"},
		{"C:\\> curl.exe ^\n  -u user:FAKEpass https://x", "FAKEpass", "curl_user", "C:\\> curl.exe ^\n  -u user:[redacted] https://x"},
	}
	for _, tt := range tests {
		out, reds, _ := std.redactText(tt.in)
		if out != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.in, out, tt.want)
		}
		if strings.Contains(out, tt.secret) {
			t.Errorf("redact(%q) = %q: secret kept", tt.in, out)
		}
		if len(reds) != 1 || reds[0].Kind != tt.kind {
			t.Errorf("redact(%q) recorded %v, want one %s", tt.in, reds, tt.kind)
		}
		for _, r := range reds {
			if strings.Contains(r.Where, tt.secret) {
				t.Errorf("redaction %v names the secret", r)
			}
		}
		// scrubbing text decoded later masks the same
		if got := std.scrub(tt.in, nil); strings.Contains(got, tt.secret) {
			t.Errorf("std.scrub(%q) = %q: secret kept", tt.in, got)
		}
	}
}

func TestRedactUserinfoKeepsOrdinaryText(t *testing.T) {
	for _, in := range []string{
		"write to support@example.com",
		"mailto:a@b.c",
		"git clone git@github.com:org/repo.git",
		"https://host/@user and https://host/x?email=a@b.com#@frag",
		"ftp://anonymous@ftp.example.com/pub",
		"https://user:$PASS@host https://user:${PASS}@host https://user:<password>@host https://user:****@host",
		"https://user:@host",
		"ls -u file; sort -u x; ps -u deploy:staff",
		"echo hi \\\n  -u user:notcurl",
		"curl -s https://x\nsort -u user:pass",
		"libcurl -u bob:pw",
		"curl --user-agent 'x:y' https://x",
		"curl -u bob https://x",
		"curl -u apikey: https://x",
		`curl -u "$USER:$PASS" https://x`,
	} {
		out, reds, _ := std.redactText(in)
		if out != in || len(reds) > 0 {
			t.Errorf("redact(%q) = %q, %v; want unchanged", in, out, reds)
		}
	}
}

func TestRedactUserinfoRepeats(t *testing.T) {
	in := "curl -u user:FAKElongpassword https://x\nhttps://u:FAKEurlpassword@h/\nlater FAKElongpassword and FAKEurlpassword again"
	out, reds, values := std.redactText(in)
	if strings.Contains(out, "FAKElongpassword") || strings.Contains(out, "FAKEurlpassword") {
		t.Fatalf("repeat kept: %q", out)
	}
	if len(values) != 2 {
		t.Fatalf("values = %d, want 2", len(values))
	}
	if len(reds) != 4 || reds[2].Kind != "repeat" || reds[3].Kind != "repeat" {
		t.Fatalf("redactions = %v", reds)
	}
}

// A curl user value that is not a user:password (an unclosed quote, a
// blank in the user name) is read on as usual: a key in it is still masked.
func TestRedactCurlUserReadsOn(t *testing.T) {
	for _, in := range []string{
		"curl -u 'bob -H X-Api-Key=sk-proj-Abc123Def456Ghi789Jkl https://x",
		"curl -u 'bob sk-proj-Abc123Def456Ghi789Jkl:x' https://x",
	} {
		out, _, _ := std.redactText(in)
		if strings.Contains(out, "Abc123Def456Ghi789Jkl") {
			t.Errorf("key kept: %q", out)
		}
	}
}

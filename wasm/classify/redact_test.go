package classify

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		in, secret, kind string
	}{
		{"Authorization: Bearer abcdefgh12345678", "abcdefgh12345678", "credential_header"},
		{"> authorization: Bearer oc_live_ABC123def456", "ABC123def456", "credential_header"},
		{"-H 'X-Api-Key: 0123456789abcdefXYZ'", "0123456789abcdefXYZ", "credential_header"},
		{"auth: 3fA9kQ2mZ7xW4pL8nB6vC1dR5tY0uE2s", "3fA9kQ2mZ7xW4pL8nB6vC1dR5tY0uE2s", "secret_field"},
		{`{"name": "Cookie", "value": "sid=abc123456789"}`, "sid=abc123456789", "cookie"},
		{`Set-Cookie: session=Zz9Yy8Xx7Ww6; Path=/`, "session=Zz9Yy8Xx7Ww6", "cookie"},
		{`{'api_key': 'q1w2e3r4t5y6u7i8'}`, "q1w2e3r4t5y6u7i8", "secret_field"},
		{`GET /v1/models?key=AIzaSyAbCdEf0123456789aBcDeF0123456789x&alt=json`, "AbCdEf0123456789aBcDeF0123456789x", "secret_field"},
		{`message: invalid key sk-proj-Abc123Def456Ghi789Jkl`, "Abc123Def456Ghi789Jkl", "key_prefix"}, // OpenAI documents "sk-"
		{`token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz`, "eyJhbGciOiJIUzI1NiJ9", "secret_field"},
		{`"password": "hunter2"`, "hunter2", "secret_field"},
		{`{\"Authorization\":\"Bearer Qx7Wv6Ut5Sr4\"}`, "Qx7Wv6Ut5Sr4", "credential_header"},
		{"clipia_test_FAKE0123456789", "FAKE0123456789", "key_prefix"},
	}
	for _, tt := range tests {
		out, reds, _ := std.redactText(tt.in)
		if strings.Contains(out, tt.secret) {
			t.Errorf("redact(%q) = %q: secret kept", tt.in, out)
		}
		if len(reds) == 0 || reds[0].Kind != tt.kind {
			t.Errorf("redact(%q) recorded %v, want first kind %s", tt.in, reds, tt.kind)
		}
		for _, r := range reds {
			if strings.Contains(r.Where, tt.secret) {
				t.Errorf("redaction %v names the secret", r)
			}
		}
	}
}

func TestRedactKeepsOrdinaryText(t *testing.T) {
	for _, in := range []string{
		`{"max_tokens": 1024, "total_tokens": 2048}`,
		`[401] invalid_api_key: Key revoked`,
		`{"code": "invalid_api_key", "message": "Key revoked"}`,
		`Authorization: Bearer $CLIPIA_KEY`,
		`auth: failed to refresh session`,
		`"text": "eyJjb2RlIjogNn0="`, // base64 JSON, not a JWT
		`x-request-id: req_9a8b7c6d5e`,
	} {
		out, reds, _ := std.redactText(in)
		if out != in || len(reds) > 0 {
			t.Errorf("redact(%q) = %q, %v; want unchanged", in, out, reds)
		}
	}
}

func TestRedactRepeats(t *testing.T) {
	in := "Authorization: Bearer Qx7Wv6Ut5Sr4Pq3\nlater the app logged Qx7Wv6Ut5Sr4Pq3 again"
	out, reds, _ := std.redactText(in)
	if strings.Contains(out, "Qx7Wv6Ut5Sr4Pq3") {
		t.Fatalf("repeat kept: %q", out)
	}
	if len(reds) != 2 || reds[1].Kind != "repeat" {
		t.Fatalf("redactions = %v", reds)
	}
}

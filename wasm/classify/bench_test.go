package classify

import (
	"strings"
	"testing"
)

func BenchmarkDiagnose(b *testing.B) {
	typical := `{"error":{"type":"invalid_request_error","code":"insufficient_credits","message":"Not enough credits for this generation. Please top up your balance."},"request":{"model":"flux-pro","prompt":"` + strings.Repeat("a lighthouse at dusk, ", 36) + `"}}`
	curlV := "* Connected to api.clipia.ai (104.21.48.7) port 443\n> POST /v1/queue/flux-pro HTTP/2\n> Host: api.clipia.ai\n> Authorization: Bearer clipia_test_FAKEa1b2c3d4e5f6g7h8\n>\n< HTTP/2 429\n< retry-after: 12\n< content-type: application/json\n<\n" +
		`{"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`
	var sse strings.Builder
	for i := 0; i < 40; i++ {
		sse.WriteString(`data: {"id":"gen-1","choices":[{"index":0,"delta":{"content":"token "},"finish_reason":null}]}` + "\n\n")
	}
	sse.WriteString(`data: {"id":"gen-1","choices":[{"index":0,"delta":{},"finish_reason":"error","error":{"code":"rate_limit","message":"Rate limit hit during generation."}}]}` + "\n\n")
	for _, bc := range []struct{ name, in string }{
		{"json_1KB", typical},
		{"curl_v", curlV},
		{"sse", sse.String()},
		{"log_200KB", bigLog(200 << 10)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				Diagnose(bc.in, Options{})
			}
		})
	}
}

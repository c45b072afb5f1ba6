package classify

import (
	"strings"
	"testing"
)

func TestReadValue(t *testing.T) {
	tests := []struct {
		in        string
		want      string // compact rendering
		truncated bool
	}{
		{`{"a": 1, "b": [true, null, "x"]}`, `{"a":1,"b":[true,null,"x"]}`, false},
		{`{'a': True, 'b': None, 'c': 'it\'s'}`, `{"a":true,"b":null,"c":"it's"}`, false},
		{`{ error: { code: 429, message: 'Too many' } }`, `{"error":{"code":429,"message":"Too many"}}`, false},
		{`{"a"=>1, "b"=>"x"}`, `{"a":1,"b":"x"}`, false},
		{`{"a": 1,}`, `{"a":1}`, false},
		{`{"s": "\u00e9\ud83d\ude00"}`, `{"s":"é😀"}`, false},
		{`{'b': b'bytes', "x": 1e3}`, `{"b":"bytes","x":1e3}`, false},
		{`APIError { status: 429 }`, ``, false}, // a class name alone is a bare word, not an object here
		{`{"a": {"b": "cut`, `{"a":{"b":"cut"}}`, true},
		{`{"a": [1, 2`, `{"a":[1,2]}`, true},
		{`{"a":`, `{}`, true},
		{`(status_code=429, body={'error': {'code': 'x'}}, response=<Response [429]>)`, `{"status_code":429,"body":{"error":{"code":"x"}},"response":"\u003cResponse [429]\u003e"}`, false},
		{`(a == b)`, ``, false}, // a comparison, not keyword arguments
		{`{ err: RateLimitError(status=429, type=None), u: Headers({"a": "b"}) }`, `{"err":{"status":429,"type":null},"u":{"a":"b"}}`, false},
		{`{ f: [Function: validateStatus], o: [Object], [Symbol(kHeaders)]: [Object: null prototype] { a: 'b' } }`, `{"f":"[Function: validateStatus]","o":"[Object]","[Symbol(kHeaders)]":{"a":"b"}}`, false},
		{`{ request: <ref *1> ClientRequest { path: '/v1' }, headers: Object [AxiosHeaders] { 'retry-after': '2' } }`, `{"request":{"path":"/v1"},"headers":{"retry-after":"2"}}`, false},
	}
	for _, tt := range tests {
		b := &budget{left: 1 << 20}
		p, ok := readValue(tt.in, strings.IndexAny(tt.in, "{[("), b)
		if tt.want == "" {
			continue
		}
		if !ok {
			t.Errorf("readValue(%q) failed", tt.in)
			continue
		}
		if got := compact(p.n, 1000); got != tt.want || p.truncated != tt.truncated {
			t.Errorf("readValue(%q) = %s (truncated %v), want %s (%v)", tt.in, got, p.truncated, tt.want, tt.truncated)
		}
	}
}

func TestReadValueDepthAndBudget(t *testing.T) {
	deep := strings.Repeat("[", 100000)
	if _, ok := readValue(deep, 0, &budget{left: 1 << 30}); ok {
		t.Error("nesting beyond maxDepth was accepted")
	}
	if _, ok := readValue(`{"a": "`+strings.Repeat("x", 1000)+`"}`, 0, &budget{left: 100}); ok {
		t.Error("budget was not enforced")
	}
}

func TestEmbeddedLevels(t *testing.T) {
	one := `{"error":{"message":"upstream: {\"error_code\":\"JOB_EXPIRED\",\"detail\":\"Job expired\"}"}}`
	a := unwrap(one)
	if len(a.layers) != 2 || strOf(a.layers[1].doc.get("error_code")) != "JOB_EXPIRED" {
		t.Fatalf("one level: layers = %d", len(a.layers))
	}
	escaped := `log: {\"error\":{\"code\":\"forbidden\",\"message\":\"Access denied\"}}`
	a = unwrap(escaped)
	if len(a.layers) == 0 || strOf(a.layers[0].doc.get("error").get("code")) != "forbidden" {
		t.Fatalf("escaped line: %+v", a.layers)
	}
}

# errdex: see README.md. Every target runs from the repository root.
GO       ?= go
BASE     ?= /errdex/
ADDR     ?= localhost:8080
SITE_OUT ?= build/site
WASM_OUT ?= build/wasm/errdex.wasm
WASM_EXEC = $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec

.PHONY: all check gen wasm size site serve test test-deps test-short test-ts test-go test-wasm fuzz bench bench-deps bench-record

all: test

## check: validate content/ and print every problem as file:line
check:
	$(GO) run ./cmd/sitegen check

## gen: regenerate wasm/catalog/data_gen.go, decode_gen.go and content/urls.txt from content/,
## and site/ts/gen/wording.ts from internal/wording
## (sitegen is built with the tag catalogstub, without the generated files:
## a stale decoder cannot stop their regeneration)
gen:
	$(GO) run -tags=catalogstub ./cmd/sitegen gen

## wasm: the playground's WebAssembly binary. -gcflags=all=-l (no inlining)
## costs some speed the browser does not notice and saves ~70 KB gzip;
## -tags=fetchcatalog leaves out the catalog, which the page fetches;
## GOEXPERIMENT=nogreenteagc takes Go's single-threaded-friendly previous GC
## (11 KB gzip less). The flags are those of internal/wasmbin, which sitegen
## uses without -wasm.
wasm:
	@mkdir -p $(dir $(WASM_OUT))
	GOOS=js GOARCH=wasm GOEXPERIMENT=nogreenteagc $(GO) build -trimpath -tags=fetchcatalog -gcflags=all=-l -ldflags='-s -w' -o $(WASM_OUT) ./wasm

## size: print the binary's raw and gzip size; fail over the 700 KB gzip budget
size: wasm
	@$(GO) run ./cmd/sitegen size $(WASM_OUT)

## site: the static site in build/site, as GitHub Pages serves it under $(BASE)
site: size
	$(GO) run ./cmd/sitegen build -base $(BASE) -out $(SITE_OUT) -wasm $(WASM_OUT)

## serve: build everything and serve it at http://$(ADDR)$(BASE)
serve: size
	$(GO) run ./cmd/sitegen serve -base $(BASE) -addr $(ADDR) -out $(SITE_OUT) -wasm $(WASM_OUT)

## bench: the figures that matter beside their floors and targets, in one
## run (a few minutes): a table on stdout, build/bench/report.md and
## report.json. Not part of make test. BENCHFLAGS passes flags to cmd/bench
## (e.g. BENCHFLAGS='-only classifier,wasm -count 3').
BENCHFLAGS ?=
bench: bench-deps
	$(GO) run ./cmd/bench $(BENCHFLAGS)

## bench-record: keep the latest report in .github/bench/, which the README links
bench-record:
	@test -f build/bench/report.json || { echo "no build/bench/report.json: run make bench first"; exit 1; }
	mkdir -p .github/bench
	cp build/bench/report.md build/bench/report.json .github/bench/

## bench-deps: install chromium, node, npm and Lighthouse where missing
bench-deps:
	@.ci/deps bench

## test: everything CI runs. It first installs what the tests need and the
## machine lacks (test-deps), so a fresh clone needs no other step.
test: test-deps check size test-ts test-go test-wasm

## test-deps: Debian's chromium, node and npm (apt-get, as root or with
## password-less sudo) and site/'s locked npm packages (axe-core): the same
## step .ci/run uses. It installs nothing that is already there.
test-deps:
	@.ci/deps test

## test-ts: type-check the front end with the locked TypeScript (strict,
## site/tsconfig.json). The build itself only strips types (esbuild).
test-ts: test-deps
	site/node_modules/.bin/tsc --noEmit -p site

## test-short: the edit loop: content check and go test -short, which skips
## the browser suites, the bench's builds and the large-input tests. Needs Go
## alone. make test runs everything.
test-short: check
	$(GO) vet ./...
	$(GO) test -short ./...

test-go:
	$(GO) vet ./...
	$(GO) test ./...

## test-wasm: the classifier's tests compiled to js/wasm and run by node
test-wasm:
	GOOS=js GOARCH=wasm GOEXPERIMENT=nogreenteagc $(GO) test -exec="$(WASM_EXEC)" ./wasm/...

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./content -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/classify -run '^$$' -fuzz FuzzDiagnose -fuzztime $(FUZZTIME)

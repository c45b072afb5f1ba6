# errdex: see README.md. Every target runs from the repository root.
GO ?= go

.PHONY: all check gen test test-go fuzz

all: test

## check: validate content/ and print every problem as file:line
check:
	$(GO) run ./cmd/sitegen check

## gen: regenerate wasm/catalog/data_gen.go and content/urls.txt from content/
gen:
	$(GO) run ./cmd/sitegen gen

## test: everything CI runs
test: check test-go

test-go:
	$(GO) vet ./...
	$(GO) test ./...

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./content -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME)

# qanda: the single entry point for building, testing and measuring.
GO       ?= go
BIN      := bin/qanda
SHARED   ?= ../shared
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)
FUZZTIME ?= 60s
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: all build test lint demo eval eval-scores eval-ablate eval-zoo bench bench-cli fuzz golden clean batch-bench bench-beam screenshot

all: build test

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/qanda

## test: format check, vet and every test (no network, no ../shared needed)
test:
	@fmt=$$(gofmt -l cmd pkg internal examples e2e beam); if [ -n "$$fmt" ]; then echo "gofmt needed:"; echo "$$fmt"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	cd e2e && $(GO) vet ./... && $(GO) test -count=1 -timeout 5m ./...
	cd beam && $(GO) vet ./... && $(GO) test -count=1 -timeout 5m ./...

## screenshot: the desk's README screenshot, taken by its browser test
screenshot:
	cd e2e && QANDA_SCREENSHOT=$(abspath docs/desk.png) $(GO) test -count=1 -run TestDeskInBrowser ./...

lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	cd e2e && $(GO) run $(STATICCHECK) ./...
	cd beam && $(GO) run $(STATICCHECK) ./...

## demo: run qanda on the bundled founding page
demo:
	@$(GO) run ./cmd/qanda extract --format md testdata/insider-hajizada.txt

## golden: rewrite golden files after an intended output change (review the diff!)
golden:
	$(GO) test ./pkg/qanda ./pkg/render -run Golden -update

## eval: score against the hand-made ground truth in ../shared (skipped if absent): pairs on
## gold and gold-text, main text on ASB, trafilatura's pages as HTML and as w3m text dumps,
## and the HTML gold as w3m dumps wrapped at 60, 80 and 132 columns; and the
## calibration of the exchanges' confidence on gold and gold-text: accuracy and
## mean confidence per band, expected calibration error, Brier score (tools/calibrate.py)
eval: build
	@if [ ! -d "$(SHARED)/eval" ]; then echo "eval: $(SHARED) not found, nothing to score"; \
	else $(MAKE) --no-print-directory eval-scores; fi

# eval-scores is eval's work, once ../shared is known to be there.
eval-scores:
	python3 $(SHARED)/eval/score.py --run '$(BIN) extract --format json {input}' $(SHARED)/gold
	python3 $(SHARED)/eval/score.py --run '$(BIN) extract --format json {input}' $(SHARED)/gold-text
	python3 tools/calibrate.py --bin $(BIN) --shared $(SHARED)
	python3 $(SHARED)/eval/extract_score.py --run '$(BIN) extract --format json {input}' $(SHARED)/corpus/asb
	@if command -v w3m >/dev/null; then \
	  python3 $(SHARED)/eval/traf_score.py $(SHARED)/corpus/traf --run '$(BIN) extract --format json {input}' && \
	  python3 $(SHARED)/eval/traf_score.py $(SHARED)/corpus/traf --as-text --run '$(BIN) extract --format json {input}' && \
	  python3 tools/gold_at_width.py --bin $(BIN) --shared $(SHARED) --cols 60,80,132; \
	else echo "eval: w3m not found, skipping traf_score.py and the widths (they render pages with w3m: apt-get install w3m)"; fi

## eval-zoo: the format zoo (pkg/qanda/zoo_test.go): synthetic transcripts
## (testdata/zoo) rendered in every markup convention, as HTML and as a text
## dump (w3m if on PATH, else a Go imitation), scored as score.py scores;
## prints pair F1 per convention. No network, no ../shared needed.
eval-zoo:
	@out=$$($(GO) test -count=1 -run TestFormatZoo -v ./pkg/qanda 2>&1); rc=$$?; \
	if [ $$rc -ne 0 ]; then printf '%s\n' "$$out"; exit $$rc; fi; \
	printf '%s\n' "$$out" | awk '/zoo_test.go:[0-9]+: (text dumps by|w3m is not)/ || /format zoo, pair scores/ {on = 1} \
	  on && /^(=== RUN|    --- PASS|--- PASS)/ {next} on {print} /zoo_test.go:[0-9]+: (text dumps by|w3m is not)/ {on = 0}'

## eval-ablate: switch each cleaning rule and interview format off in turn;
## print the change in pair F1, answer F1, leak docs (gold, gold-text) and
## ASB F1, the zoo, corpus/traf as HTML and as w3m dumps, and the pages each
## fires on (tools/ablate.py; about 25 minutes)
ABLATE_JOBS ?= 2
eval-ablate: build
	@if [ ! -d "$(SHARED)/eval" ]; then echo "eval-ablate: $(SHARED) not found, nothing to score"; else \
	python3 tools/ablate.py --bin $(BIN) --shared $(SHARED) --jobs $(ABLATE_JOBS); fi

## bench: per-stage Go benchmarks, then the corpus benchmark against the peers
## (bench/peers, its own module; one core, medians of BENCH_PASSES passes over
## $(SHARED)/corpus/asb, skipped when absent)
BENCH_PASSES ?= 5
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	@if [ ! -d "$(SHARED)/corpus/asb/html" ]; then \
	  echo "bench: $(SHARED)/corpus/asb not found, skipping the corpus benchmark against the peers"; \
	else \
	  cd bench/peers && $(GO) run . -corpus "$(abspath $(SHARED))/corpus/asb" -passes $(BENCH_PASSES); \
	fi

## bench-cli: whole processes over the ASB pages, medians of BENCH_ROUNDS rounds in
## rotating order: qanda's CLI (default, --no-site-boilerplate, --jobs 2) against
## go-trafilatura and go-readability (bench/peers -process) and a process that only
## reads and gunzips, with the ratios net of that reading (tools/bench_cli.py)
BENCH_ROUNDS ?= 9
bench-cli: build
	@if [ ! -d "$(SHARED)/corpus/asb" ]; then echo "bench-cli: $(SHARED)/corpus/asb not found, nothing to time"; else \
	cd bench/peers && $(GO) build -o $(abspath bin/peers) . && cd ../.. && \
	python3 tools/bench_cli.py --bin $(BIN) --peers bin/peers --corpus $(SHARED)/corpus/asb --rounds $(BENCH_ROUNDS); fi

## batch-bench: generate BATCH_DOCS documents, run --jobs 1 and --jobs 2; report peak RSS, speedup, byte-identity
BATCH_DOCS ?= 10000
batch-bench:
	QANDA_BATCH_BENCH=$(BATCH_DOCS) $(GO) test -count=1 -timeout 60m -run '^TestBatchBench$$' -v ./cmd/qanda

## bench-beam: BEAM_DOCS generated small records (50 hosts, site learning on)
## through qanda-beam on Prism; prints wall time and peak RSS (/usr/bin/time -v)
BEAM_DOCS ?= 100000
BEAM_BENCH_DIR ?= /tmp/qanda-bench-beam
bench-beam:
	cd beam && $(GO) build -o ../bin/qanda-beam ./cmd/qanda-beam
	rm -rf $(BEAM_BENCH_DIR) && mkdir -p $(BEAM_BENCH_DIR)
	awk -v n=$(BEAM_DOCS) 'BEGIN { for (i = 0; i < n; i++) \
	  printf "{\"id\":\"doc-%d\",\"url\":\"https://h%d.example.org/p/%d\",\"html\":\"<h1>Talk %d</h1><p>Shared line of host %d.</p><p><b>Why number %d?</b></p><p>Because it follows %d.</p>\"}\n", i, i % 50, i, i, i % 50, i, i - 1 }' \
	  > $(BEAM_BENCH_DIR)/in.jsonl
	/usr/bin/time -v bin/qanda-beam --records $(BEAM_BENCH_DIR)/in.jsonl --learn-records --output $(BEAM_BENCH_DIR)/out \
	  2> $(BEAM_BENCH_DIR)/time.txt || { tail -20 $(BEAM_BENCH_DIR)/time.txt; exit 1; }
	@echo "documents written: $$(cat $(BEAM_BENCH_DIR)/out/part-*.jsonl | wc -l) of $(BEAM_DOCS)"
	@grep -E 'Elapsed \(wall|Maximum resident' $(BEAM_BENCH_DIR)/time.txt

## fuzz: run every fuzz target for FUZZTIME each, package by package (go test
## -list finds the targets); -fuzzminimizetime bounds the minimisation of new
## inputs, which otherwise can stall a run for minutes. The first failure stops
## the loop and leaves the crasher in the package's testdata/fuzz/.
FUZZMINIMIZE ?= 10s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  targets=$$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); \
	  for f in $$targets; do \
	    echo "== $$pkg $$f ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg; \
	  done; \
	done

clean:
	rm -rf bin

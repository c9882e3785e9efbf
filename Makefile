# lvscope — build, demo, tests, benchmarks, lab.
# `make demo` and `make test` work on a fresh Debian machine with Swift installed:
# they install the system packages they need first (apt-get, as root or with sudo).

SWIFT      ?= swift
RELEASE    := .build/release/lvscope
SUDO       := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
DEMO_DIR   := Reports/out/demo

.PHONY: all build demo test deps test-deps bench lab clean

all: build

deps:
	@pkg-config --exists libpcap 2>/dev/null || { \
	  echo "lvscope: installing libpcap-dev"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpcap-dev pkg-config; }

# Tools the tests use besides libpcap: tshark/capinfos (oracles), tcpdump, nftables,
# iproute2, ethtool (the live lab scenario), chromium (the HTML report check).
test-deps: deps
	@missing=""; \
	for t in tshark:tshark tcpdump:tcpdump nft:nftables ip:iproute2 ethtool:ethtool python3:python3; do \
	  command -v $${t%%:*} >/dev/null 2>&1 || missing="$$missing $${t#*:}"; done; \
	if [ -n "$$missing" ]; then echo "lvscope: installing$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

# The Swift runtime is linked in (--static-swift-stdlib): the binary runs on a director
# or real server without Swift installed, and starts in about 4 ms instead of 6.5 (no
# shared Swift libraries to load and relocate), which a CI job calling it per capture feels.
# The linker's "use of `mktemp' is dangerous" comes from the toolchain's static
# FoundationEssentials (a function lvscope never calls), not from lvscope's sources.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product lvscope

DEMO_SCENARIO := Fixtures/captures/nat-wrong-gateway
DEMO_CAPTURES := client=$(DEMO_SCENARIO)/client.pcap director-eth0=$(DEMO_SCENARIO)/director-eth0.pcap \
                 director-eth1=$(DEMO_SCENARIO)/director-eth1.pcap rs1=$(DEMO_SCENARIO)/rs1.pcap \
                 rs2=$(DEMO_SCENARIO)/rs2.pcap router2=$(DEMO_SCENARIO)/router2.pcap
DEMO_CONFIG   := Fixtures/config/nat-wrong-gateway.ipvsadm

# Analyzes a misconfigured lab scenario (rs2's default route bypasses the NAT director)
# and writes the text, JSON and HTML reports under Reports/out/demo/.
demo: build
	@mkdir -p $(DEMO_DIR)
	$(RELEASE) decode --summary Fixtures/captures/nat-ok/director-any.pcap
	$(RELEASE) analyze --config $(DEMO_CONFIG) --output $(DEMO_DIR)/nat-wrong-gateway.txt $(DEMO_CAPTURES)
	$(RELEASE) analyze --config $(DEMO_CONFIG) --format json --output $(DEMO_DIR)/nat-wrong-gateway.json $(DEMO_CAPTURES)
	$(RELEASE) analyze --config $(DEMO_CONFIG) --format html --output $(DEMO_DIR)/report.html $(DEMO_CAPTURES)
	@cat $(DEMO_DIR)/nat-wrong-gateway.txt
	@echo "lvscope: reports written to $(DEMO_DIR)/nat-wrong-gateway.txt and $(DEMO_DIR)/nat-wrong-gateway.json"
	@echo "lvscope: HTML report: $(abspath $(DEMO_DIR)/report.html)"

# Builds everything with tests, fails on any warning in our own sources, runs the test
# suite, then opens every golden HTML report in headless Chromium (skipped with a message
# when chromium is not installed).
test: test-deps
	@$(SWIFT) build --build-tests 2>&1 | tee .build-warnings.log | grep -E '(error|warning):' || true
	@! grep -E '^/.*/(Sources|Tests)/.*: (warning|error):' .build-warnings.log
	@rm -f .build-warnings.log
	$(SWIFT) test
	Reports/tools/check_html.sh

bench: build
	Benchmarks/run.py

lab:
	$(SUDO) Fixtures/lab/lab.sh --all

clean:
	rm -rf .build Reports/out

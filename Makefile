# FeedFlipNets. The two commands of the README:
#   make reproduce   the paper build on the default profile (installs packages, release build)
#   make test        the test suite (installs packages, release build)
SWIFT ?= swift
PROFILE ?= full
BIN := .build/release/feedflip

.PHONY: deps build reproduce test clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release

reproduce: build
	$(BIN) build --profile $(PROFILE)

test: deps
	$(SWIFT) build -c release
	FEEDFLIP_DATA=$${FEEDFLIP_DATA:-$(CURDIR)/../shared/data} $(SWIFT) test -c release --disable-swift-testing

clean:
	rm -rf .build

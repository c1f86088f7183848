# FeedFlipNets. The two commands of the README:
#   make reproduce   the paper build on the default profile (installs packages, release build,
#                    finds or fetches the datasets, trains, renders figures, writes the report)
#   make test        the test suite (installs packages, release build)
SWIFT ?= swift
PROFILE ?= full
BIN := .build/release/feedflip
# Datasets: $FEEDFLIP_DATA if set, else ../shared/data beside the checkout when present,
# else the per-user cache that `feedflip fetch` fills.
SHARED_DATA := $(abspath $(CURDIR)/../shared/data)
DATA ?= $(or $(FEEDFLIP_DATA),$(if $(wildcard $(SHARED_DATA)/mnist),$(SHARED_DATA),))

.PHONY: deps build data reproduce test clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release

# Fetches MNIST and TinyStories into the cache unless a data folder is known.
data: build
	@if [ -z "$(DATA)" ]; then $(BIN) fetch mnist && $(BIN) fetch tinystories; fi

reproduce: data
	FEEDFLIP_DATA="$(DATA)" $(BIN) build --profile $(PROFILE)

test: deps
	$(SWIFT) build -c release --build-tests
	FEEDFLIP_DATA="$(or $(DATA),$(SHARED_DATA))" $(SWIFT) test -c release --skip-build --disable-swift-testing

clean:
	rm -rf .build

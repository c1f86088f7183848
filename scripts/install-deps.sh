#!/usr/bin/env bash
# Installs the Debian packages FeedFlipNets needs, only those missing (idempotent, non-interactive).
# Build: libopenblas-dev libcairo2-dev zlib1g-dev libssl-dev fonts-dejavu-core
# Report and its checks: latexmk texlive-latex-recommended lmodern (the report's fonts; a Recommends
# that --no-install-recommends leaves out) cmark-gfm poppler-utils; downloads: curl
# Tests of --dataset fashion-mnist: dataset-fashion-mnist (Debian ships the data)
set -euo pipefail
packages=(libopenblas-dev libcairo2-dev zlib1g-dev libssl-dev fonts-dejavu-core pkg-config curl
          latexmk texlive-latex-recommended lmodern cmark-gfm poppler-utils dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

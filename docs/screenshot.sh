#!/usr/bin/env bash
# Renders the HTML report of the corpus in headless Chromium and saves a screenshot of it to
# docs/report.png (the picture in the README). Installs Debian's chromium where it is missing.
# Not part of `cargo test`: it needs a browser.
#
#   bash docs/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
cargo build --release --quiet
target/release/horizon ingest >/dev/null
target/release/horizon report --out target/report.html
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1200,2600 \
    --screenshot="$PWD/docs/report.png" "file://$PWD/target/report.html" 2>/dev/null
rm -rf "$profile"
echo "docs/report.png from target/report.html"

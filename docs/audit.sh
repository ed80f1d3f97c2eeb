#!/usr/bin/env bash
# Opens every page of `horizon serve` in headless Chromium, saves a screenshot of each to
# docs/screens/ (the README shows them) and runs axe-core (WCAG 2.0 and 2.1, levels A and AA) on
# it, writing what axe found to docs/accessibility.json and a summary to stdout. Installs Debian's
# chromium where it is missing, and puppeteer-core and axe-core from the npm registry into a
# temporary folder. Not part of `cargo test`: it needs a browser and the network.
#
#   bash docs/audit.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
tools=$(mktemp -d)
(cd "$tools" && npm install --silent --no-audit --no-fund puppeteer-core axe-core >/dev/null)
cargo build --release --quiet
target/release/horizon ingest >/dev/null
port=8097
target/release/horizon serve --port "$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tools"' EXIT
for _ in $(seq 50); do
    (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.2
done
mkdir -p docs/screens
NODE_PATH="$tools/node_modules" node docs/audit.js "http://127.0.0.1:$port" docs/screens docs/accessibility.json

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
said=$(mktemp)
# Any free port, read back from the server's first line, so no other server answers in its place.
target/release/horizon serve --port 0 2>"$said" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tools" "$said"' EXIT
address=""
for _ in $(seq 50); do
    address=$(grep -o 'http://127.0.0.1:[0-9]*' "$said" || true)
    [ -n "$address" ] && break
    sleep 0.2
done
[ -n "$address" ] || { cat "$said"; exit 1; }
mkdir -p docs/screens
NODE_PATH="$tools/node_modules" node docs/audit.js "$address" docs/screens docs/accessibility.json

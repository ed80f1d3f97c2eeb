#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time and prints what libFuzzer tried and found.
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`); seeds each target with real
# inputs from the corpus.
#
#   bash benches/cargo-fuzz/run.sh          # 60 seconds a target
#   SECONDS_EACH=600 bash benches/cargo-fuzz/run.sh
set -uo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_EACH:-60}
root=../..
for target in repair analyzer manifest lexicon query pdf; do
    seeds=$(mktemp -d)
    case $target in
        repair|analyzer) split -l 40 "$root/corpus/nvs-midterm-review-2021.txt" "$seeds/seed-" ;;
        manifest) cp "$root/corpus/manifest.csv" "$seeds/" ;;
        lexicon) cp "$root/corpus/lexicon/"*.csv "$seeds/" ;;
        pdf) cp "$root/tests/fixtures/pdf/typst/"*.pdf "$root/tests/fixtures/pdf/bad/"*.pdf "$seeds/" ;;
        query) printf '%s\n' 'cyberaanvallen' '"nationale veiligheid"' '(Rusland OR China) AND NOT spionage' > "$seeds/queries" ;;
    esac
    log=$(mktemp)
    cargo +nightly fuzz run --fuzz-dir . "$target" "$seeds" -- -max_total_time="$seconds" >"$log" 2>&1
    status=$?
    runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1)
    crashes=$(grep -c 'ERROR: libFuzzer\|panicked at' "$log")
    echo "$target: ${runs:-0} inputs in ${seconds}s, exit $status, crashes $crashes"
    [ "$crashes" -gt 0 ] && grep -m3 'panicked at' "$log"
    rm -rf "$seeds" "$log"
done

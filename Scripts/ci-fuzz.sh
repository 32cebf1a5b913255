#!/usr/bin/env bash
# CI: a short, bounded libFuzzer run over the template parser and render with random
# JSON (the 10-minute runs are recorded in Docs/Fuzzing.md). Fails on any crash, hang
# or out-of-memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/fuzz.sh "${VANBAN_FUZZ_SECONDS:-60}"
echo "fuzz: ${VANBAN_FUZZ_SECONDS:-60} s, no findings"

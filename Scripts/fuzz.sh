#!/bin/sh
# Fuzz the template parser and render-with-random-JSON with libFuzzer.
#   Scripts/fuzz.sh [SECONDS] [extra libFuzzer flags…]     (default 60 seconds)
# Builds the FuzzTemplate product with -sanitize=fuzzer into .build/fuzz (a separate
# scratch path, so the normal debug build is untouched), seeds the corpus from the
# shipped templates and fixtures, and runs. Exit status: 0 when nothing was found.
# Leak detection is off: LeakSanitizer misreads Swift's packed pointers (enum payloads
# with spare bits) as leaks; memory growth is still bounded by -rss_limit_mb.
# Crashing inputs are written to .build/fuzz/artifacts/; replay one with
#   swift run FuzzTemplate .build/fuzz/artifacts/crash-…
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
[ $# -gt 0 ] && shift
SCRATCH=.build/fuzz
swift build -c release --scratch-path "$SCRATCH" --product FuzzTemplate \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DVANBAN_LIBFUZZER -Xswiftc -use-ld=lld >&2
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/FuzzTemplate
CORPUS=$SCRATCH/corpus
mkdir -p "$CORPUS" "$SCRATCH/artifacts"
# Seeds: byte 0 chooses the mode (even: template, odd: data).
for f in Templates/*.xml Templates/_parts/*.xml Fixtures/errors/templates/*.xml; do
    name=$(echo "$f" | tr '/' '_')
    { printf '\000'; cat "$f"; } > "$CORPUS/t_$name"
done
for f in Fixtures/seed-binh-duong-2022/*.json Fixtures/errors/data/valid.json Fixtures/errors/data/inconsistent.json \
         Fixtures/errors/data/legacy-*.json Fixtures/errors/data/nfd.json Fixtures/errors/data/malformed.json; do
    name=$(echo "$f" | tr '/' '_')
    { printf '\001'; cat "$f"; } > "$CORPUS/d_$name"
done
# The committed corpus (Fixtures/fuzz): structure-aware seeds (first byte 2: deep and
# repetitive templates and data) and every input that once crashed or hung.
cp Fixtures/fuzz/* "$CORPUS"/
# ASan's own leak check at exit has the same false positives.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
exec "$BIN" "$CORPUS" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="$SCRATCH/artifacts/" -print_final_stats=1 "$@"

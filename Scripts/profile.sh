#!/usr/bin/env bash
# Instruction counts per document, per format, with callgrind (stable on a busy machine).
#
#   Scripts/profile.sh [FORMAT…]          default: text html fodt
#
# For each format it runs `vanban bench --workloads render --jobs 1` under callgrind
# twice, with N=LO and N=HI renders, and prints (Ir(HI) - Ir(LO)) / (HI - LO): the
# instructions of one render + write, with start-up and template compilation cancelled
# out. The HI profile is kept in $OUT/callgrind.FORMAT.out and annotated (inclusive and
# self) in $OUT/FORMAT.inclusive.txt and $OUT/FORMAT.self.txt.
# Environment: LO (default 10), HI (default 60), OUT (default .build/profile),
# BIN (default .build/release/vanban; the script builds it when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
LO=${LO:-10}
HI=${HI:-60}
OUT=${OUT:-.build/profile}
BIN=${BIN:-.build/release/vanban}
mkdir -p "$OUT"
[ -x "$BIN" ] || swift build -c release
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(text html fodt)

total() { # callgrind output file → total Ir
  grep -E '^(summary|totals):' "$1" | head -1 | awk '{print $2}'
}

printf '%-6s %14s %14s %14s\n' format "Ir N=$LO" "Ir N=$HI" "Ir/doc"
for f in "${formats[@]}"; do
  for n in "$LO" "$HI"; do
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$f.$n.out" \
      "$BIN" bench --n "$n" --formats "$f" --workloads render --jobs 1 --no-single-core >/dev/null 2>"$OUT/valgrind.$f.$n.log"
  done
  lo=$(total "$OUT/callgrind.$f.$LO.out")
  hi=$(total "$OUT/callgrind.$f.$HI.out")
  printf '%-6s %14d %14d %14d\n' "$f" "$lo" "$hi" $(( (hi - lo) / (HI - LO) ))
  mv "$OUT/callgrind.$f.$HI.out" "$OUT/callgrind.$f.out"
  rm -f "$OUT/callgrind.$f.$LO.out"
  callgrind_annotate --inclusive=yes "$OUT/callgrind.$f.out" 2>/dev/null | head -80 >"$OUT/$f.inclusive.txt" || true
  callgrind_annotate "$OUT/callgrind.$f.out" 2>/dev/null | head -60 >"$OUT/$f.self.txt" || true
done

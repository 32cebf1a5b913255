#!/usr/bin/env bash
# The issue-20 targets as ratios measured in one run (see Docs/Performance.md).
#
#   Benchmarks/run.sh [N]        N = records of the batch rows (default 10000)
#   BIG=100000 Benchmarks/run.sh also the peak-RSS row at 100 000 records (text only)
#
# Builds the release binary (as shipped), needs python3 with jinja2, GNU time (/usr/bin/time).
# Times are never asserted anywhere: this prints figures and ratios, nothing fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
bin=.build/release/vanban
# Built as Scripts/install.sh and the Debian package ship it: release, the Swift runtime and
# Foundation linked statically (a whole-process render then resolves no Swift shared library).
swift build -c release --static-swift-stdlib --product vanban >/dev/null
data=Fixtures/seed-binh-duong-2022/giay-moi.json
work="$(mktemp -d "${TMPDIR:-/tmp}/vanban-benchmarks.XXXXXX")"
trap 'rm -rf "$work"' EXIT
gtime() { /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@"; cat "$work/time"; }   # wall user sys maxRSS(KiB)

members() {   # members N FILE: a recipients CSV of N rows
    python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", encoding="utf-8") as f:
    f.write("recipient\n")
    for i in range(1, n + 1): f.write("Hội thành viên số %d tỉnh Bình Dương\n" % i)
PY
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

echo
echo "== HTML per document: VanBan / Jinja2 (target <= 0.5)"
read -r subs jinja vanban ratio < <(python3 Benchmarks/jinja2_html.py "$bin" "$data" giay-moi 2000 | tr ';' ' ' | awk '{print $1, $3, $4, $5}')
echo "jinja2 $jinja ms, vanban $vanban ms (CPU, one thread; $subs substitutions, byte-identical): ratio $ratio"

echo
echo "== ODT per document: VanBan / relatorio (target <= 0.05)"
py="${PYTHON:-python3}"   # PYTHON=/path/to/venv/bin/python when relatorio is in a virtual environment
if "$py" -c 'import relatorio' 2>/dev/null; then
    read -r subs rel vanban ratio < <("$py" Benchmarks/relatorio_odt.py "$bin" "$data" giay-moi 100 | tr ';' ' ' | awk '{print $1, $3, $4, $5}')
    echo "relatorio $rel ms, vanban $vanban ms (CPU, one thread; $subs substitutions, same text): ratio $ratio"
else
    echo "not measured: relatorio is not installed for $py (pip install relatorio, or set PYTHON)"
fi

echo
echo "== whole-process render of one document (target <= 15 ms CPU)"
# user + sys of 20 runs in a row, divided by 20: one run's GNU time figure has a 10 ms
# tick and reads low or high by as much as the target's margin.
for f in text html fodt; do
    TIMEFORMAT="%U %S"
    read -r u s < <( { time (for _ in $(seq 20); do "$bin" render giay-moi "$data" -f "$f" -o "$work/one.$f" 2>/dev/null; done) ; } 2>&1 )
    python3 -c "print('render $f: %.1f ms CPU (user + sys of 20 runs / 20)' % (($u + $s) * 1000 / 20))"
done

echo
echo "== vanban batch of $N records x text,html,fodt vs cp -r of the same files (target <= 3x, <= 10 s wall)"
members "$N" "$work/members.csv"
read -r bw bu bs brss < <(gtime "$bin" batch giay-moi "$data" --recipients "$work/members.csv" --out "$work/out" -f text,html,fodt 2>/dev/null)
sync
read -r cw _ _ _ < <(gtime cp -r "$work/out" "$work/copy")
sync
python3 -c "print('batch %.2f s wall (%.2f s CPU, peak RSS %.1f MB); cp -r %.2f s; ratio %.2f' % ($bw, $bu + $bs, $brss / 1024, $cw, $bw / max($cw, 0.01)))"
rm -rf "$work/out" "$work/copy"

echo
echo "== peak RSS of vanban batch by size, text only so the rows compare (target: flat within 1.2x, <= 100 MB)"
sizes="1000 $N"
[ -n "${BIG:-}" ] && sizes="$sizes $BIG"
first=""
for n in $sizes; do
    members "$n" "$work/m$n.csv"
    read -r w _ _ rss < <(gtime "$bin" batch giay-moi "$data" --recipients "$work/m$n.csv" --out "$work/o$n" -f text 2>/dev/null)
    first="${first:-$rss}"
    python3 -c "print('batch $n records (text): peak RSS %.1f MB, %.1f s wall; %.2fx the first row' % ($rss / 1024, $w, $rss / $first))"
    rm -rf "$work/o$n"
done

#!/usr/bin/env bash
# Measures reading a 10 000-row recipients list as .xlsx (written by openpyxl and by
# LibreOffice), .ods and CSV: `vanban batch … --shard 10000/10000` reads and prepares
# every record but renders only the last, so the differences between the forms are
# the reading. Prints /usr/bin/time -v's wall time and peak memory for each.
# Needs: a release build (swift build -c release), python3 with openpyxl, soffice (Calc).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${VANBAN_BIN:-$root/.build/release/vanban}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import csv, datetime, sys, openpyxl
out = sys.argv[1]
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Sheet1")
header = ["recipient", "number", "meeting.date", "meeting.start", "meeting.venue"]
rows = [header]
ws.append(header)
for i in range(10000):
    venue = "Hội trường B" if i % 3 == 0 else None
    ws.append([f"Hội thành viên số {i + 1} tỉnh Bình Dương", 1000 + i, datetime.date(2022, 12, 13), datetime.time(8, 0), venue])
    rows.append([f"Hội thành viên số {i + 1} tỉnh Bình Dương", str(1000 + i), "2022-12-13", "08:00", venue or ""])
wb.save(f"{out}/members-10000-openpyxl.xlsx")
with open(f"{out}/members-10000.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(rows)
PY
for fmt in xlsx ods; do
    soffice --headless "-env:UserInstallation=file://$tmp/profile" --infilter="CSV:44,34,76,1,,1033,false,true" \
        --convert-to "$fmt" --outdir "$tmp/lo" "$tmp/members-10000.csv" >/dev/null 2>&1
    cp "$tmp/lo/members-10000.$fmt" "$tmp/members-10000-libreoffice.$fmt"
done
for f in members-10000.csv members-10000-openpyxl.xlsx members-10000-libreoffice.xlsx members-10000-libreoffice.ods; do
    rm -rf "$tmp/out"
    /usr/bin/time -v "$bin" batch giay-moi "$root/Fixtures/seed-binh-duong-2022/giay-moi.json" \
        --recipients "$tmp/$f" --out "$tmp/out" --format text --shard 10000/10000 --jobs 1 \
        2>"$tmp/time.txt" >/dev/null || true
    wall=$(grep "Elapsed (wall clock)" "$tmp/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$tmp/time.txt" | awk '{print $NF}')
    cpu=$(awk -F": " '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$tmp/time.txt")
    printf '%-34s %8s bytes  wall %s  cpu %ss  peak RSS %s KiB\n' "$f" "$(stat -c %s "$tmp/$f")" "$wall" "$cpu" "$rss"
done

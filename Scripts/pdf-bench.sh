#!/usr/bin/env bash
# PDF cost per document in a batch of 150 invitations: VanBan's batch (LibreOffice
# started once per worker) against one LibreOffice start per document, side by side.
# Usage: Scripts/pdf-bench.sh [VANBAN_BINARY]   (default .build/debug/vanban)
# Prints /usr/bin/time -v summaries; the figures are in Docs/PDF.md.
set -euo pipefail
cd "$(dirname "$0")/.."
vanban="${1:-.build/debug/vanban}"
work="$(mktemp -d "${TMPDIR:-/tmp}/vanban-pdf-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 150 recipients: the 23 seed members, then again with "(bản 2)", "(bản 3)" … appended.
python3 - "$work/members150.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open("Fixtures/seed-binh-duong-2022/members.csv", encoding="utf-8-sig")))
names = [r["recipient"] for r in rows]
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["recipient"])
    for i in range(150):
        n, k = names[i % len(names)], i // len(names)
        w.writerow([n if k == 0 else f"{n} (bản {k + 1})"])
PY
data=Fixtures/seed-binh-duong-2022/giay-moi.json

echo "== flat ODT only (the part of the PDF batch that is VanBan's own)"
/usr/bin/time -v "$vanban" batch giay-moi "$data" --recipients "$work/members150.csv" --out "$work/fodt" --format fodt 2>&1 >/dev/null \
    | grep -E "Elapsed|User time|System time|Maximum resident"

echo "== vanban batch --format pdf (LibreOffice started once per worker)"
/usr/bin/time -v "$vanban" batch giay-moi "$data" --recipients "$work/members150.csv" --out "$work/pdf" --format pdf 2>&1 >/dev/null \
    | grep -E "Elapsed|User time|System time|Maximum resident"
ls "$work/pdf"/*.pdf | wc -l

echo "== one soffice --convert-to pdf per document (private profile, made warm first)"
profile="file://$work/profile"
soffice -env:UserInstallation="$profile" --headless --norestore --convert-to pdf --outdir "$work/warmup" "$work/fodt/001-"*.fodt >/dev/null 2>&1
/usr/bin/time -v bash -c '
    for f in "$1"/*.fodt; do
        soffice -env:UserInstallation="$2" --headless --norestore --convert-to pdf --outdir "$3" "$f" >/dev/null 2>&1
    done' _ "$work/fodt" "$profile" "$work/each" 2>&1 | grep -E "Elapsed|User time|System time|Maximum resident"
ls "$work/each"/*.pdf | wc -l

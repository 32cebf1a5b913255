#!/usr/bin/env bash
# Makes the recipients fixtures of Fixtures/sheets from Fixtures/sheets/members.csv
# (UTF-8), each by a real outside writer:
#   members-libreoffice.xlsx / .ods   LibreOffice Calc (soffice --convert-to)
#   members-openpyxl.xlsx, members-1904.xlsx, hostile/*   openpyxl (make_sheet_fixtures.py)
#   members-cp1258.csv                iconv -t CP1258 (Excel's CSV on a Vietnamese Windows)
#   members-utf16le.txt / -utf16be.txt  tab-separated, UTF-16 with BOM (Excel's "Unicode Text")
#   members-bom.csv                   UTF-8 with a BOM (Excel's "CSV UTF-8")
# The generated files are committed; rerun this only to remake them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/Fixtures/sheets"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# LibreOffice: the CSV read as UTF-8 (76), comma-separated (44), quotes (34), from line
# 1, English locale (1033), "detect special numbers" on, so dates and times become
# date and time cells as when a clerk types them.
for fmt in xlsx ods; do
    soffice --headless "-env:UserInstallation=file://$tmp/profile" \
        --infilter="CSV:44,34,76,1,,1033,false,true" \
        --convert-to "$fmt" --outdir "$tmp" members.csv >/dev/null
    cp "$tmp/members.$fmt" "members-libreoffice.$fmt"
done

# The CSV in Excel's other encodings.
iconv -f UTF-8 -t CP1258 members.csv > members-cp1258.csv
printf '\xEF\xBB\xBF' > members-bom.csv
cat members.csv >> members-bom.csv
python3 - "$tmp/members.tsv" <<'PY'
import csv, sys
rows = list(csv.reader(open("members.csv", encoding="utf-8", newline="")))
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, delimiter="\t", lineterminator="\r\n").writerows(rows)
PY
{ printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE "$tmp/members.tsv"; } > members-utf16le.txt
{ printf '\xFE\xFF'; iconv -f UTF-8 -t UTF-16BE "$tmp/members.tsv"; } > members-utf16be.txt

python3 "$root/Scripts/make_sheet_fixtures.py"
ls -l "$root/Fixtures/sheets" "$root/Fixtures/sheets/hostile"

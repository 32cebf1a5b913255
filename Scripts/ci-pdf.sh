#!/usr/bin/env bash
# CI: PDF through LibreOffice. The seed invitation as PDF and PDF/A-2b, and the batch of
# the 23 seed members with merged.pdf:
#   - poppler reads each file (pages, A4);
#   - the PDF/A file declares pdfaid:part 2 and conformance B in its XMP metadata, and
#     the plain one makes no such claim;
#   - the batch has 23 PDFs and merged.pdf has all their pages;
#   - two renders of the same document are byte-identical (plain PDF);
#   - the page inspector (Scripts/inspect_pages.py, Decree 30 page rules) passes on every
#     PDF, when it is present.
set -euo pipefail
cd "$(dirname "$0")/.."
vanban="${VANBAN:-.build/debug/vanban}"
[ -x "$vanban" ] || swift build >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
data=Fixtures/seed-binh-duong-2022/giay-moi.json

"$vanban" render giay-moi "$data" --format pdf --output "$out/giay-moi.pdf" 2>/dev/null
"$vanban" render giay-moi "$data" --format pdf --output "$out/giay-moi-2.pdf" 2>/dev/null
"$vanban" render giay-moi "$data" --format pdf --pdf-a --output "$out/giay-moi-a.pdf" 2>/dev/null
cmp -s "$out/giay-moi.pdf" "$out/giay-moi-2.pdf" || { echo "error: two PDFs of the same document differ" >&2; exit 1; }
for f in giay-moi giay-moi-a; do
    pdfinfo "$out/$f.pdf" | grep -q "^Page size: *595.* x 841.*(A4)" || { echo "error: $f.pdf is not A4" >&2; exit 1; }
done

python3 - "$out/giay-moi-a.pdf" "$out/giay-moi.pdf" <<'PY'
import re, sys
def xmp(path):
    data = open(path, "rb").read()
    m = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", data, re.S)
    return m.group(0).decode("utf-8") if m else ""
a = xmp(sys.argv[1])
part = re.search(r"<pdfaid:part>\s*(\d+)\s*</pdfaid:part>", a)
conf = re.search(r"<pdfaid:conformance>\s*(\w+)\s*</pdfaid:conformance>", a)
if not (part and part.group(1) == "2" and conf and conf.group(1) == "B"):
    sys.exit(f"error: {sys.argv[1]} does not declare PDF/A-2b in its XMP metadata")
if "pdfaid:part" in xmp(sys.argv[2]):
    sys.exit(f"error: {sys.argv[2]} claims PDF/A without --pdf-a")
print("PDF/A: pdfaid:part 2, conformance B")
PY

"$vanban" batch giay-moi "$data" --recipients Fixtures/seed-binh-duong-2022/members.csv \
    --out "$out/batch" --format pdf --merge 2>/dev/null
mapfile -t pdfs < <(find "$out/batch" -name '*.pdf' ! -name merged.pdf | sort)
[ "${#pdfs[@]}" -eq 23 ] || { echo "error: the batch wrote ${#pdfs[@]} PDFs, not 23" >&2; exit 1; }
total=0
for f in "${pdfs[@]}"; do total=$((total + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
merged=$(pdfinfo "$out/batch/merged.pdf" | awk '/^Pages:/ {print $2}')
[ "$merged" -eq "$total" ] || { echo "error: merged.pdf has $merged pages, the 23 PDFs $total" >&2; exit 1; }
echo "batch: 23 PDFs, merged.pdf with all $total pages"

if [ -f Scripts/inspect_pages.py ]; then
    python="${VANBAN_PYTHON:-python3}"
    "$python" -c "import pdfminer" 2>/dev/null || python="python3"
    # Each invitation has three parts: the letter, the programme and the pledge annex.
    "$python" Scripts/inspect_pages.py --quiet --expect-parts 3 "$out/giay-moi.pdf" "$out/giay-moi-a.pdf" "${pdfs[@]}"
    "$python" Scripts/inspect_pages.py --quiet --expect-parts 69 "$out/batch/merged.pdf"
    echo "page inspector: every PDF passes"
else
    echo "page inspector: Scripts/inspect_pages.py is not there yet; skipped"
fi
echo "PDF: all checks passed"

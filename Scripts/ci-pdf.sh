#!/usr/bin/env bash
# CI: PDF through LibreOffice. The seed invitation as PDF and PDF/A-2b, and the batch of
# the 23 seed members with merged.pdf:
#   - poppler reads each file (pages, A4);
#   - the PDF/A file declares pdfaid:part 2 and conformance B in its XMP metadata, and
#     the plain one makes no such claim;
#   - the batch has 23 PDFs and merged.pdf has all their pages;
#   - two renders of the same document are byte-identical (plain PDF and PDF/A);
#   - the page inspector (Scripts/inspect_pages.py, Decree 30 page rules) passes on every
#     PDF, when it is present;
#   - the electronic copy (Fixtures/electronic-copy: signature and seal images, the
#     digital-signature block) shows both images on page 1 at their size (poppler's
#     pdfimages: 472 x 236 and 425 x 425 px at 300 ppi, i.e. 40 x 20 mm and 36 mm, kept
#     lossless, not re-encoded as JPEG) and
#     the block's text in 10 pt; the page inspector passes on it too.
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
"$vanban" render giay-moi "$data" --format pdf --pdf-a --output "$out/giay-moi-a-2.pdf" 2>/dev/null
cmp -s "$out/giay-moi.pdf" "$out/giay-moi-2.pdf" || { echo "error: two PDFs of the same document differ" >&2; exit 1; }
cmp -s "$out/giay-moi-a.pdf" "$out/giay-moi-a-2.pdf" || { echo "error: two PDF/A files of the same document differ" >&2; exit 1; }
echo "deterministic: two PDFs and two PDF/A files of the same document are byte-identical"
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

"$vanban" render giay-moi Fixtures/electronic-copy/giay-moi-dien-tu.json --format pdf --output "$out/electronic.pdf" 2>/dev/null
pdfimages -list "$out/electronic.pdf" | awk '$3 == "image" { print $1, $4, $5, $9, $13, $14 }' > "$out/images.txt"
# enc "image": kept lossless (Flate), not re-encoded as a JPEG.
expected_images=$'1 472 236 image 300 300\n1 425 425 image 300 300'
[ "$(cat "$out/images.txt")" = "$expected_images" ] || {
    echo "error: the electronic copy's images on the page are not the signature and the seal at 300 ppi:" >&2
    pdfimages -list "$out/electronic.pdf" >&2; exit 1; }
pdftotext -f 1 -l 1 -layout "$out/electronic.pdf" - | grep -q "Thời gian ký: 2022-12-28T09:15:30+07:00" \
    || { echo "error: the digital-signature block is not on page 1" >&2; exit 1; }
echo "electronic copy: signature and seal on page 1 at their size, digital-signature block present"
# Its flat ODT (draw:frame, office:binary-data) against the OASIS schema with jing.
schema="${VANBAN_SHARED:-../shared}/odf/OpenDocument-v1.3-schema.rng"
if command -v jing >/dev/null && [ -f "$schema" ]; then
    "$vanban" render giay-moi Fixtures/electronic-copy/giay-moi-dien-tu.json --format fodt --output "$out/electronic.fodt" 2>/dev/null
    jing -i "$schema" "$out/electronic.fodt" 2>/dev/null || { jing -i "$schema" "$out/electronic.fodt" >&2 || true; echo "error: the electronic copy's .fodt is not valid ODF 1.3" >&2; exit 1; }
    echo "jing: the electronic copy's .fodt is valid ODF 1.3"
elif [ "${VANBAN_REQUIRE_TOOLS:-0}" = 1 ]; then echo "error: jing or the ODF schema is missing" >&2; exit 1
else echo "skipped: jing or the ODF schema is missing"; fi
# Its .docx (media parts, drawings) through python-docx and openxml-audit, as ci-docx.sh
# reads the other fixtures.
"$vanban" render giay-moi Fixtures/electronic-copy/giay-moi-dien-tu.json --format docx --output "$out/electronic.docx" 2>/dev/null
python="${VANBAN_PYTHON:-python3}"
"$python" -c "import docx" 2>/dev/null || python=python3
if "$python" -c "import docx" 2>/dev/null; then
    "$python" Scripts/check_docx.py --sections 2 "$out/electronic.docx"
elif [ "${VANBAN_REQUIRE_TOOLS:-0}" = 1 ]; then echo "error: python-docx is not installed" >&2; exit 1
else echo "skipped: python-docx is not installed"; fi
audit="$(dirname "$python")/openxml-audit"
[ -x "$audit" ] || audit="$(command -v openxml-audit || true)"
if [ -n "$audit" ]; then
    "$audit" -q -f microsoft365 "$out/electronic.docx" || { echo "error: openxml-audit finds the electronic copy's .docx invalid" >&2; exit 1; }
    echo "openxml-audit: the electronic copy's .docx: no error (Microsoft 365 rules)"
elif [ "${VANBAN_REQUIRE_TOOLS:-0}" = 1 ]; then echo "error: openxml-audit is not installed" >&2; exit 1
else echo "skipped: openxml-audit is not installed"; fi

if [ -f Scripts/inspect_pages.py ]; then
    python="${VANBAN_PYTHON:-python3}"
    "$python" -c "import pdfminer" 2>/dev/null || python="python3"
    # Each invitation has three parts: the letter, the programme and the pledge annex.
    "$python" Scripts/inspect_pages.py --quiet --expect-parts 3 "$out/giay-moi.pdf" "$out/giay-moi-a.pdf" "${pdfs[@]}"
    "$python" Scripts/inspect_pages.py --quiet --expect-parts 69 "$out/batch/merged.pdf"
    # The electronic copy: the letter and its programme; the programme sent as its own
    # file (Mẫu 2.2, the digital-signature block top right).
    "$vanban" render chuong-trinh Fixtures/electronic-copy/chuong-trinh-dien-tu.json --format pdf --output "$out/annex.pdf" 2>/dev/null
    "$vanban" render giao-uoc Fixtures/electronic-copy/giao-uoc-dien-tu.json --format pdf --output "$out/pledge.pdf" 2>/dev/null
    "$python" Scripts/inspect_pages.py --quiet --expect-parts 2 "$out/electronic.pdf"
    "$python" Scripts/inspect_pages.py --quiet --expect-parts 1 "$out/annex.pdf"
    "$python" Scripts/inspect_pages.py --quiet --expect-parts 1 "$out/pledge.pdf"
    pdftotext -f 1 -l 1 "$out/pledge.pdf" - | grep -q "Thời gian ký: 2022-12-28T09:15:30+07:00" \
        || { echo "error: the pledge sent alone has no digital-signature block on page 1" >&2; exit 1; }
    echo "page inspector: every PDF passes"
else
    echo "page inspector: Scripts/inspect_pages.py is not there yet; skipped"
fi
echo "PDF: all checks passed"

#!/usr/bin/env bash
# Renders page 1 (or another page) of an ODF text document to a PNG, through
# LibreOffice (PDF) and poppler's pdftoppm, for eyeballing the layout.
#
# Usage: Scripts/render-odt-image.sh FILE.fodt|FILE.odt OUT.png [PAGE] [DPI]
#   PAGE defaults to 1, DPI to 80. The intermediate PDF is kept beside OUT.png
#   (OUT.pdf), so other pages can be rendered with pdftoppm directly.
# Needs: soffice (libreoffice-writer), pdftoppm (poppler-utils), fonts-liberation2.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
    echo "usage: $0 FILE.fodt|FILE.odt OUT.png [PAGE] [DPI]" >&2
    exit 2
fi
input=$1
out=$2
page=${3:-1}
dpi=${4:-80}
[[ -f $input ]] || { echo "error: $input not found" >&2; exit 2; }
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d /tmp/vanban-render.XXXXXX)
profile=/tmp/lo-profile-$$
trap 'rm -rf "$work" "$profile"' EXIT

# soffice exits 0 even when it cannot load the file: check the PDF instead.
soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$work" "$input" >"$work/soffice.log" 2>&1 || true
pdf="$work/$(basename "${input%.*}").pdf"
if [[ ! -s $pdf ]]; then
    echo "error: LibreOffice did not convert $input to PDF:" >&2
    cat "$work/soffice.log" >&2
    exit 1
fi
cp "$pdf" "${out%.png}.pdf"
pdftoppm -png -r "$dpi" -f "$page" -l "$page" -singlefile "$pdf" "${out%.png}"
[[ -s $out ]] || { echo "error: pdftoppm wrote nothing (page $page exists?)" >&2; exit 1; }
echo "$out"

#!/usr/bin/env bash
# Regenerates the README pictures from the seed fixture:
#   Docs/images/giay-moi-html.png  page 1 of the HTML in headless Chromium
#   Docs/images/giay-moi.png       page 1 of the flat ODT as LibreOffice renders it
# Needs: chromium, libreoffice-writer, poppler-utils, fonts-liberation2.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
fixture=Fixtures/seed-binh-duong-2022/giay-moi.json
swift build -q
bin="$(swift build --show-bin-path)/vanban"

"$bin" render giay-moi "$fixture" --format html --output "$out/giay-moi.html"
bash Scripts/render-html.sh "$out/giay-moi.html" Docs/images/giay-moi-html.png

"$bin" render giay-moi "$fixture" --format fodt --output "$out/giay-moi.fodt"
soffice --headless "-env:UserInstallation=file://$out/lo-profile" --convert-to pdf --outdir "$out" "$out/giay-moi.fodt" >/dev/null 2>&1 || true
[ -s "$out/giay-moi.pdf" ] || { echo "error: LibreOffice did not convert the .fodt" >&2; exit 1; }
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$out/giay-moi.pdf" "$out/page1"
cp "$out/page1.png" Docs/images/giay-moi.png
echo "wrote Docs/images/giay-moi-html.png and Docs/images/giay-moi.png"

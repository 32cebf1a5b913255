#!/usr/bin/env bash
# Renders an HTML file with headless Chromium, as a reader sees it:
#   OUT.png  a screenshot of page 1 as on screen, A4 at 150 dpi (1240 x 1755 px);
#   OUT.pdf  the page printed to PDF, honouring its @page rules (A4, Decree 30 margins).
# The output kind follows OUT's extension.
# Usage: Scripts/render-html.sh FILE.html OUT.png|OUT.pdf
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 FILE.html OUT.png|OUT.pdf" >&2
    exit 2
fi
in="$1"
out="$2"
[ -f "$in" ] || { echo "error: no such file: $in" >&2; exit 2; }
chromium="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$chromium" ] || { echo "error: Chromium not found (apt-get install -y chromium fonts-liberation2)" >&2; exit 2; }

abs_in="$(cd "$(dirname "$in")" && pwd)/$(basename "$in")"
# A file: URL with spaces and non-ASCII characters percent-encoded.
url="$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).as_uri())' "$abs_in" 2>/dev/null || echo "file://$abs_in")"
abs_out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

case "$out" in
    *.png) # 794 x 1123 CSS px is 210 x 297 mm; scale 1.5625 gives 150 dpi.
        mode=(--hide-scrollbars --screenshot="$abs_out" --window-size=794,1123 --force-device-scale-factor=1.5625) ;;
    *.pdf) mode=(--print-to-pdf="$abs_out" --no-pdf-header-footer) ;;
    *) echo "error: OUT must end in .png or .pdf" >&2; exit 2 ;;
esac
"$chromium" --headless --no-sandbox --disable-gpu \
    --user-data-dir="$profile" --no-first-run --no-default-browser-check \
    "${mode[@]}" "$url" 2>/dev/null
[ -s "$abs_out" ] || { echo "error: Chromium wrote nothing to $out" >&2; exit 1; }
echo "$out"

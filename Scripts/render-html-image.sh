#!/usr/bin/env bash
# Screenshots page 1 of an HTML file as on screen: A4 at 150 dpi (1240 x 1755 px),
# with headless Chromium.
# Usage: Scripts/render-html-image.sh FILE.html OUT.png
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 FILE.html OUT.png" >&2
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

# 794 x 1123 CSS px is 210 x 297 mm; scale 1.5625 gives 150 dpi.
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" --no-first-run --no-default-browser-check \
    --screenshot="$abs_out" --window-size=794,1123 --force-device-scale-factor=1.5625 \
    "$url" 2>/dev/null
[ -s "$abs_out" ] || { echo "error: Chromium wrote no image" >&2; exit 1; }
echo "$out"

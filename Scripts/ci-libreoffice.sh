#!/usr/bin/env bash
# CI: every fixture rendered to .fodt and .odt must validate against the ODF 1.3 schema
# (jing) and open in LibreOffice: the PDF exists, holds every text value of the data,
# has the page count recorded in Fixtures/<dir>/expected/<name>.pages, and uses only
# Liberation Serif.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
schema="${VANBAN_SHARED:-../shared}/odf/OpenDocument-v1.3-schema.rng"
# jing and the schema are needed for the schema half: when either is missing the half is
# skipped and the skip is reported, or, with VANBAN_REQUIRE_TOOLS=1 (.ci/run), it fails.
jing_skip=""
command -v jing >/dev/null || jing_skip="jing is not on the PATH (Debian: apt-get install jing)"
[ -f "$schema" ] || jing_skip="${jing_skip:+$jing_skip; }$schema is missing (the project's shared folder beside the clone, or VANBAN_SHARED)"
if [ -n "$jing_skip" ]; then
    if [ "${VANBAN_REQUIRE_TOOLS:-0}" = 1 ]; then
        echo "error: $jing_skip (VANBAN_REQUIRE_TOOLS=1: a missing tool fails the check)" >&2
        exit 1
    fi
    echo "warning: SKIPPING the ODF 1.3 schema check with jing: $jing_skip" >&2
fi
bash Scripts/render-fixtures.sh "$out/render" fodt odt
checked=0
for fodt in "$out"/render/*/*.fodt; do
    dir="$(basename "$(dirname "$fodt")")"
    name="$(basename "$fodt" .fodt)"
    if [ -z "$jing_skip" ]; then
        jing -i "$schema" "$fodt" 2>/dev/null || { echo "error: $dir/$name.fodt is not valid ODF 1.3" >&2; jing -i "$schema" "$fodt" >&2 || true; exit 1; }
    fi
    pages_file="Fixtures/$dir/expected/$name.pages"
    [ -f "$pages_file" ] || { echo "error: $pages_file is missing (the expected page count)" >&2; exit 1; }
    # Presentation options (how times and list markers are written) are not document text.
    bash Scripts/check-libreoffice.sh --pages "$(cat "$pages_file")" --skip time_style,items_style "$out/pdf/$dir" \
        "Fixtures/$dir/$name.json" "$fodt" "${fodt%.fodt}.odt"
    checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || { echo "no fixture was checked" >&2; exit 1; }
echo "LibreOffice: $checked fixtures, .fodt and .odt each, all checks passed${jing_skip:+ (the jing schema check was SKIPPED: $jing_skip)}"

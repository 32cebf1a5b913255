#!/usr/bin/env bash
# CI: prints every fixture the way an office does and measures the pages.
#   - each fixture as .fodt and .odt through LibreOffice (soffice --convert-to pdf),
#     and as HTML through headless Chromium (print to PDF, no browser header/footer);
#   - the merged batch of the seed invitation for every member association
#     (Fixtures/seed-binh-duong-2022/members.csv), in the same three ways;
# then Scripts/inspect_pages.py checks every page against the Decree 30 rules (A4,
# margins, sizes as printed, no blank page, page numbers per part) with the number of
# parts the document has, and checks that LibreOffice and Chromium give the same pages.
# Set VANBAN_PRINT_OUT=DIR to keep the PDFs in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
if [ -n "${VANBAN_PRINT_OUT:-}" ]; then
    out="$VANBAN_PRINT_OUT"; rm -rf "$out"; mkdir -p "$out"
else
    out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
fi
python="${VANBAN_PYTHON:-python3}"
for tool in soffice pdfinfo pdftotext; do
    command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done
chromium="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$chromium" ] || { echo "error: Chromium is not installed (apt-get install -y chromium)" >&2; exit 2; }
"$python" -c 'import pdfminer' 2>/dev/null || { echo "error: $python has no pdfminer.six (pip install pdfminer.six)" >&2; exit 2; }

bash Scripts/render-fixtures.sh "$out/render" fodt odt html tree >/dev/null
bin="$(swift build --show-bin-path)/vanban"
seed=Fixtures/seed-binh-duong-2022
"$bin" batch giay-moi "$seed/giay-moi.json" --recipients "$seed/members.csv" --out "$out/batch" \
    --format fodt,odt,html,tree --merge 2>/dev/null >/dev/null
mkdir -p "$out/render/batch"
for ext in fodt odt html; do cp "$out/batch/merged.$ext" "$out/render/batch/merged.$ext"; done
# The merged tree lists the parts of every invitation.
cp "$out/batch/merged.tree.txt" "$out/render/batch/merged.tree"

# LibreOffice: one run per format (the .fodt and .odt of a fixture share a name).
profile="$out/lo-profile"
for ext in fodt odt; do
    mkdir -p "$out/pdf/$ext"
    soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$out/pdf/$ext" \
        "$out"/render/*/*."$ext" >"$out/pdf/$ext.log" 2>&1 || true
done
# Chromium: one run per file.
mkdir -p "$out/pdf/html"
for html in "$out"/render/*/*.html; do
    name="$(basename "$html" .html)"
    url="$("$python" -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$html")"
    "$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$out/chromium-profile" \
        --no-first-run --no-default-browser-check --print-to-pdf="$out/pdf/html/$name.pdf" \
        --no-pdf-header-footer "$url" >/dev/null 2>&1 || true
done

# Chromium with its "Headers and footers" box ticked (no --no-pdf-header-footer): the
# page must suppress the date, the file address and "1/5" itself.
url="$("$python" -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$out/render/seed-binh-duong-2022/giay-moi.html")"
"$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$out/chromium-profile" \
    --no-first-run --no-default-browser-check --print-to-pdf="$out/pdf/giay-moi-headers-footers.pdf" "$url" >/dev/null 2>&1 || true

failures=0
checked=0
echo "== giay-moi.html printed with Chromium's headers and footers ticked"
if ! "$python" Scripts/inspect_pages.py --quiet --compare --expect-parts 3 \
        "$out/pdf/html/giay-moi.pdf" "$out/pdf/giay-moi-headers-footers.pdf" ||
   pdftotext "$out/pdf/giay-moi-headers-footers.pdf" - | grep -q 'file:/'; then
    echo "FAIL: the browser's header or footer reached the page" >&2
    failures=$((failures + 1))
fi
# The inspector must fail on the defects it exists to catch: the same letter printed
# shrunk by 1.4 % (as when the header was too wide), and with the page counter running
# on across parts.
sed 's|</style>|main { zoom: 0.986; }</style>|' "$out/render/seed-binh-duong-2022/giay-moi.html" >"$out/shrunk.html"
sed 's|counter(part-[0-9]*, vanban-page)|counter(page)|g' "$out/render/seed-binh-duong-2022/giay-moi.html" >"$out/run-on.html"
for bad in shrunk run-on; do
    "$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$out/chromium-profile" --no-pdf-header-footer \
        --print-to-pdf="$out/pdf/$bad.pdf" "file://$out/$bad.html" >/dev/null 2>&1 || true
    if "$python" Scripts/inspect_pages.py --quiet --expect-parts 3 "$out/pdf/$bad.pdf" >/dev/null 2>&1; then
        echo "FAIL: the inspector passed the $bad print of giay-moi.html" >&2
        failures=$((failures + 1))
    else
        echo "== the inspector rejects the $bad print of giay-moi.html, as it must"
    fi
done
for tree in "$out"/render/*/*.tree; do
    name="$(basename "$tree" .tree)"
    parts=$(grep -c '^  part ' "$tree")
    margins=$(sed -n '1s/.* margins t\([0-9.]*\) b\([0-9.]*\) l\([0-9.]*\) r\([0-9.]*\).*/\1,\4,\2,\3/p' "$tree")
    pdfs=()
    for ext in fodt odt html; do
        pdf="$out/pdf/$ext/$name.pdf"
        if [ ! -s "$pdf" ]; then
            echo "FAIL: $name.$ext was not printed (see $out/pdf/$ext.log)" >&2
            failures=$((failures + 1))
            continue
        fi
        pdfs+=("$pdf")
    done
    [ "${#pdfs[@]}" -eq 3 ] || continue
    echo "== $name ($parts parts; margins $margins)"
    if ! "$python" Scripts/inspect_pages.py --quiet --compare --expect-parts "$parts" --margins "$margins" "${pdfs[@]}"; then
        failures=$((failures + 1))
    fi
    checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || { echo "no document was inspected" >&2; exit 1; }
echo "print: $checked documents inspected in LibreOffice (.fodt, .odt) and Chromium (.html) in $(( $(date +%s) - started )) s"
if [ "$failures" -gt 0 ]; then
    echo "print: $failures document(s) break a page rule" >&2
    exit 1
fi

#!/usr/bin/env bash
# CI: every fixture rendered to .docx is read by outside readers.
#   1. python-docx (Scripts/check_docx.py): the named styles, the header table, one
#      section per part (counted in the document tree), A4 with the Decree 30 margins,
#      numbering restarting at 1 with no number on first pages; saved and reopened.
#   2. LibreOffice (Scripts/check-libreoffice.sh): converts the .docx to PDF; every
#      text value of the data is in it, only Liberation Serif is used, and its page
#      count is the .odt's (Fixtures/<dir>/expected/<name>.pages, which the ODT check
#      holds the .odt to).
#   3. pandoc: reads the .docx; its plain text holds the national title and motto.
#   4. openxml-audit (PyPI; a Python port of the Open XML SDK's validator, the nearest
#      to the ECMA-376 schemas that installs here): no error for Microsoft 365.
#   5. the page inspector (Scripts/inspect_pages.py, as Scripts/ci-print.sh runs it) on
#      LibreOffice's PDF of every .docx, with the .odt's PDF beside it (--compare): the
#      Decree 30 page rules, and the same pages and pages per part as the .odt.
# With VANBAN_REQUIRE_TOOLS=1 a missing reader fails the check instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${VANBAN_PYTHON:-python3}"
require="${VANBAN_REQUIRE_TOOLS:-0}"
missing() {
    if [ "$require" = 1 ]; then echo "error: $1 is not installed" >&2; exit 1; fi
    echo "skipped: $1 is not installed"
}
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bash Scripts/render-fixtures.sh "$out/render" docx odt tree
checked=0
for file in "$out"/render/*/*.docx; do
    dir="$(basename "$(dirname "$file")")"
    name="$(basename "$file" .docx)"
    parts="$(grep -c '^  part ' "${file%.docx}.tree")"
    if "$python" -c "import docx" 2>/dev/null; then
        "$python" Scripts/check_docx.py --sections "$parts" "$file"
    else
        missing "python-docx"
    fi
    if command -v soffice >/dev/null; then
        pages_file="Fixtures/$dir/expected/$name.pages"
        [ -f "$pages_file" ] || { echo "error: $pages_file is missing (the .odt's page count)" >&2; exit 1; }
        bash Scripts/check-libreoffice.sh --pages "$(cat "$pages_file")" --skip time_style,items_style "$out/pdf/$dir" \
            "Fixtures/$dir/$name.json" "$file"
    else
        missing "LibreOffice (soffice)"
    fi
    if command -v pandoc >/dev/null; then
        text="$(pandoc -f docx -t plain --wrap=none "$file")"
        grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" <<<"$text" && grep -q "Độc lập - Tự do - Hạnh phúc" <<<"$text" \
            || { echo "error: pandoc's text of $dir/$name.docx lacks the national title or motto" >&2; exit 1; }
        echo "pandoc: $dir/$name.docx read, $(wc -w <<<"$text") words"
    else
        missing "pandoc"
    fi
    audit="$(dirname "$python")/openxml-audit"
    [ -x "$audit" ] || audit="$(command -v openxml-audit || true)"
    if [ -n "$audit" ]; then
        "$audit" -q -f microsoft365 "$file" >"$out/audit.txt" 2>&1 \
            || { cat "$out/audit.txt" >&2; echo "error: openxml-audit finds $dir/$name.docx invalid" >&2; exit 1; }
        echo "openxml-audit: $dir/$name.docx: no error (Microsoft 365 rules)"
    else
        missing "openxml-audit"
    fi
    checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || { echo "no fixture was checked" >&2; exit 1; }
echo "DOCX: $checked fixtures read by python-docx, LibreOffice, pandoc and openxml-audit"

# The page inspector: LibreOffice's PDF of each .docx (made above by check-libreoffice.sh)
# against the Decree 30 rules, compared with the PDF of the same fixture's .odt.
if command -v soffice >/dev/null && "$python" -c 'import pdfminer' 2>/dev/null; then
    mkdir -p "$out/pdf-odt"
    soffice --headless "-env:UserInstallation=file://$out/lo-profile-odt" --convert-to pdf --outdir "$out/pdf-odt" \
        "$out"/render/*/*.odt >"$out/pdf-odt.log" 2>&1 || true
    failures=0
    for file in "$out"/render/*/*.docx; do
        dir="$(basename "$(dirname "$file")")"
        name="$(basename "$file" .docx)"
        tree="${file%.docx}.tree"
        parts="$(grep -c '^  part ' "$tree")"
        margins=$(sed -n '1s/.* margins t\([0-9.]*\) b\([0-9.]*\) l\([0-9.]*\) r\([0-9.]*\).*/\1,\4,\2,\3/p' "$tree")
        docx_pdf="$out/pdf/$dir/docx/$name.pdf"
        odt_pdf="$out/pdf-odt/$name.pdf"
        [ -s "$docx_pdf" ] && [ -s "$odt_pdf" ] \
            || { echo "FAIL: $dir/$name: no PDF of the .docx or of the .odt (see $out/pdf-odt.log)" >&2; failures=$((failures + 1)); continue; }
        echo "== inspector: $dir/$name.docx beside its .odt ($parts parts; margins $margins)"
        "$python" Scripts/inspect_pages.py --quiet --compare --expect-parts "$parts" --margins "$margins" "$docx_pdf" "$odt_pdf" \
            || failures=$((failures + 1))
    done
    [ "$failures" -eq 0 ] || { echo "DOCX: $failures .docx print(s) break a page rule" >&2; exit 1; }
    echo "DOCX: LibreOffice's PDF of every .docx passes the page inspector with the .odt's pages"
elif [ "$require" = 1 ]; then
    echo "error: the page inspector needs LibreOffice (soffice) and pdfminer.six" >&2; exit 1
else
    echo "skipped: the page inspector needs LibreOffice (soffice) and pdfminer.six"
fi

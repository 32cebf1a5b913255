#!/usr/bin/env bash
# Checks rendered ODF documents the way a reader sees them: LibreOffice converts each
# to PDF, then
#   1. the PDF's text (pdftotext) contains every text leaf of the JSON data
#      (compared after NFC, case folding and white-space collapsing; ISO dates
#      yyyy-mm-dd and times hh:mm are skipped because templates reformat them, and so
#      are the values under any key given with --skip);
#   2. the page count (pdfinfo) is the expected one, when --pages is given;
#   3. pdffonts lists only the Liberation Serif family (what LibreOffice uses for
#      Times New Roman), so no letter fell back to another font.
#
# Usage:
#   Scripts/check-libreoffice.sh [options] OUT_DIR DATA.json FILE.fodt|FILE.odt [FILE ...] [DATA2.json FILE ...]
#
#   OUT_DIR      where the PDFs and extracted texts are kept (created if missing).
#   DATA.json    the data the following files were rendered from; each further .json
#                argument starts a new group.
#   FILE         a .fodt or .odt rendered from the preceding DATA.json.
#
# Options (anywhere on the line):
#   --pages N          expected number of pages of every file (default: not checked).
#   --skip KEY[,KEY]   JSON object keys whose values are not looked for (values the
#                      template transforms, e.g. --skip gender,amount); repeatable.
#   --fonts REGEX      allowed font names after the subset prefix
#                      (default: ^LiberationSerif(-Bold|-Italic|-BoldItalic)?$).
#
# Exit status: 0 when every check passes, 1 when one fails (with a message saying
# which), 2 on a usage error or a missing tool.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }

pages=""
skip=""
fonts='^LiberationSerif(-Bold|-Italic|-BoldItalic)?$'
args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --pages) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || usage; pages=$2; shift 2 ;;
        --skip) [[ $# -ge 2 ]] || usage; skip="${skip:+$skip,}$2"; shift 2 ;;
        --fonts) [[ $# -ge 2 ]] || usage; fonts=$2; shift 2 ;;
        -h|--help) usage ;;
        *) args+=("$1"); shift ;;
    esac
done
[[ ${#args[@]} -ge 3 ]] || usage
out=${args[0]}
[[ ${args[1]} == *.json ]] || { echo "error: the second argument must be a DATA.json file" >&2; exit 2; }
for tool in soffice pdftotext pdfinfo pdffonts python3; do
    command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done
mkdir -p "$out"

profile=/tmp/lo-profile-$$
trap 'rm -rf "$profile"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

check_text() { # DATA.json TEXT.txt
    python3 - "$1" "$2" "$skip" <<'PY'
import json, re, sys, unicodedata

data_path, text_path, skip = sys.argv[1], sys.argv[2], sys.argv[3]
skip_keys = {k.strip() for k in skip.split(",") if k.strip()}

def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())

iso_date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
time_of_day = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")

def leaves(value, path):
    if isinstance(value, dict):
        for k, v in value.items():
            if k in skip_keys:
                continue
            yield from leaves(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, f"{path}[{i}]")
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, (int, float, str)):
        s = value if isinstance(value, str) else json.dumps(value)
        if iso_date.match(s.strip()) or time_of_day.match(s.strip()) or not s.strip():
            return
        yield path, s

with open(data_path, encoding="utf-8") as f:
    data = json.load(f)
with open(text_path, encoding="utf-8-sig") as f:
    # Page breaks and the page-number lines of the page header are not document text;
    # drop them so a paragraph that runs onto the next page reads as one.
    pages = []
    for page in f.read().split("\f"):
        lines = page.split("\n")
        if lines and re.fullmatch(r"\s*\d{1,4}\s*", lines[0]):
            lines = lines[1:]   # the page number, first thing on the page
        # A line that ends in a hyphen inside a word ("27-" / "NQ/TW") was broken after
        # the hyphen by LibreOffice: join it without a space.
        pages.append("".join(l + ("" if re.search(r"\S-$", l) else " ") for l in lines))
    text = norm(" ".join(pages))

missing = [(p, v) for p, v in leaves(data, "$") if norm(v) not in text]
checked = sum(1 for _ in leaves(data, "$"))
for p, v in missing:
    print(f"  missing {p} = {v!r}", file=sys.stderr)
print(checked - len(missing), checked)
sys.exit(1 if missing else 0)
PY
}

data=""
for arg in "${args[@]:1}"; do
    if [[ $arg == *.json ]]; then
        [[ -f $arg ]] || { echo "error: $arg not found" >&2; exit 2; }
        data=$arg
        continue
    fi
    file=$arg
    if [[ ! -f $file ]]; then fail "$file: no such file"; continue; fi
    base=$(basename "$file")
    stem=${base%.*}
    ext=${base##*.}
    dir="$out/$ext"
    mkdir -p "$dir"
    pdf="$dir/$stem.pdf"
    rm -f "$pdf"
    # soffice exits 0 even when it cannot load the file: the PDF must exist and not be empty.
    soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$dir" "$file" >"$dir/$stem.soffice.log" 2>&1 || true
    if [[ ! -s $pdf ]]; then
        fail "$file: LibreOffice produced no PDF ($(tr '\n' ' ' <"$dir/$stem.soffice.log"))"
        continue
    fi
    pdftotext -raw -enc UTF-8 "$pdf" "$dir/$stem.txt"

    if counts=$(check_text "$data" "$dir/$stem.txt"); then
        text_note="all $(cut -d' ' -f2 <<<"$counts") values of $(basename "$data") found"
    else
        fail "$file: text of $(basename "$data") missing from the PDF (see above; text in $dir/$stem.txt)"
        text_note="values missing"
    fi

    got=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    if [[ -n $pages && $got != "$pages" ]]; then
        fail "$file: $got pages, expected $pages"
    fi

    bad_fonts=$(pdffonts "$pdf" | tail -n +3 | awk '{ print $1 }' | sed 's/^[A-Z]\{6\}+//' | grep -Ev -- "$fonts" || true)
    if [[ -n $bad_fonts ]]; then
        fail "$file: fonts other than the allowed family: $(tr '\n' ' ' <<<"$bad_fonts")"
    fi
    used=$(pdffonts "$pdf" | tail -n +3 | awk '{ print $1 }' | sed 's/^[A-Z]\{6\}+//' | sort -u | tr '\n' ' ')
    echo "checked $file: $got pages; fonts: ${used% }; $text_note"
done

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all checks passed"

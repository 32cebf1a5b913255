#!/usr/bin/env bash
# CI: an independent ODF library can load, edit-save and reload every fixture's .odt.
# odfpy loads each file, saves it to a new file, loads that again, and the text of
# both (every paragraph and heading, in order) must be the same and hold the national
# title. (odfpy 1.4.1 could not save VanBan's .odt before meta.xml was written compact.)
# Also reports how each .odt is packed: mimetype stored and first, the rest deflated.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${VANBAN_PYTHON:-python3}"
"$python" -c "import odf" 2>/dev/null || { echo "error: odfpy is not installed for $python (pip install odfpy)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bash Scripts/render-fixtures.sh "$out/render" odt
"$python" - "$out" "$out"/render/*/*.odt <<'PY'
import os, sys, zipfile
from odf.opendocument import load
from odf import text, teletype

TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"

def paragraphs(doc):
    return [teletype.extractText(e) for e in doc.getElementsByType(text.P) + doc.getElementsByType(text.H)]

out, files = sys.argv[1], sys.argv[2:]
failed = 0
for f in files:
    with zipfile.ZipFile(f) as z:
        infos = z.infolist()
        packing = "ok" if infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED \
            and all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos[1:]) else "WRONG"
        if z.testzip() is not None:
            packing = "CRC error"
    try:
        doc = load(f)
        before = paragraphs(doc)
        saved = os.path.join(out, "saved-" + os.path.basename(f))
        doc.save(saved)
        after = paragraphs(load(saved))
    except Exception as e:
        print(f"FAIL: {f}: odfpy: {type(e).__name__}: {e}", file=sys.stderr)
        failed += 1
        continue
    problems = []
    if packing != "ok":
        problems.append(f"zip packing {packing}")
    if before != after:
        problems.append("the text changed when odfpy saved and reloaded the file")
    if not any(TITLE in p for p in before):
        problems.append("the national title is not in the text odfpy reads")
    if problems:
        failed += 1
        for p in problems:
            print(f"FAIL: {f}: {p}", file=sys.stderr)
    else:
        print(f"odfpy: {os.path.basename(f)} ({os.path.getsize(f)} bytes): loaded, saved ({os.path.getsize(saved)} bytes), reloaded; {len(before)} paragraphs unchanged")
if failed:
    sys.exit(1)
print(f"odfpy: {len(files)} .odt files loaded, saved and reloaded")
PY

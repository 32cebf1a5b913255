#!/usr/bin/env python3
"""Opens VanBan .docx files with python-docx (an independent OOXML reader) and checks
what a clerk relies on in Word:

  1. the named styles exist: a paragraph style per role ("VanBan Body", "VanBan Title",
     ...) and the emphasis character styles, with Times New Roman and Vietnamese as the
     document defaults;
  2. the header table: the first body element is a table of two columns whose right
     cell holds the national title and the motto;
  3. the sections: as many as given with --sections (one per part), each A4 with the
     Decree 30 margins, a different first page, numbering restarting at 1, a PAGE field
     in the default header and none in the first-page header;
  4. the file survives a save by python-docx and reopens with the same text.

Usage: check_docx.py [--sections N] FILE.docx [FILE.docx ...]
Exit status 0 when every check passes, 1 otherwise, 2 when python-docx is missing.
"""
import io
import sys

try:
    import docx
    from docx.shared import Mm
    from docx.oxml.ns import qn
except ImportError:
    print("error: python-docx is not installed (pip install python-docx)", file=sys.stderr)
    sys.exit(2)

ROLE_STYLES = ["VanBan Body", "VanBan Basis", "VanBan Title", "VanBan Subject", "VanBan Issuer",
               "VanBan National Title", "VanBan Motto", "VanBan Number", "VanBan Date Line",
               "VanBan List", "VanBan Table Heading", "VanBan Table Contents", "VanBan Copies Label",
               "VanBan Copies Item", "VanBan Signature Title", "VanBan Signer", "VanBan Page Number"]
CHARACTER_STYLES = ["VanBan Bold", "VanBan Italic", "VanBan Bold Italic"]
TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def all_text(d):
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def check(path, sections_expected):
    problems = []
    d = docx.Document(path)
    names = {s.name: s for s in d.styles}
    for n in ROLE_STYLES:
        s = names.get(n)
        if s is None or s.type != docx.enum.style.WD_STYLE_TYPE.PARAGRAPH:
            problems.append(f"no paragraph style {n!r}")
    for n in CHARACTER_STYLES:
        s = names.get(n)
        if s is None or s.type != docx.enum.style.WD_STYLE_TYPE.CHARACTER:
            problems.append(f"no character style {n!r}")
    defaults = d.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(".//" + qn("w:rFonts")) if defaults is not None else None
    lang = defaults.find(".//" + qn("w:lang")) if defaults is not None else None
    if fonts is None or fonts.get(qn("w:ascii")) != "Times New Roman":
        problems.append("the default font is not Times New Roman")
    if lang is None or lang.get(qn("w:val")) != "vi-VN":
        problems.append("the default language is not vi-VN")

    body = d.element.body
    children = iter(body.iterchildren())
    first = next(children, None)
    # An electronic copy starts with the organisation's digital-signature text (a
    # right-aligned 10 pt paragraph, Decree 30 PL I II.8) above the header table.
    if first is not None and first.tag == qn("w:p"):
        jc = first.find(qn("w:pPr") + "/" + qn("w:jc"))
        sz = first.find(qn("w:pPr") + "/" + qn("w:rPr") + "/" + qn("w:sz"))
        if jc is not None and jc.get(qn("w:val")) == "right" and sz is not None and sz.get(qn("w:val")) == "20":
            first = next(children, None)
    if first is None or first.tag != qn("w:tbl"):
        problems.append("the document does not start with the header table")
    elif d.tables:
        header = d.tables[0]
        if len(header.columns) != 2:
            problems.append(f"the header table has {len(header.columns)} columns, not 2")
        right = header.rows[0].cells[-1].text
        if TITLE not in right or MOTTO not in right:
            problems.append(f"the header's right cell does not hold the national title and motto: {right!r}")

    secs = d.sections
    if sections_expected is not None and len(secs) != sections_expected:
        problems.append(f"{len(secs)} sections, expected {sections_expected}")
    for i, s in enumerate(secs, 1):
        if abs(s.page_width - Mm(210)) > Mm(0.5) or abs(s.page_height - Mm(297)) > Mm(0.5):
            problems.append(f"section {i}: not A4")
        for side, mm in (("top", 25), ("bottom", 20), ("left", 35), ("right", 20)):
            got = getattr(s, side + "_margin")
            if abs(got - Mm(mm)) > Mm(0.5):
                problems.append(f"section {i}: {side} margin {got.mm:.1f} mm, expected {mm} mm")
        if not s.different_first_page_header_footer:
            problems.append(f"section {i}: no different first page")
        num = s._sectPr.find(qn("w:pgNumType"))
        if num is None or num.get(qn("w:start")) != "1":
            problems.append(f"section {i}: page numbers do not restart at 1")
        default_xml = s.header._element.xml if not s.header.is_linked_to_previous else ""
        first_xml = s.first_page_header._element.xml if not s.first_page_header.is_linked_to_previous else ""
        if "PAGE" not in default_xml:
            problems.append(f"section {i}: the default header has no PAGE field")
        if "PAGE" in first_xml:
            problems.append(f"section {i}: the first-page header shows a page number")

    text = all_text(d)
    if TITLE not in text:
        problems.append("the national title is not in the text")
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    again = docx.Document(buf)
    if all_text(again) != text:
        problems.append("the text changed when python-docx saved and reopened the file")
    if len(again.sections) != len(secs):
        problems.append("the sections changed when python-docx saved and reopened the file")
    return problems, len(secs), len(d.tables), len(text)


def main(argv):
    sections = None
    files = []
    it = iter(argv)
    for a in it:
        if a == "--sections":
            sections = int(next(it))
        else:
            files.append(a)
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for f in files:
        problems, n_sections, n_tables, n_chars = check(f, sections)
        if problems:
            failed += 1
            for p in problems:
                print(f"FAIL: {f}: {p}", file=sys.stderr)
        else:
            print(f"python-docx: {f}: {n_sections} section(s), {n_tables} table(s), {n_chars} characters of text; styles, header table and sections as expected; saved and reopened unchanged")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

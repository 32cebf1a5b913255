#!/usr/bin/env python3
"""Measures printed pages (PDF) against the Decree 30/2020/NĐ-CP page rules.

Every glyph of every page is read with pdfminer.six (position, size, font), then each
page is checked:

  page        A4 portrait (210 x 297 mm, 0.5 mm tolerance);
  area        no glyph inside the Decree's smallest margins: left 30, right 15,
              top 20 (the page number excepted), bottom 20 mm;
  margins     the text's left edge (the most common line start) lies in 30-35 mm; the
              first line starts 20-25 mm from the top (a line box, so ±2 mm);
  sizes       every glyph is set at a size the Decree uses (10, 11, 12, 13, 14 pt,
              ±0.05): a page printed scaled (13.8 pt, 10.8 pt) fails; the body (the
              most common size of a page with text) is 13-14 pt; the "Nơi nhận:" label
              is 12 pt and the items under it 11 pt;
  fonts       every font is Liberation Serif or Times New Roman (no fallback font);
  blank       no page carries nothing but a page number;
  numbers     a part (the letter, each attachment; in a merged file each invitation's
              letter and attachments) has no number on its first page, and its page k
              (k >= 2) shows "k", centred over the text area in the top margin, 13-14 pt.

A page starts a part when its first line is the national title, an attachment label
("Phụ lục …") or a centred bold upper-case title. --expect-parts N checks that the file
has exactly N parts. --compare checks that all the files given have the same number of
pages and the same pages per part (the LibreOffice PDF against the Chromium PDF).

Usage:
  inspect_pages.py [--expect-parts N] [--margins T,R,B,L] [--quiet] [--json] FILE.pdf ...
  inspect_pages.py --compare A.pdf B.pdf [...]     (also inspects each file)

Exit status: 0 when every page passes, 1 when a rule is broken, 2 on a usage error or
an unreadable file.

As a library:
  import inspect_pages
  report = inspect_pages.inspect("file.pdf", expect_parts=3)
  report.ok, report.violations, report.pages[i].number, report.part_pages
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

MM = 72 / 25.4  # PDF points per millimetre

# The Decree's limits (decree30.md §1).
A4 = (210.0, 297.0)
PAGE_TOLERANCE_MM = 0.5
MIN_MARGINS = {"top": 20.0, "right": 15.0, "bottom": 20.0, "left": 30.0}
LEFT_RANGE = (30.0, 35.0)
RIGHT_RANGE = (15.0, 20.0)
TOP_RANGE = (20.0, 25.0)
DECREE_SIZES = (10.0, 11.0, 12.0, 13.0, 14.0)
SIZE_TOLERANCE = 0.05
BODY_SIZES = (13.0, 14.0)
PAGE_NUMBER_SIZES = (13.0, 14.0)
FONT_FAMILIES = ("LiberationSerif", "TimesNewRoman", "Times-Roman", "Times New Roman")
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@dataclass
class Line:
    """One line of glyphs, in millimetres from the top-left corner of the page."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    sizes: list[float]
    fonts: set[str]

    @property
    def size(self) -> float:
        return Counter(round(s, 2) for s in self.sizes).most_common(1)[0][0] if self.sizes else 0.0

    @property
    def bold(self) -> bool:
        return bool(self.fonts) and all("Bold" in f for f in self.fonts)


@dataclass
class Page:
    index: int                # 1-based
    width: float              # mm
    height: float             # mm
    lines: list[Line]
    graphics: list[tuple[float, float]] = field(default_factory=list)  # x0, x1 of rules and borders
    number: int | None = None         # the page number printed on it
    number_line: Line | None = None
    part_start: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def content(self) -> list[Line]:
        return [l for l in self.lines if l is not self.number_line]


@dataclass
class Report:
    path: str
    pages: list[Page]
    violations: list[str]

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def part_pages(self) -> list[int]:
        """The number of pages of each part, in order."""
        counts: list[int] = []
        for p in self.pages:
            if p.part_start or not counts:
                counts.append(0)
            counts[-1] += 1
        return counts


def _lines_of(layout_page) -> list[Line]:
    """Groups the page's glyphs into lines: same baseline (±1 pt), and a horizontal gap
    under 3 mm (so the two columns of the header and sign-off stay apart)."""
    from pdfminer.layout import LTChar, LTAnno  # noqa: F401

    height = layout_page.height
    chars = []

    def walk(o):
        if isinstance(o, LTChar):
            chars.append(o)
        elif hasattr(o, "__iter__"):
            for c in o:
                walk(c)

    walk(layout_page)
    # Sort by baseline (descending y), then x.
    chars.sort(key=lambda c: (-round(c.matrix[5], 0), c.x0))
    rows: list[list] = []
    for c in chars:
        y = c.matrix[5]
        if rows and abs(rows[-1][0].matrix[5] - y) <= 1.0:
            rows[-1].append(c)
        else:
            rows.append([c])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        segment: list = []
        for c in row:
            if segment and c.x0 - segment[-1].x1 > 3 * MM:
                lines.append(_line(segment, height))
                segment = []
            segment.append(c)
        if segment:
            lines.append(_line(segment, height))
    lines.sort(key=lambda l: (round(l.top, 1), l.x0))
    return lines


def _graphics_of(layout_page) -> list[tuple[float, float]]:
    """The horizontal extent (mm) of every rule and border (thin line, rectangle or curve) on the page."""
    from pdfminer.layout import LTCurve  # LTLine and LTRect are curves too

    out = []

    def walk(o):
        # Rules and borders only (thin); not filled areas such as a page background.
        if isinstance(o, LTCurve) and (o.height < 1.5 * MM or o.width < 1.5 * MM):
            out.append((o.x0 / MM, o.x1 / MM))
        elif hasattr(o, "__iter__"):
            for c in o:
                walk(c)

    walk(layout_page)
    return out


def _line(chars, height) -> Line:
    text = ""
    prev = None
    for c in chars:
        # pdfminer gives no space glyphs for some writers: insert one at a word gap.
        if prev is not None and c.x0 - prev.x1 > 0.2 * c.size and not text.endswith(" "):
            text += " "
        text += c.get_text()
        prev = c
    return Line(
        text=" ".join(text.split()),
        x0=min(c.x0 for c in chars) / MM,
        x1=max(c.x1 for c in chars) / MM,
        top=(height - max(c.y1 for c in chars)) / MM,
        bottom=(height - min(c.y0 for c in chars)) / MM,
        sizes=[c.size for c in chars if c.get_text().strip()],
        fonts={c.fontname.split("+")[-1] for c in chars if c.get_text().strip()},
    )


def _is_decree_size(s: float) -> bool:
    return any(abs(s - d) <= SIZE_TOLERANCE for d in DECREE_SIZES)


def _in(s: float, sizes) -> bool:
    return any(abs(s - d) <= SIZE_TOLERANCE for d in sizes)


def _starts_part(page: Page, text_centre: float) -> bool:
    content = page.content
    if not content:
        return False
    first = content[0]
    # The header's first row holds the issuer and the national title side by side.
    top_row = [l for l in content if abs(l.top - first.top) < 3]
    if any(NATIONAL_TITLE in l.text for l in top_row):
        return True
    if first.text.startswith("Phụ lục"):
        return True
    centre = (first.x0 + first.x1) / 2
    letters = [ch for ch in first.text if ch.isalpha()]
    return (first.bold and letters and all(ch.isupper() for ch in letters)
            and abs(centre - text_centre) < 4 and first.size >= 13 - SIZE_TOLERANCE)


def inspect(path: str, expect_parts: int | None = None,
            margins: tuple[float, float, float, float] = (25, 20, 20, 35)) -> Report:
    """Inspects one PDF. `margins` (top, right, bottom, left, mm) are the document's own
    margins: the page number must be centred over the text area they leave."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    _, right_m, _, left_m = margins
    violations: list[str] = []
    pages: list[Page] = []
    try:
        layouts = list(extract_pages(path, laparams=LAParams()))
    except Exception as e:  # pdfminer raises many kinds; the file is unreadable
        raise OSError(f"{path}: not a readable PDF ({e})") from e
    for i, lp in enumerate(layouts, start=1):
        pages.append(Page(index=i, width=lp.width / MM, height=lp.height / MM, lines=_lines_of(lp),
                          graphics=_graphics_of(lp)))

    for page in pages:
        text_centre = left_m + (page.width - left_m - right_m) / 2
        # The page number: a line of digits alone above the text, in the top margin.
        for l in page.lines:
            if l.text.isdigit() and l.bottom < MIN_MARGINS["top"] + 2 and len(l.text) <= 4:
                page.number, page.number_line = int(l.text), l
                break
        page.part_start = page.index == 1 or _starts_part(page, text_centre)
        check_page(page, text_centre)

    # Numbering by part.
    k = 0
    for page in pages:
        k = 1 if page.part_start else k + 1
        if k == 1 and page.number is not None:
            page.problems.append(f"numbers: page number {page.number} on the first page of a part")
        elif k > 1 and page.number is None:
            page.problems.append(f"numbers: no page number (page {k} of its part)")
        elif k > 1 and page.number != k:
            page.problems.append(f"numbers: shows {page.number}, expected {k} (page {k} of its part)")

    parts = sum(1 for p in pages if p.part_start)
    if expect_parts is not None and parts != expect_parts:
        violations.append(f"{path}: {parts} parts found, expected {expect_parts} (part starts on pages "
                          + ", ".join(str(p.index) for p in pages if p.part_start) + ")")
    for page in pages:
        violations += [f"{path}: page {page.index}: {m}" for m in page.problems]
    return Report(path=path, pages=pages, violations=violations)


def check_page(page: Page, text_centre: float) -> None:
    bad = page.problems.append
    w, h = page.width, page.height
    if abs(w - A4[0]) > PAGE_TOLERANCE_MM or abs(h - A4[1]) > PAGE_TOLERANCE_MM:
        bad(f"page: {w:.1f} x {h:.1f} mm, not A4 portrait (210 x 297 mm)")
    content = page.content
    if not content:
        bad("blank: the page carries nothing" + (" but its page number" if page.number_line else ""))
    # Area: no glyph inside the smallest margins.
    for l in page.lines:
        where = f"'{l.text[:40]}'"
        if l.x0 < MIN_MARGINS["left"] - 0.05:
            bad(f"area: {where} starts {l.x0:.1f} mm from the left edge (at least {MIN_MARGINS['left']:.0f})")
        if w - l.x1 < MIN_MARGINS["right"] - 0.05:
            bad(f"area: {where} ends {w - l.x1:.1f} mm from the right edge (at least {MIN_MARGINS['right']:.0f})")
        if h - l.bottom < MIN_MARGINS["bottom"] - 1.5:  # descenders reach below the line
            bad(f"area: {where} reaches {h - l.bottom:.1f} mm from the bottom edge (at least {MIN_MARGINS['bottom']:.0f})")
        if l is not page.number_line and l.top < MIN_MARGINS["top"] - 1.0:
            bad(f"area: {where} is {l.top:.1f} mm from the top edge (at least {MIN_MARGINS['top']:.0f})")
    # Margins actually used: the left and right edges of the wide lines and rules
    # (justified lines, table borders) lie in the Decree's ranges; the first line is no
    # lower than the top margin plus a title's space above it.
    # An edge is measured where at least three wide lines (over 100 mm) start or end
    # within 0.5 mm, or where a rule or border over 100 mm long is drawn.
    lefts, rights = Counter(), Counter()
    for l in content:
        if l.x1 - l.x0 > 100:
            lefts[round(l.x0 * 2) / 2] += 1
            rights[round(l.x1 * 2) / 2] += 1
    for x0, x1 in page.graphics:
        if x1 - x0 > 100:
            lefts[round(x0 * 2) / 2] += 3
            rights[round(x1 * 2) / 2] += 3
    left_edges = [x for x, n in lefts.items() if n >= 3]
    right_edges = [x for x, n in rights.items() if n >= 3]
    if left_edges:
        left = min(left_edges)
        if not (LEFT_RANGE[0] - 0.5 <= left <= LEFT_RANGE[1] + 0.5):
            bad(f"margins: the text starts {left:.1f} mm from the left edge ({LEFT_RANGE[0]:.0f}-{LEFT_RANGE[1]:.0f})")
    if right_edges:
        right = w - max(right_edges)
        if not (RIGHT_RANGE[0] - 0.05 <= right <= RIGHT_RANGE[1] + 0.5):
            bad(f"margins: the text ends {right:.1f} mm from the right edge ({RIGHT_RANGE[0]:.0f}-{RIGHT_RANGE[1]:.0f})")
    if content:
        top = min(l.top for l in content)
        limit = TOP_RANGE[1] + 3 + (18 / MM if page.part_start else 0)
        if top > limit:
            bad(f"margins: the first line is {top:.1f} mm from the top edge (top margin {TOP_RANGE[0]:.0f}-{TOP_RANGE[1]:.0f})")
    # Sizes and fonts.
    odd = Counter()
    for l in page.lines:
        for s in l.sizes:
            if not _is_decree_size(s):
                odd[round(s, 2)] += 1
    if odd:
        bad("sizes: glyphs at " + ", ".join(f"{s} pt ({n})" for s, n in sorted(odd.items()))
            + " (scaled print? the Decree's sizes are 10-14 pt in whole points)")
    all_sizes = Counter(round(s, 1) for l in content for s in l.sizes)
    if sum(all_sizes.values()) >= 150:
        body = all_sizes.most_common(1)[0][0]
        if not _in(body, BODY_SIZES):
            bad(f"sizes: the body is {body} pt (13-14)")
    fonts = {f for l in page.lines for f in l.fonts}
    strange = sorted(f for f in fonts if not any(f.replace(" ", "").startswith(x.replace(" ", "")) for x in FONT_FAMILIES))
    if strange:
        bad("fonts: " + ", ".join(strange) + " (only Liberation Serif / Times New Roman)")
    # Page number.
    if page.number_line is not None:
        l = page.number_line
        centre = (l.x0 + l.x1) / 2
        if abs(centre - text_centre) > 2:
            bad(f"numbers: the page number is centred at {centre:.1f} mm, the text area at {text_centre:.1f} mm")
        if not _in(l.size, PAGE_NUMBER_SIZES):
            bad(f"numbers: the page number is {l.size} pt (13-14)")
    # Nơi nhận: label 12 pt, items 11 pt (the column under the label, to the first gap).
    for i, l in enumerate(content):
        if not l.text.startswith("Nơi nhận"):
            continue
        if not _in(l.size, (12.0,)):
            bad(f"sizes: 'Nơi nhận:' is {l.size} pt (12)")
        last = l.bottom
        for m in content[i + 1:]:
            if m.x0 > l.x0 + 40 or m.x0 < l.x0 - 1 or m.top < l.top:
                continue
            if m.top - last > 8:
                break
            last = m.bottom
            wrong = [s for s in m.sizes if not _in(s, (11.0,))]
            if wrong:
                bad(f"sizes: Nơi nhận item '{m.text[:30]}' is {m.size} pt (11)")


def compare(reports: list[Report]) -> list[str]:
    """Violations when the files differ in page count or in pages per part."""
    out = []
    first = reports[0]
    for r in reports[1:]:
        if len(r.pages) != len(first.pages):
            out.append(f"compare: {first.path} has {len(first.pages)} pages, {r.path} has {len(r.pages)}")
        elif r.part_pages != first.part_pages:
            out.append(f"compare: pages per part differ: {first.path} {first.part_pages}, {r.path} {r.part_pages}")
    return out


def describe(report: Report) -> str:
    out = [f"{report.path}: {len(report.pages)} pages, parts {report.part_pages}"]
    for p in report.pages:
        sizes = Counter(round(s, 1) for l in p.content for s in l.sizes)
        body = sizes.most_common(1)[0][0] if sizes else "-"
        left = min((l.x0 for l in p.content), default=0)
        right = max((l.x1 for l in p.content), default=0)
        mark = "ok " if not p.problems else "BAD"
        out.append(f"  {mark} page {p.index:>3}: {'start' if p.part_start else '     '} number "
                   f"{p.number if p.number is not None else '-':>3}  body {body} pt  glyphs {left:.1f}-{right:.1f} mm"
                   f"  {len(p.content)} lines")
        for m in p.problems:
            out.append(f"        {m}")
    return "\n".join(out)


def _inspect_job(args):
    path, expect, margins = args
    return inspect(path, expect, margins)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", metavar="FILE.pdf")
    ap.add_argument("--expect-parts", type=int, metavar="N", help="the number of parts each file must have")
    ap.add_argument("--margins", default="25,20,20,35", metavar="T,R,B,L",
                    help="the document's margins in mm (default 25,20,20,35)")
    ap.add_argument("--compare", action="store_true",
                    help="the files must have the same pages and pages per part")
    ap.add_argument("--quiet", action="store_true", help="print only violations and a summary")
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1), help="files inspected in parallel")
    a = ap.parse_args(argv)
    try:
        margins = tuple(float(x) for x in a.margins.split(","))
        assert len(margins) == 4
    except (ValueError, AssertionError):
        print(f"error: --margins wants T,R,B,L in mm, got {a.margins!r}", file=sys.stderr)
        return 2
    for f in a.files:
        if not os.path.isfile(f):
            print(f"error: {f}: no such file", file=sys.stderr)
            return 2
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        print("error: pdfminer.six is not installed (pip install pdfminer.six)", file=sys.stderr)
        return 2
    jobs = [(f, a.expect_parts, margins) for f in a.files]
    try:
        if a.jobs > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=a.jobs) as ex:
                reports = list(ex.map(_inspect_job, jobs))
        else:
            reports = [_inspect_job(j) for j in jobs]
    except OSError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    violations = [v for r in reports for v in r.violations]
    if a.compare and len(reports) > 1:
        violations += compare(reports)
    if a.json:
        print(json.dumps([{"path": r.path, "pages": len(r.pages), "part_pages": r.part_pages,
                           "numbers": [p.number for p in r.pages], "violations": r.violations}
                          for r in reports], ensure_ascii=False, indent=1))
    elif not a.quiet:
        for r in reports:
            print(describe(r))
    for v in violations:
        print("VIOLATION: " + v, file=sys.stderr)
    pages = sum(len(r.pages) for r in reports)
    print(f"inspected {len(reports)} file(s), {pages} pages: "
          + ("all pages pass" if not violations else f"{len(violations)} violation(s)"))
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())

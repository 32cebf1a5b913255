#!/usr/bin/env python3
"""Writes the openpyxl-made spreadsheet fixtures of Fixtures/sheets from members.csv,
and the hostile spreadsheets the reader must refuse.

Run by Scripts/make-sheet-fixtures.sh (which also makes the LibreOffice and iconv
fixtures). Needs openpyxl (pip install openpyxl).

- members-openpyxl.xlsx: the list written by a second, independent writer: shared
  strings, numbers as numbers, dates and times as date/time cells (1900 system), an
  extra sheet after the first, and empty formatted rows after the last record.
- members-1904.xlsx: the same in the 1904 date system, the recipient column as rich
  text (two runs), a formula cell (its cached value read), a second sheet chosen with
  --sheet "Danh sách".
- members-bad.xlsx: a date that does not exist, typed as text in C3.
- hostile/*: a zip bomb, a DOCTYPE with an external entity, a path-traversal entry,
  a million empty rows, a corrupt zip.
"""
import csv
import datetime
import io
import os
import sys
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "sheets")
os.chdir(here)

with open("members.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, records = rows[0], rows[1:]


def typed(column, text):
    """The cell value a clerk would type: numbers, dates and times as such."""
    if text == "":
        return None
    if column == "number":
        return int(text)
    if column == "meeting.date":
        return datetime.date.fromisoformat(text)
    if column == "meeting.start":
        h, m = text.split(":")
        return datetime.time(int(h), int(m))
    return text


def fill(ws, rich=False):
    ws.append(header)
    for r in records:
        ws.append([typed(c, t) for c, t in zip(header, r)])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, datetime.time):
                cell.number_format = "hh:mm"
    if rich:
        for row in ws.iter_rows(min_row=2, max_col=1):
            cell = row[0]
            head, _, tail = cell.value.partition(" ")
            cell.value = CellRichText([TextBlock(InlineFont(b=True), head), " " + tail])


# members-openpyxl.xlsx: first sheet is the list.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Hội viên"
fill(ws)
# Formatted but empty rows after the list: ignored.
for r in range(len(records) + 2, len(records) + 12):
    ws.cell(row=r, column=1).number_format = "@"
notes = wb.create_sheet("Ghi chú")
notes["A1"] = "Danh sách cập nhật tháng 11/2022"
wb.save("members-openpyxl.xlsx")

# members-1904.xlsx: 1904 dates, rich text, a formula, the list on the second sheet.
wb = openpyxl.Workbook()
wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
first = wb.active
first.title = "Bìa"
first["A1"] = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Dương"
ws = wb.create_sheet("Danh sách")
fill(ws, rich=True)
wb.save("members-1904.xlsx")

# The formula: openpyxl writes no cached value, so add one by hand in the sheet XML:
# number = 231 + 1 for the first record, cached 232.
with zipfile.ZipFile("members-1904.xlsx") as z:
    parts = {n: z.read(n) for n in z.namelist()}
sheet = parts["xl/worksheets/sheet2.xml"].decode("utf-8")
old = '<c r="B2" t="n"><v>232</v></c>'
if old not in sheet:
    sys.exit("unexpected openpyxl output: no " + old)
sheet = sheet.replace(old, '<c r="B2"><f>231+1</f><v>232</v></c>')
parts["xl/worksheets/sheet2.xml"] = sheet.encode("utf-8")
with zipfile.ZipFile("members-1904.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), b, zipfile.ZIP_DEFLATED)

# members-bad.xlsx: the list with an impossible date typed as text in C3 (record 2).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
fill(ws)
ws["C3"] = "2022-13-45"
wb.save("members-bad.xlsx")

# Hostile files, built from a small valid workbook.
os.makedirs("hostile", exist_ok=True)
wb = openpyxl.Workbook()
wb.active.title = "Sheet1"
wb.active.append(["recipient"])
wb.active.append(["Hội Dược học tỉnh Bình Dương"])
buf = io.BytesIO()
wb.save(buf)
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    base = {n: z.read(n) for n in z.namelist()}


def write(name, parts, extra=()):
    with zipfile.ZipFile(os.path.join("hostile", name), "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in list(parts.items()) + list(extra):
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), b, zipfile.ZIP_DEFLATED)


sheet_path = "xl/worksheets/sheet1.xml"
sheet = base[sheet_path].decode("utf-8")

# A zip bomb: the sheet inflates to 80 MiB (white space inside the sheet), about 80 kB zipped.
bomb = dict(base)
bomb[sheet_path] = sheet.replace("<sheetData>", "<sheetData>" + " " * (80 << 20), 1).encode("utf-8")
write("bomb.xlsx", bomb)

# A DOCTYPE with an external entity in the sheet.
doctype = dict(base)
decl_end = sheet.index("?>") + 2 if "?>" in sheet else 0
doctype[sheet_path] = (sheet[:decl_end] + '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + sheet[decl_end:]).replace(
    "<sheetData>", '<sheetData><row r="5"><c r="A5" t="inlineStr"><is><t>&x;</t></is></c></row>', 1).encode("utf-8")
write("doctype.xlsx", doctype)

# An entry whose name climbs out of the archive.
write("traversal.xlsx", base, [("../../evil.txt", b"owned")])

# A million empty rows after the list (each <row/> with no cells).
million = dict(base)
million[sheet_path] = sheet.replace("</sheetData>", "<row/>" * 1_000_000 + "</sheetData>", 1).encode("utf-8")
write("million-rows.xlsx", million)

# A corrupt zip: the valid workbook with its central directory cut off.
data = buf.getvalue()
with open(os.path.join("hostile", "corrupt.xlsx"), "wb") as f:
    f.write(data[: len(data) // 2])
print("written:", sorted(os.listdir(".")), sorted(os.listdir("hostile")))

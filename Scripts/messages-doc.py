#!/usr/bin/env python3
"""Writes the catalogue part of Docs/Messages.md from Sources/VanBanModel/Diagnostics/Messages*.swift.

Usage: python3 Scripts/messages-doc.py          print the table
       python3 Scripts/messages-doc.py --write  replace the table under "## The catalogue" in Docs/Messages.md
MessageCatalogueTests checks that every key of the catalogue is listed in Docs/Messages.md.
"""
import glob, re, sys

ENTRY = re.compile(r'"([a-z0-9.\-]+)":\s*MessageEntry\(en:\s*"((?:[^"\\]|\\.)*)",\s*vi:\s*"((?:[^"\\]|\\.)*)"\)', re.S)

def unescape(s):
    return s.replace('\\"', '"').replace('\\\\', '\\')

def cell(s):
    return unescape(s).replace('|', '\\|')

rows = []
for path in sorted(glob.glob('Sources/VanBanModel/Diagnostics/Messages*.swift')):
    with open(path, encoding='utf-8') as f:
        for key, en, vi in ENTRY.findall(f.read()):
            rows.append((key, en, vi))
rows.sort()
table = '| key | English | Tiếng Việt |\n|---|---|---|\n' + ''.join(f'| `{key}` | {cell(en)} | {cell(vi)} |\n' for key, en, vi in rows)
if sys.argv[1:] == ['--write']:
    heading = '## The catalogue\n\n'
    with open('Docs/Messages.md', encoding='utf-8') as f:
        doc = f.read()
    with open('Docs/Messages.md', 'w', encoding='utf-8') as f:
        f.write(doc[:doc.index(heading) + len(heading)] + table)
else:
    sys.stdout.write(table)

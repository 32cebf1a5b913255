#!/usr/bin/env python3
"""Writes the catalogue part of Docs/Messages.md from Sources/VanBanModel/Diagnostics/Messages*.swift.

Usage: python3 Scripts/messages-doc.py > /tmp/catalogue.md  (then paste it under "## The catalogue").
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
print('| key | English | Tiếng Việt |')
print('|---|---|---|')
for key, en, vi in rows:
    print(f'| `{key}` | {cell(en)} | {cell(vi)} |')

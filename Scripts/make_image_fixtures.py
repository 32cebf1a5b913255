#!/usr/bin/env python3
"""Draws the image fixtures of Fixtures/electronic-copy/ with the standard library only.

- signature.png: a blue hand-signature-like stroke on a transparent background
  (RGBA, 472 x 236 px: 40 x 20 mm at 300 dpi), as Decree 30 PL I II.7.d asks.
- seal.png: a round red seal on a transparent background (RGBA, 425 x 425 px: 36 mm
  at 300 dpi): two rings, a ring of dots where the name would be, a star.
- logo.jpg: a grey round emblem as a baseline greyscale JPEG (DC-only blocks).

The output is deterministic (no time stamps): run it again and the files are identical.
Usage: python3 Scripts/make_image_fixtures.py [OUTPUT_DIR]
"""
import math
import os
import struct
import sys
import zlib


def png(path, width, height, pixel):
    """Writes an RGBA PNG; pixel(x, y) returns (r, g, b, a)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows += bytes(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def signature_pixels(width, height):
    """A stroke: a looping curve, drawn as discs along its path, in ballpoint blue."""
    ink = [[0.0] * width for _ in range(height)]
    pen = 4.5
    steps = 4000
    for i in range(steps + 1):
        t = i / steps
        x = 30 + t * (width - 60)
        y = height * 0.55 - 55 * math.sin(t * 2 * math.pi * 3.2) * (1 - 0.6 * t) - 25 * math.sin(t * 2 * math.pi * 9) * t
        # a loop: a small circle added to the path in the first third
        if 0.08 < t < 0.3:
            phase = (t - 0.08) / 0.22 * 2 * math.pi * 2
            x += 28 * math.sin(phase)
            y += 28 * (1 - math.cos(phase))
        for yy in range(int(y - pen - 1), int(y + pen + 2)):
            for xx in range(int(x - pen - 1), int(x + pen + 2)):
                if 0 <= xx < width and 0 <= yy < height:
                    d = math.hypot(xx - x, yy - y)
                    a = max(0.0, min(1.0, pen - d + 0.5))
                    ink[yy][xx] = max(ink[yy][xx], a)
    # the underline flourish
    for xx in range(60, width - 90):
        y = height * 0.86 + 6 * math.sin(xx / 40)
        for yy in range(int(y - 2), int(y + 3)):
            if 0 <= yy < height:
                a = max(0.0, min(1.0, 2.5 - abs(yy - y)))
                ink[yy][xx] = max(ink[yy][xx], a)
    return lambda x, y: (20, 40, 160, int(round(255 * ink[y][x])))


def seal_pixels(size):
    """A red seal: outer ring, inner ring, a ring of dots, a five-pointed star."""
    c = (size - 1) / 2
    r_outer, r_inner = size / 2 - 4, size / 2 - 60
    star = []
    for k in range(10):
        angle = -math.pi / 2 + k * math.pi / 5
        radius = 70 if k % 2 == 0 else 28
        star.append((c + radius * math.cos(angle), c + radius * math.sin(angle)))

    def in_star(x, y):
        inside = False
        j = len(star) - 1
        for i in range(len(star)):
            xi, yi = star[i]
            xj, yj = star[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside

    dots = [(c + (r_outer - 30) * math.cos(2 * math.pi * k / 36), c + (r_outer - 30) * math.sin(2 * math.pi * k / 36)) for k in range(36)]

    def pixel(x, y):
        d = math.hypot(x - c, y - c)
        a = 0.0
        a = max(a, min(1.0, max(0.0, 6 - abs(d - r_outer))))  # outer ring, 12 px
        a = max(a, min(1.0, max(0.0, 3 - abs(d - r_inner))))  # inner ring, 6 px
        if abs(d - (r_outer - 30)) < 12:
            for (dx, dy) in dots:
                if math.hypot(x - dx, y - dy) < 8:
                    a = 1.0
                    break
        if d < 75 and in_star(x, y):
            a = 1.0
        return (200, 16, 30, int(round(255 * a * 0.92)))

    return pixel


# --- A minimal baseline JPEG writer: one greyscale component, every 8x8 block flat
# (its DC coefficient only), quantisation 1, a 12-symbol DC table with 4-bit codes and
# an AC table holding only end-of-block.

def jpeg(path, width, height, grey):
    def segment(marker, payload):
        return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload

    out = bytearray(b"\xFF\xD8")
    out += segment(0xE0, b"JFIF\x00\x01\x01\x01\x01\x2C\x01\x2C\x00\x00")  # 300 dpi
    out += segment(0xDB, b"\x00" + bytes([1] * 64))
    out += segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    dc_counts = [0, 0, 0, 12] + [0] * 12
    out += segment(0xC4, b"\x00" + bytes(dc_counts) + bytes(range(12)))
    ac_counts = [1] + [0] * 15
    out += segment(0xC4, b"\x10" + bytes(ac_counts) + b"\x00")
    out += segment(0xDA, b"\x01\x01\x00\x00\x3F\x00")

    bits = []

    def put(value, length):
        for i in reversed(range(length)):
            bits.append((value >> i) & 1)

    previous = 0
    for by in range(0, height, 8):
        for bx in range(0, width, 8):
            total = 0
            for y in range(by, by + 8):
                for x in range(bx, bx + 8):
                    total += grey(min(x, width - 1), min(y, height - 1))
            dc = int(round(total / 8 - 128 * 8))  # 8 x the mean, level-shifted
            diff = dc - previous
            previous = dc
            category = 0 if diff == 0 else abs(diff).bit_length()
            put(category, 4)
            if category:
                put(diff if diff > 0 else diff + (1 << category) - 1, category)
            put(0, 1)  # end of block
    while len(bits) % 8:
        bits.append(1)
    for i in range(0, len(bits), 8):
        byte = int("".join(map(str, bits[i:i + 8])), 2)
        out.append(byte)
        if byte == 0xFF:
            out.append(0)
    out += b"\xFF\xD9"
    with open(path, "wb") as f:
        f.write(bytes(out))


def logo_grey(size):
    c = (size - 1) / 2

    def grey(x, y):
        d = math.hypot(x - c, y - c)
        if d > size / 2 - 2:
            return 255
        if d > size / 2 - 14:
            return 60
        if abs(x - c) < 10 or abs(y - c) < 10:
            return 90
        return 200

    return grey


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Fixtures", "electronic-copy")
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, "signature.png"), 472, 236, signature_pixels(472, 236))
    png(os.path.join(out, "seal.png"), 425, 425, seal_pixels(425))
    jpeg(os.path.join(out, "logo.jpg"), 160, 160, logo_grey(160))


if __name__ == "__main__":
    main()

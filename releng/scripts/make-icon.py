#!/usr/bin/env python3
"""Draws Oko's simple 16x16 PNG icons (an eye: "oko") without any imaging library.

usage: make-icon.py OUT.png RRGGBB
"""
import struct
import sys
import zlib


def eye_icon(rgb):
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    rows = []
    for y in range(16):
        row = bytearray([0])  # filter type 0
        for x in range(16):
            cx, cy = x - 7.5, y - 7.5
            # almond-shaped eye outline, iris and pupil
            in_eye = (cx * cx) / 56.0 + (cy * cy) / 20.0 <= 1.0
            d2 = cx * cx + cy * cy
            if d2 <= 2.5:
                px = (20, 20, 30, 255)
            elif d2 <= 11:
                px = (r, g, b, 255)
            elif in_eye:
                px = (250, 250, 250, 255)
            elif (cx * cx) / 72.0 + (cy * cy) / 30.0 <= 1.0:
                px = (r // 2, g // 2, b // 2, 255)
            else:
                px = (0, 0, 0, 0)
            row.extend(px)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 16, 16, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(eye_icon(sys.argv[2]))

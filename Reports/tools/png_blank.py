#!/usr/bin/env python3
"""Exit 1 when a PNG screenshot is blank: fewer than 3 colours, or fewer than 0.5% of
its pixels differ from the most common colour. Reads 8-bit RGB/RGBA PNGs with zlib
alone (no extra package): IHDR for the size, IDAT decompressed and unfiltered (PNG
specification §9 filter types 0-4).

usage: png_blank.py SHOT.png
"""
import struct
import sys
import zlib
from collections import Counter


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = header[:4]
    if depth != 8 or colour not in (2, 6):
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}")
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    previous, rows = bytearray(stride), []
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = row[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + a) & 255
            elif kind == 2:
                row[i] = (row[i] + b) & 255
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(row))
        previous = row
    return [row[i:i + channels] for row in rows[::4] for i in range(0, stride, channels * 4)]


def main(path):
    sample = Counter(pixels(path))
    total = sum(sample.values())
    common = sample.most_common(1)[0][1]
    if len(sample) < 3 or (total - common) / total < 0.005:
        print(f"{path}: blank page ({len(sample)} colours)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

#!/usr/bin/env python3
"""Writes color.png (192x192, full colour) and outline.png (32x32, white on transparent) with the standard library only."""
import os
import struct
import zlib


def png(path, width, height, pixel):
    """pixel(x, y) -> (r, g, b, a)."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter: none
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def board(x, y, size):
    """A kanban-board glyph: three columns of cards inside a frame, in a size x size box; True where drawn."""
    u = size / 32.0
    fx0, fx1, fy0, fy1 = 3 * u, 29 * u, 5 * u, 27 * u
    on_frame = (fx0 <= x < fx1 and fy0 <= y < fy1) and not (fx0 + 2 * u <= x < fx1 - 2 * u and fy0 + 2 * u <= y < fy1 - 2 * u)
    cards = [(7, 10, 4), (14, 10, 3), (21, 10, 2)]
    on_card = False
    for cx, top, count in cards:
        for i in range(count):
            y0 = (top + i * 4) * u
            if cx * u <= x < (cx + 4) * u and y0 <= y < y0 + 3 * u:
                on_card = True
    return on_frame or on_card


here = os.path.dirname(os.path.abspath(__file__))
png(os.path.join(here, "color.png"), 192, 192,
    lambda x, y: (255, 255, 255, 255) if board(x, y, 192) else (0x2B, 0x57, 0x97, 255))
png(os.path.join(here, "outline.png"), 32, 32,
    lambda x, y: (255, 255, 255, 255) if board(x, y, 32) else (0, 0, 0, 0))

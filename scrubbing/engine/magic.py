"""What the first bytes of a picture, a markup file or a media container say. Standard library
only (sniffing runs on every upload); `sniff` decides what to do with the answer.
"""

from __future__ import annotations

import re

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"

# ISO base media (HEIF, AVIF, MP4, QuickTime...) brands, from the `ftyp` box.
HEIC_BRANDS = frozenset({"heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1"})
AVIF_BRANDS = frozenset({"avif", "avis"})

_PBM_GAP = rb"\s+(?:#[^\n]{0,200}\n\s*){0,20}"  # white space and comment lines
_NETPBM = re.compile(rb"P([1-6])" + _PBM_GAP + rb"[1-9]\d{0,5}" + _PBM_GAP + rb"[1-9]\d{0,5}\s")
_PBM_ASCII = re.compile(rb"[\d\s]*")
_BMP_HEADERS = frozenset({12, 40, 52, 56, 64, 108, 124})


def ftyp_brands(data: bytes) -> set[str]:
    """The major and compatible brands of an ISO base media file (empty: not one)."""
    if data[4:8] != b"ftyp":
        return set()
    size = min(max(int.from_bytes(data[:4], "big"), 16), 256, len(data))
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, size - 3, 4)}
    return {b.decode("latin-1") for b in brands}


def png_or_jpeg(data: bytes) -> str | None:
    """ "png" or "jpeg" from the signature, else None (the two kinds read without converting)."""
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    return None


def picture_kind(data: bytes) -> str | None:
    """gif, tiff, webp, heic, avif, bmp or ppm (Netpbm: PBM/PGM/PPM), from the bytes."""
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    brands = ftyp_brands(data)
    if brands & AVIF_BRANDS:
        return "avif"
    if brands & HEIC_BRANDS:
        return "heic"
    if data[:2] == b"BM" and int.from_bytes(data[14:18], "little") in _BMP_HEADERS:
        return "bmp"
    pbm = _NETPBM.match(data[:4096])
    # the plain (ASCII) variants are digits only, so "P1 2024 10 goals" stays a text file
    if pbm and (pbm.group(1) in b"456" or _PBM_ASCII.fullmatch(data[pbm.end() : 4096])):
        return "ppm"
    return None


def _skip_prolog(head: bytes) -> bytes:
    """`head` after a BOM, white space, an XML declaration, comments and a DOCTYPE."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    while True:
        head = head.lstrip()
        if head.startswith(b"<?"):
            end = head.find(b"?>") + 2
        elif head.startswith(b"<!--"):
            end = head.find(b"-->") + 3
        elif head[:9].upper() == b"<!DOCTYPE" and head[9:14].strip().lower() != b"html":
            gt, subset = head.find(b">"), head.find(b"[")
            if 0 <= subset < gt:  # an internal subset holds ">" too: the DOCTYPE ends after "]"
                gt = head.find(b">", head.find(b"]", subset))
            end = gt + 1 if gt >= 0 else 0
        else:
            return head
        if end <= 2:
            return b""
        head = head[end:]


def markup_kind(data: bytes) -> str | None:
    """ "svg", "html" or "ipynb" for text whose start says so; else None."""
    head = data[:65536]
    body = _skip_prolog(head)
    low = body[:64].lower()
    if re.match(rb"<(?:[a-z0-9_-]+:)?svg[\s>/]", low):
        return "svg"
    if low.startswith(b"<!doctype html") or re.match(rb"<html[\s>]", low):
        return "html"
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"{") and b'"nbformat"' in data and b'"cells"' in data:
        return "ipynb"
    return None

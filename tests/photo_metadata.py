"""What metadata a published photo still carries: the check behind "no EXIF, GPS or XMP ever leaves the site"."""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, UnidentifiedImageError


def metadata_problems(path: Path) -> list[str]:
    """Metadata a published JPEG or WebP still carries (EXIF, GPS, XMP, ICC, IPTC, comments).

    An empty list means the file is clean. It reads the container structure, so it cannot be
    fooled by compressed image data that happens to contain "Exif".
    """
    data = Path(path).read_bytes()
    problems: list[str] = []
    if data[:2] == b"\xff\xd8":
        for marker, payload in _jpeg_segments(data):
            if marker == 0xE1 and payload.startswith(b"Exif"):
                problems.append("EXIF")
            elif marker == 0xE1:
                problems.append("XMP" if payload.startswith(b"http://ns.adobe.com/xap/") else "APP1")
            elif marker == 0xE2:
                problems.append("ICC" if payload.startswith(b"ICC_PROFILE") else "APP2")
            elif marker == 0xED:
                problems.append("IPTC")
            elif marker == 0xFE:
                problems.append("comment")
            elif 0xE3 <= marker <= 0xEF:
                problems.append(f"APP{marker - 0xE0}")
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        for chunk, _payload in _webp_chunks(data):
            if chunk in (b"EXIF", b"XMP ", b"ICCP"):
                problems.append({b"EXIF": "EXIF", b"XMP ": "XMP", b"ICCP": "ICC"}[chunk])
    else:
        problems.append("unknown format")
    try:
        with Image.open(path) as image:
            exif = image.getexif()
            if exif:
                problems.append("EXIF tags")
            if exif.get_ifd(0x8825):
                problems.append("GPS")
            if image.info.get("xmp") or image.info.get("icc_profile"):
                problems.append("XMP/ICC in info")
    except (OSError, UnidentifiedImageError):
        problems.append("unreadable")
    return problems


def _jpeg_segments(data: bytes) -> Iterable[tuple[int, bytes]]:
    """(marker, payload) of the JPEG header segments, up to the start of the image data."""
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan / end of image
            return
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        yield marker, data[position + 4 : position + 2 + length]
        position += 2 + length


def _webp_chunks(data: bytes) -> Iterable[tuple[bytes, bytes]]:
    position = 12
    while position + 8 <= len(data):
        chunk = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        yield chunk, data[position + 8 : position + 8 + length]
        position += 8 + length + (length & 1)

"""What a photo kept in the repository may weigh: the one rule ``bangtin shrink``, the build's report and the web
editor share.

A phone photo is 3–5 MB; at a real school's pace (100 articles a year, 10 photos each) the originals would grow the
repository by about 4 GB a year, past what GitHub recommends within a term. A source photo is therefore at most
2048 px on its long side (the published variants are at most 1200 px wide) and about 1 MB, as a JPEG.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MAX_SIDE = 2048
MAX_BYTES = 1024 * 1024
#: Formats a browser and Windows open without extra software; others (HEIC from iPhones) are converted to JPEG.
KEPT_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
#: JPEG qualities tried in order until the photo fits MAX_BYTES: 85 first, a high quality at which a 2048-px photo
#: usually weighs well under 1 MB; lower only while it is still heavier.
QUALITIES = (85, 80, 75, 70, 65, 60)


#: Left as they are: a GIF may be an animation, which a JPEG would freeze.
UNTOUCHED_SUFFIXES = frozenset({".gif"})


def too_heavy(path: Path, size: int) -> str | None:
    """Why a source photo breaks the rule, judged without opening it (its size and kind), or None."""
    if path.suffix.lower() in UNTOUCHED_SUFFIXES:
        return None
    if path.suffix.lower() not in KEPT_SUFFIXES:
        return f"ảnh {path.suffix.lstrip('.').upper()} (cần đổi sang JPEG)"
    if size > MAX_BYTES:
        return f"ảnh nặng {size / MAX_BYTES:.1f} MB (tối đa 1 MB)".replace(".", ",", 1)
    return None


@dataclass(frozen=True)
class PhotoWeight:
    """The photos of the content folders: how many, how heavy, and where that leads at the current pace."""

    count: int
    total: int
    per_year: float

    def projection(self, years: int) -> int:
        return round(self.total + self.per_year * years)


def photo_weight(photos: Iterable[tuple[int, date]], today: date) -> PhotoWeight:
    """``photos`` as (bytes, the day of the content that uses it); the pace is the bytes added per year since the
    oldest of those days (a year at least)."""
    items = list(photos)
    total = sum(size for size, _ in items)
    first = min((day for _, day in items), default=today)
    years = max(1.0, (today - first).days / 365.25)
    return PhotoWeight(len(items), total, total / years)

"""What the build and ``bangtin check`` say about the photos kept in the repository: each one over the source limit
(:mod:`bangtin.photo_rules`) with the command that fixes it, and their weight now and in five years."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .filters import filesize
from .photo_rules import photo_weight, too_heavy

PROJECTION_YEARS = 5


@dataclass(frozen=True)
class SourcePhoto:
    """A photo a page uses, as it is in the repository."""

    rel: str
    size: int
    day: date
    """The day of the content that uses it (the pace of the projection)."""


def unreadable_photo(path: Path, cache_dir: Path) -> str | None:
    """Why a photo cannot be published (a broken or truncated file), or None. A photo whose variants the cache
    holds is known good; any other is decoded, as the build will."""
    from .photos import load_manifest, photo_key
    from .problems import PhotoError

    try:
        data = path.read_bytes()
    except OSError as error:
        return f"không đọc được ảnh “{path.name}”: {error.strerror or error}"
    if load_manifest(cache_dir, photo_key(data), path.name) is not None:
        return None
    from . import imaging

    try:
        imaging.decode(data, path.name)
    except PhotoError as error:
        return str(error)
    return None


def heavy_photo_reminders(photos: Iterable[SourcePhoto]) -> list[str]:
    """One line per photo over the limit, with the command that shrinks it."""
    lines = []
    for photo in sorted(photos, key=lambda photo: photo.rel):
        reason = too_heavy(Path(photo.rel), photo.size)
        if reason:
            lines.append(f"“{photo.rel}” là {reason}: chạy bangtin shrink \"{photo.rel}\" để thu nhỏ ảnh trong kho "
                         "(ảnh đăng lên trang vẫn nhỏ, nhưng ảnh gốc làm kho GitHub đầy dần)")
    return lines


def weight_line(photos: Iterable[SourcePhoto], today: date) -> str:
    """``Ảnh gốc: 1,8 GB (412 ảnh); khoảng 9 GB sau 5 năm với nhịp hiện tại``."""
    weight = photo_weight(((photo.size, photo.day) for photo in photos), today)
    return (f"Ảnh gốc trong kho: {filesize(weight.total)} ({weight.count} ảnh); khoảng "
            f"{filesize(weight.projection(PROJECTION_YEARS))} sau {PROJECTION_YEARS} năm với nhịp hiện tại "
            "(GitHub khuyên kho dưới 1 GB; bangtin shrink thu nhỏ ảnh quá lớn)")

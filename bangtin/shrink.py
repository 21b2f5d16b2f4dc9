"""``bangtin shrink``: rewrite the photos over the source limit (:mod:`bangtin.photo_rules`) in place, as JPEGs of at
most 2048 px with no metadata, and rename their references when a ``.heic`` or ``.png`` becomes a ``.jpg``.

Photos within the limit are left as they are, so a second run changes no byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .caches import write_atomically
from .photo_rules import KEPT_SUFFIXES, MAX_BYTES, MAX_SIDE, QUALITIES, UNTOUCHED_SUFFIXES
from .photos import is_photo
from .problems import PhotoError


@dataclass(frozen=True)
class Shrunk:
    """One photo rewritten: where it was, where it is now, its bytes before and after."""

    source: Path
    target: Path
    before: int
    after: int


def find_photos(paths: Iterable[Path]) -> list[Path]:
    """The photos in ``paths`` (files, or folders searched recursively), in a stable order."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and is_photo(p))
        elif path.is_file() and is_photo(path):
            found.add(path)
    return sorted(found)


def needs_shrinking(path: Path) -> bool:
    """Over the limit: a kind browsers and Windows do not open, more than MAX_BYTES, or a side over MAX_SIDE (a GIF,
    perhaps animated, is left as it is)."""
    if path.suffix.lower() in UNTOUCHED_SUFFIXES:
        return False
    if path.suffix.lower() not in KEPT_SUFFIXES or path.stat().st_size > MAX_BYTES:
        return True
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return max(image.size) > MAX_SIDE
    except (OSError, UnidentifiedImageError):
        return False  # not a photo Pillow reads: the build names it


def shrink_photo(path: Path) -> Shrunk:
    """Rewrite one photo as a JPEG within the limit (``.jpg`` beside it when it was another kind); raise
    PhotoError when it cannot be read."""
    from . import imaging

    data = path.read_bytes()
    image = imaging.decode(data, path.name)  # upright, sRGB, on white where it was transparent, no metadata
    side = min(MAX_SIDE, max(image.size))
    while True:  # the qualities in turn; a photo still too heavy at the lowest is made smaller, so it always fits
        resized = imaging.resize(image, max(1, round(image.width * side / max(image.size))))
        encoded = next((jpeg for quality in QUALITIES
                        if len(jpeg := imaging.encode(resized, "jpeg", quality, 0)) <= MAX_BYTES), None)
        if encoded is not None or side <= 256:
            break
        side = int(side * 0.85)
    encoded = encoded or imaging.encode(resized, "jpeg", QUALITIES[-1], 0)
    target = path if path.suffix.lower() in (".jpg", ".jpeg") else _free_name(path.with_suffix(".jpg"))
    write_atomically(target, encoded)
    if target != path:
        path.unlink()
    return Shrunk(path, target, len(data), len(encoded))


def _free_name(wanted: Path) -> Path:
    """``anh.jpg``, or ``anh-2.jpg``… when a photo of that name is already there."""
    candidate, number = wanted, 2
    while candidate.exists():
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
        number += 1
    return candidate


def rename_references(markdown_files: Iterable[Path], renamed: dict[Path, Path]) -> list[Path]:
    """Replace, in each Markdown file, the references to a renamed photo (relative to that file); return the files
    changed."""
    changed = []
    for path in markdown_files:
        try:
            text = path.read_bytes().decode("utf-8")  # a BOM and CRLF line ends stay as the clerk's editor wrote them
        except UnicodeDecodeError:
            continue  # bangtin check names a file that is not UTF-8
        updated = text
        for old, new in renamed.items():
            try:
                old_rel = old.relative_to(path.parent).as_posix()
            except ValueError:
                continue
            new_rel = new.relative_to(path.parent).as_posix()
            updated = re.sub(rf"(?<![\w./-]){re.escape(old_rel)}(?![\w.-])", new_rel, updated)
        if updated != text:
            write_atomically(path, updated.encode("utf-8"))
            changed.append(path)
    return changed


def shrink_all(photos: Iterable[Path], markdown_files: Iterable[Path]) -> tuple[list[Shrunk], list[str], list[Path]]:
    """Shrink every photo over the limit; return what was rewritten, the photos that could not be read (Vietnamese
    messages), and the Markdown files whose references were renamed."""
    done, failed = [], []
    for path in photos:
        if not needs_shrinking(path):
            continue
        try:
            done.append(shrink_photo(path))
        except PhotoError as error:
            failed.append(str(error))
    renamed = {item.source.resolve(): item.target.resolve() for item in done if item.source != item.target}
    files = rename_references([p.resolve() for p in markdown_files], renamed) if renamed else []
    return done, failed, files

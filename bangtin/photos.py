"""Photos for the web: resized WebP and JPEG variants without metadata, cached by content.

Every photo of an article, plan or club goes through :func:`build_photo` at build time:

1. the source file is read once; its bytes and the encoding settings give the photo's key, a
   hash that names every output file (``<key>-<width>.webp`` / ``<key>-<width>.jpg``);
2. when the cache already holds that key's manifest and files, nothing is decoded or written;
3. otherwise the photo is decoded (JPEG, PNG, WebP, HEIC/HEIF from iPhones via pillow-heif…),
   turned upright with its EXIF orientation, flattened onto white if it has transparency,
   converted to sRGB from its embedded ICC profile, and resized to each width of ``widths``
   (WebP) and of :data:`JPEG_WIDTHS` that is smaller than the photo (never upscaled; a width larger
   than the photo becomes the photo's own width);
4. every variant is saved with no metadata at all: no EXIF (so no GPS, camera or date), no XMP,
   no IPTC, no comment, no ICC profile. Colours were converted to sRGB, which browsers assume
   for an untagged image, so a profile would add bytes and say nothing.

The original phone file is never published: :func:`bangtin.media.media_files` lists only the
variants. This module has no MkDocs imports and builds no HTML; templates use
:meth:`Photo.variants_for`, the variants' ``width``/``height`` and :func:`social_variant`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from threading import Lock
from typing import Any, Literal

from .caches import write_atomically
from .problems import PhotoError

Format = Literal["webp", "jpeg"]

#: Output formats, best first: WebP for every current browser, JPEG as the fallback.
FORMATS: tuple[Format, ...] = ("webp", "jpeg")
EXTENSIONS: dict[Format, str] = {"webp": ".webp", "jpeg": ".jpg"}

#: WebP widths in pixels. 1080 serves a 412-px phone at DPR 2.6 and a desktop column; a 1440-px variant would add
#: about half of a photo's published bytes for wide screens at DPR 2 only (bench/variants.py).
DEFAULT_WIDTHS: tuple[int, ...] = (360, 720, 1080)

#: Width of the social-preview image (Open Graph, Zalo and Facebook link previews).
SOCIAL_WIDTH = 1200

#: The two JPEGs of a photo: at 720 px the one served at the original's address (feeds and portals, which may not read
#: WebP, and browsers without ``<picture>``), and the link-preview image, published for cover photos only.
JPEG_WIDTHS: tuple[int, ...] = (720, SOCIAL_WIDTH)

#: Encoder quality by variant width, as (from width, quality) steps. Variants of 1000 px and more
#: only go to high-density screens (a 412-px phone at DPR 2.6 loads the 1080-px one) or large
#: screens, where a lower quality is not visible and saves 10-15 % of the bytes that count most
#: for the page weight budget. WebP uses method 6 (slowest, smallest). The JPEGs go to feeds, portals and link
#: previews, never to a reader's browser, so they are kept light (progressive, Huffman-optimised): with them a phone
#: photo publishes 96 KB on average, and ten years of a school stay under Pages' 1 GB (bench/growth.py).
WEBP_QUALITY: tuple[tuple[int, int], ...] = ((0, 75), (1000, 65))
JPEG_QUALITY: tuple[tuple[int, int], ...] = ((0, 62),)
WEBP_METHOD = 6

#: Bump when the pipeline changes its output, so every cached photo is rebuilt.
PIPELINE_VERSION = 2

#: File name suffixes :func:`is_photo` accepts (lower case).
SOURCE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif", ".tif", ".tiff", ".bmp"})

_KEY_LENGTH = 16
_MANIFEST_SUFFIX = ".json"


@dataclass(frozen=True)
class Variant:
    """One published file of a photo."""

    width: int
    height: int
    format: Format
    file_name: str
    size: int = 0
    """Bytes on disk."""

@dataclass(frozen=True)
class Photo:
    """A photo ready for the web: its upright size and its variants, smallest first per format."""

    source_name: str
    """The original file's name, for messages; the original itself is never published."""
    key: str
    """Hash of the source bytes and the settings; prefix of every variant's file name."""
    width: int
    height: int
    variants: tuple[Variant, ...]

    def variants_for(self, format: Format) -> tuple[Variant, ...]:  # noqa: A002 - mirrors Variant.format
        """The variants in ``format``, narrowest first."""
        return tuple(sorted((v for v in self.variants if v.format == format), key=lambda v: v.width))

    @property
    def fallback(self) -> Variant:
        """The JPEG for ``<img src>``: the one closest to 720 px wide."""
        return closest_variant(self, 720, "jpeg")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Photo:
        variants = tuple(Variant(**variant) for variant in data["variants"])
        return cls(data["source_name"], data["key"], data["width"], data["height"], variants)


@dataclass
class PhotoStats:
    """What a build did: photos encoded, photos taken from the cache, files and bytes written."""

    processed: int = 0
    reused: int = 0
    files_written: int = 0
    bytes_written: int = 0
    notes: list[str] = field(default_factory=list)
    """What was done otherwise than asked (a broken colour profile), in Vietnamese, for the build log."""
    errors: dict[Path, str] = field(default_factory=dict)
    """The photos that could not be read, with why (:func:`build_photos`)."""
    _lock: Lock = field(default_factory=Lock, repr=False, compare=False)

    def add(self, *, processed: int = 0, reused: int = 0, files: int = 0, size: int = 0, notes: Sequence[str] = ()) -> None:
        with self._lock:
            self.notes.extend(notes)
            self.processed += processed
            self.reused += reused
            self.files_written += files
            self.bytes_written += size


def is_photo(path: Path) -> bool:
    """Whether ``path`` has a photo suffix this module reads (``.jpg``, ``.heic``, ``.png``…)."""
    return path.suffix.lower() in SOURCE_SUFFIXES


def settings_signature(widths: Sequence[int]) -> str:
    """Everything besides the source bytes that changes the output, as stable JSON."""
    settings = {
        "version": PIPELINE_VERSION,
        "widths": sorted(set(widths)),
        "jpeg_widths": sorted(JPEG_WIDTHS),
        "webp": {"quality": WEBP_QUALITY, "method": WEBP_METHOD},
        "jpeg": {"quality": JPEG_QUALITY, "progressive": True, "subsampling": "4:2:0"},
    }
    return json.dumps(settings, sort_keys=True, separators=(",", ":"))


def photo_key(data: bytes, widths: Sequence[int] = DEFAULT_WIDTHS) -> str:
    """The cache key and file-name prefix for a source's bytes under the current settings."""
    digest = hashlib.sha256()
    digest.update(settings_signature(widths).encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()[:_KEY_LENGTH]


def target_widths(width: int, widths: Sequence[int] = DEFAULT_WIDTHS) -> tuple[int, ...]:
    """The widths to produce for a photo ``width`` px wide: never wider than the photo."""
    return tuple(sorted({min(max(1, w), width) for w in widths})) or (width,)


def build_photo(
    src: Path,
    cache_dir: Path,
    widths: Sequence[int] = DEFAULT_WIDTHS,
    *,
    stats: PhotoStats | None = None,
) -> Photo:
    """Make (or reuse from ``cache_dir``) the web variants of the photo at ``src``.

    Raises :class:`PhotoError` when the file is not a readable image.
    """
    src = Path(src)
    cache_dir = Path(cache_dir)
    try:
        data = src.read_bytes()
    except OSError as error:
        raise PhotoError(f"không đọc được ảnh “{src.name}”: {error.strerror or error}") from error
    key = photo_key(data, widths)

    cached = load_manifest(cache_dir, key, src.name)
    if cached is not None:
        if stats is not None:
            stats.add(reused=1)
        return cached

    from . import imaging  # Pillow is imported on the first photo that is not in the cache

    notes: list[str] = []
    image = imaging.decode(data, src.name, notes)
    cache_dir.mkdir(parents=True, exist_ok=True)
    variants: list[Variant] = []
    written = 0
    formats: dict[int, set[Format]] = {width: {"webp"} for width in target_widths(image.width, widths)}
    for width in target_widths(image.width, JPEG_WIDTHS):
        formats.setdefault(width, set()).add("jpeg")
    for width in sorted(formats):
        resized = imaging.resize(image, width)
        for fmt in (fmt for fmt in FORMATS if fmt in formats[width]):
            name = f"{key}-{width}{EXTENSIONS[fmt]}"
            data = imaging.encode(resized, fmt, quality_for(resized.width, fmt), WEBP_METHOD)
            size = write_atomically(cache_dir / name, data)
            written += size
            variants.append(Variant(resized.width, resized.height, fmt, name, size))

    photo = Photo(src.name, key, image.width, image.height, tuple(variants))
    manifest = {k: v for k, v in photo.to_dict().items() if k != "source_name"}
    write_atomically(cache_dir / f"{key}{_MANIFEST_SUFFIX}", json.dumps(manifest, sort_keys=True).encode())
    if stats is not None:
        stats.add(processed=1, files=len(variants), size=written, notes=notes)
    return photo


def build_photos(
    sources: Iterable[Path],
    cache_dir: Path,
    widths: Sequence[int] = DEFAULT_WIDTHS,
    *,
    workers: int | None = None,
) -> tuple[list[Photo | None], PhotoStats]:
    """:func:`build_photo` for many sources on a thread pool (Pillow encodes without the GIL).

    Returns the photos in the order of ``sources`` (None for one that cannot be read: ``stats.errors`` says why)
    and the combined stats.
    """
    stats = PhotoStats()
    paths = list(sources)
    with ThreadPoolExecutor(max_workers=workers or min(8, os.cpu_count() or 1)) as pool:
        futures = [pool.submit(build_photo, path, cache_dir, widths, stats=stats) for path in paths]
    photos: list[Photo | None] = []
    for path, future in zip(paths, futures):
        try:
            photos.append(future.result())
        except PhotoError as error:
            stats.errors[path] = str(error)
            photos.append(None)
    return photos, stats


def closest_variant(photo: Photo, width: int, format: Format = "jpeg") -> Variant:  # noqa: A002
    """The variant in ``format`` whose width is closest to ``width`` (the wider one on a tie)."""
    candidates = photo.variants_for(format)
    if not candidates:
        raise PhotoError(f"ảnh “{photo.source_name}” không có bản {format}")
    return min(candidates, key=lambda v: (abs(v.width - width), -v.width))


def social_variant(photo: Photo, width: int = SOCIAL_WIDTH) -> Variant:
    """The JPEG for ``og:image`` link previews: the one closest to 1200 px wide."""
    return closest_variant(photo, width, "jpeg")


def prune_cache(cache_dir: Path, keep: Iterable[Photo]) -> list[Path]:
    """Delete cached files of photos not in ``keep`` (a photo taken down leaves no copy)."""
    keys = {photo.key for photo in keep}
    removed: list[Path] = []
    if not Path(cache_dir).is_dir():
        return removed
    for path in sorted(Path(cache_dir).iterdir()):
        stem = path.name.split("-", 1)[0].split(".", 1)[0]
        if path.is_file() and len(stem) == _KEY_LENGTH and stem not in keys:
            path.unlink()
            removed.append(path)
    return removed


def quality_for(width: int, format: Format) -> int:  # noqa: A002
    """The encoder quality for a variant ``width`` px wide (see :data:`WEBP_QUALITY`)."""
    steps = WEBP_QUALITY if format == "webp" else JPEG_QUALITY
    return [quality for start, quality in steps if width >= start][-1]


def load_manifest(cache_dir: Path, key: str, source_name: str) -> Photo | None:
    """The cached photo of ``key`` when its manifest and every variant file are there intact, else None."""
    manifest = cache_dir / f"{key}{_MANIFEST_SUFFIX}"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        photo = Photo.from_dict({**data, "source_name": source_name})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for variant in photo.variants:
        path = cache_dir / variant.file_name
        if not path.is_file() or path.stat().st_size != variant.size:
            return None
    return photo

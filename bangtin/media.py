"""The photos of a site's pages: built once into web variants, published instead of the phone originals."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from lxml import html as lhtml

from .pages import PageSpec
from .photos import Photo, PhotoStats, Variant, build_photos, is_photo, social_variant
from .problems import ContentError, Problem
from .sources import locate_reference

PHOTO_DIR = "anh/"
CACHE_DIR = Path(".cache") / "bangtin" / "photos"
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
#: Paragraphs that hold only images (Markdown ``![…](…)`` lines), one after the other; or one ``<img>``.
_PHOTO_PARAGRAPH = r"<p>\s*(?:<img\b[^>]*>\s*(?:<br\s*/?>\s*)?)+</p>"
_RUN_OR_IMG = re.compile(
    rf"(?P<run>{_PHOTO_PARAGRAPH}(?:\s*{_PHOTO_PARAGRAPH})*)|(?P<img><img\b[^>]*>)", re.IGNORECASE
)


@dataclass(frozen=True)
class Media:
    """Each photo by the site address of its original (``tin-tuc/2025/12/bai/anh/1.jpg``)."""

    photos: dict[str, Photo]
    stats: PhotoStats
    covers: frozenset[str] = frozenset()
    """The addresses of the photos that are a page's cover: only they publish a link-preview JPEG."""


def build_media(pages: Iterable[PageSpec], root: Path, cache_dir: Path) -> Media:
    """Encode (or take from the cache) every photo that a page shows or links to; raise ContentError naming, for
    each photo that cannot be read, every page's file, line and key that uses it."""
    pages = list(pages)
    sources = {spec.url + rel: path for spec in pages for rel, path in spec.assets if is_photo(path)}
    paths = sorted(set(sources.values()))
    photos, stats = build_photos(paths, cache_dir)
    if stats.errors:
        raise ContentError([
            Problem(spec.source or spec.uri, *locate_reference(root, spec.source, rel), message)
            for spec in pages for rel, path in spec.assets if (message := stats.errors.get(path))
        ])
    by_path = dict(zip(paths, photos))
    covers = frozenset(spec.preview.cover for spec in pages if spec.preview.cover)
    return Media({url: by_path[path] for url, path in sorted(sources.items())}, stats, covers)


def media_files(media: Media, cache_dir: Path) -> list[tuple[str, Path]]:
    """What to publish: the variants under ``anh/``; an original's address serves its clean JPEG instead."""
    files: dict[str, Path] = {}
    for url, photo in media.photos.items():
        files[url] = cache_dir / photo.fallback.file_name
        for variant in published_variants(photo, cover=url in media.covers):
            files[PHOTO_DIR + variant.file_name] = cache_dir / variant.file_name
    return sorted(files.items())


def published_variants(photo: Photo, cover: bool = False) -> list[Variant]:
    """The files under ``anh/``: WebP in every width, and for a cover the link-preview JPEG (Zalo, Facebook). The
    720-px JPEG is published once, at the original's address (:func:`media_files`)."""
    jpegs = {social_variant(photo)} if cover else set()
    return [variant for variant in photo.variants if variant.format == "webp" or variant in jpegs]


def rewrite_images(
    html: str,
    page_url: str,
    photos: dict[str, Photo],
    render: Callable[[Photo, str], str],
    render_gallery: Callable[[list[tuple[Photo, str]]], str] | None = None,
) -> str:
    """Replace each ``<img>`` of a page body that shows a known photo by ``render(photo, alt)`` (a template).

    With ``render_gallery``, a run of two or more photos with nothing between them (paragraphs that
    hold only photos, one after the other) becomes one ``render_gallery([(photo, alt), …])``
    instead: a grid of smaller photos, so a phone does not load a screen-wide photo for each.
    """

    def photo_of(tag_html: str) -> tuple[Photo | None, str]:
        tag = lhtml.fragment_fromstring(tag_html)
        src = tag.get("src", "")
        photo = photos.get(posixpath.normpath(posixpath.join(page_url, src))) if "://" not in src else None
        return photo, tag.get("alt", "")

    def replace(match: re.Match[str]) -> str:
        photo, alt = photo_of(match.group(0))
        return render(photo, alt) if photo else match.group(0)

    def replace_run(match: re.Match[str]) -> str:
        if match.group("img"):
            return replace(match)
        items = [photo_of(tag) for tag in _IMG.findall(match.group("run"))]
        known = [(photo, alt) for photo, alt in items if photo is not None]
        if render_gallery is None or len(items) < 2 or len(known) < len(items):
            return _IMG.sub(replace, match.group(0))
        return render_gallery(known)

    return _RUN_OR_IMG.sub(replace_run, html) if _IMG.search(html) else html  # most bodies have no image

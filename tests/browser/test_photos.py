"""Chromium picks the right photo variant on a phone, reserves its box and defers photos below the fold.

The HTML here is a stand-in for the templates: it checks the engine's srcset, sizes and sizes of
the variants, not the site's markup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from bangtin.photos import ARTICLE_SIZES, Photo, build_photos, copy_variants

pytestmark = pytest.mark.browser


def picture(photo: Photo, *, lazy: bool) -> str:
    loading = ' loading="lazy"' if lazy else ' fetchpriority="high"'
    return (
        f'<picture><source type="image/webp" srcset="{photo.srcset("webp", "anh/")}" sizes="{ARTICLE_SIZES}">'
        f'<img src="anh/{photo.fallback.file_name}" srcset="{photo.srcset("jpeg", "anh/")}" sizes="{ARTICLE_SIZES}" '
        f'width="{photo.width}" height="{photo.height}" alt="Ảnh"{loading} decoding="async"></picture>'
    )


def test_phone_loads_1080_webp_and_defers_photos_below_the_fold(
    browser: Any, serve_dir: Callable[[Path], str], tmp_path: Path
) -> None:
    sources = []
    for index in range(3):
        image = Image.new("RGB", (2000, 1500), (40 * index, 120, 200))
        ImageDraw.Draw(image).ellipse((300, 200, 1700, 1300), fill=(250, 200, 40))
        sources.append(tmp_path / f"IMG_{index}.jpg")
        image.save(sources[-1], quality=90)
    photos, _ = build_photos(sources, tmp_path / "cache")
    site = tmp_path / "site"
    for photo in photos:
        copy_variants(photo, tmp_path / "cache", site / "anh")
    spacer = '<div style="height: 6000px"></div>'
    (site / "index.html").write_text(
        '<!doctype html><html lang="vi"><meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{margin:0 16px}img{display:block;max-width:100%;height:auto}</style>"
        + picture(photos[0], lazy=False) + picture(photos[1], lazy=True) + spacer + picture(photos[2], lazy=True),
        encoding="utf-8",
    )

    context = browser.new_context(
        viewport={"width": 412, "height": 915}, device_scale_factor=2.6, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    page.goto(serve_dir(site), wait_until="networkidle")
    boxes = page.evaluate(
        "[...document.images].map(i => [i.currentSrc.split('/').pop(), i.getBoundingClientRect().width,"
        " i.getBoundingClientRect().height])"
    )
    context.close()

    first, second, last = boxes
    assert first[0] == f"{photos[0].key}-1080.webp"
    assert second[0] == f"{photos[1].key}-1080.webp"
    assert (first[1], first[2]) == (380, 285)  # 412 − 2 × 16 px wide, 4:3, reserved from width/height
    assert (last[1], last[2]) == (380, 285)  # not loaded, yet its box already has the right height
    assert not any(name.startswith(photos[2].key) for name in requested), requested
    assert not any(name.endswith(".jpg") for name in requested), requested

"""Chromium picks the right photo variant on a phone, reserves its box and defers photos below the fold.

The photos are written by the site's own ``picture`` macro (``overrides/bangtin/partials/macros.html``) and
published as the build publishes them (:func:`bangtin.media.media_files`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader
from PIL import Image, ImageDraw

from bangtin.filters import template_filters
from bangtin.media import Media, media_files
from bangtin.photos import PhotoStats, build_photos

pytestmark = pytest.mark.browser
OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
PAGE = """{% from "bangtin/partials/macros.html" import picture %}<!doctype html><html lang="vi">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0 16px}img{display:block;max-width:100%;height:auto}</style>
{{ picture(photos[0], "Ảnh đầu", lazy=false) }}{{ picture(photos[1], "Ảnh hai") }}
<div style="height: 6000px"></div>{{ picture(photos[2], "Ảnh cuối") }}"""


def render_page(photos: list) -> str:
    """The macro as the site renders it; the page sits at the site's root, so ``url`` leaves addresses as they are."""
    env = Environment(loader=FileSystemLoader(str(OVERRIDES)), autoescape=True)
    env.filters.update(template_filters())
    env.filters["url"] = lambda address: address
    return env.from_string(PAGE).render(photos=photos)


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
    media = Media({f"bai/IMG_{index}.jpg": photo for index, photo in enumerate(photos)}, PhotoStats())
    for address, path in media_files(media, tmp_path / "cache"):
        (site / address).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, site / address)
    (site / "index.html").write_text(render_page(photos), encoding="utf-8")

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

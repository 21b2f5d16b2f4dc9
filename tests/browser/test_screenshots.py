"""An article on a phone: screenshots for a person to look at, and the checks a glance would make.

The screenshots are saved in the test's temporary folder (their paths are printed; ``pytest -s`` shows them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ARTICLE = "tin-tuc/2025/12/be-vui-ngay-hoi-stem/"


def test_article_on_a_phone(browser: Any, serve_dir: Callable[[Path], str], sample_site: Path, tmp_path: Path) -> None:
    context = browser.new_context(
        viewport={"width": 412, "height": 915}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    try:
        page = context.new_page()
        page.goto(serve_dir(sample_site) + ARTICLE, wait_until="networkidle")
        page.screenshot(path=tmp_path / "bai-viet-dien-thoai.png")
        title = page.locator("article.bt-article h1").bounding_box()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load every lazy photo
        page.wait_for_load_state("networkidle")
        page.wait_for_function("[...document.images].every(i => i.complete)")
        page.screenshot(path=tmp_path / "bai-viet-dien-thoai-ca-trang.png", full_page=True)
        facts = page.evaluate(
            r"""() => ({
              overflow: document.documentElement.scrollWidth - window.innerWidth,
              cover: (i => [+i.currentSrc.match(/-(\d+)\.\w+$/)[1], i.getBoundingClientRect().width])(
                document.querySelector("img.bt-cover")),
              broken: [...document.images].filter(i => !i.naturalWidth).map(i => i.src),
              fontSize: parseFloat(getComputedStyle(document.querySelector("article.bt-article p")).fontSize),
              menu: getComputedStyle(document.querySelector("label.md-header__button[for=__drawer]")).display,
            })"""
        )
    finally:
        context.close()
    print(f"screenshots: {tmp_path / 'bai-viet-dien-thoai.png'}, {tmp_path / 'bai-viet-dien-thoai-ca-trang.png'}")

    assert facts["overflow"] <= 0, "the page scrolls sideways"
    assert title and 0 < title["y"] < 300 and title["x"] >= 8, title  # the headline is on the first screen
    variant, shown = facts["cover"]
    assert shown == 380 and variant >= 2 * shown, facts["cover"]  # screen-wide, and sharp at DPR 2
    assert facts["broken"] == []
    assert facts["fontSize"] >= 13.5  # readable without zooming
    assert facts["menu"] != "none"

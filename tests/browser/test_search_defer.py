"""The search index (hundreds of KB for a large school) is downloaded only when a reader starts to search."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_search_index_waits_until_the_search_box_is_used(browser, serve_dir, sample_site):
    base = serve_dir(sample_site)
    page = browser.new_page(viewport={"width": 412, "height": 915}, device_scale_factor=2.6, is_mobile=True)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(base + "tin-tuc/2025/12/be-vui-ngay-hoi-stem/", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert not [url for url in requested if "search_index.json" in url]

        page.click("label.md-header__button[for='__search']")
        page.locator("input.md-search__input").press_sequentially("ngay hoi stem", delay=30)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert [url for url in requested if url.endswith("search/search_index.json")]
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
        assert any("Ngày hội STEM" in title for title in titles), titles
    finally:
        page.close()

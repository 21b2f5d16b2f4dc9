"""The registry, a plan, a club and the công khai checklist read on a 360-px phone: cards, no sideways scrolling."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["ke-hoach/", "ke-hoach/2025/259-kh-mnhs/", "cau-lac-bo/be-yeu-khoa-hoc/", "cong-khai/",
                                  "cong-khai/2025-2026/tai-chinh/"])
def test_pages_fit_a_360px_phone(browser, serve_dir, sample_site, path):
    base = serve_dir(sample_site)
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        page.close()


def test_registry_rows_become_labelled_cards_on_a_phone(browser, serve_dir, sample_site):
    base = serve_dir(sample_site)
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page.goto(base + "ke-hoach/")
        row = page.locator("tr.bt-registry__row").first
        assert row.evaluate("el => getComputedStyle(el).display") == "block"
        cell = row.locator("td").nth(1)
        label = cell.evaluate("el => getComputedStyle(el, '::before').content")
        assert label == '"Ngày ban hành"'
        assert page.locator("table.bt-table thead").first.bounding_box()["height"] <= 1
    finally:
        page.close()

"""Accessibility: axe-core (bundled with axe-playwright-python) finds no violation on the sample school's pages.

Pages: home, registry, a plan, an article, a club, the công khai checklist and an item, and the search dialog (opened, a query typed), on a
phone (412×915) and a desktop (1280×800). Rules: WCAG 2.0–2.2 A and AA plus axe's best practices.
Material's own failures are fixed in overrides/bangtin/partials/search-dialog.html (the dialog's name) and bangtin.css
(contrast of the primary colour, the tabs and the copyright line).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "registry": "ke-hoach/",
    "plan": "ke-hoach/2025/259-kh-mnhs/",
    "article": "tin-tuc/2025/12/be-vui-ngay-hoi-stem/",
    "club": "cau-lac-bo/be-yeu-khoa-hoc/",
    "cong khai": "cong-khai/",
    "video facade": "tin-tuc/2025/11/van-nghe-chao-mung-ngay-nha-giao/",
    "cong khai item": "cong-khai/2025-2026/tai-chinh/",
}
VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 800}}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
        f" – {v['nodes'][0].get('failureSummary', '')}".replace("\n", " ")
        for v in result.response["violations"]
    ]


def open_search(page: Any, viewport: str, query: str) -> None:
    """Open Material's search dialog as a reader would, type ``query`` key by key, wait for the results."""
    if viewport == "phone":
        page.click('label.md-header__button[for="__search"]')
    else:
        page.keyboard.press("s")
    box = page.locator("input[data-md-component=search-query]")
    box.wait_for(state="visible")
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_axe_violations(
    browser: Any, serve_dir: Callable[[Path], str], sample_site: Path, viewport: str
) -> None:
    base = serve_dir(sample_site)
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="vi-VN", is_mobile=viewport == "phone", has_touch=viewport == "phone"
    )
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        for name, path in PAGES.items():
            page.goto(base + path, wait_until="networkidle")
            found[name] = violations(page)
        page.goto(base, wait_until="networkidle")
        open_search(page, viewport, "ke hoach")
        assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Tìm kiếm"
        found["search dialog"] = violations(page)
    finally:
        context.close()
    assert {name: problems for name, problems in found.items() if problems} == {}

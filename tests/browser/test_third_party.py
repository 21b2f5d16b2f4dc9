"""No third-party requests: the sample site, opened in Chromium, asks nothing of any origin but its own.

The browser opens the site at its real address (``site_url``, https://mnhoasen.github.io/): every request
of the context is intercepted, those to that origin are answered from the built folder (as GitHub Pages
would, 404.html for a missing file), and any other is recorded and aborted, so the test works offline.
Serving from the real address matters: Material fetches ``sitemap.xml`` next to every
``<link rel=alternate>`` (our feeds), which is the site's own origin once published. Search is opened and a
query typed, so the search worker and its index load too.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from sitebuild import REPO

pytestmark = pytest.mark.browser

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
TYPES = {".js": "text/javascript", ".json": "application/json", ".webp": "image/webp", ".xml": "application/xml"}
PAGES = [
    "",
    "tin-tuc/",
    "tin-tuc/2025/12/be-vui-ngay-hoi-stem/",
    "tin-tuc/2025/11/van-nghe-chao-mung-ngay-nha-giao/",  # a pasted YouTube player, as a facade
    "ke-hoach/",
    "ke-hoach/2025/259-kh-mnhs/",
    "cau-lac-bo/be-yeu-khoa-hoc/",
    "dang-ky-nhan-tin/",
    "lien-he/",
    "khong-co-trang-nay/",  # GitHub Pages' 404 page
]


def answer(site: Path, url: str) -> tuple[int, Path]:
    """What GitHub Pages answers for ``url``: the file, a folder's index.html, or 404.html."""
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return (200, path) if path.is_file() else (404, site / "404.html")


def as_github_pages(site: Path, outside: list[str], served: list[tuple[int, str]]) -> Callable[[Any], None]:
    """A route handler: the site's origin answered from ``site``, any other request recorded and aborted."""
    origin = urlsplit(SITE_URL)[:2]

    def route(route: Any) -> None:
        url = route.request.url
        if urlsplit(url)[:2] != origin:
            outside.append(url)
            route.abort()
            return
        status, path = answer(site, url)
        served.append((status, urlsplit(url).path))
        kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=status, body=path.read_bytes(), content_type=kind)

    return route


def test_no_request_leaves_the_site(browser: Any, sample_site: Path) -> None:
    origin = urlsplit(SITE_URL)[:2]
    outside: list[str] = []
    served: list[tuple[int, str]] = []
    route = as_github_pages(sample_site, outside, served)

    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="vi-VN", is_mobile=True)
    context.route("**/*", route)
    context.on("request", lambda request: None if urlsplit(request.url)[:2] == origin
               or request.url.startswith(("data:", "blob:")) else outside.append(request.url))
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(SITE_URL + path, wait_until="networkidle")
            page.mouse.wheel(0, 20000)  # photos further down load too
            page.wait_for_load_state("networkidle")
        page.goto(SITE_URL, wait_until="networkidle")
        page.click('label.md-header__button[for="__search"]')
        page.locator("input[data-md-component=search-query]").press_sequentially("ngay hoi", delay=20)
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()

    assert sorted(set(outside)) == []
    requested = {path for _, path in served}
    assert any(path.endswith("search_index.json") for path in requested), "search did not load its index"
    assert any("/pagefind/fragment/" in path for path in requested), "the search worker's own requests were not seen"
    assert any(path.endswith(".webp") for path in requested), "no photo was loaded"
    assert (404, "/khong-co-trang-nay/") in served


def test_material_fetches_no_sitemap_for_the_feed_links_and_readers_still_find_them(browser: Any, sample_site: Path) -> None:
    """Material's language switcher fetches sitemap.xml beside each <link rel=alternate>; ours are feeds."""
    served: list[tuple[int, str]] = []
    context = browser.new_context(viewport={"width": 412, "height": 915})
    context.route("**/*", as_github_pages(sample_site, [], served))
    page = context.new_page()
    try:
        for path in ("", "ke-hoach/", "cau-lac-bo/be-yeu-khoa-hoc/"):
            page.goto(SITE_URL + path, wait_until="networkidle")
            page.wait_for_timeout(300)
        rels = page.eval_on_selector_all('link[type$="+xml"]', "links => links.map(l => l.rel)")
    finally:
        context.close()
    assert [path for _, path in served if path.endswith("sitemap.xml")] == []
    assert rels and set(rels) == {"alternate"}  # put back once Material has looked: in-page tools see the feeds
    html = (sample_site / "cau-lac-bo/be-yeu-khoa-hoc/index.html").read_text(encoding="utf-8")
    assert html.count('<link rel="alternate" type="application/rss+xml"') == 2  # the site's and the club's, as written


def test_a_pasted_video_asks_youtube_nothing_until_it_is_tapped(browser: Any, sample_site: Path) -> None:
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True)
    context.route("**/*", as_github_pages(sample_site, outside, []))
    page = context.new_page()
    try:
        page.goto(SITE_URL + "tin-tuc/2025/11/van-nghe-chao-mung-ngay-nha-giao/", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert outside == []
        button = page.locator(".bt-embed__play")
        assert "Văn nghệ chào mừng 20/11" in button.inner_text()
        button.tap()
        page.wait_for_timeout(500)
        frame = page.locator("iframe.bt-embed__frame")
        assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
        assert frame.get_attribute("title") == "Văn nghệ chào mừng 20/11 – Trường Mầm non Hoa Sen"
        assert [urlsplit(url).hostname for url in outside] == ["www.youtube-nocookie.com"]
    finally:
        context.close()

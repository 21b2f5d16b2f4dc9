"""Page weight on a phone: an article with six phone photos transfers at most 600 KB before scrolling.

The measurement is ``bench/page_weight.py`` (which also prints the figure and its breakdown): the site
served like GitHub Pages (text gzipped), Chromium as a 412×915 phone at DPR 2.6, bytes from Playwright's
``Request.sizes()``. Photos one after the other become an album grid (``rewrite_images`` with a gallery
renderer), whose cells load the 360-px variants; the cover keeps its 1080-px one.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bangtin.media import rewrite_images
from .test_accessibility import violations
from bangtin.photos import Photo, Variant

ROOT = Path(__file__).resolve().parents[2]


def _load_bench() -> Any:
    spec = importlib.util.spec_from_file_location("page_weight", ROOT / "bench" / "page_weight.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("page_weight", module)
    spec.loader.exec_module(module)
    return module


page_weight = _load_bench()


@pytest.fixture(scope="module")
def budget_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A school whose article has a cover and five body photos, each a 4032×3024 phone JPEG of 3–5 MB,
    built with the address it is served at as site_url (so its own-site requests are counted)."""
    root = tmp_path_factory.mktemp("budget") / "school"
    with page_weight.serve(root / "site") as server:
        page_weight.make_article_site(root, server.url)
        yield server


@pytest.fixture(scope="module")
def budget_site(budget_server: Any) -> Path:
    return Path(budget_server.directory)


@pytest.mark.browser
def test_article_with_six_phone_photos_fits_the_budget(browser: Any, budget_server: Any, budget_site: Path) -> None:
    sources = sorted((budget_site.parent / "news" / "sau-anh").glob("anh-*.jpg"))
    assert len(sources) == 6
    assert all(3_000_000 <= path.stat().st_size <= 5_000_000 for path in sources), [p.stat().st_size for p in sources]

    weight = page_weight.measure(browser, budget_server.url + page_weight.ARTICLE_URL, budget_server.sent)
    report = weight.report()
    print(report)

    assert weight.total <= page_weight.BUDGET, report
    assert weight.total <= 0.75 * page_weight.BUDGET, f"less than a quarter of the budget left:\n{report}"
    images = [url.rsplit("/", 1)[-1] for kind, url, _ in weight.requests if kind == "image"]
    assert sum(name.endswith("-1080.webp") for name in images) == 1, images  # the cover, screen-wide
    assert sum(name.endswith("-360.webp") for name in images) == 5, images  # the album's cells
    html = (budget_site / page_weight.ARTICLE_URL / "index.html").stat().st_size
    document = next(size for kind, _, size in weight.requests if kind == "document")
    assert document < html / 2, "HTML was not gzipped"


def test_article_photos_in_a_row_become_an_album(budget_site: Path) -> None:
    html = (budget_site / page_weight.ARTICLE_URL / "index.html").read_text(encoding="utf-8")
    albums = re.findall(r'<div class="bt-gallery bt-gallery--(\d)">(.*?)</div>', html, re.S)
    assert [columns for columns, _ in albums] == ["3"]
    links = re.findall(r'<a class="bt-gallery__item" href="([^"]+)"', albums[0][1])
    assert len(links) == 5
    for link in links:  # each cell opens its largest WebP, published beside the others
        assert re.fullmatch(r"\.\./\.\./\.\./\.\./anh/[0-9a-f]{16}-1080\.webp", link), link
        assert (budget_site / page_weight.ARTICLE_URL / link).resolve().is_file()
    alts = re.findall(r'alt="([^"]*)"', albums[0][1])
    assert alts[0] == "Bé làm thí nghiệm núi lửa" and alts[-1] == "" and len(alts) == 5
    # a photo without alt text (the clerk wrote ![](anh-5.jpg)) still gives its link a name
    assert re.findall(r'aria-label="([^"]*)"', albums[0][1]) == ["Ảnh 5/5, xem cỡ lớn"]


def _photo(key: str) -> Photo:
    return Photo(f"{key}.jpg", key, 1600, 1200, (Variant(360, 270, "jpeg", f"{key}-360.jpg"),))


PHOTOS = {f"tin/anh-{n}.jpg": _photo(f"k{n}") for n in range(1, 5)}


def _rewrite(html: str) -> str:
    return rewrite_images(
        html, "tin/", PHOTOS,
        lambda photo, alt: f"[{photo.key} {alt}]",
        lambda items: "{" + " ".join(photo.key for photo, _ in items) + "}",
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Markdown lines without a blank line between them: one paragraph
        ('<p><img alt="A" src="anh-1.jpg">\n<img alt="B" src="anh-2.jpg"></p>', "{k1 k2}"),
        # blank lines between them: paragraphs one after the other
        ('<p><img alt="A" src="anh-1.jpg"></p>\n<p><img alt="B" src="anh-2.jpg"></p>\n'
         '<p><img alt="C" src="anh-3.jpg"></p>\n<p>Chữ.</p>', "{k1 k2 k3}\n<p>Chữ.</p>"),
        # a single photo stays a screen-wide photo
        ('<p><img alt="A" src="anh-1.jpg"></p>', "<p>[k1 A]</p>"),
        # text between photos: no album
        ('<p><img alt="A" src="anh-1.jpg"></p>\n<p>Chữ.</p>\n<p><img alt="B" src="anh-2.jpg"></p>',
         "<p>[k1 A]</p>\n<p>Chữ.</p>\n<p>[k2 B]</p>"),
        # a caption in the photo's paragraph: no album
        ('<p><img alt="A" src="anh-1.jpg">\n<em>Chú thích</em></p>\n<p><img alt="B" src="anh-2.jpg"></p>',
         "<p>[k1 A]\n<em>Chú thích</em></p>\n<p>[k2 B]</p>"),
        # an image that is not one of the site's photos keeps the run apart
        ('<p><img alt="A" src="anh-1.jpg"></p>\n<p><img alt="W" src="https://example.org/x.png"></p>',
         '<p>[k1 A]</p>\n<p><img alt="W" src="https://example.org/x.png"></p>'),
    ],
)
def test_rewrite_groups_photos_in_a_row(body: str, expected: str) -> None:
    assert _rewrite(body) == expected


@pytest.mark.browser
def test_album_on_a_phone(browser: Any, budget_server: Any, tmp_path: Path) -> None:
    """Three cells a row, each 4:3 and a third of the column wide; axe finds nothing; a screenshot to look at."""
    context = browser.new_context(**page_weight.PHONE)
    try:
        page = context.new_page()
        page.goto(budget_server.url + page_weight.ARTICLE_URL, wait_until="networkidle")
        cells = page.locator(".bt-gallery img").evaluate_all(
            "images => images.map(i => { const r = i.getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })"
        )
        page.locator(".bt-gallery").scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "album.png")
        problems = violations(page)
    finally:
        context.close()
    print(f"screenshot: {tmp_path / 'album.png'}")
    assert problems == []
    assert len(cells) == 5
    assert [round(left) for left, *_ in cells] == [16, 145, 275, 16, 145]  # 8-px gaps
    assert all(abs(width - 121.3) < 1 and abs(height - width * 3 / 4) < 1 for _, _, width, height in cells), cells

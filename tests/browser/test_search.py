"""Search without diacritics in a real Bảng tin site (Pagefind behind Material's box), typed into Chromium with key
events."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bangtin.search import index_text
from bangtin.text import fold
from sitebuild import BASE_CONFIG, front, make_site, run_mkdocs

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WORKER_SOURCE = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"

PLAN = "Kế hoạch chuyển đổi số 259/KH-MNHM"
SCIENCE = "Bé yêu khoa học"
CONCERT = "Hòa nhạc"
LOTUS = "Hoa sen"
DEPARTMENT = "4400/KH-SGDĐT"
TITLES = {PLAN, SCIENCE, CONCERT, LOTUS, DEPARTMENT}

PAGES = {
    "docs/ke-hoach-cds.md": f"# {PLAN}\n\nTriển khai chuyển đổi số trong nhà trường, năm học 2025–2026.\n",
    "docs/be-yeu-khoa-hoc.md": f"# {SCIENCE}\n\nCác con làm thí nghiệm với nước và màu.\n",
    "docs/hoa-nhac.md": f"# {CONCERT}\n\nBuổi biểu diễn của các bé lớp Lá.\n",
    "docs/hoa-sen.md": f"# {LOTUS}\n\nVườn sen trước cổng trường.\n",
    "docs/so-gd.md": f"# {DEPARTMENT}\n\nVăn bản của Sở Giáo dục và Đào tạo.\n",
    "news/2026-01-10-ban-nhap.md": front(
        {"title": "Bản nháp Zqnháp", "date": "2026-01-10 08:00", "categories": ["Tin tức"], "draft": True},
        "Chưa đăng: zqnháp.\n"),
    "news/2027-05-07-hen-gio.md": front(
        {"title": "Hẹn giờ Zqhẹngiờ", "date": "2027-05-07 08:00", "categories": ["Tin tức"]}, "Chưa đến giờ: zqhẹngiờ.\n"),
    "news/2026-01-12-da-dang.md": front(
        {"title": "Đã đăng Zqđãđăng", "date": "2026-01-12 08:00", "categories": ["Tin tức"]}, "Đã đăng: zqđãđăng.\n"),
}

#: Remembers the query each search answer is for, so a test can wait for the answer to the last query
#: instead of sleeping. Installed before Material's bundle runs.
COUNTER = """
(() => {
  const state = window.__searchTest = { answered: null }
  const Original = window.Worker
  function Counted(url, options) {
    const worker = new Original(url, options)
    worker.addEventListener("message", ev => {
      if (ev.data && ev.data.type === 3) setTimeout(() => { state.answered = ev.data.data.query })
    })
    return worker
  }
  Counted.prototype = Original.prototype
  window.Worker = Counted
})()
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built once with the real ``mkdocs build --strict``."""
    config = {**BASE_CONFIG, "theme": {**BASE_CONFIG["theme"], "features": ["search.highlight"]}}
    root = make_site(tmp_path_factory.mktemp("search-site"), PAGES, config)
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    return root / "site"


@pytest.fixture
def page(browser: Any, site: Path, serve_dir: Callable[[Path], str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    context.add_init_script(COUNTER)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(serve_dir(site))
    yield tab
    context.close()
    assert not errors, errors


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into Material's search box key by key; return the titles of the test pages found, in order."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        """query => {
          const input = document.querySelector("input[data-md-component=search-query]")
          return input.value === query && window.__searchTest.answered === query
        }""",
        arg=query,
    )
    titles = [title.strip() for title in page.locator(".md-search-result__item h1").all_inner_texts()]
    return [title for title in titles if title in TITLES]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("ke hoach", PLAN),
        ("Kế hoạch", PLAN),
        ("kê hoach", PLAN),
        (unicodedata.normalize("NFD", "kế hoạch"), PLAN),
        ("chuyen doi so", PLAN),
        ("be yeu khoa hoc", SCIENCE),
        ("be yeu", SCIENCE),
        ("hoc", SCIENCE),
        ("BÉ YÊU", SCIENCE),
        ("259/KH-MNHM", PLAN),
        ("259 kh mnhm", PLAN),
        ("259", PLAN),
        ("4400/KH-SGDĐT", DEPARTMENT),
        ("4400/KH-SGDDT", DEPARTMENT),
        ("4400 kh sgddt", DEPARTMENT),
        ("sgddt", DEPARTMENT),
    ],
)
def test_query_finds_page_first(page: Any, query: str, first: str) -> None:
    titles = search(page, query)
    assert titles, f"no results for {query!r}"
    assert titles[0] == first, titles


def test_hoa_and_hoa_with_tone_marks_find_each_other(page: Any) -> None:
    for query in ("hoa", "hòa", "hoà", "Hoà", unicodedata.normalize("NFD", "hòa")):
        titles = search(page, query)
        assert CONCERT in titles and LOTUS in titles, (query, titles)


def test_exact_diacritics_rank_first(page: Any) -> None:
    accented = search(page, "hòa")
    assert accented.index(CONCERT) < accented.index(LOTUS), accented
    plain = search(page, "hoa")
    assert plain.index(LOTUS) < plain.index(CONCERT), plain
    assert search(page, "Hòa nhạc")[0] == CONCERT


def test_folded_matches_are_highlighted_and_not_reported_missing(page: Any) -> None:
    search(page, "ke hoach")
    plan = page.locator(".md-search-result__item", has_text=PLAN)
    assert plan.locator("h1 mark").all_inner_texts()[:2] == ["Kế", "hoạch"]

    search(page, "hòa")
    missing = page.locator(".md-search-result__terms").all_inner_texts()
    assert not any("hòa" in text or "hoa" in text for text in missing), missing


def test_result_link_highlights_the_words_on_the_page(page: Any) -> None:
    search(page, "ke hoach")
    link = page.locator(".md-search-result__item", has_text=PLAN).locator("a").first
    href = link.get_attribute("href") or ""
    assert "h=" in href
    link.click()
    page.wait_for_url("**/ke-hoach-cds/**")
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    marked = " ".join(marks.all_inner_texts()).lower().split()  # Material joins adjacent marks
    assert "kế" in marked and "hoạch" in marked, marked


def test_drafts_and_scheduled_articles_are_not_found(page: Any) -> None:
    def titles(query: str) -> list[str]:
        search(page, query)
        return [title.strip() for title in page.locator(".md-search-result__item h1").all_inner_texts()]

    # words no other indexed word begins (Pagefind falls back to the longest indexed word a query word begins with)
    assert titles("zqdadang") == ["Đã đăng Zqđãđăng"]
    assert titles("zqnhap") == []
    assert titles("zqhengio") == []


def test_one_letter_waits_for_the_next(page: Any) -> None:
    search(page, "h")
    assert page.locator(".md-search-result__item").count() == 0
    assert page.locator(".md-search-result__meta").inner_text().strip() == "Nhập để bắt đầu tìm kiếm"


def test_no_results_message_for_unknown_word(page: Any) -> None:
    assert search(page, "xyzzy") == []
    assert page.locator(".md-search-result__meta").inner_text().strip() != ""


def test_worker_text_rules_match_the_index(page: Any) -> None:
    """The worker's fold() is bangtin.text.fold for every Latin letter; its query is written as the index is (NFC,
    "đ" as "d"); what it shows turns index_text back into the page's text."""
    ranges = [(0x20, 0x7F), (0xA0, 0x250), (0x300, 0x370), (0x1E00, 0x1F00)]
    chars = [chr(code) for start, end in ranges for code in range(start, end)]
    words = chars + [
        "Đổi mới sáng tạo", "Kế hoạch", "Hoà", "Hòa", "THUỶ", "Thủy", "Nghị định 30/2020/NĐ-CP", "Sở GD&ĐT",
        unicodedata.normalize("NFD", "Trường Mầm non Hoa Mai"),
    ]

    def evaluate(name: str, values: list[str]) -> list[str]:
        return page.evaluate(
            """([source, name, values]) => {
              const rules = new Function("self", "addEventListener", "postMessage",
                source + "; return { fold: fold, queryText: queryText, shown: shown }")(self, () => {}, () => {})
              return values.map(value => rules[name](value))
            }""",
            [WORKER_SOURCE.read_text(encoding="utf-8"), name, values],
        )

    folded = evaluate("fold", words)
    assert [(word, got) for word, got in zip(words, folded) if got != fold(word).lower()] == []
    assert evaluate("queryText", ["Đổi mới", unicodedata.normalize("NFD", "kế"), "SGDĐT"]) == ["Dổi mới", "kế", "SGDDT"]
    assert evaluate("shown", [index_text(word) for word in words]) == [unicodedata.normalize("NFC", w) for w in words]


def test_only_the_settings_of_materials_index_are_served(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["vi"]
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (site / "pagefind" / "pagefind-ui.js").exists()

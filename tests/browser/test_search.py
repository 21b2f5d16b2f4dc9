"""Search without diacritics in a real Material site, typed into Chromium with key events."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bangtin.search import SCRIPT, write_search_index
from bangtin.text import fold

from .conftest import build_site_at

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCRIPT_SOURCE = ROOT / "overrides" / SCRIPT

PLAN = "Kế hoạch chuyển đổi số 259/KH-MNHM"
SCIENCE = "Bé yêu khoa học"
CONCERT = "Hòa nhạc"
LOTUS = "Hoa sen"
DEPARTMENT = "4400/KH-SGDĐT"

PAGES = {
    "index.md": "# Bảng tin\n\nTrang chủ của trường.\n",
    "ke-hoach.md": f"# {PLAN}\n\nTriển khai chuyển đổi số trong nhà trường, năm học 2025–2026.\n",
    "be-yeu-khoa-hoc.md": f"# {SCIENCE}\n\nCác con làm thí nghiệm với nước và màu.\n",
    "hoa-nhac.md": f"# {CONCERT}\n\nBuổi biểu diễn của các bé lớp Lá.\n",
    "hoa-sen.md": f"# {LOTUS}\n\nVườn sen trước cổng trường.\n",
    "so-gd.md": f"# {DEPARTMENT}\n\nVăn bản của Sở Giáo dục và Đào tạo.\n",
}

#: Counts queries sent to the search worker and results received, so a test can wait for the
#: answer to the last query instead of sleeping. Installed before Material's bundle runs.
COUNTER = """
(() => {
  const state = window.__searchTest = { sent: 0, received: 0, last: null }
  const post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2) { state.sent++; state.last = message.data }
    return post.apply(this, arguments)
  }
  const Original = window.Worker
  function Counted(url, options) {
    const worker = new Original(url, options)
    worker.addEventListener("message", ev => { if (ev.data && ev.data.type === 3) state.received++ })
    return worker
  }
  Counted.prototype = Original.prototype
  window.Worker = Counted
})()
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built once with the real ``mkdocs build`` and with its index folded."""
    site_dir = build_site_at(
        tmp_path_factory.mktemp("search-site"),
        {
            "site_name": "Trường Mầm non Thử",
            "theme": {"name": "material", "language": "vi", "font": False, "features": ["search.highlight"]},
            "plugins": ["search"],
            "extra_javascript": [SCRIPT],
        },
        PAGES,
        {SCRIPT: SCRIPT_SOURCE},
    )
    assert write_search_index(site_dir)
    return site_dir


@pytest.fixture
def page(browser: Any, site: Path, serve_dir: Callable[[Path], str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    context.add_init_script(COUNTER)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(serve_dir(site))
    tab.wait_for_function("window.bangtinSearch !== undefined")
    yield tab
    context.close()
    assert not errors, errors


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into Material's search box key by key; return the result titles in order."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        """query => {
          const state = window.__searchTest
          const input = document.querySelector("input[data-md-component=search-query]")
          return input.value === query && state.sent > 0 && state.received === state.sent
            && state.last === window.bangtinSearch.expandQuery(query)
        }""",
        arg=query,
    )
    return [title.strip() for title in page.locator(".md-search-result__item h1").all_inner_texts()]


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
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1 mark").all_inner_texts()[:2] == ["Kế", "hoạch"]

    search(page, "hòa")
    missing = page.locator(".md-search-result__terms").all_inner_texts()
    assert not any("hòa" in text or "hoa" in text for text in missing), missing


def test_result_link_highlights_the_words_on_the_page(page: Any) -> None:
    search(page, "ke hoach")
    link = page.locator(".md-search-result__item a").first
    href = link.get_attribute("href") or ""
    assert "h=" in href
    link.click()
    page.wait_for_url("**/ke-hoach/**")
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    marked = " ".join(marks.all_inner_texts()).lower().split()  # Material joins adjacent marks
    assert "kế" in marked and "hoạch" in marked, marked


def test_no_results_message_for_unknown_word(page: Any) -> None:
    assert search(page, "xyzzy") == []
    assert page.locator(".md-search-result__meta").inner_text().strip() != ""


def test_script_fold_matches_python_fold(page: Any) -> None:
    """The browser's fold() gives the same result as bangtin.text.fold for every Latin letter."""
    ranges = [(0x20, 0x7F), (0xA0, 0x250), (0x300, 0x370), (0x1E00, 0x1F00)]
    chars = [chr(code) for start, end in ranges for code in range(start, end)]
    words = chars + [
        "Đổi mới sáng tạo", "Kế hoạch", "Hoà", "Hòa", "THUỶ", "Thủy", "Nghị định 30/2020/NĐ-CP",
        unicodedata.normalize("NFD", "Trường Mầm non Hoa Mai"),
    ]
    result = page.evaluate("words => words.map(w => window.bangtinSearch.fold(w))", words)
    assert [(word, got) for word, got in zip(words, result) if got != fold(word)] == []


def test_query_expansion(page: Any) -> None:
    expand = lambda query: page.evaluate("q => window.bangtinSearch.expandQuery(q)", query)  # noqa: E731
    assert expand("ke hoach") == "ke hoach"
    assert expand("Kế hoạch") == "Ke hoach Kế hoạch"
    assert expand(unicodedata.normalize("NFD", "kế")) == "ke kế"
    assert expand("-đổi mới") == "-doi moi mới"
    assert expand('"kế hoạch" +mới~1') == '"ke hoach" +moi~1 kế hoạch mới'


def test_index_is_served_folded(page: Any, site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "title_folded" in index["config"]["fields"]
    doc = next(doc for doc in index["docs"] if doc["title"] == PLAN)
    assert doc["title_folded"] == "ke hoach chuyen doi so"

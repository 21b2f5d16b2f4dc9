"""Search on a school of 2,000 articles (text recombined from the sample school's real sentences), on a phone."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from sitebuild import REPO, run_mkdocs

pytestmark = pytest.mark.browser

ARTICLES = 2000


def _synth() -> Any:
    if "bench_synth" in sys.modules:
        return sys.modules["bench_synth"]
    spec = importlib.util.spec_from_file_location("bench_synth", REPO / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_synth"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _synth().make_school(tmp_path_factory.mktemp("search-scale") / "school", ARTICLES, varied=True).root
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output[-3000:]
    return root / "site"


def test_first_results_appear_and_nothing_leaves_the_site(browser: Any, school: Path,
                                                          serve_dir: Callable[[Path], str]) -> None:
    base = serve_dir(school)
    origin = urlsplit(base)[:2]
    context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True,
                                  locale="vi-VN")
    outside: list[str] = []
    searched: list[str] = []

    def seen(request: Any) -> None:
        if urlsplit(request.url)[:2] != origin:
            outside.append(request.url)
        elif "/pagefind/" in request.url:
            searched.append(request.url)

    context.on("request", seen)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base, wait_until="networkidle")
        assert searched == [], "Pagefind was loaded before the reader searched"
        page.tap("label.md-header__button[for='__search']")
        page.locator("input[data-md-component=search-query]").press_sequentially("ke hoach", delay=30)
        first = page.locator(".md-search-result__item").first
        first.wait_for(state="visible", timeout=30_000)
        assert "kế hoạch" in first.inner_text().lower()
        page.wait_for_function(
            "() => /^[\\d.]+ tài liệu liên quan$/.test(document.querySelector('.md-search-result__meta').textContent)")
        count = int(page.locator(".md-search-result__meta").inner_text().split()[0].replace(".", ""))
        assert count > ARTICLES // 2, count  # the true count, not the ten results loaded
        fragments = [url for url in searched if "/fragment/" in url]
        assert 0 < len(fragments) < 100, len(fragments)  # the results shown, never the 2,400 pages
        # once typing pauses, twenty results: Material shows ten, then four more each time the reader reaches the end
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 10")
        page.evaluate("() => document.querySelector('.md-search-result__item:last-child').scrollIntoView()")
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 10")
    finally:
        context.close()
    assert outside == []
    assert errors == []

"""The search bundle: how text is written for Pagefind, pages from Material's index, the bundle a real build writes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from bangtin.search import PAGEFIND_DIR, STROKE, MaterialIndex, SearchPage, index_text, search_page, write_search
from sitebuild import Build, indexed_pages, make_site, run_mkdocs

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # huyền, sắc, hỏi, ngã, nặng


def vietnamese_letters() -> list[str]:
    """Every Vietnamese letter with a diacritic, lower and upper case, in NFC."""
    letters = ["đ", "Đ"]
    for vowel in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", vowel + tone)
            letters += [letter, letter.upper()]
    return [letter for letter in letters if letter.lower() not in "aeiouy"]


def pagefind_word(letter: str) -> str:
    """What Pagefind keeps of an indexed letter: alphanumeric characters only, lower case, combining marks dropped
    after NFD (fossick/splitting.rs, get_indexable_words and normalize_diacritics)."""
    kept = "".join(char for char in index_text(letter) if char.isalnum()).lower()
    return "".join(char for char in unicodedata.normalize("NFD", kept) if not unicodedata.combining(char))


def test_every_vietnamese_letter_folds_to_its_base_letter_in_the_index() -> None:
    letters = vietnamese_letters()
    assert len(letters) == 2 * (12 * 6 - 6) + 2  # 66 letters with diacritics in each case, plus đ/Đ
    for letter in letters:
        folded = pagefind_word(letter)
        assert folded in "adeiouy" and len(folded) == 1, (letter, folded)


@pytest.mark.parametrize(
    ("text", "indexed"),
    [
        ("Đổi mới", f"D{STROKE}ổi mới"),
        ("4400/KH-SGDĐT", f"4400/KH-SGDD{STROKE}T"),
        (unicodedata.normalize("NFD", "kế hoạch"), "kế hoạch"),  # NFC, as the worker writes the query
        ("Kế hoạch 259/KH-MNHM", "Kế hoạch 259/KH-MNHM"),  # Pagefind folds these marks itself
        ("Sở GD&ĐT", f"Sở GD&D{STROKE}T"),
    ],
)
def test_index_text(text: str, indexed: str) -> None:
    assert index_text(text) == indexed


class Page:
    """What Material's search plugin hands its index: an MkDocs page's address, title, meta and content."""

    def __init__(self, url: str, title: str, content: str, meta: dict | None = None) -> None:
        self.url, self.title, self.content, self.meta = url, title, content, meta or {}


CONFIG = {"lang": ["vi"], "separator": "[\\s]+", "pipeline": ["stopWordFilter"], "fields": {}, "jieba_dict": None}


def test_material_keeps_its_settings_and_pagefind_gets_the_pages_material_would_index() -> None:
    index = MaterialIndex(**CONFIG)
    index.add_entry_from_context(Page("a/", "Đổi mới", "<p>x</p>"))
    assert json.loads(index.generate_search_index(None)) == {
        "config": {"lang": ["vi"], "separator": "[\\s]+", "pipeline": ["stopWordFilter"], "fields": {}}, "docs": []}
    assert search_page(Page("a/", "Đổi mới", "<p>x</p>")) == SearchPage("a/", "Đổi mới", "<p>x</p>")
    assert search_page(Page("b/", "Ẩn", "<p>y</p>", {"search": {"exclude": True}})) is None


def test_write_search_renders_each_page_once(tmp_path: Path) -> None:
    seen: list[tuple[str, str]] = []

    def render(page: SearchPage, language: str) -> str:
        seen.append((page.url, language))
        return f"<html lang='{language}'><body><h1>{page.title}</h1>{page.html}</body></html>"

    pages = [SearchPage("", "Trang chủ", "<p>x</p>"), SearchPage("a/", "Đổi mới", "<h2 id='b'>B</h2><p>y</p>")]
    assert write_search(tmp_path, pages, "vi", render) == []
    assert seen == [("", "vi"), ("a/", "vi")]
    entry = json.loads((tmp_path / PAGEFIND_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 2
    assert indexed_pages(tmp_path)["a/"].startswith("Đổi mới")


@pytest.fixture
def sample(sample_build: Build) -> Path:
    return sample_build.root


def bundle(site: Path) -> dict[str, bytes]:
    folder = site / PAGEFIND_DIR
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_sample_bundle_holds_every_published_page_and_no_draft(sample: Path) -> None:
    site = sample / "site"
    files = bundle(site)
    assert set(name.split("/")[0] for name in files) == {
        "fragment", "index", "pagefind-entry.json", "pagefind.js", next(n for n in files if n.endswith(".pf_meta")),
        "wasm.unknown.pagefind"}
    pages = indexed_pages(site)
    entry = json.loads(files["pagefind-entry.json"])
    assert entry["languages"]["vi"]["page_count"] == len(pages)
    articles = {path.parent.relative_to(site).as_posix() + "/" for path in (site / "tin-tuc").glob("20*/*/*/index.html")}
    assert articles and articles <= set(pages)
    assert not any(url.startswith("tin-tuc/2027/") for url in pages)  # the scheduled article


def test_same_content_same_bundle(sample: Path, tmp_path: Path) -> None:
    again = run_mkdocs(sample, "build", "--strict", "-d", str(tmp_path / "again"))
    assert again.returncode == 0, again.output
    assert bundle(tmp_path / "again") == bundle(sample / "site")


def test_search_excluded_page_and_block_are_not_indexed(tmp_path: Path) -> None:
    root = make_site(tmp_path, {
        "docs/bi-mat.md": "---\nsearch:\n  exclude: true\n---\n# Xyzzyquux\n\nKhông tìm thấy.\n",
        "docs/cong-khai-x.md": "# Trang công khai\n\nXyzzyplugh.\n\nXyzzyfrob.\n{ data-search-exclude }\n",
    })
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    texts = indexed_pages(root / "site").values()
    assert any("Xyzzyplugh" in text for text in texts)
    assert not any("Xyzzyquux" in text or "Xyzzyfrob" in text for text in texts)


def test_a_bundle_of_the_same_documents_is_copied_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bangtin import search

    def render(page: SearchPage, language: str) -> str:
        return f"<html lang='{language}'><body><h1>{page.title}</h1>{page.html}</body></html>"

    pages = [SearchPage("a/", "Đổi mới", "<p>x</p>")]
    cache = tmp_path / "cache"
    assert write_search(tmp_path / "one", pages, "vi", render, cache) == []
    first = bundle(tmp_path / "one")
    monkeypatch.setattr(search, "get_executable", lambda: tmp_path / "no-pagefind-here")  # it must not run again
    assert write_search(tmp_path / "two", pages, "vi", render, cache) == []
    assert bundle(tmp_path / "two") == first
    monkeypatch.undo()
    changed = [SearchPage("a/", "Đổi mới hơn", "<p>x</p>")]
    assert write_search(tmp_path / "three", changed, "vi", render, cache) == []
    assert indexed_pages(tmp_path / "three")["a/"].startswith("Đổi mới hơn")
    assert len(list(cache.iterdir())) == 1  # only the newest bundle is kept

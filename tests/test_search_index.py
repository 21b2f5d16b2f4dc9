"""The search bundle: how text is written for Pagefind, pages from Material's index, the bundle a real build writes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from bangtin.search import INDEX_PATH, PAGEFIND_DIR, STROKE, SearchPage, index_text, search_pages, write_search
from sitebuild import copy_sample, indexed_pages, make_site, run_mkdocs

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


def test_search_pages_groups_sections_under_their_page() -> None:
    docs = [
        {"location": "", "title": "Trang chủ", "text": "<p>Chào</p>"},
        {"location": "ke-hoach/259/", "title": "Kế hoạch 259", "text": "Mở đầu"},
        {"location": "ke-hoach/259/#muc-dich", "title": "Mục đích", "text": "<p>Đổi mới</p>"},
        {"location": "ke-hoach/259/#to-chuc", "title": "Tổ chức", "text": "Phân công"},
        {"location": "#gioi-thieu", "title": "Giới thiệu", "text": "Trường"},
    ]
    pages = search_pages(docs)
    assert [page.url for page in pages] == ["", "ke-hoach/259/"]
    assert [section.anchor for section in pages[1].sections] == ["muc-dich", "to-chuc"]
    assert pages[0].sections[0].title == "Giới thiệu"


def test_write_search_without_material_search(tmp_path: Path) -> None:
    assert write_search(tmp_path, None, lambda page, language: "") == []
    assert not (tmp_path / PAGEFIND_DIR).exists()


def test_write_search_renders_each_page_once(tmp_path: Path) -> None:
    seen: list[tuple[str, str]] = []

    def render(page: SearchPage, language: str) -> str:
        seen.append((page.url, language))
        return f"<html lang='{language}'><body><h1>{page.title}</h1><p>{page.text}</p></body></html>"

    index = {"config": {"lang": ["vi"], "separator": "[\\s]+"},
             "docs": [{"location": "a/", "title": "Đổi mới", "text": "x"}, {"location": "a/#b", "title": "B", "text": "y"}]}
    assert write_search(tmp_path, index, render) == []
    assert seen == [("a/", "vi")]
    assert json.loads((tmp_path / INDEX_PATH).read_text(encoding="utf-8")) == {"config": index["config"], "docs": []}
    entry = json.loads((tmp_path / PAGEFIND_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 1


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("search-sample"))
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    return root


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


def test_search_excluded_page_is_not_indexed(tmp_path: Path) -> None:
    root = make_site(tmp_path, {
        "docs/bi-mat.md": "---\nsearch:\n  exclude: true\n---\n# Xyzzyquux\n\nKhông tìm thấy.\n",
        "docs/cong-khai-x.md": "# Trang công khai\n\nXyzzyplugh.\n",
    })
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    texts = indexed_pages(root / "site").values()
    assert any("Xyzzyplugh" in text for text in texts)
    assert not any("Xyzzyquux" in text for text in texts)

"""Folding Material's search index: the folding table, fields, separator, determinism."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from bangtin.search import (
    FOLDED_BOOST,
    INDEX_PATH,
    SCRIPT,
    SEPARATOR,
    _SPLIT,
    _Folds,
    dump_search_index,
    fold_search_index,
    fold_word,
    folded_words,
    write_search_index,
)
from bangtin.text import fold, nfc

ROOT = Path(__file__).resolve().parents[1]

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


def test_folding_table_covers_vietnamese() -> None:
    letters = vietnamese_letters()
    assert len(letters) == 2 * (12 * 6 - 6) + 2  # 66 letters with diacritics in each case, plus đ/Đ
    for letter in letters:
        folded = fold_word(letter)
        assert folded == fold(letter).lower()
        assert folded in "adeiouy" and len(folded) == 1, (letter, folded)


@pytest.mark.parametrize("letter", vietnamese_letters())
def test_index_holds_python_fold_of_every_letter(letter: str) -> None:
    """The index output for a word is exactly ``fold(word).lower()``, for NFC and NFD input."""
    word = f"x{letter}y"
    for form in ("NFC", "NFD"):
        title = unicodedata.normalize(form, word)
        doc = fold_search_index({"config": {}, "docs": [{"location": "", "title": title, "text": ""}]})["docs"][0]
        assert doc["title"] == unicodedata.normalize("NFC", word)
        assert doc["title_folded"] == fold(word).lower()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kế hoạch chuyển đổi số 259/KH-MNHM", ["ke", "hoach", "chuyen", "doi", "so"]),
        ("Bé yêu khoa học", ["be", "yeu", "hoc"]),
        ("4400/KH-SGDĐT", ["sgddt"]),
        ("Nghị định 30/2020/NĐ-CP", ["nghi", "dinh", "nd"]),
        ("<p>Hòa <code>nhạc&amp;múa</code></p>", ["hoa", "nhac", "mua"]),
        ("Trường “Hoa Mai” – năm học 2025–2026.", ["truong", "nam", "hoc"]),
        ("Hoa sen, hoa mai", []),
    ],
)
def test_folded_words(text: str, words: list[str]) -> None:
    assert folded_words(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("259/KH-MNHM", ["259", "kh", "mnhm"]),
        ("4400/KH-SGDĐT", ["4400", "kh", "sgdđt"]),
        ("57-NQ/TW", ["57", "nq", "tw"]),
        ("Số 2.5 tạo. (mới) “Hoa”; a&amp;b 100% x_y", ["số", "2.5", "tạo", "mới", "hoa", "a", "b", "100", "x", "y"]),
        ("năm học 2025–2026", ["năm", "học", "2025", "2026"]),
    ],
)
def test_separator_splits_numbers_and_punctuation(text: str, words: list[str]) -> None:
    """Lower-case words of the text as the search tokenizer (the SEPARATOR pattern) splits them."""
    assert [word.lower() for word in re.split(SEPARATOR, nfc(text)) if word] == words


def test_python_split_pattern_splits_as_the_separator() -> None:
    # Every pair of characters that matter to the separator, in every position, and real text around them.
    pieces = ["a", "ế", "2", " ", "\n", ".", "&", "#", ";", "–", "“", "%", "amp", "39", "x_y", "Đ"]
    texts = [a + b + c for a in pieces for b in pieces for c in pieces]
    texts += ["Kế hoạch 259/KH-MNHM. Số 2.5; a&amp;b &#39;x&#x27; & ; .5 a. 5 ..", "“Ngày hội” – STEM…(mới)", "&&amp;&;"]
    for text in texts:
        assert _SPLIT.split(text) == re.split(SEPARATOR, text), text


def test_folded_words_are_the_changed_folds_of_the_separator_words() -> None:
    # folded_words cuts at white space (str.split) before SEPARATOR and caches the runs between: it must give the same
    # words as splitting each tag-free section at SEPARATOR and folding every word, whatever the white space (no-break,
    # thin, ideographic, and a control character both count as space).
    pieces = ["ế", "a", "2", " ", "\u00a0", "\u2009", "\x1c", "\u3000", ".", "&", ";", "–", "“", "amp", "<b>", "Đ"]
    texts = [a + b + c for a in pieces for b in pieces for c in pieces]
    texts += ["<p>Kế hoạch 259/KH-MNHM.</p><p>Số 2.5; Hòa&amp;Bình</p>", "Trường “Hoa Mai” – năm học 2025–2026."]
    folds = _Folds()  # shared, as across the documents of one index
    for text in texts:
        sections = re.split(r"<[^>]*>", unicodedata.normalize("NFC", text))
        words = [word for section in sections for word in re.split(SEPARATOR, section) if word]
        expected = [fold(word).lower() for word in words if fold(word).lower() != word.lower()]
        assert folded_words(text) == expected == folded_words(text, folds), repr(text)


def test_separator_is_safe_for_material() -> None:
    # Material's highlighter splits the separator at "|": every part must compile on its own,
    # and query syntax (*, +, ~, ^) must stay out of it.
    for part in SEPARATOR.split("|"):
        re.compile(part)
    characters = SEPARATOR[1:SEPARATOR.index("]+|")]
    assert not set("*+~^|") & set(characters)


def test_script_separator_matches_python() -> None:
    source = (ROOT / "overrides" / SCRIPT).read_text(encoding="utf-8")
    literal = re.search(r'var separator = ("(?:[^"\\]|\\.)*")', source)
    assert literal and json.loads(literal[1]) == SEPARATOR


def sample_index() -> dict:
    return {
        "config": {
            "lang": ["vi"],
            "separator": "[\\s\\-]+",
            "pipeline": ["stopWordFilter"],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
        },
        "docs": [
            {"location": "ke-hoach/", "title": "Kế hoạch 259/KH-MNHM", "text": "<p>Nội dung.</p>",
             "tags": ["Chuyển đổi số", "STEM"]},
            {"location": "ke-hoach/#muc-tieu", "title": "Mục tiêu", "text": "<p>Hoa sen</p>", "boost": 2},
            {"location": "hoa/", "title": "Hoa sen", "text": ""},
        ],
    }


def test_fold_search_index_fields_and_config() -> None:
    index = fold_search_index(sample_index())
    assert index["config"]["separator"] == SEPARATOR
    assert index["config"]["lang"] == ["vi"]
    assert index["config"]["fields"] == {
        "title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0},
        "title_folded": {"boost": 1000.0 * FOLDED_BOOST}, "text_folded": {"boost": FOLDED_BOOST},
        "tags_folded": {"boost": 1000000.0 * FOLDED_BOOST},
    }
    plan, section, lotus = index["docs"]
    assert plan == {
        "location": "ke-hoach/", "title": "Kế hoạch 259/KH-MNHM", "text": "<p>Nội dung.</p>",
        "tags": ["Chuyển đổi số", "STEM"], "title_folded": "ke hoach", "text_folded": "noi",
        "tags_folded": ["chuyen doi so"],
    }
    assert section["boost"] == 2 and section["title_folded"] == "muc tieu" and "text_folded" not in section
    assert lotus == {"location": "hoa/", "title": "Hoa sen", "text": ""}


def test_configured_boosts_are_kept() -> None:
    index = sample_index()
    index["config"]["fields"]["title"] = {"boost": 50}
    index["config"]["fields"]["summary"] = {"boost": 3}
    fields = fold_search_index(index)["config"]["fields"]
    assert fields["title"] == {"boost": 50} and fields["title_folded"] == {"boost": 25.0}
    assert fields["summary"] == {"boost": 3}


def test_missing_fields_get_material_defaults() -> None:
    fields = fold_search_index({"config": {}, "docs": []})["config"]["fields"]
    assert fields["title"] == {"boost": 1e3} and fields["text_folded"] == {"boost": 0.5}


def test_fold_is_idempotent_and_input_untouched() -> None:
    original = sample_index()
    snapshot = json.dumps(original)
    once = fold_search_index(original)
    assert json.dumps(original) == snapshot
    assert fold_search_index(once) == once
    assert dump_search_index(fold_search_index(once)) == dump_search_index(once)


def test_dump_is_deterministic_utf8() -> None:
    data = dump_search_index(fold_search_index(sample_index()))
    assert data == dump_search_index(fold_search_index(sample_index()))
    assert "Kế hoạch".encode() in data and b"\\u" not in data
    assert json.loads(data) == fold_search_index(sample_index())


def test_write_search_index(tmp_path: Path) -> None:
    assert write_search_index(tmp_path) is False
    path = tmp_path / INDEX_PATH
    path.parent.mkdir()
    path.write_text(json.dumps(sample_index()), encoding="utf-8")
    assert write_search_index(tmp_path) is True
    first = path.read_bytes()
    assert json.loads(first) == fold_search_index(sample_index())
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert write_search_index(tmp_path) is True
    assert path.read_bytes() == first and path.stat().st_mtime_ns == 1_000_000_000


def test_index_from_memory_is_the_index_material_writes(tmp_path: Path) -> None:
    """The adapter folds Material's index from the plugin's memory: the same index as read back from the file."""
    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    from bangtin.speed import material_search_index

    index = SearchIndex(lang=["vi"], separator=SEPARATOR, pipeline=["stopWordFilter"], fields={"title": {"boost": 2}})
    index.entries += [
        {"location": "", "title": "Kế hoạch 259/KH-MNHM", "text": "<p>Đổi mới “sáng tạo”</p>", "tags": ["Chuyển đổi số"]},
        {"location": "tin-tuc/#muc-1", "title": "Mục 1", "text": "Bé vui", "boost": 2},
    ]
    written = index.generate_search_index(None)
    (tmp_path / INDEX_PATH).parent.mkdir()
    (tmp_path / INDEX_PATH).write_text(written, encoding="utf-8")
    plugin = SearchPlugin()
    plugin.search_index = index  # what the plugin's on_config sets
    from_memory = material_search_index(plugin)
    assert from_memory == json.loads(written)
    assert write_search_index(tmp_path, from_memory)
    assert (tmp_path / INDEX_PATH).read_bytes() == dump_search_index(fold_search_index(json.loads(written)))
    assert material_search_index(None) is None


def test_write_search_index_on_a_real_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Kế hoạch 259/KH-MNHM\n\nNội dung.\n\n## Mục tiêu\n\nĐổi mới.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Thử\ntheme:\n  name: material\n  language: vi\n  font: false\nplugins:\n  - search\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp_path, check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True,
    )
    site = tmp_path / "site"
    assert write_search_index(site)
    index = json.loads((site / INDEX_PATH).read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["vi"] and index["config"]["separator"] == SEPARATOR
    assert [doc["title_folded"] for doc in index["docs"]] == ["ke hoach", "muc tieu"]
    assert index["docs"][1]["text_folded"] == "doi moi"

"""Căn cứ: the documents a plan implements, each with its number, date and issuer.

Read from the "Căn cứ …" / "Thực hiện …" paragraphs before the first section (or in a section titled
"Căn cứ"); one paragraph may cite several documents. A plan without such paragraphs often states what it
implements in its first section ("nhằm triển khai Nghị quyết 29-NQ/TW ngày 04/11/2013 của …"): then the
fully cited documents (with a date) of that section are taken.
"""

from __future__ import annotations

import re
from datetime import date

from ..numbers import CONG_VAN, TYPE_NAMES, parse_number, tidy_number
from .lines import key, opens_section, without_bullet
from .model import Block, Line

_SEP = r"(?:\s[-/]|[-/]\s?)"
_CODE = r"[^\W\d_][\w&Đđ]*"
CITED_NUMBER = re.compile(rf"(?<![\w/.-])\d{{1,5}}[a-z]?(?:{_SEP}\d{{4}})?{_SEP}{_CODE}(?:{_SEP}(?:{_CODE}|\d+))*")
_NUMERIC_DATE = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.I)
_WORDY_DATE = re.compile(r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_OF = re.compile(r"^\s*,?\s*của\s+", re.I)
_BASIS_OPENERS = ("can cu", "thuc hien", "trien khai", "theo")
# The subject (trích yếu) starts with one of these, written in lower case; names are capitalised.
_STOP_WORDS = frozenset("về v/v trên trong nhằm cho năm để khóa khoá tại theo với đã số ngày kèm việc".split())
_STOP_PAIRS = frozenset((
    "ban hành", "hướng dẫn", "quy định", "thực hiện", "triển khai", "tổ chức", "sửa đổi", "bổ sung", "phê duyệt",
    "phát động", "đẩy mạnh", "tăng cường", "nâng cao", "xây dựng", "giai đoạn", "nhiệm kỳ", "đối với", "công bố",
    "phát triển", "quyết định",
))
_ISSUER_WORDS = 14
_TYPE_KEYS = frozenset(key(name) for name in (*TYPE_NAMES.values(), CONG_VAN))


def read_basis(body: list[Block]) -> list[dict]:
    """Every document cited by the plan's basis paragraphs, in order, each number once."""
    paragraphs = basis_paragraphs(body)
    cited = [item for text in paragraphs for item in read_citations(text)]
    if not cited:
        cited = [item for text in first_section(body) for item in read_citations(text) if "issued" in item]
    return merge_citations(cited)


def basis_paragraphs(body: list[Block]) -> list[str]:
    """"Căn cứ"/"Thực hiện" paragraphs of the preamble or of a section titled "Căn cứ…"."""
    found, in_basis_section, seen_section = [], False, False
    for block in body:
        if not isinstance(block, Line):
            continue
        text = without_bullet(block.text)
        if opens_section(text):
            seen_section, in_basis_section = True, "can cu" in key(text)
            continue
        if (not seen_section or in_basis_section) and key(text).startswith(_BASIS_OPENERS):
            found.append(text)
    return found


def first_section(body: list[Block]) -> list[str]:
    texts, inside = [], False
    for block in body:
        if isinstance(block, Line) and opens_section(block.text):
            if inside:
                break
            inside = True
        elif inside and isinstance(block, Line):
            texts.append(block.text)
    return texts


def read_citations(text: str) -> list[dict]:
    """``… Kế hoạch số 4400/KH-SGDĐT ngày 23/10/2025 của Sở GD&ĐT Hà Nội về …`` → number, issued, issuer."""
    citations = []
    for match in CITED_NUMBER.finditer(text):
        number = _valid_number(match.group())
        if number is None:
            continue
        item: dict = {"number": number}
        rest = text[match.end() :]
        date_match = _NUMERIC_DATE.match(rest) or _WORDY_DATE.match(rest)
        if date_match and (issued := _date(*date_match.groups())):
            item["issued"] = issued
            rest = rest[date_match.end() :]
        if (of := _OF.match(rest)) and (issuer := read_issuer(rest[of.end() :])):
            item["issuer"] = issuer
        citations.append(item)
    return citations


def read_issuer(text: str) -> str | None:
    """The issuer's name runs until the subject starts ("về", a verb in lower case…) or at punctuation."""
    tokens = text.split()[:_ISSUER_WORDS]
    cores = [token.rstrip(",;:.)”\"") for token in tokens]
    words: list[str] = []
    for index, (token, core) in enumerate(zip(tokens, cores)):
        pair = " ".join(cores[index : index + 2])
        if core in _STOP_WORDS or pair in _STOP_PAIRS or core.startswith(("(", "“", '"')):
            break
        if core == "và" and _starts_type(cores[index + 1 : index + 4]):
            break
        kept = _is_abbreviation(token) or _name_goes_on(token, cores[index + 1 : index + 4])
        words.append(token if kept else core)
        if core != token and not kept:
            break
    return " ".join(words).rstrip(",") or None


def _name_goes_on(token: str, following: list[str]) -> bool:
    """"Bộ Văn hóa, Thể thao và Du lịch": a comma inside a name, followed by a capitalised word."""
    return token.endswith(",") and bool(following) and following[0][:1].isupper() and not _starts_type(following)


def _starts_type(words: list[str]) -> bool:
    return any(key(" ".join(words[:size])) in _TYPE_KEYS for size in (1, 2, 3))


def merge_citations(cited: list[dict]) -> list[dict]:
    """One entry per number (compared case-insensitively); a later citation fills what an earlier lacked."""
    merged: dict[str, dict] = {}
    for item in cited:
        entry = merged.setdefault(item["number"].casefold(), {"number": item["number"]})
        for field in ("issued", "issuer"):
            if field in item and field not in entry:
                entry[field] = item[field]
    return [dict(sorted(entry.items(), key=lambda pair: ("number", "issued", "issuer").index(pair[0])))
            for entry in merged.values()]


def _valid_number(raw: str) -> str | None:
    text = tidy_number(raw)
    while True:
        codes = re.split(r"[-/]", text)[1:]
        if all(_looks_like_code(code) for code in codes):
            try:
                return parse_number(text).text
            except ValueError:
                pass
        cut = max(text.rfind("-"), text.rfind("/"))
        if cut <= 0:
            return None
        text = text[:cut]


def _looks_like_code(code: str) -> bool:
    if code.isdigit():
        return True
    upper = sum(ch.isupper() for ch in code)
    return upper > sum(ch.islower() for ch in code)


def _is_abbreviation(word: str) -> bool:
    return word.endswith(".") and len(word) <= 4 and word[:-1].isupper()


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None

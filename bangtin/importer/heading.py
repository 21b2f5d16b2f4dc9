"""Tên loại và trích yếu: the type heading ("KẾ HOẠCH", "QUYẾT ĐỊNH"…) and the title under it; or, for a
công văn, the "V/v …" line under the number. Also where the header ends and the body begins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers import CONG_VAN, TYPE_NAMES
from .casing import sentence_case
from .lines import is_decoration, is_upper, key, opens_section
from .marks import NUMBER_LINE, is_motto, match_date_line
from .model import Block, Line

TYPE_WORDS = sorted({*TYPE_NAMES.values(), CONG_VAN}, key=len, reverse=True)
_SEARCH_LIMIT = 30
_SUBJECT = re.compile(r"^(?:V/v|Về việc)\b\s*:?\s*(?P<title>.+)$", re.IGNORECASE)
_SCHOOL_YEAR_LINE = re.compile(r"^\(?\s*năm học\s+\d{4}\s*[-–]\s*\d{4}\s*\)?$", re.IGNORECASE)
_BODY_OPENERS = ("can cu", "kinh gui", "xet ")
_CITING = re.compile(r"^(?:Thực hiện|Triển khai|Theo)\s+(?:\S+\s+){0,3}?(?:số\s+)?\d+\s*[/-]", re.IGNORECASE)
# A decision names its issuing authority in capitals under the title ("HIỆU TRƯỞNG TRƯỜNG …"): never title.
_AUTHORITY_FOLLOWS = ("Quyết định", "Nghị quyết")
_AUTHORITY_WORDS = ("hieu truong", "chu tich", "giam doc", "truong phong", "uy ban", "ubnd", "ban ", "hoi dong")


@dataclass(frozen=True)
class Heading:
    """What the top of the document says; ``header`` holds the lines above the heading."""

    type: str | None
    title: str | None
    header: list[Line]
    body_start: int


def heading_type(text: str) -> str | None:
    """The document type a heading line names: "KẾ HOẠCH PHỐI HỢP" → "Kế hoạch"."""
    folded = key(text)
    for word in TYPE_WORDS:
        name = key(word)
        if folded == name or folded.startswith(name + " "):
            return word
    return None


def read_heading(blocks: list[Block]) -> Heading:
    """Find the type heading among the first lines; the title follows it (or a "V/v" line precedes it)."""
    for index, block in enumerate(blocks[:_SEARCH_LIMIT]):
        if not isinstance(block, Line) or _opens_body(block.text):
            break
        if (is_upper(block.text) or block.bold) and heading_type(block.text) and len(block.text.split()) <= 25:
            header = [line for line in blocks[:index] if isinstance(line, Line)]
            return _with_title(blocks, index, header)
    return _without_heading(blocks)


def _with_title(blocks: list[Block], index: int, header: list[Line]) -> Heading:
    heading = blocks[index].text
    position, title_lines = _skip(blocks, index + 1), []
    one_line = heading_type(heading) in _AUTHORITY_FOLLOWS
    while position < len(blocks) and _is_title_line(blocks[position], title_lines) and not (one_line and title_lines):
        title_lines.append(blocks[position].text)
        position += 1
    position = _skip(blocks, position, also=_SCHOOL_YEAR_LINE.match)
    base = heading_type(heading)
    if title_lines:
        title = " ".join(title_lines)
        return Heading(sentence_case(heading), _tidy_title(title), header, position)
    rest = _after_type(heading, base)
    return Heading(base, _tidy_title(rest) if rest else None, header, position)


def _without_heading(blocks: list[Block]) -> Heading:
    """A công văn (or a document missing its heading): the header runs while lines look like header lines."""
    position, title = 0, None
    while position < min(len(blocks), _SEARCH_LIMIT) and isinstance(blocks[position], Line):
        text = blocks[position].text
        if match := _SUBJECT.match(text):
            title = match.group(0) if text.lower().startswith("v/v") else match["title"]
        elif not _is_header_line(text):
            break
        position += 1
    header = [line for line in blocks[:position] if isinstance(line, Line)]
    return Heading(CONG_VAN if title and title.lower().startswith("v/v") else None, title, header, position)


def _is_header_line(text: str) -> bool:
    return bool(
        is_motto(text) or NUMBER_LINE.match(text) or match_date_line(text) or is_decoration(text)
        or (is_upper(text) and not opens_section(text))
    )


def _is_title_line(block: Block, taken: list[str]) -> bool:
    if not isinstance(block, Line) or not block.text or block.images or is_decoration(block.text):
        return False
    text = block.text
    if _opens_body(text) or opens_section(text) or _SCHOOL_YEAR_LINE.match(text) or match_date_line(text):
        return False
    if not taken:
        return True
    return (
        is_upper(taken[-1]) and is_upper(text) and len(taken) < 3 and not heading_type(text)
        and not key(text).startswith(_AUTHORITY_WORDS)
    )


def _skip(blocks: list[Block], position: int, also=lambda text: False) -> int:
    while position < len(blocks) and isinstance(blocks[position], Line):
        text = blocks[position].text
        if not (is_decoration(text) or also(text)):
            break
        position += 1
    return position


def _opens_body(text: str) -> bool:
    return key(text).startswith(_BODY_OPENERS) or bool(opens_section(text) or _CITING.match(text))


def _after_type(heading: str, base: str | None) -> str:
    size = len(base.split()) if base else 0
    return " ".join(heading.split()[size:])


def _tidy_title(title: str) -> str:
    title = title.strip(" :")
    return sentence_case(title) if is_upper(title) else title

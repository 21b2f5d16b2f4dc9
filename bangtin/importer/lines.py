"""Line-level rules shared by every phase: clean-up, capitals, list markers and form blanks."""

from __future__ import annotations

import re

from ..text import fold, nfc

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_WRAPPED_EMPHASIS = re.compile(r"^(\*{1,2}|_{1,2})(?P<inner>[^*_].*?)\1$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_COLUMN_GAP = re.compile(r"\S(?:\t+| {4,})\S")
# Gaps that are not columns: a blank left to fill in by hand ("ngày      tháng"), or a tab after a label ("I.\tMỤC").
_BLANK_BEFORE = re.compile(r"(?:\bngày(?:\s+\d{1,2})?|\btháng(?:\s+\d{1,2})?|\bSố\s*:?)$", re.IGNORECASE)
_LABEL_ONLY = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ]|[-–•·+*])?\s*[.):/]?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^(?P<marks>(?:[-–—•·●▪◦○➢➤►✓*+](?=\s|\d|[^\W\d_])\s*)+)(?P<rest>.*)$")
_LEADERS = re.compile(r"(?:[.…_]\s*){4,}")
_DECORATION = re.compile(r"^[\W_]*(?:o0o|oOo|0o0)?[\W_]*$")
_LETTER = re.compile(r"[^\W\d_]")
SECOND_LEVEL_MARKS = frozenset("+◦○")
# Section openers of a plan's body: "I. MỤC ĐÍCH", "II/ NỘI DUNG" (not "V/v"), "PHẦN I", "Chương 2", "Điều 1."
ROMAN_HEADING = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\s*(?:[.)]|/(?![vV]\b))\s*\S")
PART_HEADING = re.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:[IVX]+|\d+|thứ|THỨ)\b")
ARTICLE = re.compile(r"^Điều\s+\d+")


def opens_section(text: str) -> bool:
    return bool(ROMAN_HEADING.match(text) or PART_HEADING.match(text) or ARTICLE.match(text))


def clean_line(raw: str) -> str:
    """NFC, single spaces, and no Markdown left over from a conversion (``## KẾ HOẠCH``, ``*Nơi nhận:*``)."""
    text = _SPACES.sub(" ", nfc(raw)).strip()
    text = _MARKDOWN_HEADING.sub("", text)
    if match := _WRAPPED_EMPHASIS.match(text):
        text = match["inner"].strip()
    return text


def split_columns(raw: str) -> list[str]:
    """A plain-text line that carried two table columns (tab or a wide gap between words) becomes two lines."""
    pieces, start = [], 0
    for match in _COLUMN_GAP.finditer(raw):
        left = raw[start : match.start() + 1]
        if _BLANK_BEFORE.search(left) or _LABEL_ONLY.match(left):
            continue
        pieces.append(raw[start : match.start() + 1])
        start = match.end() - 1
    pieces.append(raw[start:])
    return [piece for piece in (clean_line(part) for part in pieces) if piece]


def key(text: str) -> str:
    """Lower-case ASCII form for comparisons that ignore diacritics and typos such as "Noi nhận"."""
    return " ".join(re.sub(r"[^0-9a-z/&]+", " ", fold(text).lower()).split())


def is_upper(text: str) -> bool:
    """All letters are capitals (and there are at least two): headings, bodies' names, signer titles."""
    letters = _LETTER.findall(text)
    return len(letters) >= 2 and all(letter.isupper() for letter in letters)


def starts_lower(text: str) -> bool:
    """The line begins (after quotes or brackets) with a small letter: a paragraph broken in two."""
    match = _LETTER.search(text)
    return bool(match) and match.start() <= 2 and match.group().islower()


def bullet_of(text: str) -> tuple[str, str] | None:
    """``("-", "Tổ chuyên môn")`` for a dashed or dotted list line; the innermost mark says the level."""
    match = _BULLET.match(text)
    if not match or not match["rest"].strip():
        return None
    marks = match["marks"].replace(" ", "")
    return marks[-1], match["rest"].strip()


def without_bullet(text: str) -> str:
    found = bullet_of(text)
    return found[1] if found else text


def is_decoration(text: str) -> bool:
    """Rules and flourishes under a heading: ``-----``, ``***``, ``—oOo—``."""
    return bool(_DECORATION.match(text))


def is_blank_form_line(text: str) -> bool:
    """A line made only of dotted leaders, left for handwriting on a printed form."""
    return not _LETTER.search(_LEADERS.sub("", text)) and bool(_LEADERS.search(text))


def tidy_leaders(text: str) -> str:
    """``Họ tên:………………`` → ``Họ tên: …``."""
    return _LEADERS.sub(" … ", text).replace("  ", " ").strip()

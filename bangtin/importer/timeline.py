"""Tiến độ: milestones read from lines that open with a time ("Tháng 09-10/2017", "Giai đoạn 1: từ 2025 -
2027", "Quý I/2026: …") and from timeline tables (a "Thời gian" column beside a "Nội dung" column)."""

from __future__ import annotations

import re
from typing import Callable

from ..dates import parse_period
from .lines import without_bullet
from .model import Block, Line, Table

_TO = r"\s*(?:-|–|đến|tới)\s*"
_LABEL = re.compile(r"^(?P<label>(?:Giai đoạn|Đợt|Bước|Chặng)\s+[\wĐđ]+)\s*[:.)(–-]?\s*\(?\s*", re.IGNORECASE)
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*|[a-zđ]|[IVX]+)\s*[.)/]\s+", re.IGNORECASE)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _months(m1: str, y1: str, m2: str, y2: str) -> str:
    return f"{int(y1)}-{int(m1):02d}..{int(y2)}-{int(m2):02d}"


def _month_span(m1: str, m2: str, year: str) -> str:
    first_year = int(year) - 1 if int(m1) > int(m2) else int(year)
    return _months(m1, str(first_year), m2, year)


def _day(d: str, m: str, y: str) -> str:
    return f"{int(y)}-{int(m):02d}-{int(d):02d}"


def _quarter(q: str, year: str) -> str:
    first = (_QUARTERS[q.lower()] - 1) * 3 + 1
    return _months(str(first), year, str(first + 2), year)


_DAY = r"(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
# Tried in order at the start of a line; each gives a milestone's `when` (``bangtin/dates.py``, parse_period).
TIME_FORMS: list[tuple[re.Pattern[str], Callable[..., str]]] = [
    (re.compile(rf"^(?:từ\s+)?tháng\s+(\d{{1,2}})\s*/\s*(\d{{4}}){_TO}(?:tháng\s+)?(\d{{1,2}})\s*/\s*(\d{{4}})", re.I), _months),
    (re.compile(rf"^(?:từ\s+)?tháng\s+(\d{{1,2}})(?:{_TO}|\s*[,;&]\s*|\s+và\s+)(?:tháng\s+)?(\d{{1,2}})\s*/\s*(\d{{4}})", re.I), _month_span),
    (re.compile(r"^tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})", re.I), lambda m, y: f"{int(y)}-{int(m):02d}"),
    (re.compile(rf"^(?:từ\s+)?{_DAY}{_TO}{_DAY}", re.I), lambda *p: f"{_day(*p[:3])}..{_day(*p[3:])}"),
    (re.compile(rf"^(?:từ\s+)?(?:ngày\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}}){_TO}{_DAY}", re.I),
     lambda d1, m1, d2, m2, y: f"{_day(d1, m1, y)}..{_day(d2, m2, y)}"),
    (re.compile(rf"^{_DAY}", re.I), _day),
    (re.compile(rf"^(\d{{1,2}})\s*/\s*(\d{{4}}){_TO}(\d{{1,2}})\s*/\s*(\d{{4}})\b(?!\s*[/-]\s*\w)"), _months),
    (re.compile(rf"^(\d{{1,2}}){_TO}(\d{{1,2}})\s*/\s*(\d{{4}})\b(?!\s*[/-]\s*\w)", re.I), _month_span),
    (re.compile(r"^(\d{1,2})\s*/\s*(\d{4})\b(?!\s*[/-]\s*\w)"), lambda m, y: f"{int(y)}-{int(m):02d}"),
    (re.compile(r"^quý\s+(IV|I{1,3}|[1-4])\s*(?:/|\s+năm\s+)\s*(\d{4})", re.I), _quarter),
    (re.compile(rf"^(?:từ\s+)?(?:năm\s+)?(\d{{4}}){_TO}(?:năm\s+)?(\d{{4}})", re.I), lambda a, b: f"{a}..{b}"),
    (re.compile(r"^năm\s+(\d{4})(?=\s*[:,–-]|\s*$)", re.I), lambda year: year),
]


def read_time(text: str) -> tuple[str, str] | None:
    """``"Tháng 09-10/2017: …"`` → ``("2017-09..2017-10", ": …")``: the `when` and the rest of the line."""
    for pattern, build in TIME_FORMS:
        if match := pattern.match(text):
            when = build(*match.groups())
            try:
                parse_period(when)
            except ValueError:
                return None
            return when, text[match.end() :]
    return None


def read_milestone(text: str) -> dict[str, str] | None:
    """One line → ``{when, what}``; `what` is the stage's name ("Giai đoạn 1") or the words after the time."""
    text = _NUMBERING.sub("", without_bullet(text).strip(), count=1)
    if (label := _LABEL.match(text)) and (found := read_time(text[label.end() :])):
        return {"when": found[0], "what": " ".join(label["label"].split())}
    found = read_time(text)
    if not found:
        return None
    what = found[1].strip(" :-–,.;)")
    return {"when": found[0], "what": what} if what else {"when": found[0]}


def read_milestones(blocks: list[Block]) -> list[dict[str, str]]:
    """Milestones of the body's lines and timeline tables, in order, without repeats."""
    found: list[dict[str, str]] = []
    for block in blocks:
        items = [read_milestone(block.text)] if isinstance(block, Line) else _from_table(block)
        found.extend(item for item in items if item and item not in found)
    return found


def _from_table(table: Table) -> list[dict[str, str] | None]:
    items = []
    for row in table.rows:
        cells = [cell.replace("<br>", " ").strip() for cell in row]
        for index, cell in enumerate(cells[:2]):
            found = read_time(cell)
            if found and not found[1].strip(" :-–,.;"):
                what = next((other for other in cells[index + 1 :] if other and not other.isdigit()), None)
                items.append({"when": found[0], "what": what.strip(" .;")} if what else {"when": found[0]})
                break
    return items

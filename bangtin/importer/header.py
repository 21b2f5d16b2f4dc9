"""The document's header: số, ký hiệu; place and date; the issuing body (ND 30/2020, Phụ lục I §II.1–4)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..numbers import parse_number
from .casing import ADMIN_UNITS, org_case
from .lines import is_decoration, is_upper, key
from .marks import NUMBER_LINE, is_motto, match_date_line
from .model import Line

_AROUND_SEPARATOR = re.compile(r"[\s.…_]*([/-])[\s.…_]*")
_EDGE_NOISE = re.compile(r"^[\s/\-.…_:]+|[\s/\-.…_;,]+$")
_ORG_HEADS = (
    "truong", "so", "phong", "bo", "uy ban", "ubnd", "hdnd", "hoi dong", "ban", "bch", "cong doan", "chi bo",
    "dang bo", "doan", "trung tam", "cuc", "vu", "vien", "thanh uy", "quan uy", "huyen uy", "dang uy", "tinh uy",
    "van phong", "hoi", "lien doan", "nha tre", "nhom tre", "to", "hoc vien", "dai hoc", "tong cuc", "cong ty",
)
_STATUS_MARKS = ("du thao", "khan", "thuong khan", "hoa toc", "mat", "toi mat", "tuyet mat", "luu hanh noi bo")


@dataclass(frozen=True)
class Number:
    """The number as read: ``text`` when usable, else ``problem`` says why (in Vietnamese)."""

    text: str | None
    problem: str | None = None


@dataclass(frozen=True)
class DateLine:
    place: str | None
    day: int | None
    month: int | None
    year: int | None

    @property
    def issued(self) -> date | None:
        if None in (self.day, self.month, self.year):
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


def read_number(raw: str) -> Number:
    """``20./KH-MNHgS`` → ``20/KH-MNHgS``; ``/454 /KH-GDĐT`` → ``454/KH-GDĐT``; ``/ KH-SGDĐT`` is blank."""
    shown = " ".join(raw.split())
    text = _EDGE_NOISE.sub("", _AROUND_SEPARATOR.sub(r"\1", raw.strip()))
    text = text.split()[0] if text.split() else ""
    if not text[:1].isdigit():
        return Number(None, f"số văn bản để trống (“Số: {shown}”): văn bản chưa lấy số nên đã bỏ khóa number")
    try:
        return Number(parse_number(text).text)
    except ValueError as error:
        return Number(None, f"{error}; đã bỏ khóa number, hãy ghi lại cho đúng")


def find_number(lines: list[Line]) -> Number | None:
    for line in lines:
        if match := NUMBER_LINE.match(line.text):
            return read_number(match["raw"])
    return None


def read_date_line(text: str) -> DateLine | None:
    """"Long Biên, ngày 28 tháng 11 năm 2025"; a blank day or month (a draft) is None."""
    match = match_date_line(text)
    if not match:
        return None
    place = match["place"].strip(" \t*_-–")
    day, month, year = (int(match[group]) if match[group] else None for group in ("d", "m", "y"))
    return DateLine(place or None, day, month, year)


def find_date_line(lines: list[Line]) -> DateLine | None:
    for line in lines:
        if found := read_date_line(line.text):
            return found
    return None


def find_issuer(lines: list[Line]) -> str | None:
    """The issuing body: in ND 30 it is printed in bold under its superior body; with no bold to go by,
    the last name printed in the header. A line that opens with no body word continues the one above
    ("ỦY BAN NHÂN DÂN" / "PHƯỜNG TÂY HỒ")."""
    names: list[tuple[str, bool]] = []
    for line in lines:
        if not _is_name_line(line.text):
            continue
        if names and names[-1][1] == line.bold and not _opens_name(line.text):
            text, bold = names.pop()
            names.append((f"{text} {line.text}", bold or line.bold))
        else:
            names.append((line.text, line.bold))
    if not names:
        return None
    bold = [text for text, is_bold in names if is_bold]
    return org_case((bold or [text for text, _ in names])[-1])


def _is_name_line(text: str) -> bool:
    folded = key(text)
    return (
        is_upper(text) and not is_motto(text) and not is_decoration(text) and not NUMBER_LINE.match(text)
        and folded not in _STATUS_MARKS and len(text.split()) >= 2
    )


def _opens_name(text: str) -> bool:
    folded = key(text)
    if any(folded.startswith(unit) for unit in (key(unit) + " " for unit in ADMIN_UNITS)):
        return False
    return any(folded == head or folded.startswith(head + " ") for head in _ORG_HEADS)

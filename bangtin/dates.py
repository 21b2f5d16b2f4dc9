"""Dates as Vietnamese schools write them, made timezone-aware in one place."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:h](\d{2})(?::(\d{2}))?$")
_SCHOOL_YEAR = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")

DATE_HINT = "ngày dạng 2025-11-28 hoặc 28/11/2025"
#: The years a school's date can be in: none of its documents predates the Democratic Republic (2 September 1945),
#: and a year past this one is a typo (MkDocs' sitemap cannot even write a date past 2106).
FIRST_YEAR, LAST_YEAR = 1945, 2099


def check_year(year: int, text: str) -> None:
    """Refuse a year outside :data:`FIRST_YEAR`–:data:`LAST_YEAR`, naming what was written."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"năm {year} trong “{text}” không hợp lệ (cần từ {FIRST_YEAR} đến {LAST_YEAR}); có gõ nhầm năm không?")


def parse_date(value: object) -> date:
    """Read a date written as ``2025-11-28`` or ``28/11/2025``; raise ValueError if it is not a real day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _VN_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(f"“{text}” không phải là ngày; cần {DATE_HINT}")
    check_year(year, text)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày “{text}” không có thật (tháng {month} năm {year} không có ngày {day})") from None


def parse_datetime(value: object) -> datetime:
    """Read a date with an optional time; without an offset the time is Vietnam time (+07:00)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    else:
        moment = _parse_datetime_text(str(value).strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=VN_TZ)


def _parse_datetime_text(text: str) -> datetime:
    parts = text.replace("T", " ", 1).split(None, 1)
    day = parse_date(parts[0]) if parts else parse_date(text)
    if len(parts) == 1:
        return datetime.combine(day, time())
    clock = parts[1].strip()
    if match := _TIME.match(clock):
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise ValueError(f"giờ “{clock}” không hợp lệ; cần dạng 08:30")
        return datetime.combine(day, time(hour, minute, second))
    try:
        return datetime.fromisoformat(f"{day.isoformat()}T{clock}")
    except ValueError:
        raise ValueError(f"“{text}” không phải là ngày giờ; cần dạng 2025-12-05 08:30") from None


def build_time() -> datetime:
    """The moment of this build: ``SOURCE_DATE_EPOCH`` when set (for tests and reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), VN_TZ)
    return datetime.now(VN_TZ)


def school_year_of(day: date) -> str:
    """The school year a day falls in: August–December opens a year, January–July closes it."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


def parse_school_year(value: object) -> str:
    """Check a school year such as ``2025-2026`` (two consecutive years)."""
    text = str(value).strip()
    match = _SCHOOL_YEAR.match(text)
    if not match or int(match[2]) != int(match[1]) + 1:
        raise ValueError(f"năm học “{text}” không hợp lệ; cần hai năm liền nhau, ví dụ 2025-2026")
    check_year(int(match[1]), text)
    return f"{match[1]}-{match[2]}"


def dmy(day: date) -> str:
    """``28/11/2025``, the form of registry tables."""
    return day.strftime("%d/%m/%Y")


def vn_date_line(place: str, day: date) -> str:
    """The ND 30/2020 header line: "Long Biên, ngày 28 tháng 11 năm 2025" (months 1 and 2 padded)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


@dataclass(frozen=True, order=True)
class Period:
    """A span of a plan's timeline: a day, a month, a year, or a range of them."""

    start: date
    end: date
    label: str


def parse_period(value: object) -> Period:
    """Read ``2025-12``, ``2025``, ``2025-12-15``, ``28/11/2025`` or a range ``A..B`` of those."""
    text = str(value).strip()
    if ".." in text:
        first, last = (_parse_span(part.strip()) for part in text.split("..", 1))
        if last[1] < first[0]:
            raise ValueError(f"khoảng thời gian “{text}” kết thúc trước khi bắt đầu")
        return Period(first[0], last[1], f"{first[2]} – {last[2]}")
    start, end, label = _parse_span(text)
    return Period(start, end, label)


def _parse_span(text: str) -> tuple[date, date, str]:
    if match := _YEAR.match(text):
        year = int(match[1])
        check_year(year, text)
        return date(year, 1, 1), date(year, 12, 31), f"năm {year}"
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        check_year(year, text)
        if not 1 <= month <= 12:
            raise ValueError(f"tháng “{text}” không hợp lệ")
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1), f"tháng {month:02d}/{year}"
    try:
        day = parse_date(text)
    except ValueError as error:
        if "năm " in str(error) and "không hợp lệ" in str(error):
            raise
        raise ValueError(
            f"“{text}” không phải là mốc thời gian; cần năm (2025), tháng (2025-12), ngày (2025-12-15) "
            "hoặc khoảng (2025..2027)"
        ) from None
    return day, day, dmy(day)

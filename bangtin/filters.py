"""Jinja filters for the templates: dates and sizes the Vietnamese way."""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable

from .dates import dmy, vn_date_line


def filesize(size: int) -> str:
    """A size as Vietnamese readers write it, in binary units as Windows Explorer shows them: ``1,2 MB``, ``85 MB``,
    ``1 GB``."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0").replace(".", ",") + f" {unit}"
    return f"{size} B"


def datetime_vn(moment: datetime) -> str:
    """``05/12/2025 08:30``; midnight means no time was given."""
    return dmy(moment) if (moment.hour, moment.minute) == (0, 0) else f"{dmy(moment)} {moment:%H:%M}"


def iso(value: date | datetime) -> str:
    return value.isoformat()


def template_filters() -> dict[str, Callable]:
    return {
        "dmy": dmy, "vn_date_line": vn_date_line, "filesize": filesize, "datetime_vn": datetime_vn, "iso": iso,
    }

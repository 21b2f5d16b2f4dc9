"""What a school must disclose each school year (công khai, Thông tư 09/2024/TT-BGDĐT), and by when.

The circular (which replaced TT 36/2017) applies to every level, kindergartens included. The items below and the
articles they cite follow the article map that school portals use for it (Điều 4, 5, 8, 9 and 14); the deadline
(30/06) is what those portals apply. Neither could be checked against the circular's own text here, so both are
settings (``extra.bangtin.cong_khai``) with these defaults, which a school or its Sở can change without a new
release. The items of a school year are due by the deadline day in the year that school year starts: 2025-2026's
by 30/06/2025.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LEVELS = ("mầm non", "tiểu học", "THCS", "THPT")
DEFAULT_DEADLINE = (30, 6)


def level_named(text: str) -> str | None:
    """The cấp học of :data:`LEVELS` that ``text`` names, whatever its case ("Mầm non", "thcs"); None if none."""
    return next((known for known in LEVELS if known.casefold() == text.strip().casefold()), None)


@dataclass(frozen=True)
class DisclosureItem:
    """One item every school year must have: its key (``item:`` in ``cong-khai/*.md``), its name, its article."""

    key: str
    name: str
    basis: str | None = None


@dataclass(frozen=True)
class DisclosureRules:
    items: tuple[DisclosureItem, ...]
    deadline: tuple[int, int] = DEFAULT_DEADLINE
    """(day, month) by which a school year's items must be online, in the year the school year starts."""

    def item(self, key: str) -> DisclosureItem | None:
        return next((item for item in self.items if item.key == key), None)

    def due_date(self, school_year: str) -> date:
        day, month = self.deadline
        return date(int(school_year[:4]), month, day)

    def due_year(self, today: date) -> str:
        """The newest school year whose deadline has passed: the one an inspector checks today."""
        start = today.year if today > self.due_date(f"{today.year}-{today.year + 1}") else today.year - 1
        return f"{start}-{start + 1}"


def default_items(level: str | None) -> tuple[DisclosureItem, ...]:
    """The items of TT 09/2024 for a school of ``level`` (one of :data:`LEVELS`; None: a kindergarten's words for
    the education plan and results are the general ones)."""
    kindergarten = (level or "").casefold() == "mầm non"
    plan = "Kế hoạch nuôi dưỡng, chăm sóc, giáo dục trẻ" if kindergarten else "Kế hoạch hoạt động giáo dục"
    results = ("Kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ năm học trước" if kindergarten
               else "Kết quả hoạt động giáo dục năm học trước")
    return (
        DisclosureItem("thong-tin-chung", "Thông tin chung", "Điều 4"),
        DisclosureItem("tai-chinh", "Thu, chi tài chính", "Điều 5"),
        DisclosureItem("doi-ngu", "Đội ngũ cán bộ quản lý, giáo viên và nhân viên", "Điều 8 khoản 1"),
        DisclosureItem("co-so-vat-chat", "Cơ sở vật chất", "Điều 8 khoản 2"),
        DisclosureItem("kiem-dinh", "Kiểm định chất lượng giáo dục", "Điều 8 khoản 3"),
        DisclosureItem("ke-hoach-giao-duc", plan, "Điều 9 khoản 1"),
        DisclosureItem("ket-qua-nam-hoc-truoc", results, "Điều 9 khoản 2"),
        DisclosureItem("bao-cao-thuong-nien", "Báo cáo thường niên", "Điều 14"),
    )

"""Vietnamese document numbers (số, ký hiệu): ``259/KH-MNHM``, ``3089/BGDĐT-GDTrH``, ``57-NQ/TW``, ``30/2020/NĐ-CP``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .text import nfc, slugify

# Phụ lục III, Nghị định 30/2020/NĐ-CP, plus the legal-normative types. Codes are mixed-case: never upper-case them.
TYPE_NAMES: dict[str, str] = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định",
    "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình",
    "HĐ": "Hợp đồng", "CĐ": "Công điện", "BGN": "Bản ghi nhớ", "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo", "KL": "Kết luận",
    "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "L": "Luật",
}
CONG_VAN = "Công văn"
Family = Literal["admin", "cong-van", "party", "legal"]

_CODE = r"[^\W_][\w&.]*"
_SEPARATOR_SPACES = re.compile(r"\s*([-/])\s*")
_PREFIX = re.compile(r"^(?:số\s*(?:hiệu)?\s*[:.]?\s*)", re.IGNORECASE)
_PARTY = re.compile(rf"^(\d+[a-z]?)-({_CODE})/({_CODE}(?:-{_CODE})*)$")
_LEGAL = re.compile(rf"^(\d+[a-z]?)/(\d{{4}})/({_CODE})(?:-({_CODE}(?:-{_CODE})*))?$")
_ADMIN = re.compile(rf"^(\d+[a-z]?)/({_CODE})-({_CODE}(?:-{_CODE})*)$")
_LAW = re.compile(r"^QH\d+$")


@dataclass(frozen=True)
class DocNumber:
    """A parsed số, ký hiệu; ``text`` is the tidied form as printed, never upper-cased."""

    text: str
    serial: str
    family: Family
    type_code: str | None
    issuer_code: str
    year: int | None = None

    @property
    def type_name(self) -> str:
        """The document type the code stands for; a công văn has no code."""
        return TYPE_NAMES.get(self.type_code or "", CONG_VAN)

    @property
    def slug(self) -> str:
        """``259-kh-mnhm``: the last part of a plan's address."""
        return slugify(self.text)

    @property
    def key(self) -> str:
        """Case-insensitive identity used to find a document in the registry."""
        return self.text.casefold()

    def __str__(self) -> str:
        return self.text


def tidy_number(raw: str) -> str:
    """Normalise a number as typed: NFC, no "Số:" prefix, no spaces around ``/`` and ``-``."""
    text = _PREFIX.sub("", nfc(raw).strip())
    return _SEPARATOR_SPACES.sub(r"\1", text).strip(" .;,")


def parse_number(raw: object) -> DocNumber:
    """Parse any số, ký hiệu shape the registry uses (see the module docstring); raise ValueError (in Vietnamese) when it fits none."""
    text = tidy_number(str(raw))
    if match := _PARTY.match(text):
        return DocNumber(text, match[1], "party", match[2], match[3])
    if match := _LEGAL.match(text):
        serial, year, first, rest = match.groups()
        if rest is None:
            code = "L" if _LAW.match(first) else None
            return DocNumber(text, serial, "legal", code, first, int(year))
        return DocNumber(text, serial, "legal", _known_type(first) or first, rest, int(year))
    if match := _ADMIN.match(text):
        serial, first, rest = match.groups()
        if code := _known_type(first):
            return DocNumber(text, serial, "admin", code, rest)
        return DocNumber(text, serial, "cong-van", None, f"{first}-{rest}")
    raise ValueError(
        f"số, ký hiệu “{text}” không đúng dạng; cần ví dụ 259/KH-MNHM, 3089/BGDĐT-GDTrH, 57-NQ/TW hoặc 30/2020/NĐ-CP"
    )


def _known_type(code: str) -> str | None:
    if code in TYPE_NAMES:
        return code
    folded = {known.casefold(): known for known in TYPE_NAMES}
    return folded.get(code.casefold())

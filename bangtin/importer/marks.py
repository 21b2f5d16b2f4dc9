"""The fixed marks of an ND 30/2020 document, recognised wherever they appear (text, Word tables, text boxes)."""

from __future__ import annotations

import re

from .lines import is_upper, key, without_bullet

MOTTO_KEYS = (
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap tu do hanh phuc",
    "dang cong san viet nam",
)
NUMBER_LINE = re.compile(r"^S[ốỐoO]\s*(?:hiệu)?\s*(?:[:.]|(?=\s*[\d/…._]))\s*(?P<raw>.*)$", re.IGNORECASE)
DATE_LINE = re.compile(
    r"(?P<place>[^,;:]{2,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?[\s._…/-]*tháng\s*(?P<m>\d{1,2})?[\s._…/-]*"
    r"năm\s*(?P<y>\d{4})?",
    re.IGNORECASE,
)
AUTHORITY = re.compile(r"^(?P<code>TUQ|KT|TM|TL|Q|K/T|T/M|T/L)\s*[./]?\s+(?P<rest>\S.*)$")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào trương lưu mai "
    "cao lâm tạ hà triệu tô quách chu thái tăng lại kiều văn vương trịnh đoàn".split()
)


SHORT_DATE_LINE = re.compile(
    r"(?P<place>[^,;:]{2,60}?)\s*,\s*(?:ngày\s*)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})",
    re.IGNORECASE,
)


def match_date_line(text: str) -> re.Match[str] | None:
    """The place-and-date line ("Long Biên, ngày 28 tháng 11 năm 2025", or "Long Biên, 28/11/2025"),
    not a date inside a sentence."""
    match = DATE_LINE.search(text) or SHORT_DATE_LINE.search(text)
    if not match or len(text[match.end() :].split()) > 2:
        return None
    place = match["place"].strip(" \t*_-–")
    return match if place[:1].isupper() and len(place.split()) <= 6 else None


def match_authority(text: str) -> re.Match[str] | None:
    """"KT. HIỆU TRƯỞNG", "TM. ỦY BAN NHÂN DÂN", "T/M BAN CHẤP HÀNH" (the title after it is in capitals)."""
    match = AUTHORITY.match(text)
    return match if match and is_upper(match["rest"]) else None


def is_motto(text: str) -> bool:
    folded = key(text)
    return any(folded.startswith(motto) for motto in MOTTO_KEYS)


_RECIPIENTS_MARK = re.compile(r"^\W*N[oơ]i\s+nh[aậ]n\s*:?\W*$|^\W*N[oơ]i\s+nh[aậ]n\s*:\s*(?P<first>\S.*)$", re.I)


def is_recipients_mark(text: str) -> bool:
    """``Nơi nhận:``, also mistyped "Noi nhận", wrapped in emphasis, or followed by the first recipient."""
    return bool(_RECIPIENTS_MARK.match(text))


def first_recipient(text: str) -> str | None:
    """``Nơi nhận: - Như trên;`` → ``- Như trên;``."""
    match = _RECIPIENTS_MARK.match(text)
    return match["first"] if match else None


def is_keep_line(text: str) -> bool:
    """The ``Lưu: VT, …`` line that ends the list of recipients; never published as a recipient."""
    folded = key(without_bullet(text))
    return folded == "luu" or folded.startswith(("luu ", "luu:"))


def is_person_name(text: str) -> bool:
    """"Trần Thị Phiên", "Đỗ Thị Hòa", or a name printed in capitals that starts with a common surname."""
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(_NAME_WORD.match(word) for word in words):
        return False
    if all(word[0].isupper() and (len(word) == 1 or word[1:].islower()) for word in words):
        return True
    return is_upper(text) and words[0].lower() in _SURNAMES


def is_signer_title(text: str) -> bool:
    """A title line of a signer block: short, in capitals, no digits or colon ("HIỆU TRƯỞNG", "CTCĐ")."""
    return is_upper(text) and len(text.split()) <= 10 and not any(ch.isdigit() or ch in ":;…" for ch in text)


def is_signature_note(text: str) -> bool:
    """Lines inside a signer block that are not part of it: "(Đã ký)", "(ký, ghi rõ họ tên)", "[Chữ ký]"."""
    folded = key(text)
    stripped = text.strip()
    return (
        (stripped[:1] in "([" and stripped[-1:] in ")]")
        or folded in ("da ky", "ky ten", "da ky va dong dau", "dau", "chu ky")
        or not folded
    )


def is_layout_text(text: str) -> bool:
    """Text that only appears in the header or signature tables of a Word document."""
    return bool(
        is_motto(text) or NUMBER_LINE.match(text) or match_date_line(text) or is_recipients_mark(text)
        or match_authority(text)
    )

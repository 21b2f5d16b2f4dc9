"""Capitals as Vietnamese administrative writing expects them, from text printed in upper case.

"TRƯỜNG MẦM NON HOA MAI" → "Trường Mầm non Hoa Mai"; "PHÓ HIỆU TRƯỞNG" → "Phó Hiệu trưởng";
acronyms such as UBND, GD&ĐT, CTCĐ or THCS are kept as printed.
"""

from __future__ import annotations

import re

from ..text import fold

_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?$"
)
_ROMAN = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")
_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)

# Words that open the name of a body (lower-case key → as written); the rest of the name is proper.
_ORG_WORDS = {
    "trường": "Trường", "sở": "Sở", "phòng": "Phòng", "bộ": "Bộ", "ủy ban nhân dân": "Ủy ban nhân dân",
    "uỷ ban nhân dân": "Ủy ban nhân dân", "hội đồng nhân dân": "Hội đồng nhân dân", "ban chấp hành": "Ban Chấp hành",
    "ban": "Ban", "công đoàn": "Công đoàn", "công đoàn cơ sở": "Công đoàn cơ sở", "chi bộ": "Chi bộ",
    "đảng bộ": "Đảng bộ", "đoàn thanh niên": "Đoàn Thanh niên", "trung tâm": "Trung tâm", "hội đồng": "Hội đồng",
    "nhà trẻ": "Nhà trẻ", "mầm non": "Mầm non", "mẫu giáo": "Mẫu giáo", "tiểu học": "Tiểu học",
    "trung học cơ sở": "Trung học cơ sở", "trung học phổ thông": "Trung học phổ thông",
    "phổ thông": "Phổ thông", "liên cấp": "Liên cấp", "giáo dục thường xuyên": "Giáo dục thường xuyên",
    "giáo dục và đào tạo": "Giáo dục và Đào tạo", "giáo dục nghề nghiệp": "Giáo dục nghề nghiệp",
    "văn hóa - xã hội": "Văn hóa - Xã hội", "văn hóa xã hội": "Văn hóa - Xã hội",
    "cao đẳng": "Cao đẳng", "đại học": "Đại học", "dân tộc nội trú": "Dân tộc nội trú",
    "nhà trường": "nhà trường", "ban giám hiệu": "Ban Giám hiệu", "ban tổ chức": "Ban Tổ chức",
    "ban giám khảo": "Ban Giám khảo", "hội đồng trường": "Hội đồng trường", "hội đồng thi đua": "Hội đồng thi đua",
}
ADMIN_UNITS = ("thành phố", "thị xã", "thị trấn", "phường", "xã", "quận", "huyện", "tỉnh")
_LONGEST_PHRASE = max(len(phrase.split()) for phrase in _ORG_WORDS)


def is_acronym(word: str) -> bool:
    """True for UBND, GD&ĐT, CTCĐ, GDTrH, QH15, XI…: tokens that are not one Vietnamese syllable."""
    core = _EDGE.match(word)[2]
    letters = [ch for ch in core if ch.isalpha()]
    if not letters:
        return False
    if any(ch.isdigit() or ch in "&." for ch in core) or any(ch.isupper() for ch in letters[1:]) and not core.isupper():
        return True
    if not core.isupper() or len(letters) == 1:
        return False
    if _ROMAN.match(core):
        return True
    return not all(_SYLLABLE.match(part) for part in fold(core).lower().split("-") if part)


def _lower_word(word: str) -> str:
    return word if is_acronym(word) else word.lower()


def _capitalise(word: str) -> str:
    if is_acronym(word):
        return word
    lead, core, tail = _EDGE.match(word).groups()
    return lead + core[:1].upper() + core[1:].lower() + tail


def sentence_case(text: str) -> str:
    """A title or type printed in capitals: "KẾ HOẠCH PHỐI HỢP" → "Kế hoạch phối hợp"; "PHÓ X" → "Phó X"."""
    words = [_lower_word(word) for word in text.split()]
    if not words:
        return text
    words[0] = _capitalise(words[0])
    if words[0] == "Phó" and len(words) > 1:
        words[1] = _capitalise(words[1])
    return " ".join(words)


def name_case(text: str) -> str:
    """A person's name: kept as written unless printed in capitals."""
    if any(ch.islower() for ch in text):
        return text
    return " ".join(_capitalise(word) for word in text.split())


def org_case(text: str, proper_tail: bool = True) -> str:
    """The name of a body: known words as written in ND 30 examples, place names and proper names capitalised.

    With ``proper_tail=False`` other words are common nouns ("TM. NHÓM ĐĂNG KÝ" → "Nhóm đăng ký"), except
    after a unit such as "phường", which is always followed by a name."""
    words, result, index, proper = text.split(), [], 0, proper_tail
    while index < len(words):
        phrase, size = _phrase_at(words, index) or _unit_at(words, index) or (None, 1)
        if phrase is not None:
            proper = proper_tail or phrase in ADMIN_UNITS
        else:
            phrase = _capitalise(words[index]) if proper or not result else _lower_word(words[index])
        result.append(phrase if result else phrase[:1].upper() + phrase[1:])
        index += size
    return " ".join(result)


def _unit_at(words: list[str], index: int) -> tuple[str, int] | None:
    for size in (2, 1):
        unit = " ".join(words[index : index + size]).lower()
        if unit in ADMIN_UNITS:
            return unit, size
    return None


def _phrase_at(words: list[str], index: int) -> tuple[str, int] | None:
    for size in range(min(_LONGEST_PHRASE, len(words) - index), 0, -1):
        phrase = " ".join(words[index : index + size]).lower()
        if phrase in _ORG_WORDS:
            return _ORG_WORDS[phrase], size
    return None

"""Vietnamese text helpers: Unicode normalisation, ASCII folding and slugs."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form Vietnamese text is stored in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Drop Vietnamese diacritics: "Đổi mới sáng tạo" → "Doi moi sang tao"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def slugify(text: str, separator: str = "-", max_length: int = 80) -> str:
    """An ASCII slug for addresses: "Bé vui Ngày hội STEM" → "be-vui-ngay-hoi-stem"."""
    slug = _NON_ALNUM.sub(separator, fold(text).lower()).strip(separator)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit(separator, 1)[0] or slug[:max_length]
    return slug


def slugify_anchor(value: str, separator: str) -> str:
    """Heading anchors for Python-Markdown's ``toc`` extension (``đ`` → ``d``)."""
    return slugify(value, separator, max_length=120)


def squash_spaces(text: str) -> str:
    """Collapse runs of white space to one space and trim the ends."""
    return _SPACES.sub(" ", text).strip()

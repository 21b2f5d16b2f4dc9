"""Children's privacy: warn when an article publishes a phone number, an ID number or a birth date by a name."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CANDIDATE = re.compile(r"[\d+][\d .+/-]{6,}\d")  # a cheap first pass: every pattern below needs such a run
_MOBILE = re.compile(r"(?<![\d.])(?:\+84|0)[ .-]?(?:3|5|7|8|9)\d(?:[ .-]?\d){7}(?![\d])")
_ID_NUMBER = re.compile(r"(?<!\d)\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}(?!\d)")
_DATE = re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}(?!\d)")
_BIRTH_WORDS = re.compile(r"(?:sinh|SN)\b[^.;\n]{0,20}$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"((?:[^\W\d_]+\s+){1,4}[^\W\d_]+)\s*[(,:–-]\s*$")

CONSENT_KEY = "privacy_consent"


@dataclass(frozen=True)
class Finding:
    line: int
    message: str


def find_private_data(text: str) -> list[Finding]:
    """Personal data in ``text`` (Markdown), with its line (1-based)."""
    if not _CANDIDATE.search(text):
        return []
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not _CANDIDATE.search(line):  # most lines hold no run of digits long enough to matter
            continue
        findings += [Finding(number, f"có số điện thoại di động “{m.group(0)}”") for m in _MOBILE.finditer(line)]
        findings += [Finding(number, f"có dãy 12 chữ số giống số CCCD/định danh “{m.group(0)}”")
                     for m in _ID_NUMBER.finditer(line) if not _MOBILE.search(m.group(0))]
        findings += [Finding(number, f"có ngày sinh “{m.group(0)}” cạnh tên người")
                     for m in _DATE.finditer(line) if _is_birth_date(line[: m.start()])]
    return findings


def _is_birth_date(before: str) -> bool:
    if _BIRTH_WORDS.search(before):
        return True
    match = _NAME_BEFORE.search(before[-60:])
    return bool(match) and _looks_like_name(match.group(1).split())


def _looks_like_name(words: list[str]) -> bool:
    """Two or more capitalised words at the end, as Vietnamese full names are written ("Nguyễn Minh An")."""
    tail = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        tail.append(word)
    return len(tail) >= 2

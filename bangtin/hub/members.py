"""A hub's members: ``truong.yml`` beside ``mkdocs.yml``, one school site a line, checked as strictly as content.

``- {name: Trường Mầm non Hoa Sen, site_url: https://mnhoasen.github.io/, short: MNHS, level: mầm non}``
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..disclosure_rules import LEVELS, level_named
from ..problems import ContentError, Problem, Problems
from ..sources import explain_yaml_error
from ..text import nfc, slugify

MEMBER_KEYS = ("name", "site_url", "short", "level")
EXAMPLE = "- {name: Trường Mầm non Hoa Sen, site_url: https://mnhoasen.github.io/, level: mầm non}"


@dataclass(frozen=True)
class Member:
    """A member school: its name and site; ``key`` names its folder in the fetch cache."""

    name: str
    site_url: str
    short: str | None = None
    level: str | None = None

    @property
    def key(self) -> str:
        parts = urlsplit(self.site_url)
        digest = hashlib.sha1(self.site_url.encode()).hexdigest()[:8]
        return f"{slugify(parts.netloc + parts.path, max_length=60) or 'truong'}-{digest}"

    @property
    def label(self) -> str:
        return self.short or self.name


def load_members(root: Path, name: str) -> list[Member]:
    """Every member, in the file's order; raise ContentError naming each mistake with its line."""
    path, problems = root / name, Problems()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ContentError([Problem(name, 0, "", f"không có tệp danh sách trường {name} (cài đặt extra.bangtin.members); tạo tệp với mỗi dòng một trường: {EXAMPLE}")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([Problem(name, 0, "", f"không đọc được tệp ({error})")]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        line, message = explain_yaml_error(error, "danh sách trường", 1)
        raise ContentError([Problem(name, line, "", message)]) from None
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise ContentError([Problem(name, 1, "", f"cần một danh sách, mỗi dòng một trường: {EXAMPLE}")])
    members: list[Member] = []
    seen: dict[str, int] = {}
    for entry, item in zip(data, node.value):
        line = item.start_mark.line + 1
        member = member_from_entry(entry, name, line, problems)
        if member is None:
            continue
        if member.site_url in seen:
            problems.error(name, line, "site_url", f"trường có địa chỉ {member.site_url} đã có ở dòng {seen[member.site_url]}")
            continue
        seen[member.site_url] = line
        members.append(member)
    if problems.errors:
        raise ContentError(problems.errors)
    return members


def member_from_entry(entry: object, name: str, line: int, problems: Problems) -> Member | None:
    if not isinstance(entry, dict):
        problems.error(name, line, "", f"mỗi trường cần dạng {EXAMPLE}")
        return None
    for key in entry:
        if key not in MEMBER_KEYS:
            guess = difflib.get_close_matches(str(key), MEMBER_KEYS, n=1)
            hint = f"; có phải ý bạn là “{guess[0]}”?" if guess else f"; các khóa được dùng: {', '.join(MEMBER_KEYS)}"
            problems.error(name, line, str(key), f"khóa không có trong mẫu{hint}")
    values = {key: nfc(str(entry[key])).strip() for key in MEMBER_KEYS if entry.get(key) not in (None, "")}
    ok = True
    if not values.get("name"):
        problems.error(name, line, "name", "thiếu tên trường")
        ok = False
    url = values.get("site_url", "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        problems.error(name, line, "site_url", f"cần địa chỉ đầy đủ của trang web trường, ví dụ https://mnhoasen.github.io/, không phải “{url}”")
        ok = False
    level = values.get("level")
    if level is not None:
        level = level_named(level)
        if level is None:
            problems.error(name, line, "level", f"cấp học “{values['level']}” không hợp lệ; chọn một trong: {', '.join(LEVELS)}")
            ok = False
    if not ok:
        return None
    return Member(values["name"], url.rstrip("/") + "/", values.get("short"), level)

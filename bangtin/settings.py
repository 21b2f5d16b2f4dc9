"""The school's settings: ``site_url`` and the ``extra.bangtin`` block of ``mkdocs.yml``, validated once."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Mapping

from .disclosure_rules import DEFAULT_DEADLINE, LEVELS, DisclosureItem, DisclosureRules, default_items, level_named
from .numbers import DocNumber, parse_number
from .problems import ContentError, Problems
from .text import nfc, slugify

CONFIG = "mkdocs.yml"
SECTION_KEYS = ("school", "categories", "movements", "feeds", "news", "cname", "cong_khai", "speed_layer", "members",
                "hub_targets")
HUB_TARGET_KEYS = ("clubs",)
SCHOOL_KEYS = ("name", "short", "place", "address", "phone", "email", "description", "level")
MOVEMENT_KEYS = ("name", "basis", "description")
CONG_KHAI_KEYS = ("deadline", "items")
_DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})$")


@dataclass(frozen=True)
class School:
    name: str
    short: str
    place: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    description: str | None = None
    level: str | None = None
    """Cấp học, one of :data:`bangtin.disclosure_rules.LEVELS`."""


@dataclass(frozen=True)
class Movement:
    """A phong trào: plans and articles are grouped under its key."""

    key: str
    name: str
    basis: DocNumber | None = None
    description: str | None = None

    @property
    def url(self) -> str:
        return f"phong-trao/{self.key}/"


@dataclass(frozen=True)
class Category:
    name: str

    @cached_property  # read on every article and listing page
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def url(self) -> str:
        return f"tin-tuc/chuyen-muc/{self.slug}/"


@dataclass(frozen=True)
class Settings:
    site_url: str
    school: School
    categories: tuple[Category, ...]
    movements: tuple[Movement, ...]
    feed_items: int = 30
    per_page: int = 10
    cname: str | None = None
    cong_khai: DisclosureRules = DisclosureRules(default_items(None))
    speed_layer: bool = True
    """Whether :mod:`bangtin.speed` may render Material's pieces once per place (``false``: Material renders all)."""
    members: str | None = None
    """A hub's members file (``truong.yml``), beside ``mkdocs.yml``; None on a school's site."""
    club_target: float | None = None
    """A hub's target share of members with an active club (``hub_targets.clubs``: 0.5 is half)."""

    def category(self, name: str) -> Category | None:
        return next((c for c in self.categories if c.name == name), None)

    def movement(self, key: str) -> Movement | None:
        return next((m for m in self.movements if m.key == key), None)


def settings_from_config(site_url: str | None, extra: Mapping[str, Any] | None) -> Settings:
    """Build the settings, or raise ContentError listing every problem of the block."""
    problems = Problems()
    block = dict((extra or {}).get("bangtin") or {})
    url = _site_url(site_url, problems)
    _check_keys(block, SECTION_KEYS, "extra.bangtin", problems)
    school = _school(block.get("school"), problems)
    categories = _categories(block.get("categories"), problems)
    movements = _movements(block.get("movements"), problems)
    feed_items = _positive(block.get("feeds") or {}, "items", 30, "extra.bangtin.feeds", problems)
    per_page = _positive(block.get("news") or {}, "per_page", 10, "extra.bangtin.news", problems)
    cong_khai = cong_khai_rules(block.get("cong_khai"), school.level if school else None, problems)
    speed_layer = block.get("speed_layer", True)
    if not isinstance(speed_layer, bool):
        problems.error(CONFIG, 0, "extra.bangtin.speed_layer", f"cần true (có) hoặc false (không), không phải “{speed_layer}”")
    members = _members_file(block.get("members"), problems)
    club_target = _club_target(block.get("hub_targets"), problems)
    if problems.errors:
        raise ContentError(problems.errors)
    assert school is not None
    return Settings(url, school, categories, movements, feed_items, per_page, _cname(block.get("cname")), cong_khai,
                    speed_layer, members, club_target)


def _site_url(value: str | None, problems: Problems) -> str:
    url = (value or "").strip()
    if not url.startswith(("https://", "http://")):
        problems.error(
            CONFIG, 0, "site_url",
            "cần địa chỉ đầy đủ của trang web (ví dụ https://mnhoasen.github.io/), vì bản tin RSS phải có đường dẫn tuyệt đối",
        )
    return url.rstrip("/") + "/"


def _check_keys(block: Mapping[str, Any], allowed: tuple[str, ...], where: str, problems: Problems) -> None:
    for key in block:
        if key not in allowed:
            guess = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; có phải ý bạn là “{guess[0]}”?" if guess else f"; các khóa được dùng: {', '.join(allowed)}"
            problems.error(CONFIG, 0, f"{where}.{key}", f"khóa không có trong mẫu cài đặt{hint}")


def _school(value: Any, problems: Problems) -> School | None:
    if not isinstance(value, dict) or not value.get("name"):
        problems.error(CONFIG, 0, "extra.bangtin.school", "cần tên trường, ví dụ school: {name: Trường Mầm non Hoa Sen, short: MNHS, place: Bồ Đề}")
        return None
    _check_keys(value, SCHOOL_KEYS, "extra.bangtin.school", problems)
    fields = {key: nfc(str(value[key])).strip() for key in SCHOOL_KEYS if value.get(key) is not None}
    fields.setdefault("short", "")
    fields.setdefault("place", "")
    if "level" in fields:
        level = level_named(fields["level"])
        if level is None:
            problems.error(CONFIG, 0, "extra.bangtin.school.level", f"cấp học “{fields['level']}” không hợp lệ; chọn một trong: {', '.join(LEVELS)}")
        fields["level"] = level
    return School(**fields)


def _categories(value: Any, problems: Problems) -> tuple[Category, ...]:
    if not isinstance(value, list) or not value:
        problems.error(CONFIG, 0, "extra.bangtin.categories", "cần danh sách chuyên mục, ví dụ [Tin tức, Thông báo]")
        return ()
    return tuple(Category(str(name).strip()) for name in value)


def _movements(value: Any, problems: Problems) -> tuple[Movement, ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.error(CONFIG, 0, "extra.bangtin.movements", "cần dạng khóa: {name: …, basis: …}")
        return ()
    movements = []
    for key, spec in value.items():
        where = f"extra.bangtin.movements.{key}"
        if slugify(str(key)) != str(key) or not isinstance(spec, dict) or not spec.get("name"):
            problems.error(CONFIG, 0, where, "mỗi phong trào cần khóa viết thường không dấu (ví dụ thi-dua-dmst-cds) và tên (name)")
            continue
        _check_keys(spec, MOVEMENT_KEYS, where, problems)
        basis = None
        if spec.get("basis"):
            try:
                basis = parse_number(spec["basis"])
            except ValueError as error:
                problems.error(CONFIG, 0, f"{where}.basis", str(error))
        movements.append(Movement(str(key), str(spec["name"]).strip(), basis, spec.get("description")))
    return tuple(movements)


def _positive(block: Mapping[str, Any], key: str, default: int, where: str, problems: Problems) -> int:
    value = block.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        problems.error(CONFIG, 0, f"{where}.{key}", f"cần một số nguyên dương, không phải “{value}”")
        return default
    return value


def _members_file(value: Any, problems: Problems) -> str | None:
    if value is None:
        return None
    name = str(value).strip()
    if not name.endswith((".yml", ".yaml")) or "/" in name or "\\" in name:
        problems.error(CONFIG, 0, "extra.bangtin.members", f"cần tên tệp danh sách trường đặt cạnh {CONFIG}, ví dụ truong.yml, không phải “{value}”")
        return None
    return name


def _club_target(value: Any, problems: Problems) -> float | None:
    """``hub_targets: {clubs: 0.5}``: a share between 0 and 1 (50% is accepted as a percentage too)."""
    if value is None:
        return None
    where = "extra.bangtin.hub_targets"
    if not isinstance(value, dict):
        problems.error(CONFIG, 0, where, "cần dạng {clubs: 0.5} (một nửa số trường có câu lạc bộ đang hoạt động)")
        return None
    _check_keys(value, HUB_TARGET_KEYS, where, problems)
    target = value.get("clubs")
    if target is None:
        return None
    text = str(target).strip()
    try:
        share = float(text.removesuffix("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        share = -1.0
    if isinstance(target, bool) or not 0 < share <= 1:
        problems.error(CONFIG, 0, f"{where}.clubs", f"cần một tỉ lệ từ 0 đến 1 (ví dụ 0.5) hoặc phần trăm (50%), không phải “{target}”")
        return None
    return share


def _cname(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def cong_khai_rules(value: Any, level: str | None, problems: Problems) -> DisclosureRules:
    """The công khai items and deadline: TT 09/2024's for the school's level, unless the block says otherwise."""
    where = "extra.bangtin.cong_khai"
    if value is None:
        return DisclosureRules(default_items(level))
    if not isinstance(value, dict):
        problems.error(CONFIG, 0, where, "cần dạng {deadline: 30/06, items: {thong-tin-chung: {name: Thông tin chung, basis: Điều 4}}}")
        return DisclosureRules(default_items(level))
    _check_keys(value, CONG_KHAI_KEYS, where, problems)
    deadline = DEFAULT_DEADLINE
    if "deadline" in value:
        match = _DAY_MONTH.match(str(value["deadline"]).strip())
        try:
            deadline = (int(match[1]), int(match[2])) if match else deadline
            date(2025, deadline[1], deadline[0])
        except ValueError:
            match = None
        if match is None:
            problems.error(CONFIG, 0, f"{where}.deadline", f"cần ngày và tháng dạng 30/06, không phải “{value['deadline']}”")
            deadline = DEFAULT_DEADLINE
    items = default_items(level)
    if "items" in value:
        items = _disclosure_items(value["items"], f"{where}.items", problems) or items
    return DisclosureRules(items, deadline)


def _disclosure_items(value: Any, where: str, problems: Problems) -> tuple[DisclosureItem, ...]:
    if not isinstance(value, dict) or not value:
        problems.error(CONFIG, 0, where, "cần dạng thong-tin-chung: {name: Thông tin chung, basis: Điều 4}")
        return ()
    items = []
    for key, spec in value.items():
        if slugify(str(key)) != str(key) or not isinstance(spec, dict) or not spec.get("name"):
            problems.error(CONFIG, 0, f"{where}.{key}", "mỗi mục cần khóa viết thường không dấu (ví dụ thong-tin-chung) và tên (name)")
            continue
        _check_keys(spec, ("name", "basis"), f"{where}.{key}", problems)
        basis = nfc(str(spec["basis"])).strip() if spec.get("basis") else None
        items.append(DisclosureItem(str(key), nfc(str(spec["name"])).strip(), basis))
    return tuple(items)

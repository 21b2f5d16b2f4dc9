"""The registry of content kinds: each kind (plan, post, club) is one record, defined in a module of its own.

A kind says where its files live, which keys they may have (its schema, the one table the loader, ``bangtin new``
and the web editor read), how a file becomes a record, where the record's page is, which pages and feeds it adds to
a site, and how ``bangtin check`` counts it. Adding a kind is a module beside these plus its templates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..feed_content import Item
    from ..feeds import Feed
    from ..fields import Field
    from ..pages import PageSpec
    from ..problems import Problems
    from ..settings import Settings
    from ..site import Site
    from ..sources import Source

Record = Any
"""A frozen record of one kind (``Plan``, ``Post``, ``Club``): it has ``source``, ``url``, ``draft`` and ``body``."""


@dataclass(frozen=True)
class Scaffold:
    """How ``bangtin new`` creates a file of this kind: the word the clerk types, the commented template, the name
    the command prints, and whether the file name starts with the date (articles are filed by day)."""

    word: str
    template: str
    name: str
    dated_name: bool = False
    values: Callable[[str, Mapping[str, Any], datetime], dict[str, str]] | None = None
    """What only this kind's template asks for, from the title, the ``extra.bangtin`` block and the moment."""


#: Reports a cross-check error at the line of its key: (file, key, message).
Report = Callable[[str, str, str], None]

#: What each list key of the cross-checks names, as the messages say it.
_MEMBERS = {
    "clubs": "câu lạc bộ (tên tệp trong clubs/, bỏ .md)",
    "categories": "chuyên mục trong mkdocs.yml",
    "movements": "phong trào trong mkdocs.yml",
}


@dataclass(frozen=True)
class Known:
    """What the site's records and settings define, for the cross-checks between files."""

    values: Mapping[str, frozenset[str]]
    """The names each key of :data:`_MEMBERS` may take (club slugs, categories, movement keys), and under
    ``numbers`` the keys of the registry's document numbers."""
    now: datetime | None = None
    """The build's moment: a date after it is a typo (a document issued tomorrow) or far away (an article years on)."""

    def check_past(self, source: str, key: str, day: date | None, what: str, report: Report, hint: str = "") -> None:
        """``day`` (of a record that is no draft) must not be after the build's day; ``hint`` says what to do instead."""
        if day is not None and self.now is not None and day > self.now.date():
            report(source, key, f"{what} {day:%d/%m/%Y} sau hôm nay ({self.now:%d/%m/%Y}); hãy kiểm tra lại ngày, "
                                f"tháng, năm{hint}")

    def check_soon(self, source: str, key: str, day: date, report: Report) -> None:
        """A scheduled ``day`` must be within two years of the build: further away, it is a typo (2052 for 2025) that
        would hide the record for years."""
        if self.now is not None and day > self.now.date() + timedelta(days=731):
            report(source, key, f"ngày {day:%d/%m/%Y} còn hơn hai năm nữa mới tới, đến lúc đó bài chưa hiện trên trang; "
                                "hãy kiểm tra lại năm (hẹn giờ đăng chỉ trong vòng hai năm)")

    def check_members(self, source: str, key: str, values: Iterable[str], report: Report) -> None:
        known = self.values[key]
        for value in values:
            if value not in known:
                listed = ", ".join(sorted(known)) or "(chưa có)"
                report(source, key, f"“{value}” không phải {_MEMBERS[key]}; các giá trị có: {listed}")

    def check_numbers(self, source: str, key: str, numbers: Iterable[Any], report: Report) -> None:
        """Document numbers (``DocNumber``) that must be in the site's registry."""
        for number in numbers:
            if number.key not in self.values["numbers"]:
                report(source, key, f"không có văn bản số “{number}” trong thư mục plans/")


@dataclass(frozen=True)
class Kind:
    """One kind of content, wired once: the loader, the pages, the feeds and ``bangtin check`` read it from here."""

    name: str
    folder: str
    type: type
    schema: Mapping[str, Field]
    from_meta: Callable[[Source, Settings, Problems], Record | None]
    order: Callable[[Iterable[Record]], list[Record]]
    pages: Callable[[Site, Path], list[PageSpec]]
    scaffold: Scaffold
    count_label: str
    check: Callable[[list[Record], Known, Report], set[str]] = field(default=lambda records, known, report: set())
    names: Callable[[list[Record]], Mapping[str, frozenset[str]]] = field(default=lambda records: {})
    """What the kind's records define for the cross-checks (:class:`Known`): document numbers, club slugs."""
    feeds: Callable[[Site], list[Feed]] = field(default=lambda site: [])
    feed_item: Callable[[Record, Site, dict[str, str], Path], Item] | None = None
    moment: Callable[[Record], datetime] | None = None
    is_due: Callable[[Record, datetime], bool] = field(default=lambda record, now: True)
    reminders: Callable[[Site], list[str]] = field(default=lambda site: [])
    """What the clerk should still do (a required item missing): ``bangtin check`` lists it, a build logs it in one
    line; it never stops a build."""
    write: Callable[[Site, Path], Any] | None = None
    """Writes the kind's data file for portals and hubs (``van-ban.json``) into the built site."""

    def published(self, record: Record, now: datetime) -> bool:
        """Whether a built site (not ``mkdocs serve``) shows the record: not a draft, and due."""
        return not record.draft and self.is_due(record, now)


def _registry() -> tuple[Kind, ...]:
    from . import club, disclosure, plan, post

    return (plan.KIND, post.KIND, club.KIND, disclosure.KIND)


#: Every kind, in the order files are read and ``bangtin check`` counts them.
KINDS: tuple[Kind, ...] = _registry()
_BY_TYPE = {kind.type: kind for kind in KINDS}


def kind_of(record: Record) -> Kind:
    """The kind a record belongs to."""
    return _BY_TYPE[type(record)]


def kind_named(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)

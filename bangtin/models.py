"""The content model: frozen records built once from front-matter, then only read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from .dates import Period
from .numbers import DocNumber


@dataclass(frozen=True)
class Asset:
    """A file beside a content file (photo, signed scan); ``rel`` is relative to that content file's folder."""

    rel: str
    path: Path
    size: int

    @property
    def name(self) -> str:
        return self.rel.rsplit("/", 1)[-1]

    @property
    def extension(self) -> str:
        return self.name.rsplit(".", 1)[-1].upper() if "." in self.name else ""


@dataclass(frozen=True)
class Reference:
    """A căn cứ: another document, linked when it is in this site's registry."""

    number: DocNumber | None
    text: str
    issued: date | None = None
    issuer: str | None = None


@dataclass(frozen=True)
class Signer:
    name: str
    title: str | None = None
    authority: str | None = None
    on_behalf_of: str | None = None


@dataclass(frozen=True)
class Milestone:
    when: Period
    what: str | None = None
    who: str | None = None


@dataclass(frozen=True)
class Plan:
    """A kế hoạch or other official document of the registry."""

    source: str
    slug: str
    number: DocNumber | None
    title: str
    issued: date | None
    issuer: str
    place: str
    type: str
    school_year: str
    movements: tuple[str, ...]
    based_on: tuple[Reference, ...]
    signers: tuple[Signer, ...]
    recipients: tuple[str, ...]
    attachments: tuple[Asset, ...]
    milestones: tuple[Milestone, ...]
    status: str
    summary: str | None
    draft: bool
    body: str

    @property
    def year(self) -> int:
        return self.issued.year if self.issued else int(self.school_year[:4])

    @cached_property  # the addresses are read on every page that lists the record
    def url(self) -> str:
        return f"ke-hoach/{self.year}/{self.slug}/"

    @property
    def label(self) -> str:
        """Số, ký hiệu as shown; an unnumbered document says so."""
        return self.number.text if self.number else "Chưa có số"

    @property
    def sort_key(self) -> tuple[date, str]:
        return (self.issued or date(self.year, 9, 1), self.source)


@dataclass(frozen=True)
class Post:
    """A tin bài or bài tuyên truyền."""

    source: str
    slug: str
    title: str
    date: datetime
    summary: str | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: Asset | None
    plans: tuple[DocNumber, ...]
    clubs: tuple[str, ...]
    movements: tuple[str, ...]
    author: str | None
    draft: bool
    body: str
    privacy_consent: str | None = None

    @cached_property  # the addresses are read on every page that lists the record
    def url(self) -> str:
        return f"tin-tuc/{self.date:%Y/%m}/{self.slug}/"

    @property
    def sort_key(self) -> tuple[datetime, str]:
        return (self.date, self.source)


@dataclass(frozen=True)
class Club:
    """A câu lạc bộ STEM: a member count, never children's names."""

    source: str
    slug: str
    name: str
    kind: str
    school_year: str
    founded: date | None
    decision: DocNumber | None
    leaders: tuple[str, ...]
    schedule: str | None
    place: str | None
    members: int | None
    age_groups: tuple[str, ...]
    image: Asset | None
    status: str
    summary: str | None
    draft: bool
    body: str

    @property
    def url(self) -> str:
        return f"cau-lac-bo/{self.slug}/"

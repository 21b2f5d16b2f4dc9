"""The values records share: frozen, built once from front-matter, then only read (each kind's record is in its
module under :mod:`bangtin.kinds`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

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


def record_assets(record: Any) -> list[Asset]:
    """The files a record names in its front-matter (a cover photo, attachments), in the order of its fields."""
    found: list[Asset] = []
    for field in fields(record):
        value = getattr(record, field.name)
        if isinstance(value, Asset):
            found.append(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], Asset):
            found.extend(value)
    return found

"""The hub's members as the build sees them: each member's cached records and the state of its data.

Reads only the fetch cache (:mod:`bangtin.hub.cache`): the same cache builds the same hub.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..dates import VN_TZ, school_year_of
from .cache import SOURCES, FileState, Source, load_state, read_copy
from .member_data import MemberArticle, MemberClub, MemberDocument
from .members import Member


@dataclass(frozen=True)
class FileView:
    """One file of a member as the hub shows it: whether there is a copy, and the last fetch's failure."""

    source: Source
    state: FileState
    present: bool
    skipped: int = 0
    error: str | None = None
    """Why the last fetch failed, or why the copy no longer reads; None when all is well."""

    @property
    def since(self) -> datetime | None:
        return _moment(self.state.failing_since)

    @property
    def succeeded(self) -> datetime | None:
        return _moment(self.state.succeeded)


@dataclass(frozen=True)
class MemberView:
    member: Member
    level: str | None
    documents: tuple[MemberDocument, ...]
    clubs: tuple[MemberClub, ...]
    articles: tuple[MemberArticle, ...]
    files: tuple[FileView, ...]

    @property
    def status(self) -> str:
        """"ok" (every file read), "never" (never fetched), "failing" (some file failed) or "invalid"."""
        if not any(view.present or view.state.succeeded or view.error for view in self.files):
            return "never"
        if any(view.error and "không hợp lệ" in view.error for view in self.files):
            return "invalid"
        if any(view.error or not view.present for view in self.files):
            return "failing"
        return "ok"

    @property
    def documents_known(self) -> bool:
        """Whether the hub has a copy of the member's documents (else "no document cites it" is unknown)."""
        return self.files[0].present

    @property
    def problems(self) -> list[FileView]:
        return [view for view in self.files if view.error or not view.present]

    @property
    def fetched(self) -> datetime | None:
        """When the member's data was last confirmed (the oldest of its files' last successes)."""
        moments = [view.succeeded for view in self.files if view.succeeded]
        return min(moments) if moments else None

    @property
    def newest(self) -> date | None:
        """The date of the member's newest article or document."""
        days = [a.published.date() for a in self.articles[:1]] + [d.issued for d in self.documents if d.issued]
        return max(days, default=None)

    @property
    def active_clubs(self) -> list[MemberClub]:
        return [club for club in self.clubs if club.active]

    def documents_of(self, school_year: str) -> list[MemberDocument]:
        return [doc for doc in self.documents if doc.school_year == school_year]

    def articles_of(self, school_year: str) -> list[MemberArticle]:
        return [a for a in self.articles if school_year_of(a.published.date()) == school_year]


def load_hub(root: Path, members: list[Member]) -> list[MemberView]:
    return [load_member(root, member) for member in members]


def load_member(root: Path, member: Member) -> MemberView:
    state = load_state(root, member)
    records: dict[str, tuple] = {}
    views, level = [], member.level
    for source in SOURCES:
        read, unreadable = read_copy(root, member, source)
        file_state = state.of(source)
        records[source.name] = read.entries if read else ()
        level = level or (read.level if read else None)
        views.append(FileView(source, file_state, read is not None, read.skipped if read else 0,
                              file_state.error or (f"bản lưu không đọc được: {unreadable}" if unreadable else None)))
    return MemberView(member, level, records["documents"], records["clubs"], records["feed"], tuple(views))


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).astimezone(VN_TZ)
    except ValueError:
        return None

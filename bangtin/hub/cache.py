"""The hub's copy of its members, ``.cache/bangtin/hub/<member>/``: the last good copy of each file and its state.

``bangtin fetch`` writes here and the build reads only this, never the network, so a hub builds the same bytes from
the same cache, offline. ``state.json`` keeps, for each file, what the next fetch asks conditionally (ETag,
Last-Modified), when it last succeeded, and since when it has been failing and why.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from .member_data import Read, read_clubs, read_documents, read_feed
from .members import Member
from .untrusted import UntrustedDataError

HUB_CACHE = Path(".cache") / "bangtin" / "hub"
STATE_FILE = "state.json"


@dataclass(frozen=True)
class Source:
    """One file a member publishes for hubs: the addresses tried in turn, the cache file, its reader."""

    name: str
    paths: tuple[str, ...]
    read: Callable[[bytes, str], Read]
    label: str


SOURCES = (
    Source("documents", ("van-ban.json",), read_documents, "văn bản (van-ban.json)"),
    Source("clubs", ("cau-lac-bo.json",), read_clubs, "câu lạc bộ (cau-lac-bo.json)"),
    Source("feed", ("atom.xml", "rss.xml"), read_feed, "bản tin (atom.xml)"),
)


@dataclass(frozen=True)
class FileState:
    """What the fetches so far know of one file of a member."""

    address: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    succeeded: str | None = None
    """When the copy in the cache was last confirmed (fetched, or answered 304), ISO 8601."""
    failing_since: str | None = None
    error: str | None = None
    """Why the last fetch failed (Vietnamese); None when it succeeded."""


@dataclass
class MemberState:
    files: dict[str, FileState] = field(default_factory=dict)

    def of(self, source: Source) -> FileState:
        return self.files.get(source.name, FileState())


def hub_dir(root: Path) -> Path:
    return root / HUB_CACHE


def member_dir(root: Path, member: Member) -> Path:
    return hub_dir(root) / member.key


def copy_path(root: Path, member: Member, source: Source) -> Path:
    return member_dir(root, member) / f"{source.name}.data"


def load_state(root: Path, member: Member) -> MemberState:
    """The member's state; a missing or unreadable state file is a member never fetched."""
    try:
        data = json.loads((member_dir(root, member) / STATE_FILE).read_text(encoding="utf-8"))
        known = FileState.__dataclass_fields__
        return MemberState({name: FileState(**{k: v for k, v in value.items() if k in known})
                            for name, value in data.get("files", {}).items() if isinstance(value, dict)})
    except (OSError, ValueError, TypeError, AttributeError):
        return MemberState()


def write_state(root: Path, member: Member, state: MemberState) -> None:
    data = {"version": 1, "site_url": member.site_url, "files": {name: asdict(value) for name, value in sorted(state.files.items())}}
    _write_atomic(member_dir(root, member) / STATE_FILE, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())


def write_copy(root: Path, member: Member, source: Source, data: bytes) -> None:
    _write_atomic(copy_path(root, member, source), data)


def read_copy(root: Path, member: Member, source: Source) -> tuple[Read | None, str | None]:
    """The cached copy as records, or (None, why not) when there is none or it no longer reads."""
    try:
        data = copy_path(root, member, source).read_bytes()
    except OSError:
        return None, None
    try:
        return source.read(data, member.site_url), None
    except UntrustedDataError as error:
        return None, str(error)


def succeeded(state: FileState, now: datetime, **changes: Any) -> FileState:
    return replace(state, succeeded=now.isoformat(), failing_since=None, error=None, **changes)


def failed(state: FileState, now: datetime, error: str) -> FileState:
    return replace(state, failing_since=state.failing_since or now.isoformat(), error=error)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write beside, then rename: a fetch stopped halfway never leaves half a file as the last good copy."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)

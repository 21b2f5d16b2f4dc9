"""The whole school's content: loaded, cross-checked, filtered for publishing, and indexed for pages."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from .embeds import embed_problems
from .fields import missing_file
from .hand_pages import check_hand_pages
from .kinds import KINDS, Kind, Known
from .links import local_links
from .media import CACHE_DIR
from .models import Milestone
from .pages import page_assets
from .photo_report import SourcePhoto, heavy_photo_reminders, unreadable_photo
from .photos import is_photo
from .privacy import CONSENT_KEY, find_private_data
from .problems import ContentError, Problem, Problems
from .settings import Settings
from .sources import Source, load_source, locate_in
from .unpublished import check_unpublished

if TYPE_CHECKING:
    from .kinds.club import Club
    from .kinds.plan import Plan
    from .kinds.post import Post

#: The content folders, watched by ``mkdocs serve``.
FOLDERS = tuple(kind.folder for kind in KINDS)


@dataclass(frozen=True)
class Site:
    """Published content, each kind's records in its order (newest first); indexes are computed once, on first use."""

    settings: Settings
    records: Mapping[str, tuple[Any, ...]]
    """Each kind's records by the kind's name (:data:`bangtin.kinds.KINDS`)."""
    today: date
    warnings: tuple[Problem, ...] = ()
    unused_photos: tuple[str, ...] = ()
    """Photos in the content folders that no page shows (never published; counted in the build's photo line)."""
    photos: tuple[SourcePhoto, ...] = ()
    """Every photo a page uses, as kept in the repository (drafts' included)."""
    files: Mapping[str, tuple[tuple[str, Path], ...]] = field(default_factory=dict)
    """Each record's files to publish beside its page, by source file, as loading found them."""

    def files_of(self, record: Any, root: Path) -> tuple[tuple[str, Path], ...]:
        """A record's files (:func:`bangtin.pages.page_assets`), computed once when the site was loaded."""
        found = self.files.get(record.source)
        return found if found is not None else page_assets(record, root)

    def reminders(self) -> list[str]:
        """What the clerk should still do, never an error: each kind's (a công khai item due), each photo too heavy."""
        return [*(line for kind in KINDS for line in kind.reminders(self)), *heavy_photo_reminders(self.photos)]

    @property
    def plans(self) -> tuple[Plan, ...]:
        return self.records["plan"]

    @property
    def posts(self) -> tuple[Post, ...]:
        return self.records["post"]

    @property
    def clubs(self) -> tuple[Club, ...]:
        return self.records["club"]

    @cached_property
    def updated(self) -> date:
        """The newest date of any published content: what the sitemap says instead of the build's clock."""
        dates = [post.date.date() for post in self.posts] + [plan.issued for plan in self.plans if plan.issued]
        return max(dates, default=self.today)

    @cached_property
    def plan_by_key(self) -> dict[str, Plan]:
        return {plan.number.key: plan for plan in self.plans if plan.number}

    @cached_property
    def club_by_slug(self) -> dict[str, Club]:
        return {club.slug: club for club in self.clubs}

    @cached_property
    def posts_by_plan(self) -> dict[str, list[Post]]:
        return _group(self.posts, lambda post: [number.key for number in post.plans])

    @cached_property
    def posts_by_club(self) -> dict[str, list[Post]]:
        return _group(self.posts, lambda post: post.clubs)

    @cached_property
    def posts_by_category(self) -> dict[str, list[Post]]:
        return _group(self.posts, lambda post: post.categories)

    @cached_property
    def posts_by_year(self) -> dict[int, list[Post]]:
        return _group(self.posts, lambda post: [post.date.year])

    @cached_property
    def citing(self) -> dict[str, list[Plan]]:
        """Văn bản triển khai: for each registry number, the plans that cite it as căn cứ."""
        return _group(self.plans, lambda plan: [ref.number.key for ref in plan.based_on if ref.number])

    @cached_property
    def by_movement(self) -> dict[str, tuple[list[Plan], list[Post]]]:
        plans = _group(self.plans, lambda plan: plan.movements)
        posts = _group(self.posts, lambda post: post.movements)
        return {m.key: (plans.get(m.key, []), posts.get(m.key, [])) for m in self.settings.movements}

    @cached_property
    def upcoming(self) -> list[tuple[Milestone, Plan]]:
        """Milestones of active plans that have not ended yet, soonest first."""
        items = [
            (milestone, plan)
            for plan in self.plans
            if plan.status == "active"
            for milestone in plan.milestones
            if milestone.when.end >= self.today
        ]
        return sorted(items, key=lambda item: (item[0].when, item[1].source))


def load_site(root: Path, settings: Settings, now: datetime, include_drafts: bool = False,
              docs: Path | None = None, check_photos: bool = False) -> Site:
    """Read every kind's folder under ``root`` and the hand-written pages of ``docs`` (default ``root/docs``);
    raise ContentError with every error found. The photos are decoded by the build; with ``check_photos`` (for
    ``bangtin check``), or when the content has errors anyway, a broken photo is reported here too, so that every
    problem of a run is named at once."""
    problems = Problems()
    check_hand_pages(docs or root / "docs", root, problems)
    sources: dict[str, Source] = {}
    loaded = {kind.name: _load(root, kind, settings, sources, problems) for kind in KINDS}
    check_site(settings, loaded, _Lines(sources, problems), now)
    for kind in KINDS:
        if CONSENT_KEY in kind.schema:  # a kind whose texts may name children is read for private data
            for record in loaded[kind.name]:
                if getattr(record, CONSENT_KEY) is None:
                    _check_privacy(sources[record.source], problems)
    assets = {record.source: page_assets(record, root) for records in loaded.values() for record in records}
    used = {os.path.normpath(path) for files in assets.values() for _, path in files}
    unpublished = check_unpublished(root, FOLDERS, used, problems)
    photos = _source_photos(root, loaded, assets, now)
    if check_photos or problems.errors:
        _check_photos(root, loaded, assets, sources, problems)
    if problems.errors:
        raise ContentError(problems.errors + problems.warnings)
    records = {
        kind.name: tuple(kind.order(r for r in loaded[kind.name] if include_drafts or kind.published(r, now)))
        for kind in KINDS
    }
    return Site(settings, records, now.date(), tuple(problems.warnings), unpublished, photos, assets)


def _check_photos(root: Path, loaded: Mapping[str, list], assets: Mapping[str, tuple], sources: dict[str, Source],
                  problems: Problems) -> None:
    """Each photo that cannot be read, at every file, line and key that uses it."""
    broken: dict[Path, str | None] = {}
    for records in loaded.values():
        for record in records:
            for rel, path in assets[record.source]:
                if is_photo(path) and path.is_file():
                    if path not in broken:
                        broken[path] = unreadable_photo(path, root / CACHE_DIR)
                    if message := broken[path]:
                        problems.error(record.source, *locate_in(sources[record.source], rel), message)


def _source_photos(root: Path, loaded: Mapping[str, list], assets: Mapping[str, tuple], now: datetime
                   ) -> tuple[SourcePhoto, ...]:
    found: dict[str, SourcePhoto] = {}
    for kind in KINDS:
        for record in loaded[kind.name]:
            day = kind.moment(record).date() if kind.moment else now.date()
            for _, path in assets[record.source]:
                rel = path.relative_to(root).as_posix()
                if is_photo(path) and rel not in found and path.is_file():
                    found[rel] = SourcePhoto(rel, path.stat().st_size, day)
    return tuple(found[rel] for rel in sorted(found))


def empty_site(settings: Settings, today: date) -> Site:
    """A site with no content yet: the pages every site has."""
    return Site(settings, {kind.name: () for kind in KINDS}, today)


def content_files(root: Path, folder: str) -> list[Path]:
    """The Markdown files of a content folder in a stable order (a README there is for people, not the site)."""
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*.md") if p.name.lower() != "readme.md")


def _load(root: Path, kind: Kind, settings: Settings, sources: dict, problems: Problems) -> list:
    records = []
    for path in content_files(root, kind.folder):
        source = load_source(path, root, problems)
        if source is not None and (record := kind.from_meta(source, settings, problems)) is not None:
            sources[source.rel] = source
            _check_body_links(source, problems)
            _check_embeds(source, problems)
            records.append(record)
    return records


def _check_privacy(source: Source, problems: Problems) -> None:
    hint = f"nếu đã được phụ huynh đồng ý công khai, ghi rõ ở khóa {CONSENT_KEY}"
    for key in ("title", "summary"):
        for finding in find_private_data(str(source.meta.get(key) or "")):
            problems.warning(source.rel, source.line(key), key, f"{finding.message}; {hint}")
    for finding in find_private_data(source.body):
        problems.warning(source.rel, source.body_line + finding.line - 1, "nội dung", f"{finding.message}; {hint}")


def _check_embeds(source: Source, problems: Problems) -> None:
    for line, message in embed_problems(source.body):
        problems.error(source.rel, source.body_line + line - 1, "nội dung", message)


def _check_body_links(source: Source, problems: Problems) -> None:
    for link in local_links(source.body):
        if link.rel.startswith("../"):
            message = f"tệp “{link.rel}” mà bài viết dẫn tới nằm ngoài thư mục của bài; ảnh và tệp đính kèm phải nằm cạnh tệp này"
        elif not (source.path.parent / link.rel).is_file():
            message = f"{missing_file(source.path.parent, link.rel)} (bài viết dẫn tới tệp này)"
        else:
            continue
        problems.error(source.rel, source.body_line + link.line - 1, "nội dung", message)


@dataclass(frozen=True)
class _Lines:
    """Reports a cross-check error at the line of its key in the file's front-matter."""

    sources: dict[str, Source]
    problems: Problems

    def error(self, rel: str, key: str, message: str) -> None:
        source = self.sources.get(rel)
        self.problems.error(rel, source.line(key) if source else 0, key, message)


def check_site(settings: Settings, loaded: Mapping[str, list], report: _Lines, now: datetime | None = None) -> None:
    """Cross-checks between files: each kind's own (names that point at nothing, duplicates), then addresses."""
    values = {"categories": frozenset(c.name for c in settings.categories),
              "movements": frozenset(m.key for m in settings.movements)}
    for kind in KINDS:
        values.update(kind.names(loaded[kind.name]))
    known = Known(values, now)
    duplicates: set[str] = set()
    for kind in KINDS:
        duplicates |= kind.check(loaded[kind.name], known, report.error)
    _check_addresses([r for records in loaded.values() for r in records if r.source not in duplicates], report)


def _check_addresses(records: list, report: _Lines) -> None:
    seen: dict[str, str] = {}
    for record in records:
        if first := seen.get(record.url):
            report.error(
                record.source, "",
                f"trang này sẽ có cùng địa chỉ /{record.url} với {first}; hãy đổi tên tệp (hoặc số văn bản) cho khác",
            )
        seen.setdefault(record.url, record.source)


def _group(items: Iterable, keys: Callable) -> dict:
    groups: dict = defaultdict(list)
    for item in items:
        for key in dict.fromkeys(keys(item)):
            groups[key].append(item)
    return dict(groups)

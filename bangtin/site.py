"""The whole school's content: loaded, cross-checked, filtered for publishing, and indexed for pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from .links import local_links
from .models import Club, Milestone, Plan, Post
from .privacy import CONSENT_KEY, find_private_data
from .problems import ContentError, Problem, Problems
from .readers import club_from_meta, plan_from_meta, post_from_meta
from .settings import Settings
from .sources import Source, load_source

FOLDERS = ("plans", "news", "clubs")


@dataclass(frozen=True)
class Site:
    """Published content, newest first; indexes are computed once, on first use."""

    settings: Settings
    plans: tuple[Plan, ...]
    posts: tuple[Post, ...]
    clubs: tuple[Club, ...]
    today: date
    warnings: tuple[Problem, ...] = ()

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


def load_site(root: Path, settings: Settings, now: datetime, include_drafts: bool = False) -> Site:
    """Read ``plans/``, ``news/`` and ``clubs/`` under ``root``; raise ContentError with every error found."""
    problems = Problems()
    sources: dict[str, Source] = {}
    plans = _load(root, "plans", plan_from_meta, settings, sources, problems)
    posts = _load(root, "news", post_from_meta, settings, sources, problems)
    clubs = _load(root, "clubs", club_from_meta, settings, sources, problems)
    check_site(settings, plans, posts, clubs, _Lines(sources, problems))
    for post in posts:
        if post.privacy_consent is None:
            _check_privacy(sources[post.source], problems)
    if problems.errors:
        raise ContentError(problems.errors + problems.warnings)
    if not include_drafts:
        plans = [plan for plan in plans if not plan.draft]
        posts = [post for post in posts if not post.draft and post.date <= now]
        clubs = [club for club in clubs if not club.draft]
    return Site(
        settings,
        tuple(sorted(plans, key=lambda p: p.sort_key, reverse=True)),
        tuple(sorted(posts, key=lambda p: p.sort_key, reverse=True)),
        tuple(sorted(clubs, key=lambda c: (c.name.casefold(), c.source))),
        now.date(),
        tuple(problems.warnings),
    )


def content_files(root: Path, folder: str) -> list[Path]:
    """The Markdown files of a content folder in a stable order (a README there is for people, not the site)."""
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*.md") if p.name.lower() != "readme.md")


def _load(root: Path, folder: str, from_meta: Callable, settings: Settings, sources: dict, problems: Problems) -> list:
    records = []
    for path in content_files(root, folder):
        source = load_source(path, root, problems)
        if source is not None and (record := from_meta(source, settings, problems)) is not None:
            sources[source.rel] = source
            _check_body_links(source, problems)
            records.append(record)
    return records


def _check_privacy(source: Source, problems: Problems) -> None:
    hint = f"nếu đã được phụ huynh đồng ý công khai, ghi rõ ở khóa {CONSENT_KEY}"
    for key in ("title", "summary"):
        for finding in find_private_data(str(source.meta.get(key) or "")):
            problems.warning(source.rel, source.line(key), key, f"{finding.message}; {hint}")
    for finding in find_private_data(source.body):
        problems.warning(source.rel, source.body_line + finding.line - 1, "nội dung", f"{finding.message}; {hint}")


def _check_body_links(source: Source, problems: Problems) -> None:
    for link in local_links(source.body):
        if link.rel.startswith("../") or not (source.path.parent / link.rel).is_file():
            problems.error(
                source.rel, source.body_line + link.line - 1, "nội dung",
                f"không tìm thấy tệp “{link.rel}” mà bài viết dẫn tới; ảnh và tệp đính kèm phải nằm cạnh tệp này",
            )


@dataclass(frozen=True)
class _Lines:
    """Reports a cross-check error at the line of its key in the file's front-matter."""

    sources: dict[str, Source]
    problems: Problems

    def error(self, rel: str, key: str, message: str) -> None:
        source = self.sources.get(rel)
        self.problems.error(rel, source.line(key) if source else 0, key, message)


def check_site(settings: Settings, plans: list[Plan], posts: list[Post], clubs: list[Club], report: _Lines) -> None:
    """Cross-checks between files: duplicates, and names that point at nothing."""
    duplicates = _check_duplicate_numbers(plans, report)
    _check_addresses([r for r in [*plans, *posts, *clubs] if r.source not in duplicates], report)
    numbers = {plan.number.key for plan in plans if plan.number}
    clubs_known = {club.slug for club in clubs}
    categories = {c.name for c in settings.categories}
    movements = {m.key for m in settings.movements}
    for post in posts:
        for number in post.plans:
            if number.key not in numbers:
                report.error(post.source, "plans", f"không có văn bản số “{number}” trong thư mục plans/")
        _check_members(post.source, "clubs", post.clubs, clubs_known, "câu lạc bộ (tên tệp trong clubs/, bỏ .md)", report)
        _check_members(post.source, "categories", post.categories, categories, "chuyên mục trong mkdocs.yml", report)
    for record in [*plans, *posts]:
        _check_members(record.source, "movements", record.movements, movements, "phong trào trong mkdocs.yml", report)
    for club in clubs:
        if club.decision and club.decision.key not in numbers:
            report.error(club.source, "decision", f"không có văn bản số “{club.decision}” trong thư mục plans/")


def _check_members(source: str, key: str, values: Iterable[str], known: set[str], what: str, report: _Lines) -> None:
    for value in values:
        if value not in known:
            listed = ", ".join(sorted(known)) or "(chưa có)"
            report.error(source, key, f"“{value}” không phải {what}; các giá trị có: {listed}")


def _check_duplicate_numbers(plans: list[Plan], report: _Lines) -> set[str]:
    """Report a number used twice by one issuer in one year; return the files reported."""
    seen: dict[tuple[str, str, int], Plan] = {}
    reported = set()
    for plan in plans:
        if plan.number is None:
            continue
        identity = (plan.issuer.casefold(), plan.number.key, plan.year)
        if first := seen.get(identity):
            report.error(
                plan.source, "number",
                f"số “{plan.number}” của {plan.issuer} năm {plan.year} đã dùng cho {first.source}; mỗi số chỉ dùng một lần trong năm",
            )
            reported.add(plan.source)
        seen.setdefault(identity, plan)
    return reported


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

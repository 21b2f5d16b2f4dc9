"""Checking a school folder without building: ``mkdocs.yml`` read tolerantly, every content file loaded.

The same report serves the terminal (``bangtin check``) and ``mkdocs serve`` (one page listing the problems).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import yaml

from .problems import ContentError, Problem
from .settings import CONFIG, Settings, settings_from_config
from .site import Site, load_site

if TYPE_CHECKING:
    from .pages import PageSpec

ERRORS_TEMPLATE = "bangtin/errors.html"


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' own tags: ``!ENV`` is resolved, ``!!python/name:…`` and others become None."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as MkDocs resolves them."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)
    default = names.pop() if len(names) > 1 else None
    return next((os.environ[name] for name in names if name in os.environ), default)


def _other_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_constructor("!ENV", _env_tag)
_TolerantLoader.add_multi_constructor("", _other_tag)


def find_root(start: Path) -> Path | None:
    """The folder holding ``mkdocs.yml``: ``start`` or the nearest of its parents."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if (folder / CONFIG).is_file()), None)


def load_config(root: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as plain data; a file that is not readable YAML is reported as a ContentError."""
    try:
        # _TolerantLoader is a SafeLoader subclass (as yaml.safe_load uses) that also reads MkDocs' tags: no Python
        # object is ever built from the file (tests/test_cli.py, test_mkdocs_yml_is_read_safely_…).
        data = yaml.load((root / CONFIG).read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([Problem(CONFIG, 0, "", f"không đọc được tệp cài đặt ({error})")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        message = f"tệp cài đặt viết sai (YAML): {getattr(error, 'problem', None) or error}"
        raise ContentError([Problem(CONFIG, line, "", message)]) from None
    if not isinstance(data, dict):
        raise ContentError([Problem(CONFIG, 1, "", "tệp cài đặt phải là các dòng “khóa: giá trị”")])
    return data


def load_settings(root: Path) -> Settings:
    """The school's settings from ``mkdocs.yml``; raise ContentError with every problem of the block."""
    config = load_config(root)
    return settings_from_config(config.get("site_url"), config.get("extra"))


@dataclass(frozen=True)
class Report:
    """What ``bangtin check`` found: every problem, and how many files of each kind were read."""

    problems: tuple[Problem, ...]
    plans: int = 0
    posts: int = 0
    clubs: int = 0
    drafts: int = 0
    scheduled: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


def check_root(root: Path, now: datetime) -> Report:
    """Load the settings and all content (drafts included) exactly as a build would, without building."""
    try:
        site = load_site(root, load_settings(root), now, include_drafts=True)
    except ContentError as error:
        return Report(tuple(error.problems))
    drafts = sum(1 for record in (*site.plans, *site.posts, *site.clubs) if record.draft)
    scheduled = sum(1 for post in site.posts if not post.draft and post.date > now)
    return Report(site.warnings, len(site.plans), len(site.posts), len(site.clubs), drafts, scheduled)


def render_report(report: Report) -> list[str]:
    """The lines ``bangtin check`` prints: errors apart from warnings, then a one-line verdict."""
    lines: list[str] = []
    headings = (f"Tìm thấy {len(report.errors)} lỗi:", f"Tìm thấy {len(report.warnings)} cảnh báo (không chặn việc tạo trang):")
    for heading, items in zip(headings, (report.errors, report.warnings)):
        if items:
            lines += [heading, *(f"  {problem}" for problem in items), ""]
    if report.errors:
        lines.append(
            f"Có {len(report.errors)} lỗi: hãy sửa các tệp trên rồi chạy lại “bangtin check”. "
            "Khi còn lỗi, trang web không được cập nhật."
        )
        return lines
    lines.append(
        f"Đã kiểm tra {report.plans} kế hoạch, {report.posts} bài viết, {report.clubs} câu lạc bộ: không có lỗi."
    )
    waiting = [f"{report.drafts} bản nháp (draft: true)"] * bool(report.drafts)
    waiting += [f"{report.scheduled} bài hẹn giờ đăng sau"] * bool(report.scheduled)
    if waiting:
        lines.append(f"Trong đó có {' và '.join(waiting)}, chưa hiện trên trang web.")
    return lines


def build_error_pages(problems: Iterable[Problem], uris: Iterable[str]) -> list[PageSpec]:
    """For ``mkdocs serve``: the home page and every other address given show the list of problems."""
    from .pages import PageSpec  # the pages (and feeds) are only needed when serving, not by ``bangtin check``

    items = sorted(problems, key=lambda p: (p.level != "error", p.path, p.line, p.key))
    context = {"kind": "errors", "problems": items, "errors": sum(p.level == "error" for p in items)}
    title = "Nội dung có lỗi cần sửa"
    return [PageSpec(uri, title, ERRORS_TEMPLATE, context, searchable=False) for uri in dict.fromkeys(["index.md", *uris])]


def section_uris(settings: Settings | None, root: Path, today: datetime) -> list[str]:
    """The addresses a site has even without content (home, sections, categories, movements)."""
    if settings is None:
        return []
    from .feeds import build_feed_list
    from .pages import build_pages

    empty = Site(settings, (), (), (), today.date())
    return [spec.uri for spec in build_pages(empty, root, build_feed_list(empty))]

"""Checking a school folder without building: ``mkdocs.yml`` read tolerantly, every content file loaded.

``mkdocs serve`` shows the same problems as pages (:mod:`bangtin.serve_errors`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from .kinds import KINDS
from .problems import ByLevel, ContentError, Problem
from .settings import CONFIG, settings_from_config
from .site import load_site
from .sources import explain_yaml_error


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
        line, message = explain_yaml_error(error, "tệp cài đặt", 1)
        raise ContentError([Problem(CONFIG, line, "", message)]) from None
    if not isinstance(data, dict):
        raise ContentError([Problem(CONFIG, 1, "", "tệp cài đặt phải là các dòng “khóa: giá trị”")])
    return data


@dataclass(frozen=True)
class Report(ByLevel):
    """What ``bangtin check`` found: every problem, and how many files of each kind were read."""

    problems: tuple[Problem, ...]
    counts: tuple[tuple[str, int], ...] = ()
    """(what ``bangtin check`` calls the kind, files read), for each kind in the registry's order."""
    drafts: int = 0
    scheduled: int = 0
    reminders: tuple[str, ...] = ()
    """What the clerk should still do (a công khai item past its deadline); never an error."""


def check_root(root: Path, now: datetime) -> Report:
    """Load the settings and all content (drafts included) exactly as a build would, without building."""
    try:
        config = load_config(root)
        settings = settings_from_config(config.get("site_url"), config.get("extra"))
    except ContentError as error:
        return Report(tuple(error.problems))
    members = _member_problems(root, settings.members)
    try:
        site = load_site(root, settings, now, include_drafts=True, docs=root / str(config.get("docs_dir") or "docs"),
                         check_photos=True)
    except ContentError as error:
        return Report(tuple(members + error.problems))
    if members:
        return Report(tuple(members + list(site.warnings)))
    records = [(kind, record) for kind in KINDS for record in site.records[kind.name]]
    drafts = sum(1 for _, record in records if record.draft)
    scheduled = sum(1 for kind, record in records if not record.draft and not kind.published(record, now))
    counts = tuple((kind.count_label, len(site.records[kind.name])) for kind in KINDS
                   if site.records[kind.name] or (root / kind.folder).is_dir())
    reminders = tuple(site.reminders())  # the same reminders a build logs
    return Report(site.warnings, counts, drafts, scheduled, reminders)


def _member_problems(root: Path, members: str | None) -> list[Problem]:
    """A hub's members file, checked with the content (a school site has none)."""
    if not members:
        return []
    from .hub.members import load_members

    try:
        load_members(root, members)
    except ContentError as error:
        return list(error.problems)
    return []


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
    counted = ", ".join(f"{count} {label}" for label, count in report.counts)
    lines.append(f"Đã kiểm tra {counted}: không có lỗi.")
    waiting = [f"{report.drafts} bản nháp (draft: true)"] * bool(report.drafts)
    waiting += [f"{report.scheduled} bài hẹn giờ đăng sau"] * bool(report.scheduled)
    if waiting:
        lines.append(f"Trong đó có {' và '.join(waiting)}, chưa hiện trên trang web.")
    if report.reminders:
        lines += ["", "Nhắc việc (không chặn việc tạo trang):", *(f"  - {line}" for line in report.reminders)]
    return lines

"""What ``mkdocs serve`` shows while the content has errors: every page lists them until they are fixed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import school
from .pages import PageSpec
from .problems import Problem
from .settings import Settings
from .site import empty_site

ERRORS_TEMPLATE = "bangtin/errors.html"
TITLE = "Nội dung có lỗi cần sửa"


def build_error_pages(problems: Iterable[Problem], uris: Iterable[str]) -> list[PageSpec]:
    """The home page and every other address given show the list of problems."""
    items = sorted(problems, key=lambda p: (p.level != "error", p.path, p.line, p.key))
    context = {"kind": "errors", "problems": items, "errors": sum(p.level == "error" for p in items)}
    return [PageSpec(uri, TITLE, ERRORS_TEMPLATE, context, searchable=False) for uri in dict.fromkeys(["index.md", *uris])]


def section_uris(settings: Settings | None, root: Path, today: date) -> list[str]:
    """The addresses a school site has even without content (home, sections, categories, movements)."""
    if settings is None:
        return []
    return [spec.uri for spec in school.build_site(empty_site(settings, today), root)[1]]


def error_log(problems: Iterable[Problem]) -> list[tuple[str, str]]:
    """The lines the log shows, as (level, message): each problem, then what the clerk does next."""
    problems = list(problems)
    lines = [("error" if problem.level == "error" else "warning", str(problem)) for problem in problems]
    errors = sum(problem.level == "error" for problem in problems)
    lines.append(("error", f"Nội dung có {errors} lỗi; trang xem thử đang hiện danh sách lỗi. Sửa tệp rồi lưu lại, trang sẽ tự tải lại."))
    return lines

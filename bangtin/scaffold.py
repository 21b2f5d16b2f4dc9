"""New content files from commented templates (``bangtin/templates/*.md``): every key explained in Vietnamese."""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any, Mapping

import yaml

from .dates import school_year_of
from .kinds import KINDS, Kind
from .text import nfc, slugify, squash_spaces

#: The kinds by the word the clerk types: ``bangtin new tin …``.
SCAFFOLDS: dict[str, Kind] = {kind.scaffold.word: kind for kind in KINDS}


class ScaffoldError(ValueError):
    """A title that cannot name a file; the message is for the clerk."""


def clean_title(title: str) -> str:
    """The title as it will be stored: NFC, single spaces; an empty title is refused."""
    cleaned = squash_spaces(nfc(title))
    if not slugify(cleaned):
        raise ScaffoldError("tiêu đề cần có chữ hoặc số, ví dụ “Bé vui Ngày hội STEM”")
    return cleaned


def new_file_path(root: Path, kind: str, title: str, now: datetime) -> Path:
    """``news/2025-12-05-be-vui-ngay-hoi-stem.md``, ``plans/<slug>.md`` or ``clubs/<slug>.md`` under ``root``."""
    spec = SCAFFOLDS[kind]
    slug = slugify(clean_title(title))
    name = f"{now:%Y-%m-%d}-{slug}.md" if spec.scaffold.dated_name else f"{slug}.md"
    return root / spec.folder / name


def render_new(kind: str, title: str, now: datetime, config: Mapping[str, Any]) -> str:
    """The text of a new file: the kind's template filled with the title, today's date and the school's settings."""
    title = clean_title(title)
    block = _bangtin_block(config)
    categories = block.get("categories")
    first = [str(categories[0])] if isinstance(categories, list) and categories else []
    school = block.get("school") if isinstance(block.get("school"), dict) else {}
    values = {
        "title": _scalar(title), "slug": slugify(title), "moment": f"{now:%Y-%m-%d %H:%M}",
        "day": f"{now:%Y-%m-%d}", "school_year": school_year_of(now.date()), "categories": _flow(first),
        "school": str(school.get("name") or "Trường Mầm non Hoa Sen"),
    }
    if SCAFFOLDS[kind].scaffold.values is not None:  # what only this kind's template asks for
        values.update(SCAFFOLDS[kind].scaffold.values(title, block, now))
    template = resources.files("bangtin").joinpath("templates", SCAFFOLDS[kind].scaffold.template).read_text(encoding="utf-8")
    return Template(template).substitute(values)


def write_new(root: Path, kind: str, title: str, now: datetime, config: Mapping[str, Any]) -> Path:
    """Create the file; raise FileExistsError rather than overwrite anything."""
    path = new_file_path(root, kind, title, now)
    text = render_new(kind, title, now, config)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def _bangtin_block(config: Mapping[str, Any]) -> Mapping[str, Any]:
    extra = config.get("extra")
    block = extra.get("bangtin") if isinstance(extra, dict) else None
    return block if isinstance(block, dict) else {}


def _scalar(text: str) -> str:
    """``text`` as a YAML value on one line: plain when safe, quoted when it holds ``: `` or `` #``."""
    return yaml.safe_dump(text, allow_unicode=True, width=1_000_000).removesuffix("\n...\n").strip()


def _flow(items: list[str]) -> str:
    """A YAML flow list on one line, e.g. ``[Hoạt động STEM]``."""
    return yaml.safe_dump(items, allow_unicode=True, default_flow_style=True, width=1_000_000).strip()

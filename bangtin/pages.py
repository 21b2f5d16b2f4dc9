"""A generated page as plain data (address, template, template data, source file) for the adapter to publish."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import escape

from .link_previews import PagePreview
from .links import local_links
from .models import record_assets


@dataclass(frozen=True)
class PageSpec:
    """A generated page: its Markdown file address, template, template data (``bt``) and source file."""

    uri: str
    title: str
    template: str
    context: dict[str, Any]
    markdown: str = ""
    source: str | None = None
    description: str | None = None
    searchable: bool = True
    assets: tuple[tuple[str, Path], ...] = field(default=())
    updated: date | None = None
    preview: PagePreview = PagePreview()

    @property
    def url(self) -> str:
        return self.uri.removesuffix("index.md")

    @property
    def meta(self) -> dict[str, Any]:
        """Page metadata for the theme; Material prints title and description as HTML, so they go in escaped."""
        meta: dict[str, Any] = {"title": escape(self.title), "template": self.template, "hide": ["navigation"]}
        if not self.markdown.strip():
            meta["hide"].append("toc")
        if self.description:
            meta["description"] = escape(self.description)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        return meta


def page_assets(record: Any, root: Path) -> tuple[tuple[str, Path], ...]:
    """Files to publish beside a record's page: what its front-matter names (cover photo, attachments), then what
    its body links to."""
    folder = (root / record.source).parent
    rels = [asset.rel for asset in record_assets(record)] + [link.rel for link in local_links(record.body)]
    return tuple((rel, folder / rel) for rel in dict.fromkeys(rels))

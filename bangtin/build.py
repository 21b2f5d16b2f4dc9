"""One build of a site: planned from the content in one call, its outputs written in another.

:func:`plan_build` reads the settings and every content file, and decides everything the build publishes (the
pages, the feeds, the photos) before anything is written; :meth:`Build.write` writes what MkDocs does not (feeds,
``van-ban.json``, GitHub Pages' files) once MkDocs has rendered the pages. The adapter
makes a new Build for every build, so nothing of one build (a photo, a feed) outlives it into the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from . import school
from .feed_xml import write_feeds
from .feeds import Feed, FeedLink, build_feed_links
from .kinds import KINDS
from .media import CACHE_DIR, Media, build_media, media_files
from .pages import PageSpec
from .photo_report import weight_line
from .photos import PhotoStats, prune_cache
from .problems import ContentError
from .publish import limit_warnings, pages_extras, site_files
from .serve_errors import build_error_pages, error_log, section_uris
from .settings import Settings, settings_from_config
from .site import Site, load_site

#: A log line for the adapter: (level, message).
LogLine = tuple[str, str]


@dataclass
class Build:
    """What one build publishes; ``site`` is None when the content has errors (``mkdocs serve`` shows them)."""

    root: Path
    settings: Settings | None
    site: Site | None
    pages: dict[str, PageSpec]
    feeds: list[Feed] = field(default_factory=list)
    media: Media = field(default_factory=lambda: Media({}, PhotoStats()))
    log: list[LogLine] = field(default_factory=list)
    contents: dict[str, str] = field(default_factory=dict)
    """Each generated page's rendered body (links relative to the page), kept as MkDocs renders it, for the feeds."""

    def feed_links(self, page_url: str | None = None) -> list[FeedLink] | None:
        """The autodiscovery links of the page at ``page_url`` (None: a page that no feed follows)."""
        if self.site is None:
            return None
        return build_feed_links(self.feeds, self.site.settings.site_url, page_url)

    def sitemap_date(self, spec: PageSpec | None) -> str | None:
        """A page's ``<lastmod>``: from the content, never the clock."""
        if self.site is None:
            return None
        return ((spec and spec.updated) or self.site.updated).isoformat()

    def photo_files(self) -> list[tuple[str, Path]]:
        """The published photo files (site address, file in the cache): variants, never the originals."""
        return media_files(self.media, self.root / CACHE_DIR)

    def write(self, site_dir: Path) -> list[str]:
        """Write the feeds, ``van-ban.json`` and ``CNAME``; return the warnings about GitHub's limits and the
        domain."""
        if self.site is None or self.settings is None:
            return []
        write_feeds(self.site, self.feeds, self.contents, site_dir)
        for kind in KINDS:  # each kind's data for portals and hubs (van-ban.json, cong-khai.json)
            if kind.write is not None:
                kind.write(self.site, site_dir)
        extras, warnings = pages_extras(self.settings.cname, self.settings.site_url)
        for name, content in extras.items():
            (site_dir / name).write_text(content, encoding="utf-8")
        return warnings + limit_warnings(site_files(site_dir))


def plan_build(root: Path, site_url: str | None, extra: Mapping[str, Any] | None, now: datetime, *,
               serving: bool = False, previous: Iterable[str] = (), docs: Path | None = None) -> Build:
    """Read and check everything, then plan the pages, feeds and photos.

    A content error raises ContentError with every problem, before MkDocs touches the site folder; when
    ``serving``, the build instead shows the problems on every page it has (and on ``previous``, the addresses of
    the build before, so the page the clerk is looking at shows them too). A photo that cannot be read is such an
    error too, named with each file and line that uses it.
    """
    settings = None
    try:
        settings = settings_from_config(site_url, extra)
        site = load_site(root, settings, now, include_drafts=serving, docs=docs)
        feeds, specs, notes = site_type(settings).build_site(site, root)
    except ContentError as error:
        if not serving:
            raise
        return _error_build(root, settings, error, [*previous, *section_uris(settings, root, now.date())])
    pages = {spec.uri: spec for spec in specs}
    try:
        media = build_media(pages.values(), root, root / CACHE_DIR)
    except ContentError as error:
        if not serving:
            raise ContentError([*error.problems, *site.warnings]) from None
        return _error_build(root, settings, error, [*previous, *pages])
    prune_cache(root / CACHE_DIR, media.photos.values())  # a photo taken down leaves no copy behind
    return Build(root, settings, site, pages, feeds, media, build_log(site, media) + [("info", note) for note in notes])


def _error_build(root: Path, settings: Settings | None, error: ContentError, uris: list[str]) -> Build:
    """For ``mkdocs serve``: every address shows the problems, and nothing else is published."""
    pages = {spec.uri: spec for spec in build_error_pages(error.problems, uris)}
    return Build(root, settings, None, pages, log=error_log(error.problems))


def build_log(site: Site, media: Media) -> list[LogLine]:
    """What a good build tells the clerk: the warnings, the reminders in one line, and the photos' state."""
    log = [("warning", str(problem)) for problem in site.warnings]
    if reminders := site.reminders():
        log.append(("info", "Nhắc việc (không chặn việc tạo trang): " + "; ".join(reminders)))
    log += [("info", note) for note in sorted(media.stats.notes)]
    log.append(("info", weight_line(site.photos, site.today)))
    unused = len(site.unused_photos)
    log.append(("info", f"Ảnh: {media.stats.processed} ảnh mới được xử lý, {media.stats.reused} ảnh lấy lại từ bộ nhớ đệm"
                + (f"; {unused} ảnh trong thư mục nội dung không bài nào dùng (không được đăng)" if unused else "")))
    return log


def site_type(settings: Settings | None) -> ModuleType:
    """The planner of this kind of site: a hub's when it has members, else a school's."""
    if settings is not None and settings.members:
        from . import hub  # a school's build never imports the hub's fetching and sanitizing

        return hub
    return school


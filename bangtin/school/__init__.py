"""The school site type: which pages and feeds a school's site has, in which order.

A site type is a planner beside this one : its ``build_site`` takes the
loaded :class:`~bangtin.site.Site` and returns its feeds and its pages; :mod:`bangtin.build` picks the planner
(:mod:`bangtin.hub` is the other).
"""

from __future__ import annotations

import heapq
from pathlib import Path

from ..feeds import Feed, feed_title, first_records, published
from ..kinds import KINDS, kind_of
from ..pages import PageSpec
from ..site import Site
from .pages import build_home, build_movement_pages, build_subscribe

#: The kinds whose records the site's own feed merges, newest first; on equal dates the first kind's come first.
SITE_FEED_KINDS = ("post", "plan")
#: The order of the pages (the sitemap and the search index follow it): the kinds' pages and the site's own; a kind
#: not named here comes after these.
PAGE_ORDER = ("post", "plan", "movements", "club", "cong-khai")


def build_site(site: Site, root: Path) -> tuple[list[Feed], list[PageSpec], list[str]]:
    """The site's feeds (one list for the subscribe page, the heads' links and the files), its pages, and what the
    build log should say of them (nothing, for a school)."""
    feeds = build_feed_list(site)
    return feeds, build_pages(site, root, feeds), []


def build_feed_list(site: Site) -> list[Feed]:
    """Every feed of the site, in the order the "Đăng ký nhận tin" page lists them: the site's, then each kind's."""
    return [build_site_feed(site), *[feed for kind in KINDS for feed in kind.feeds(site)]]


def build_site_feed(site: Site) -> Feed:
    """Articles and plans together, newest first (each list keeps its pages' order on equal dates)."""
    school = site.settings.school
    latest = heapq.merge(*[published(site.records[name]) for name in SITE_FEED_KINDS],
                         key=lambda record: kind_of(record).moment(record), reverse=True)
    description = school.description or f"Tin bài và kế hoạch, văn bản của {school.name}"
    return Feed("rss.xml", feed_title(site), description, "", "site", first_records(site, latest), atom="atom.xml")


def build_pages(site: Site, root: Path, feeds: list[Feed]) -> list[PageSpec]:
    """Every generated page of the site, in a stable order; ``feeds`` as :func:`build_feed_list` gives them."""
    groups = {"movements": lambda site, root: build_movement_pages(site)} | {kind.name: kind.pages for kind in KINDS}
    order = [*PAGE_ORDER, *(name for name in groups if name not in PAGE_ORDER)]
    return [build_home(site), *[page for name in order for page in groups[name](site, root)],
            build_subscribe(site, feeds)]

"""The site's feeds as data: where each is written, what it is called, which page it follows, its records.

The kinds add their own feeds (a plan's registry, a post's categories, a club's news) and the site type puts them in
order; :mod:`bangtin.feed_xml` writes them with feedgen after the build.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .site import Site

RSS_TYPE, ATOM_TYPE = "application/rss+xml", "application/atom+xml"

#: An autodiscovery link in a page's head: (media type, title, absolute address).
FeedLink = tuple[str, str, str]


@dataclass(frozen=True)
class Feed:
    """One feed: where it is written, what it is called, which page it follows, and its items (newest first)."""

    path: str
    title: str
    description: str
    page: str
    kind: str
    records: tuple[Any, ...]
    atom: str | None = None


def build_feed_links(feeds: Sequence[Feed], site_url: str, page: str | None = None) -> list[FeedLink]:
    """A page's autodiscovery links: the site's feeds (RSS and Atom), then the feed that follows the page itself
    (the registry, a category, a club), titled as their channels are. ``feeds`` as the site type lists them."""
    site_feed, *others = feeds
    links = [(RSS_TYPE, site_feed.title, site_url + site_feed.path)]
    links += [(ATOM_TYPE, site_feed.title, site_url + site_feed.atom)] if site_feed.atom else []
    return links + [(RSS_TYPE, feed.title, site_url + feed.path) for feed in others if feed.page == page]


def feed_title(site: Site, topic: str | None = None) -> str:
    """"Trường Mầm non Hoa Sen – Chuyên mục Tin tức"; the head's autodiscovery links use the same words."""
    name = site.settings.school.name
    return f"{name} – {topic}" if topic else name


def published(records: Iterable) -> Iterator:
    """Drafts never reach a feed, even from ``mkdocs serve`` (whose site shows them)."""
    return (record for record in records if not record.draft)


def first_records(site: Site, records: Iterable) -> tuple:
    """The newest ``extra.bangtin.feeds.items`` published records."""
    return tuple(islice(published(records), site.settings.feed_items))

"""The site's RSS 2.0 and Atom feeds, written with feedgen after the build.

Feeds: ``rss.xml`` and ``atom.xml`` (articles and plans together), ``ke-hoach/rss.xml`` (the registry),
one per category and one per club. Each lists the same items, in the same order, as the page it belongs to.

feedgen pitfalls handled here: the *last* ``link()`` becomes the RSS channel link (the self link goes first);
``add_entry()`` prepends unless told otherwise; ``lastBuildDate``/``updated`` default to the clock (they are
the newest item's date); Atom entry links lose their ``rel`` (an entry extension writes them instead).
"""

from __future__ import annotations

import copy
import heapq
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from .dates import VN_TZ
from .feed_content import Item, build_item, clean, plan_moment
from .models import Club, Plan, Post
from .settings import Category
from .site import Site

RSS_TYPE, ATOM_TYPE = "application/rss+xml", "application/atom+xml"
DC_NS = "http://purl.org/dc/elements/1.1/"
GENERATOR = "Bảng tin"
# The date of a feed with no item yet: fixed, so that an empty feed is the same in every build.
EMPTY_FEED_DATE = datetime(2000, 1, 1, tzinfo=VN_TZ)

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
    records: tuple[Post | Plan, ...]
    atom: str | None = None


def build_feed_list(site: Site) -> list[Feed]:
    """Every feed of the site, in the order the "Đăng ký nhận tin" page lists them."""
    return [
        build_site_feed(site),
        build_registry_feed(site),
        *[build_category_feed(site, category) for category in site.settings.categories],
        *[build_club_feed(site, club) for club in site.clubs],
    ]


def build_site_feed(site: Site) -> Feed:
    """Articles and plans together, newest first (each list keeps its pages' order on equal dates)."""
    school = site.settings.school
    latest = heapq.merge(_published(site.posts), _published(site.plans), key=_moment, reverse=True)
    description = school.description or f"Tin bài và kế hoạch, văn bản của {school.name}"
    return Feed("rss.xml", feed_title(site), description, "", "site", _first(site, latest), atom="atom.xml")


def build_registry_feed(site: Site) -> Feed:
    description = f"Sổ kế hoạch, văn bản của {site.settings.school.name}: số, ký hiệu, ngày ban hành, trích yếu"
    title = feed_title(site, "Kế hoạch, văn bản")
    return Feed("ke-hoach/rss.xml", title, description, "ke-hoach/", "registry", _first(site, site.plans))


def build_category_feed(site: Site, category: Category) -> Feed:
    description = f"Bài viết chuyên mục {category.name} của {site.settings.school.name}"
    posts = site.posts_by_category.get(category.name, [])
    return Feed(category.url + "rss.xml", feed_title(site, f"Chuyên mục {category.name}"), description,
                category.url, "category", _first(site, posts))


def build_club_feed(site: Site, club: Club) -> Feed:
    description = f"Hoạt động của {club.name}, {site.settings.school.name}"
    posts = site.posts_by_club.get(club.slug, [])
    title = feed_title(site, club.name)
    return Feed(club.url + "rss.xml", title, description, club.url, "club", _first(site, posts))


def build_feed_links(feeds: Sequence[Feed], site_url: str, page: str | None = None) -> list[FeedLink]:
    """A page's autodiscovery links: the site's feeds (RSS and Atom), then the feed that follows the page itself
    (the registry, a category, a club), titled as their channels are. ``feeds`` as :func:`build_feed_list` gives them."""
    site_feed, *others = feeds
    links = [(RSS_TYPE, site_feed.title, site_url + site_feed.path)]
    links += [(ATOM_TYPE, site_feed.title, site_url + site_feed.atom)] if site_feed.atom else []
    return links + [(RSS_TYPE, feed.title, site_url + feed.path) for feed in others if feed.page == page]


def feed_title(site: Site, topic: str | None = None) -> str:
    """"Trường Mầm non Hoa Sen – Chuyên mục Tin tức"; the head's autodiscovery links use the same words."""
    name = site.settings.school.name
    return f"{name} – {topic}" if topic else name


def write_feeds(site: Site, feeds: Sequence[Feed], contents: dict[str, str], site_dir: Path) -> list[Path]:
    """Write ``feeds`` (as :func:`build_feed_list` gives them) into the built site; return the files written."""
    items: dict[str, Item] = {}
    rss_entries: dict[str, FeedEntry] = {}  # an article in several feeds is set up once
    written = []
    for feed in feeds:
        entries = [_item(record, site, contents, site_dir, items) for record in feed.records]
        written.append(_write(site_dir / feed.path, build_rss(feed, entries, site, rss_entries)))
        if feed.atom:
            written.append(_write(site_dir / feed.atom, build_atom(feed, entries, site)))
    return written


def build_rss(feed: Feed, items: list[Item], site: Site, entries: dict[str, FeedEntry] | None = None) -> bytes:
    """The RSS 2.0 document; ``entries`` keeps each item's entry (by address) for the next feed."""
    generator = _channel(feed, items, site, feed.path, RSS_TYPE)
    entries = {} if entries is None else entries
    for item in items:
        if item.url not in entries:
            entries[item.url] = _rss_entry(item)
        generator.add_entry(entries[item.url], order="append")
    return generator.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def _rss_entry(item: Item) -> FeedEntry:
    entry = _entry(_SharedEntry(), item)
    entry.link(href=item.url, rel="alternate")
    if item.enclosure:
        entry.enclosure(item.enclosure.url, item.enclosure.length, item.enclosure.type)
    if item.author:
        entry.register_extension("dc", _DcCreator, atom=False, rss=True)
        entry.dc.creator = item.author
    return entry


def build_atom(feed: Feed, items: list[Item], site: Site) -> bytes:
    generator = _channel(feed, items, site, feed.atom or feed.path, ATOM_TYPE)
    for item in items:
        entry = _entry(generator.add_entry(order="append"), item)
        entry.register_extension("bt_links", _AtomLinks, atom=True, rss=False)
        entry.bt_links.item = item
        if item.author:
            entry.author(name=item.author)
    return generator.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def _channel(feed: Feed, items: list[Item], site: Site, self_path: str, self_type: str) -> FeedGenerator:
    url = site.settings.site_url
    generator = FeedGenerator()
    if self_type == RSS_TYPE:
        generator.register_extension("dc", _DcNamespace, _DcCreator, atom=False, rss=True)
    generator.id(url + feed.page)
    generator.title(clean(feed.title))
    generator.description(clean(feed.description))
    generator.link(href=url + self_path, rel="self", type=self_type)  # first: the last link is the RSS channel link
    generator.link(href=url + feed.page, rel="alternate", type="text/html")
    generator.language("vi")
    generator.generator(GENERATOR)
    school = site.settings.school
    generator.author({"name": clean(school.name), **({"email": school.email} if school.email else {})})
    generator.updated(max((item.published for item in items), default=_newest(site)))
    return generator


def _entry(entry: FeedEntry, item: Item) -> FeedEntry:
    """What RSS and Atom entries have in common."""
    entry.id(item.url)
    entry.guid(item.url, permalink=True)
    entry.title(item.title)
    entry.published(item.published)
    entry.updated(item.published)
    entry.summary(item.summary or item.title)
    entry.content(item.content or item.summary or item.title, type="html")
    for term, scheme in item.categories:
        entry.category({"term": clean(term), **({"scheme": scheme} if scheme else {})})
    return entry


class _SharedEntry(FeedEntry):
    """An RSS item that several feeds list (the site's, a category's, a club's): feedgen builds its element once,
    and every feed gets a copy of it."""

    _element: etree._Element | None = None

    def rss_entry(self, extensions: bool = True) -> etree._Element:
        if self._element is None:
            self._element = super().rss_entry(extensions)
        return copy.deepcopy(self._element)


class _DcNamespace(BaseExtension):
    """Declares ``dc:`` on ``<rss>`` for the items' ``dc:creator``."""

    def extend_ns(self):
        return {"dc": DC_NS}


class _DcCreator(BaseEntryExtension):
    """An RSS item's author as ``dc:creator`` (RSS's own ``<author>`` must be an e-mail address). feedgen's dc
    extension writes the same, but looks through all fifteen Dublin Core elements for each item of each feed."""

    creator: str | None = None

    def extend_rss(self, item):
        if self.creator:
            etree.SubElement(item, f"{{{DC_NS}}}creator").text = self.creator
        return item


class _AtomLinks(BaseEntryExtension):
    """Atom entry links with their ``rel``, ``type`` and ``length`` (feedgen 1.0.0 drops them)."""

    item: Item | None = None

    def extend_atom(self, entry):
        item = self.item
        if item is not None:
            # feedgen writes Atom elements without a namespace and declares it on <feed>: so do we.
            etree.SubElement(entry, "link", href=item.url, rel="alternate", type="text/html")
            if item.enclosure:
                enclosure = item.enclosure
                etree.SubElement(entry, "link", href=enclosure.url, rel="enclosure",
                                 type=enclosure.type, length=str(enclosure.length))
        return entry


def _item(record: Post | Plan, site: Site, contents: dict[str, str], site_dir: Path, cache: dict) -> Item:
    if record.url not in cache:
        cache[record.url] = build_item(record, site, contents, site_dir)
    return cache[record.url]


def _published(records: Iterable) -> Iterator:
    """Drafts never reach a feed, even from ``mkdocs serve`` (whose site shows them)."""
    return (record for record in records if not record.draft)


def _first(site: Site, records: Iterable) -> tuple:
    """The newest ``extra.bangtin.feeds.items`` published records."""
    return tuple(islice(_published(records), site.settings.feed_items))


def _moment(record: Post | Plan) -> datetime:
    return plan_moment(record) if isinstance(record, Plan) else record.date


def _newest(site: Site) -> datetime:
    """An empty feed's date: the newest item of the whole site (never the clock)."""
    moments = [_moment(record) for record in (*site.posts[:1], *site.plans[:1])]
    return max(moments, default=EMPTY_FEED_DATE).astimezone(VN_TZ)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path

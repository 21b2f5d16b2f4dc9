"""RSS 2.0 and Atom documents, written with feedgen after the build, each item built once for every feed.

feedgen pitfalls handled here: the *last* ``link()`` becomes the RSS channel link (the self link goes first);
``add_entry()`` prepends unless told otherwise; ``lastBuildDate``/``updated`` default to the clock (they are
the newest item's date); Atom entry links lose their ``rel`` (an entry extension writes them instead).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from .dates import VN_TZ
from .feed_content import Item, clean
from .feeds import ATOM_TYPE, RSS_TYPE, Feed
from .kinds import KINDS, kind_of

if TYPE_CHECKING:
    from .site import Site

DC_NS = "http://purl.org/dc/elements/1.1/"
GENERATOR = "Bảng tin"
# The date of a feed with no item yet: fixed, so that an empty feed is the same in every build.
EMPTY_FEED_DATE = datetime(2000, 1, 1, tzinfo=VN_TZ)


def write_feeds(site: Site, feeds: Sequence[Feed], contents: dict[str, str], site_dir: Path) -> list[Path]:
    """Write ``feeds`` (as the site type lists them) into the built site; return the files written."""
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


def _item(record: Any, site: Site, contents: dict[str, str], site_dir: Path, cache: dict) -> Item:
    if isinstance(record, Item):  # already an item: another site's article, as a hub republishes it
        return record
    if record.url not in cache:
        build = kind_of(record).feed_item
        assert build is not None, f"{kind_of(record).name} records are in no feed"
        cache[record.url] = build(record, site, contents, site_dir)
    return cache[record.url]


def _newest(site: Site) -> datetime:
    """An empty feed's date: the newest item of the whole site (never the clock)."""
    moments = [kind.moment(records[0]) for kind in KINDS if kind.moment and (records := site.records[kind.name])]
    return max(moments, default=EMPTY_FEED_DATE).astimezone(VN_TZ)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path

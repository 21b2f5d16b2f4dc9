"""What a hub reads of a member, as typed records: its documents (``van-ban.json``), its clubs (``cau-lac-bo.json``)
and its news (its Atom or RSS feed). The same readers check a file when it is fetched and read it at build time.

Everything here is untrusted: texts are bounded and escaped by the templates, HTML goes through
:func:`~bangtin.hub.untrusted.clean_html`, links are kept only when http or https; an entry that cannot be read is
counted (the member's state shows it), never published half-read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any, Callable

from ..dates import VN_TZ, school_year_of
from ..numbers import parse_number, tidy_number
from .untrusted import UntrustedDataError, clean_html, clean_text, parse_xml, plain_text, safe_link

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
KNOWN_VERSION = 1
MAX_ITEMS = 2000
"""Entries read from one file at most (a school's registry is a few hundred)."""


@dataclass(frozen=True)
class Citation:
    """A căn cứ of a member's document: the cited number's key, and its date when given."""

    key: str
    issued: date | None


@dataclass(frozen=True)
class MemberDocument:
    number: str | None
    type: str
    title: str
    issued: date | None
    issuer: str
    school_year: str
    address: str | None
    based_on: tuple[Citation, ...]


@dataclass(frozen=True)
class MemberClub:
    name: str
    kind: str
    members: int | None
    school_year: str
    founded: date | None
    status: str
    decision: str | None
    address: str | None

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class MemberArticle:
    title: str
    address: str
    published: datetime
    summary: str
    content: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Read:
    """One file's entries, how many could not be read, and what the file says of the school (its level)."""

    entries: tuple[Any, ...]
    skipped: int = 0
    level: str | None = None


def number_key(text: str) -> str:
    """A number's identity, tolerant of spacing and case as the loader is (``4400 / kh-sgdđt`` = ``4400/KH-SGDĐT``)."""
    try:
        return parse_number(text).key
    except ValueError:
        return tidy_number(text).casefold()


def read_documents(data: bytes, site_url: str) -> Read:
    block = _json(data, "documents")
    documents, skipped = _entries(block["documents"], lambda entry: _document(entry, site_url))
    return Read(tuple(documents), skipped)


def read_clubs(data: bytes, site_url: str) -> Read:
    block = _json(data, "clubs")
    clubs, skipped = _entries(block["clubs"], lambda entry: _club(entry, site_url))
    level = clean_text(block.get("level"), 20) or None
    return Read(tuple(clubs), skipped, level)


def read_feed(data: bytes, site_url: str) -> Read:
    """An Atom feed or an RSS 2.0 channel's items, newest first."""
    root = parse_xml(data)
    if root.tag == f"{ATOM}feed":
        elements, read = root.findall(f"{ATOM}entry"), _atom_entry
    elif root.tag == "rss" and root.find("channel") is not None:
        elements, read = root.find("channel").findall("item"), _rss_item
    else:
        raise UntrustedDataError("không phải bản tin Atom hay RSS")
    articles, skipped = _entries(elements, lambda element: read(element, site_url))
    return Read(tuple(sorted(articles, key=lambda a: (a.published, a.address), reverse=True)), skipped)


def _json(data: bytes, key: str) -> dict[str, Any]:
    try:
        block = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise UntrustedDataError(f"JSON không hợp lệ ({type(error).__name__})") from None
    if not isinstance(block, dict) or not isinstance(block.get(key), list):
        raise UntrustedDataError(f"thiếu danh sách “{key}”")
    version = block.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UntrustedDataError("thiếu số phiên bản (version)")
    return block


def _entries(items: list, read: Callable[[Any], Any]) -> tuple[list, int]:
    entries, skipped = [], max(0, len(items) - MAX_ITEMS)
    for item in items[:MAX_ITEMS]:
        try:
            entry = read(item)
        except (KeyError, TypeError, ValueError, AttributeError):
            entry = None
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    return entries, skipped


def _document(entry: dict, site_url: str) -> MemberDocument | None:
    title = clean_text(entry.get("title"))
    if not title:
        return None
    issued = _day(entry.get("issued"))
    number = clean_text(entry.get("number"), 60) or None
    school_year = clean_text(entry.get("school_year"), 9) or (school_year_of(issued) if issued else "")
    citations = tuple(
        Citation(number_key(clean_text(ref["number"], 60)), _day(ref.get("issued")))
        for ref in entry.get("based_on") or [] if isinstance(ref, dict) and ref.get("number")
    )
    return MemberDocument(number, clean_text(entry.get("type"), 40) or "Văn bản", title, issued,
                          clean_text(entry.get("issuer"), 200), school_year, safe_link(entry.get("address"), site_url),
                          citations)


def _club(entry: dict, site_url: str) -> MemberClub | None:
    name = clean_text(entry.get("name"), 200)
    if not name:
        return None
    members = entry.get("members")
    if not isinstance(members, int) or isinstance(members, bool) or not 0 <= members < 100_000:
        members = None
    decision = entry.get("decision") if isinstance(entry.get("decision"), dict) else {}
    return MemberClub(name, clean_text(entry.get("kind"), 40) or "Khác", members,
                      clean_text(entry.get("school_year"), 9), _day(entry.get("founded")),
                      "active" if entry.get("status") == "active" else "inactive",
                      clean_text(decision.get("number"), 60) or None, safe_link(entry.get("address"), site_url))


def _atom_entry(element, site_url: str) -> MemberArticle | None:
    links = [link for link in element.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
    address = safe_link(links[0].get("href") if links else None, site_url)
    published = _moment(element.findtext(f"{ATOM}published") or element.findtext(f"{ATOM}updated"), iso=True)
    content = element.findtext(f"{ATOM}content") or element.findtext(f"{ATOM}summary") or ""
    summary = element.findtext(f"{ATOM}summary") or ""
    categories = [c.get("term") for c in element.findall(f"{ATOM}category")]
    return _article(element.findtext(f"{ATOM}title"), address, published, summary, content, categories)


def _rss_item(element, site_url: str) -> MemberArticle | None:
    address = safe_link(element.findtext("link") or element.findtext("guid"), site_url)
    published = _moment(element.findtext("pubDate"), iso=False)
    description = element.findtext("description") or ""
    content = element.findtext(CONTENT) or description
    categories = [c.text for c in element.findall("category")]
    return _article(element.findtext("title"), address, published, description, content, categories)


def _article(title, address, published, summary, content, categories) -> MemberArticle | None:
    title = clean_text(title, 300)
    if not title or address is None or published is None:
        return None
    html = clean_html(content, address)
    text = plain_text(clean_html(summary, address)) or plain_text(html)
    return MemberArticle(title, address, published, text, html,
                         tuple(dict.fromkeys(clean_text(c, 80) for c in categories if c and clean_text(c, 80))))


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _moment(text: str | None, iso: bool) -> datetime | None:
    """An entry's date, Vietnam time when it says no zone; None when it cannot be read or lies outside 1945–2099."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip()) if iso else parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        try:
            moment = datetime.combine(date.fromisoformat(text.strip()[:10]), time())
        except ValueError:
            return None
    if not 1945 <= moment.year <= 2099:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=VN_TZ)).astimezone(VN_TZ)

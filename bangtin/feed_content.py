"""Feed items: one published article or plan as a portal reads it, with every address absolute.

Bodies come rendered by MkDocs, with links relative to their page; here they are made absolute
with lxml, the heading permalinks ("¶") are dropped, and the text is NFC with no XML-forbidden
characters. Nothing here reads the clock: an item depends only on the content and the built files.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import builder as E
from lxml.html.defs import link_attrs

from .dates import VN_TZ, dmy
from .filters import filesize
from .models import Asset, Plan, Post
from .site import Site
from .text import nfc, squash_spaces

SUMMARY_LENGTH = 300
#: The attributes that hold an address (lxml's own list, as ``make_links_absolute`` has it), and ``srcset``.
_LINK_ATTRIBUTES = frozenset(name for name in link_attrs if ":" not in name)
_LINKED = etree.XPath(f"descendant-or-self::*[{' or '.join(f'@{name}' for name in sorted(_LINK_ATTRIBUTES))} or @srcset]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MEDIA_TYPES = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif",
    "avif": "image/avif", "pdf": "application/pdf", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "mp4": "video/mp4", "mp3": "audio/mpeg", "zip": "application/zip",
}


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


@dataclass(frozen=True)
class Item:
    """What every feed says about one article or plan."""

    url: str
    title: str
    published: datetime
    summary: str
    content: str
    categories: tuple[tuple[str, str | None], ...]
    author: str | None = None
    enclosure: Enclosure | None = None


def build_item(record: Post | Plan, site: Site, contents: dict[str, str], site_dir: Path) -> Item:
    if isinstance(record, Plan):
        return build_plan_item(record, site, contents, site_dir)
    return build_post_item(record, site, contents, site_dir)


def build_post_item(post: Post, site: Site, contents: dict[str, str], site_dir: Path) -> Item:
    base = site.settings.site_url + post.url
    body = absolute_html(contents.get(post.url, ""), base)
    enclosure = build_enclosure(site.settings.site_url, post.url, post.image, site_dir) if post.image else None
    cover = _html(E.P(E.IMG(src=enclosure.url, alt=clean(post.title)))) if enclosure else ""
    categories = tuple(
        (name, site.settings.site_url + category.url if (category := site.settings.category(name)) else None)
        for name in post.categories
    ) + tuple((tag, None) for tag in post.tags)
    return Item(
        url=base, title=clean(post.title), published=post.date.astimezone(VN_TZ),
        summary=clean(post.summary) if post.summary else plain_text(body), content=cover + body,
        categories=categories, author=clean(post.author) if post.author else None, enclosure=enclosure,
    )


def build_plan_item(plan: Plan, site: Site, contents: dict[str, str], site_dir: Path) -> Item:
    base = site.settings.site_url + plan.url
    files = [build_enclosure(site.settings.site_url, plan.url, asset, site_dir) for asset in plan.attachments]
    body = absolute_html(contents.get(plan.url, ""), base)
    if files:
        items = [
            E.LI(E.A(asset.name, href=file.url), f" ({asset.extension}, {filesize(file.length)})")
            for asset, file in zip(plan.attachments, files)
        ]
        body += _html(E.H2("Tệp đính kèm")) + _html(E.UL(*items))
    movements = [site.settings.movement(key) for key in plan.movements]
    categories = ((plan.type, None), *((m.name, site.settings.site_url + m.url) for m in movements if m))
    return Item(
        url=base, title=clean(f"[{plan.label}] {plan.title}"), published=plan_moment(plan),
        summary=plan_summary(plan), content=body, categories=tuple(categories),
        author=clean(plan.issuer), enclosure=files[0] if files else None,
    )


def plan_summary(plan: Plan) -> str:
    """The line Vietnamese document portals print: "Ngày ban hành: 28/11/2025. Trích yếu: …"."""
    issued = dmy(plan.issued) if plan.issued else "chưa ghi"
    parts = [f"Ngày ban hành: {issued}.", f"Trích yếu: {plan.title.rstrip('. ')}."]  # the title is the trích yếu
    parts += [f"Loại văn bản: {plan.type}.", f"Cơ quan ban hành: {plan.issuer}."]
    if plan.summary:
        parts.append(plan.summary)
    return clean(" ".join(parts))


def plan_moment(plan: Plan) -> datetime:
    """A plan is dated by its ngày ban hành, at midnight Vietnam time."""
    day: date = plan.sort_key[0]
    return datetime.combine(day, time(), VN_TZ)


def build_enclosure(site_url: str, page_url: str, asset: Asset, site_dir: Path) -> Enclosure:
    """A published file: its absolute address, its size as built (as read, if not built) and its media type."""
    built = site_dir / page_url / asset.rel
    length = built.stat().st_size if built.is_file() else asset.size
    return Enclosure(site_url + page_url + asset.rel, length, media_type(asset.name))


def media_type(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    known = _MEDIA_TYPES.get(extension)
    return known or _builtin_types().guess_type("file." + extension, strict=False)[0] or "application/octet-stream"


@cache
def _builtin_types() -> mimetypes.MimeTypes:
    """Python's own table, not the machine's: the same bytes everywhere (built on first use)."""
    return mimetypes.MimeTypes(filenames=())


def absolute_html(html: str, base: str) -> str:
    """The HTML with every link and image source absolute against ``base`` (the page's own address)."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(clean(html), create_parent="div")
    for anchor in root.find_class("headerlink"):
        anchor.drop_tree()
    for element in _LINKED(root):  # make_links_absolute would visit every element from Python: slower by half
        for name, value in element.items():
            if name == "srcset":
                element.set(name, _absolute_srcset(value, base))
            elif name in _LINK_ATTRIBUTES:
                element.set(name, urljoin(base, value.strip()))
    inner = lxml.html.tostring(root, encoding="unicode", method="html")
    return inner[len("<div>"):-len("</div>")].strip()


def plain_text(html: str, limit: int = SUMMARY_LENGTH) -> str:
    """A plain-text excerpt of rendered HTML, cut at a word."""
    if not html.strip():
        return ""
    text = squash_spaces(lxml.html.fragment_fromstring(html, create_parent="div").text_content())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def clean(text: str) -> str:
    """NFC, without the control characters XML cannot carry."""
    return _NOT_XML.sub("", nfc(text))


def _absolute_srcset(value: str, base: str) -> str:
    candidates = [part.strip().split(None, 1) for part in value.split(",") if part.strip()]
    return ", ".join(" ".join([urljoin(base, c[0]), *c[1:]]) for c in candidates)


def _html(element) -> str:
    return lxml.html.tostring(element, encoding="unicode", method="html")

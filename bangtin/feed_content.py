"""Feed items: what a portal reads of one record, and the helpers the kinds build them with.

Bodies come rendered by MkDocs, with links relative to their page; here they are made absolute
with lxml, the heading permalinks ("¶") are dropped, and the text is NFC with no XML-forbidden
characters. Nothing here reads the clock: an item depends only on the content and the built files.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import builder as E  # noqa: N812
from lxml.html.defs import link_attrs

from .filters import filesize
from .models import Asset
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


def build_enclosure(site_url: str, page_url: str, asset: Asset, site_dir: Path) -> Enclosure:
    """A published file: its absolute address, its size as built (as read, if not built) and its media type."""
    built = site_dir / page_url / asset.rel
    length = built.stat().st_size if built.is_file() else asset.size
    return Enclosure(site_url + page_url + asset.rel, length, media_type(asset.name))


def attachments_html(assets: tuple[Asset, ...], files: list[Enclosure]) -> str:
    """"Tệp đính kèm" and a list of the files with their type and size, for an item's content ("" without files)."""
    if not files:
        return ""
    items = [E.LI(E.A(asset.name, href=file.url), f" ({asset.extension}, {filesize(file.length)})")
             for asset, file in zip(assets, files)]
    return html_of(E.H2("Tệp đính kèm")) + html_of(E.UL(*items))


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
    """A plain-text excerpt of rendered HTML, at most ``limit`` characters, cut at a word and ending in "…"."""
    if not html.strip():
        return ""
    text = squash_spaces(lxml.html.fragment_fromstring(html, create_parent="div").text_content())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def clean(text: str) -> str:
    """NFC, without the control characters XML cannot carry."""
    return _NOT_XML.sub("", nfc(text))


def _absolute_srcset(value: str, base: str) -> str:
    candidates = [part.strip().split(None, 1) for part in value.split(",") if part.strip()]
    return ", ".join(" ".join([urljoin(base, c[0]), *c[1:]]) for c in candidates)


def html_of(element) -> str:
    """An lxml element as HTML text."""
    return lxml.html.tostring(element, encoding="unicode", method="html")

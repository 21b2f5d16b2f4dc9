"""Other sites' data is untrusted: XML without entities or DTDs, HTML through nh3, links only http and https.

nh3 binds ammonia (Rust), a maintained allow-list sanitizer: what is not on the list below (scripts, styles, event
handlers, iframes, forms, images, which would load from the member's origin) does not reach the hub's pages or
feeds. libxml2 refuses an entity-expansion bomb ("billion laughs") before it costs anything, and never reads an
external entity or DTD with these options.
"""

from __future__ import annotations

import html
from urllib.parse import urljoin, urlsplit

import lxml.html
import nh3
from lxml import etree

from ..text import nfc, squash_spaces

ALLOWED_TAGS = frozenset({
    "p", "br", "a", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
    "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "code", "pre",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
_BLOCKS = ("p", "br", "li", "h2", "h3", "h4", "tr", "td", "th", "blockquote", "figcaption", "pre")
SCHEMES = frozenset({"http", "https"})
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)


class UntrustedDataError(ValueError):
    """A member's file that cannot be read safely; the message is Vietnamese."""


def parse_xml(data: bytes) -> etree._Element:
    """The root of an XML document; entities are never expanded, and a document that tries is refused."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise UntrustedDataError(f"XML không hợp lệ ({error.msg})") from None


def safe_link(value: str | None, base: str) -> str | None:
    """An absolute http(s) address, or None (``javascript:``, ``data:`` and the like are dropped)."""
    if not value:
        return None
    address = urljoin(base, value.strip())
    parts = urlsplit(address)
    return address if parts.scheme in SCHEMES and parts.netloc else None


def clean_html(html: str, base: str) -> str:
    """A member's HTML reduced to text, lists, tables and http(s) links (absolute against ``base``)."""
    if not html.strip():
        return ""
    return nh3.clean(
        nfc(html), tags=set(ALLOWED_TAGS), attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(SCHEMES), link_rel="noopener noreferrer nofollow", strip_comments=True,
        attribute_filter=lambda tag, name, value: (safe_link(value, base) if name == "href" else value),
    )


def plain_text(html: str, limit: int = 300) -> str:
    """The visible words of already cleaned HTML, cut at a word near ``limit`` characters."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter(*_BLOCKS):  # "<p>a</p><p>b</p>" reads "a b", not "ab"
        element.tail = " " + (element.tail or "")
    text = squash_spaces(root.text_content())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def clean_text(value: object, limit: int = 500) -> str:
    """A member's plain-text field: NFC, no markup (a tag and a script's text are dropped; templates escape the
    rest), no control characters, spaces squashed, bounded in length."""
    text = nfc(str(value or ""))
    if "<" in text:
        text = html.unescape(nh3.clean(text, tags=set()))
    text = squash_spaces("".join(ch for ch in text if ch >= " " or ch in "\t\n"))
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"

"""Videos and maps pasted into a post, kept private: nothing reaches YouTube, Facebook or Google before a tap.

A clerk pastes the ``<iframe>`` a video site offers, or just the video's link on a line of its own. An iframe makes
every reader's browser contact that company as the page loads; so known video and map embeds become a facade
(``bangtin/partials/embed.html``: the title, a local placeholder, a button) that loads the player only when the
reader taps it. Any other third-party iframe, and any ``<script>``, is refused when the content is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from lxml import etree
from lxml import html as lhtml

EMBED_TEMPLATE = "bangtin/partials/embed.html"
_IFRAME = re.compile(r"<iframe\b[^>]*>(?:\s*</iframe>)?", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
#: A paragraph holding only a link: the URL as text (Markdown leaves a bare URL as it is), or an autolink of it.
_LINK_PARAGRAPH = re.compile(r"<p>\s*(?:<a href=\"(?P<href>https?://[^\"]+)\">[^<]*</a>|(?P<text>https?://\S+))\s*</p>")
#: The titles video sites put on their players, which say nothing about the video.
_PLAYER_TITLES = frozenset({"youtube video player", "facebook video", "video"})
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


@dataclass(frozen=True)
class Embed:
    """A player to load on a tap: where from, what to call it, and a link to open it at its home instead."""

    provider: str
    src: str
    link: str
    title: str
    kind: str = "video"


def embed_problems(body: str) -> list[tuple[int, str]]:
    """(line in the body, Vietnamese message) for each ``<script>`` and each iframe that would call a third party."""
    found = []
    for number, line in enumerate(body.split("\n"), start=1):
        if _SCRIPT.search(line):
            found.append((number, "bài có thẻ <script>: mã chạy trên máy của phụ huynh không được phép trong nội dung; "
                                  "hãy xóa đoạn mã (video YouTube, Facebook: chỉ cần dán đường link trên một dòng riêng)"))
        for match in _IFRAME.finditer(line):
            src = _attribute(match.group(0), "src")
            if src and embed_of(src, "") is None and urlsplit(src).scheme in ("http", "https"):
                host = urlsplit(src).hostname or src
                found.append((number, f"khung nhúng từ “{host}” làm trình duyệt của mọi phụ huynh gửi yêu cầu tới đó; "
                                      "chỉ nhúng được video YouTube, Facebook và bản đồ Google (hiện thành ô bấm để xem), "
                                      "hãy xóa khung này hoặc thay bằng một đường link"))
    return found


def embed_of(url: str, title: str) -> Embed | None:
    """The facade of a known video or map address (an iframe's ``src`` or a video's page), else None."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host in ("youtube.com", "youtube-nocookie.com", "youtu.be"):
        video = _youtube_id(host, parts.path, parse_qs(parts.query))
        if video:
            return Embed("YouTube", f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1",
                         f"https://www.youtube.com/watch?v={video}", title or "Video trên YouTube")
    if host == "facebook.com" and parts.path.startswith("/plugins/video.php"):
        page = parse_qs(parts.query).get("href", [""])[0]
        return Embed("Facebook", url, page or url, title or "Video trên Facebook")
    if host in ("facebook.com", "fb.watch") and (host == "fb.watch" or "/videos/" in parts.path or parts.path == "/watch/"):
        return Embed("Facebook", f"https://www.facebook.com/plugins/video.php?href={quote(url, safe='')}&show_text=false",
                     url, title or "Video trên Facebook")
    if host in ("google.com", "maps.google.com") and parts.path.startswith("/maps/embed"):
        return Embed("Google Maps", url, url.replace("/maps/embed", "/maps", 1), title or "Bản đồ", kind="map")
    return None


def rewrite_embeds(html: str, render: Callable[[Embed], str]) -> str:
    """Replace each known iframe, and each paragraph holding only a video's link, by ``render(embed)`` (a template)."""
    if "<iframe" not in html and "://" not in html:
        return html

    def iframe(match: re.Match[str]) -> str:
        tag = match.group(0)
        title = _attribute(tag, "title") or ""
        embed = embed_of(_attribute(tag, "src") or "", "" if title.casefold() in _PLAYER_TITLES else title)
        return render(embed) if embed else tag

    def paragraph(match: re.Match[str]) -> str:
        embed = embed_of(match.group("href") or match.group("text"), "")
        return render(embed) if embed and embed.kind == "video" else match.group(0)

    return _LINK_PARAGRAPH.sub(paragraph, _IFRAME.sub(iframe, html))


def _youtube_id(host: str, path: str, query: dict[str, list[str]]) -> str | None:
    if host == "youtu.be":
        candidate = path.strip("/").split("/")[0]
    elif path.startswith(("/embed/", "/shorts/", "/live/")):
        candidate = path.split("/")[2]
    else:
        candidate = query.get("v", [""])[0] if path == "/watch" else ""
    return candidate if _YOUTUBE_ID.match(candidate) else None


def _attribute(tag: str, name: str) -> str | None:
    try:
        element = lhtml.fragment_fromstring(tag if tag.rstrip().endswith("</iframe>") else tag + "</iframe>")
    except (etree.ParserError, ValueError):  # broken markup: the tag is left as it is
        return None
    return element.get(name)

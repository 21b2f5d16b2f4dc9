"""Helpers for the feed tests: find and read a built site's feeds, its pages' listings, and run newsboat."""

from __future__ import annotations

import functools
import os
import re
import shutil
import sqlite3
import subprocess
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from lxml import etree
from lxml import html as lhtml

from bangtin.check import load_config

ARTICLE = re.compile(r"/tin-tuc/\d{4}/\d{2}/[^/]+/$")
PLAN = re.compile(r"/ke-hoach/\d{4}/[^/]+/$")
NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/"}


def site_url(root: Path) -> str:
    """The school's ``site_url``, with its trailing slash."""
    return str(load_config(root)["site_url"]).rstrip("/") + "/"


def feed_items(root: Path) -> int:
    """How many items a feed carries (``extra.bangtin.feeds.items``, default 30)."""
    bangtin = (load_config(root).get("extra") or {}).get("bangtin") or {}
    return int((bangtin.get("feeds") or {}).get("items", 30))




def feed_files(site: Path) -> list[Path]:
    """Every feed of a built site (the XML files other than sitemaps)."""
    return sorted(p for p in site.rglob("*.xml") if not p.name.startswith("sitemap"))


def local_file(site: Path, url: str, base: str) -> Path:
    """The built file an absolute address of the site points at."""
    assert url.startswith(base), url
    rel = url[len(base):].split("#", 1)[0]
    path = site / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


def parse_feed(path: Path) -> feedparser.FeedParserDict:
    return feedparser.parse(path.read_bytes())


def feed_links(path: Path) -> list[str]:
    return [entry.link for entry in parse_feed(path).entries]


def page_links(site: Path, page: str, base: str, pattern: re.Pattern) -> list[str]:
    """Absolute addresses of the page's links that match ``pattern``, in document order, each once."""
    document = lhtml.fromstring((site / page / "index.html").read_bytes())
    content = document.xpath("//article") or [document]
    links = [urljoin(base + page, href) for href in content[0].xpath(".//a/@href")]
    return list(dict.fromkeys(link for link in links if pattern.search(link)))


def news_index_links(site: Path, base: str) -> list[str]:
    """The article links of the paginated news index, page after page."""
    links = page_links(site, "tin-tuc/", base, ARTICLE)
    number = 2
    while (site / f"tin-tuc/trang/{number}/index.html").is_file():
        links += page_links(site, f"tin-tuc/trang/{number}/", base, ARTICLE)
        number += 1
    return list(dict.fromkeys(links))


def xml_root(path: Path) -> etree._Element:
    """The feed as XML; raises if it is not well-formed."""
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))


@contextmanager
def serve(folder: Path):
    """A static HTTP server on 127.0.0.1 (a free port) for ``folder``; yields its base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


def newsboat() -> str | None:
    return shutil.which("newsboat") or (str(Path("/usr/bin/newsboat")) if Path("/usr/bin/newsboat").exists() else None)


def newsboat_items(program: str, url: str, home: Path) -> tuple[list[dict], str]:
    """Load one feed into a fresh newsboat cache, non-interactively; return its items and its error log."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "urls").write_text(url + "\n", encoding="utf-8")
    (home / "config").write_text(f'error-log "{home / "error.log"}"\n', encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    command = [program, "-u", str(home / "urls"), "-c", str(home / "cache.db"), "-C", str(home / "config"),
               "-x", "reload"]
    subprocess.run(command, env=env, cwd=home, capture_output=True, timeout=120, check=True, stdin=subprocess.DEVNULL)
    with sqlite3.connect(home / "cache.db") as db:
        db.row_factory = sqlite3.Row
        rows = [dict(row) for row in db.execute("SELECT title, url, guid, pubDate, feedurl FROM rss_item")]
    log = home / "error.log"
    return rows, log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""

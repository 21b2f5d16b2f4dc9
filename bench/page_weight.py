"""Page weight on a phone: what an article with six phone photos transfers before the reader scrolls.

Run on demand (the browser test ``tests/browser/test_page_weight.py`` asserts the same figure)::

    python bench/page_weight.py                      # builds the budget article, prints total and breakdown
    python bench/page_weight.py --site site --page tin-tuc/2025/12/be-vui-ngay-hoi-stem/   # any built site

The budget article has a cover and five photos in its body, every one a 4032×3024 phone JPEG of 3–5 MB
(noise over gradients and shapes, so it compresses like a real photo, not like a flat test card). The
site is served as GitHub Pages serves it: text types gzipped when the browser accepts gzip, images as
they are (:class:`PagesHandler`). Chromium opens it as a 412×915 phone at device pixel ratio 2.6, waits
until the network is idle, and never scrolls; every response's transferred bytes (headers and encoded
body, from Playwright's ``Request.sizes()``, which also sees the search worker's requests) are added up.

Budget: :data:`BUDGET` bytes (600 KB).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import os
import random
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]

#: At most 600 KB before scrolling, on a phone.
BUDGET = 600 * 1000
PHONE = {"viewport": {"width": 412, "height": 915}, "device_scale_factor": 2.6, "is_mobile": True,
         "has_touch": True, "locale": "vi-VN"}
ARTICLE_URL = "tin-tuc/2026/01/sau-anh-ngay-hoi/"

#: Types GitHub Pages compresses (text); images, fonts in woff2 and archives go as they are.
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "application/rss+xml",
              "application/atom+xml", "image/svg+xml", "application/manifest+json")


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that answers like GitHub Pages: gzip for text when accepted, 404.html for misses."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript", ".json": "application/json", ".webp": "image/webp",
        ".xml": "application/xml", ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                return None
        data = path.read_bytes()
        content_type = self.guess_type(str(path))
        compress = content_type.startswith(GZIP_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        sent = getattr(self.server, "sent", None)
        if sent is not None and self.command == "GET":
            sent[self.path.split("?", 1)[0]] = len(data)
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(data)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(data)


class PagesServer(http.server.ThreadingHTTPServer):
    """Keeps the body bytes it last sent for each path (``sent``)."""

    daemon_threads = True

    def __init__(self, site: Path) -> None:
        self.directory = Path(site)
        self.sent: dict[str, int] = {}
        super().__init__(("127.0.0.1", 0), lambda *args: PagesHandler(*args, directory=str(site)))

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):  # a browser hung up early
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


@contextlib.contextmanager
def serve(site: Path) -> Iterator[PagesServer]:
    """Serve ``site`` like GitHub Pages on 127.0.0.1 (a random port) from a thread; ``server.url`` is its address."""
    server = PagesServer(site)
    thread = threading.Thread(target=server.serve_forever, name=f"pages {site}", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- the budget article --------------------------------------------------------------------------


def phone_photo(path: Path, seed: int) -> Path:
    """A 4032×3024 JPEG of 3–5 MB that compresses like a detailed phone photo, at every size.

    Real photos have detail at every scale (a 1/f spectrum), so their resized variants stay large;
    plain pixel noise would average out when resized and flatter the budget. This is a gradient
    with soft coloured shapes under noise summed over six octaves (1/32 of the size up to the
    full size). Its 1080-px WebP is about 130 KB, like a busy photo of a classroom.
    """
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = 4032, 3024
    small = Image.new("RGB", (width // 8, height // 8))
    draw = ImageDraw.Draw(small)
    top = tuple(rng.randrange(60, 230) for _ in range(3))
    bottom = tuple(rng.randrange(20, 200) for _ in range(3))
    for y in range(small.height):
        t = y / small.height
        draw.line((0, y, small.width, y), fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    for _ in range(60):  # children, tables, toys
        x, y, r = rng.randrange(small.width), rng.randrange(small.height), rng.randrange(6, 90)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x - r, y - r, x + r, y + r // 2), fill=colour)
    image = small.resize((width, height), Image.Resampling.BICUBIC)
    texture = None
    for octave, scale in enumerate((32, 16, 8, 4, 2, 1)):
        layer = Image.effect_noise((width // scale, height // scale), 64).resize((width, height), Image.Resampling.BICUBIC)
        texture = layer if texture is None else Image.blend(texture, layer, 1 / (octave + 1))
    low, high = texture.getextrema()
    texture = texture.point(lambda v: (v - low) * 255 // max(1, high - low))
    colour_texture = Image.merge(
        "RGB", [texture, texture.rotate(180), texture.transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    )
    Image.blend(image, colour_texture, 0.8).save(path, "JPEG", quality=85)
    return path


ARTICLE = """Sáng 10/01/2026, các bé khối Lá hào hứng tham gia ngày hội trải nghiệm cùng thầy cô và cha mẹ.

Các con được tự tay làm thí nghiệm núi lửa, lắp robot dẫn đường và vẽ tranh bằng lá khô.

![Bé làm thí nghiệm núi lửa](anh-1.jpg)
![Bé lắp robot dẫn đường](anh-2.jpg)
![Bé vẽ tranh lá khô](anh-3.jpg)
![Cha mẹ cùng bé trải nghiệm](anh-4.jpg)
![](anh-5.jpg)

Nhà trường cảm ơn các bậc cha mẹ đã đồng hành cùng các con.
"""


def make_article_site(root: Path, site_url: str | None = None) -> Path:
    """A school whose newest article has a cover and five body photos from a phone; built into ``root/site``.

    Give the address the site will be served at as ``site_url``, so that what the page asks of its own
    site's address (Material fetches ``sitemap.xml`` beside the feeds) is served and counted, as once published.
    """
    sys.path.insert(0, str(REPO / "tests"))
    from sitebuild import BASE_CONFIG, front, make_site, run_mkdocs

    folder = "news/sau-anh"
    files: dict[str, str | bytes] = {
        "news/2026-01-10-sau-anh-ngay-hoi.md": front({
            "title": "Ngày hội trải nghiệm của bé khối Lá", "date": "2026-01-10 08:00",
            "summary": "Các bé khối Lá làm thí nghiệm, lắp robot và vẽ tranh cùng cha mẹ.",
            "categories": ["Tin tức"], "image": "sau-anh/anh-0.jpg",
        }, ARTICLE.replace("](anh-", "](sau-anh/anh-")),
    }
    make_site(root, files, {**BASE_CONFIG, "site_url": site_url} if site_url else None)
    (root / folder).mkdir(parents=True, exist_ok=True)
    for index in range(6):
        phone_photo(root / folder / f"anh-{index}.jpg", seed=index)
    build = run_mkdocs(root)
    if build.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{build.output}")
    return build.site


# -- measuring -----------------------------------------------------------------------------------


@dataclass
class Weight:
    """Bytes transferred for one page view, in all and by resource type."""

    total: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    requests: list[tuple[str, str, int]] = field(default_factory=list)
    """(resource type, address, bytes) of each response."""

    def add(self, kind: str, url: str, size: int) -> None:
        self.total += size
        self.by_type[kind] = self.by_type.get(kind, 0) + size
        self.requests.append((kind, url, size))

    def report(self) -> str:
        lines = [f"{self.total:>9,} B  total ({self.total / 1000:.0f} KB; budget {BUDGET / 1000:.0f} KB)"]
        lines += [f"{size:>9,} B  {kind}" for kind, size in sorted(self.by_type.items(), key=lambda kv: -kv[1])]
        lines += ["", "requests:"]
        lines += [f"{size:>9,} B  {kind:<10} {url}" for kind, url, size in self.requests]
        return "\n".join(lines)


def measure(browser: Any, url: str, sent: dict[str, int] | None = None) -> Weight:
    """Open ``url`` in a phone-sized context, wait for the network to go idle without scrolling, add up bytes.

    ``sent`` (:attr:`PagesServer.sent`) fills in the body of a worker's own script, for which Chromium
    reports no size.
    """
    context = browser.new_context(**PHONE)
    weight = Weight()
    finished: list[Any] = []
    try:
        page = context.new_page()
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)  # lazy photos are decided after layout; let any late request start
        page.wait_for_load_state("networkidle")
        for request in finished:
            sizes = request.sizes()
            body = sizes["responseBodySize"]
            if not body and sizes["responseHeadersSize"]:  # a worker's own script: Chromium reports no body
                body = (sent or {}).get("/" + request.url.split("/", 3)[-1].split("?", 1)[0], 0)
            weight.add(_kind(request), request.url, sizes["responseHeadersSize"] + body)
    finally:
        context.close()
    return weight


def _kind(request: Any) -> str:
    name = request.url.split("?", 1)[0].rsplit("/", 1)[-1]
    if request.resource_type in ("image", "stylesheet", "script", "document", "font"):
        return request.resource_type
    return "search" if name.endswith(".json") else request.resource_type


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build the budget article)")
    parser.add_argument("--page", default=None, help=f"the page's address in the site (default {ARTICLE_URL})")
    parser.add_argument("--requests", action="store_true", help="list every response")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="page-weight-") as scratch:
        root = Path(scratch) / "school"
        site = args.site or root / "site"
        with serve(site) as server, sync_playwright() as playwright:
            if not args.site:
                make_article_site(root, server.url)
            browser = launch(playwright)
            try:
                page = args.page if args.page is not None else ARTICLE_URL
                weight = measure(browser, server.url + page, server.sent)
            finally:
                browser.close()
    report = weight.report()
    print(report if args.requests else report.split("\n\nrequests:")[0])
    return 0 if weight.total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())

"""Member sites for hub tests and the hub benchmark: folders served over real HTTP on 127.0.0.1, one port each.

aiohttp's static files answer with ETag and Last-Modified and give 304 to a conditional request, as GitHub Pages
does. A site can be slow (it waits before answering) or missing (every address 404s); every request is counted, with
its answer's status, so a test can say what a fetch asked and received.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web


@dataclass
class MemberSite:
    folder: Path | None = None
    """None: a site that answers 404 to everything."""
    delay: float = 0.0
    down: bool = False
    """True: the site answers 503 (it was reachable before)."""
    port: int = 0
    statuses: Counter = field(default_factory=Counter)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


class MemberServer:
    """Serves ``sites`` until ``close()``; ``with MemberServer(sites):`` does both."""

    def __init__(self, sites: list[MemberSite]) -> None:
        self.sites = sites
        self._loop = asyncio.new_event_loop()
        self._runners: list[web.AppRunner] = []
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=60)

    async def _start(self) -> None:
        for site in self.sites:
            app = web.Application(middlewares=[_behaviour(site)])
            app.router.add_get("/{tail:.*}", _files(site))
            app.on_response_prepare.append(_counter(site))
            runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
            await runner.setup()
            tcp = web.TCPSite(runner, "127.0.0.1", 0)
            await tcp.start()
            site.port = tcp._server.sockets[0].getsockname()[1]
            self._runners.append(runner)

    def close(self) -> None:
        async def stop() -> None:
            for runner in self._runners:
                await runner.cleanup()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(timeout=60)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def __enter__(self) -> MemberServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _files(site: MemberSite):
    """The site's folder as GitHub Pages serves it (``index.html`` for a folder); read at each request, so a test
    can build a site after its address is known."""

    async def handler(request: web.Request) -> web.StreamResponse:
        if site.folder is None:
            raise web.HTTPNotFound()
        folder = site.folder.resolve()
        path = (folder / request.match_info["tail"]).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or folder not in path.parents:
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    return handler


def _behaviour(site: MemberSite):
    @web.middleware
    async def middleware(request: web.Request, handler):
        if site.delay:
            await asyncio.sleep(site.delay)
        if site.down:
            raise web.HTTPServiceUnavailable()
        return await handler(request)

    return middleware


def _counter(site: MemberSite):
    """Counts each answer as sent (a file's 304 is decided only when it is sent)."""

    async def count(request: web.Request, response: web.StreamResponse) -> None:
        site.statuses[response.status] += 1

    return count

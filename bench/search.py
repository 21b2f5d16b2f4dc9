"""Search benchmark: our search (Pagefind behind Material's box) against Material's own search on the same pages.

Run on demand, not in the test suite::

    python bench/search.py                          # N = 100, 500, 2000; 3 runs each
    python bench/search.py --sizes 2000 --runs 5

Method. For each N, ``synth.make_school(varied=True)`` writes a school whose text is recombined from every sentence
of the sample school's articles, plans and pages (and of the real plans in ``../shared`` when present), so index
sizes are a real school's, not a dozen repeated sentences'; ``synth.make_floor`` writes the same pages as a plain
Material site (Material's search, no hooks or templates of ours). Both are built with ``mkdocs build`` and served on
127.0.0.1 by aiohttp with gzip. Chromium (Debian's, headless, 412 × 915, a phone's user agent) opens the home page;
the main thread is slowed 4× (CDP ``Emulation.setCPUThrottlingRate``, which does not reach workers: their cost is
reported on its own, unthrottled). Then, as a parent does:

* **open → first result**: from the tap on the header's search button to the first ``.md-search-result__item``,
  the query "ke hoach" being pasted into the box right after the tap (one query, as a paste or dictation gives);
* **keystroke → update**: then " nam hoc" is typed key by key; for each key, the time from its keydown to the next
  change of the result list (median of the keys);
* **main thread**: the main thread's task time (CDP ``Performance.getMetrics`` TaskDuration) from the tap to the
  last update, throttled;
* **worker**: unthrottled time inside the search worker: setup (message SETUP → READY) and the median of its
  queries (QUERY → RESULT), seen from the main thread;
* **bytes**: the requests of search from the page's load on (Material's index, Pagefind's files, the worker
  scripts), transferred (gzip) for the pasted query alone and with the typed words, and decoded.

Each figure is the median of the runs (a fresh browser context each run, so nothing is cached).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

OUT = HERE / "out" / "search"
CHROMIUM = "/usr/bin/chromium"
QUERY = "ke hoach"
TYPED = " nam hoc"
BUILD_ENV = {"SOURCE_DATE_EPOCH": "1768438800", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
#: The requests of search, whenever they happen (Material's loads its index with the page, ours after the tap).
SEARCH_FILES = re.compile(r"/search/search_index\.json|/pagefind/|/workers/search|search-worker\.js|/lunr/")
PHONE = ("Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/120.0 Mobile Safari/537.36")

#: Installed before any page script: times the worker's messages and the result list's changes.
PROBE = """
(() => {
  const probe = window.__probe = { setup: null, ready: null, queries: [], answers: [], changes: [], keys: [] }
  const post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 0 && probe.setup === null) probe.setup = performance.now()
    if (message && message.type === 2) probe.queries.push(performance.now())
    return post.apply(this, arguments)
  }
  const Original = window.Worker
  function Probed(url, options) {
    const worker = new Original(url, options)
    worker.addEventListener("message", ev => {
      if (ev.data && ev.data.type === 1) probe.ready = performance.now()
      if (ev.data && ev.data.type === 3) probe.answers.push(performance.now())
    })
    return worker
  }
  Probed.prototype = Original.prototype
  window.Worker = Probed
  document.addEventListener("keydown", () => probe.keys.push(performance.now()), true)
  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search-result__list")
    if (list) new MutationObserver(() => probe.changes.push(performance.now())).observe(list, { childList: true })
  })
})()
"""


def build(root: Path) -> Path:
    site = root / "site"
    if site.exists():
        shutil.rmtree(site)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=root, check=True,
                   env={**os.environ, **BUILD_ENV}, stderr=subprocess.DEVNULL)
    return site


def prepare(n: int) -> dict[str, Path]:
    school = synth.make_school(OUT / f"n{n}" / "school", n, varied=True)
    floor = synth.make_floor(school, OUT / f"n{n}" / "floor")
    return {"ours": build(school.root), "floor": build(floor)}


class GzipServer:
    """A static server on 127.0.0.1 that gzips text responses, as GitHub Pages does."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.port = 0
        threading.Thread(target=self._run, daemon=True).start()
        self.ready.wait()

    def _run(self) -> None:
        from aiohttp import web

        async def handle(request: web.Request) -> web.StreamResponse:
            path = (self.root / request.path.lstrip("/")).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file() or self.root.resolve() not in path.parents:
                return web.Response(status=404)
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            headers = {"Content-Type": kind, "Cache-Control": "no-cache"}
            if "gzip" in request.headers.get("Accept-Encoding", "") and not path.suffix in (".jpg", ".webp", ".png"):
                body = gzip.compress(body, 6)
                headers["Content-Encoding"] = "gzip"
            return web.Response(body=body, headers=headers)

        async def start() -> None:
            app = web.Application()
            app.router.add_route("GET", "/{tail:.*}", handle)
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self.ready.set()

        self.loop.run_until_complete(start())
        self.loop.run_forever()


def measure(browser: Any, base: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2.6, user_agent=PHONE, locale="vi-VN")
    context.add_init_script(PROBE)
    page = context.new_page()
    sizes: list[tuple[int, int]] = []

    def finished(request: Any) -> None:
        response = request.response()
        if response is not None and SEARCH_FILES.search(request.url):
            sizes.append((request.sizes()["responseBodySize"], len(response.body())))

    page.on("requestfinished", finished)
    page.goto(base, wait_until="networkidle")
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    busy0 = _task_duration(cdp)
    tap = page.evaluate("performance.now()")
    page.tap("label.md-header__button[for='__search']")
    box = page.locator("input[data-md-component=search-query]")
    box.fill(QUERY)
    box.dispatch_event("keyup")
    page.wait_for_selector(".md-search-result__item", timeout=120_000)
    first = page.evaluate("performance.now()")
    page.wait_for_timeout(1000)  # the rest of the first query's results (loaded once typing has paused)
    pasted = list(sizes)
    updates = []
    for key in TYPED:
        changes = page.evaluate("window.__probe.changes.length")
        box.press(key)
        page.wait_for_function("n => window.__probe.changes.length > n", arg=changes, timeout=120_000)
        page.wait_for_timeout(50)
        probe = page.evaluate("window.__probe")
        pressed = probe["keys"][-1]
        updates.append(min(t for t in probe["changes"][changes:] if t >= pressed) - pressed)
    page.wait_for_timeout(500)  # the last requests of the last query
    busy = _task_duration(cdp) - busy0
    probe = page.evaluate("window.__probe")
    context.close()
    # each query's first answer before the next query (ours answers twice, or never when a newer query overtakes it)
    queries = probe["queries"]
    pairs = []
    for index, query in enumerate(queries):
        following = queries[index + 1] if index + 1 < len(queries) else float("inf")
        answers = [answer for answer in probe["answers"] if query <= answer < following]
        if answers:
            pairs.append(answers[0] - query)
    return {
        "first": first - tap,
        "update": statistics.median(updates),
        "busy": busy * 1000,
        "setup": (probe["ready"] - probe["setup"]) if probe["ready"] and probe["setup"] else float("nan"),
        "query": statistics.median(pairs) if pairs else float("nan"),
        "pasted": sum(size for size, _ in pasted),
        "transferred": sum(size for size, _ in sizes),
        "decoded": sum(size for _, size in sizes),
    }


def _task_duration(cdp: Any) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return float(metrics["TaskDuration"])


def run(sizes: list[int], runs: int) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for n in sizes:
            print(f"N = {n}: writing and building …", flush=True)
            sites = prepare(n)
            for variant, site in sites.items():
                server = GzipServer(site)
                base = f"http://127.0.0.1:{server.port}/"
                results = [measure(browser, base) for _ in range(runs)]
                row = {"n": n, "variant": variant,
                       **{key: statistics.median(r[key] for r in results) for key in results[0]}}
                rows.append(row)
                print(_line(row), flush=True)
        browser.close()
    return rows


HEADER = ("| N | search | transferred: query | transferred: + typing | decoded: + typing | open → first result "
          "| keystroke → update | main thread (4×) | worker setup | worker query |\n"
          "|---|---|---|---|---|---|---|---|---|---|")


def _line(row: dict[str, Any]) -> str:
    name = {"ours": "Bảng tin (Pagefind)", "floor": "Material (lunr)"}[row["variant"]]
    return (f"| {row['n']} | {name} | {row['pasted'] / 1024:,.0f} KB | {row['transferred'] / 1024:,.0f} KB "
            f"| {row['decoded'] / 1024:,.0f} KB "
            f"| {row['first'] / 1000:.2f} s | {row['update']:.0f} ms | {row['busy'] / 1000:.2f} s "
            f"| {row['setup']:.0f} ms | {row['query']:.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = run(args.sizes, args.runs)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print()
    print(HEADER)
    for row in rows:
        print(_line(row))


if __name__ == "__main__":
    main()

"""Shared helpers for browser tests: Debian's Chromium through Playwright, a static server, site builds.

Fixtures:

* ``browser``: a headless Chromium from ``/usr/bin/chromium`` (never a downloaded browser), one per
  session. Without that binary the test is skipped, unless the environment variable ``CI`` is set:
  in CI a missing browser is an error.
* ``serve_dir``: ``serve_dir(path) -> base_url`` serves a folder on 127.0.0.1 at a random port
  from a thread; every server stops when the test ends.
* ``build_site``: ``build_site(config, pages, assets) -> site_dir`` writes a tiny MkDocs project
  into a temporary folder and runs the real ``mkdocs build`` on it; :func:`build_site_at` does
  the same into a given folder, for module-scoped fixtures.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_missing_reason() -> str | None:
    """Why browser tests cannot run here, or None when they can (or must: in CI)."""
    if CHROMIUM.exists() or os.environ.get("CI"):
        return None
    return f"{CHROMIUM} is not installed (install Debian's chromium; browser tests must run in CI)"


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Any]:
    reason = chromium_missing_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Any) -> Iterator[Any]:
    """Headless Chromium from /usr/bin/chromium with the project's standard flags."""
    instance = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield instance
    instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".webp": "image/webp",
    }

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture
def serve_dir() -> Iterator[Callable[[Path], str]]:
    """``serve_dir(path)`` → ``http://127.0.0.1:<port>/``; the servers stop after the test."""
    servers: list[tuple[http.server.ThreadingHTTPServer, threading.Thread]] = []

    def serve(path: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(path))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, name=f"serve {path}", daemon=True)
        thread.start()
        servers.append((server, thread))
        host, port = server.server_address[:2]
        return f"http://{host}:{port}/"

    yield serve
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def build_site_at(
    project: Path,
    config: Mapping[str, Any],
    pages: Mapping[str, str],
    assets: Mapping[str, Path] | None = None,
) -> Path:
    """Write a tiny MkDocs project into ``project`` and build it with the real ``mkdocs build --strict``.

    ``config`` is the mkdocs.yml content (``docs_dir`` and ``site_dir`` are set here), ``pages``
    maps paths under docs/ to Markdown, ``assets`` maps paths under docs/ to files to copy.
    Returns the built site folder.
    """
    docs = project / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    for name, source in (assets or {}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, docs / name)
    site = project / "site"
    config_file = project / "mkdocs.yml"
    settings = {**config, "docs_dir": str(docs), "site_dir": str(site)}
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Path]:
    """``build_site(config, pages, assets=None) -> site_dir``, see :func:`build_site_at`."""

    def build(
        config: Mapping[str, Any],
        pages: Mapping[str, str],
        assets: Mapping[str, Path] | None = None,
    ) -> Path:
        return build_site_at(tmp_path / "project", config, pages, assets)

    return build

"""Search for a school with years of news: Pagefind behind Material's search box.

Material's own search downloads the whole index (13 MB decoded at 2,000 articles) and builds a lunr index from it in
a worker before the first result. Pagefind splits its index into fragments and a query downloads only the fragments
it needs. Parents keep Material's interface (the search button, the box, the result list): the browser script
``search.js`` points Material at our worker ``search-worker.js``, which answers Material's worker messages with
Pagefind's results.

* :class:`MaterialIndex` stands in for the index of Material's search plugin and gives Material an index of
  settings alone, so Material neither parses every page nor writes megabytes of JSON that no one downloads;
* once MkDocs has rendered every page's Markdown (``on_env``), :func:`start_search` renders each page Material
  would index (:func:`search_page`: not drafts, not ``search: exclude`` pages) as a small document
  (``bangtin/search-page.html``: the title as ``<h1>``, then the page's content) and starts Pagefind's command on
  them, into ``pagefind/``, while MkDocs renders the theme around the pages. Pagefind reads the HTML itself: it
  weighs headings, finds sections by their anchors and leaves out what Material's ``data-search-exclude`` marks.
  The bundle is kept in ``.cache/bangtin/search``: the next build with the same documents copies it.

Pagefind matches across diacritics ("ke hoach" finds "Kế hoạch", exact diacritics rank first), but only for marks
that Unicode decomposes: "đ" is a letter of its own, so "doi" would never find "Đổi". :func:`index_text` therefore
writes "đ" as "d" followed by :data:`STROKE`, a combining mark Pagefind drops from the words it indexes; the worker
writes "đ" as "d" in the query and turns :data:`STROKE` back into "đ" in what it shows.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from pagefind_bin import get_executable

from .text import nfc

#: Word separator for the search tokenizer, used by Material's page highlighter (JavaScript ``RegExp``).
#: It splits at white space, dashes, slashes, brackets, quotes and other punctuation, at HTML entities such as
#: ``&amp;``, and at dots not followed by a digit ("2.5" stays one word). Material's highlighter splits this
#: pattern at every ``|``, so ``|`` appears only between top-level alternatives.
_SEPARATOR_CHARACTERS = "\\s\\-–—/_,;:!?=\\[\\](){}\"'`“”‘’«»…·•%"
SEPARATOR = f"[{_SEPARATOR_CHARACTERS}]+|\\.(?!\\d)|&#?[0-9A-Za-z]+;"

#: Lunr's pipeline for Vietnamese: the stop-word filter only (no stemmer or trimmer), as Material reads it for
#: Vietnamese from its language templates.
PIPELINE = ["stopWordFilter"]

#: COMBINING SHORT STROKE OVERLAY: "đ" is indexed as "d" + STROKE, so that a folded query finds it.
STROKE = "\u0335"

#: What Material's search leaves out of a page (attr_list ``{ data-search-exclude }``), Pagefind leaves out too.
EXCLUDED = "[data-search-exclude]"

#: Pagefind's bundle, relative to the site root.
PAGEFIND_DIR = "pagefind"

#: Where the last bundle is kept between builds, relative to the school's folder.
SEARCH_CACHE = Path(".cache") / "bangtin" / "search"

#: Word positions per index chunk (Pagefind's default: 20,000). Vietnamese is written in syllables, and the
#: common ones ("kế", "hoạch", "học", "năm") each sit on most pages of a school: with the default, a query for
#: "ke hoach" at 2,000 articles downloads three chunks of 100 to 350 KB, mostly other words' positions. With 300,
#: a common syllable has a chunk of its own and the query downloads about 170 KB in all (bench/search.py).
#: Pagefind reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (its option of the pinned 1.5.2).
INDEX_CHUNK = 300

#: The Pagefind that makes the bundle (its version is part of a cached bundle's key).
PAGEFIND_VERSION = metadata.version("pagefind-bin")

#: The template that renders one page for Pagefind (in ``overrides/``).
PAGE_TEMPLATE = "bangtin/search-page.html"

#: What Pagefind writes that the site never serves: its own search interfaces (we keep Material's).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
           "pagefind-worker.js")  # Pagefind runs inside our worker, which has no worker of its own


@dataclass(frozen=True)
class SearchPage:
    """One page to index: its address (relative to the site root), title and content (HTML, as MkDocs rendered
    the Markdown, before the theme)."""
    url: str
    title: str
    html: str


class MaterialIndex:
    """Put in place of ``SearchIndex`` in Material's search plugin (same constructor, same two methods): Pagefind
    reads the pages (:func:`start_search`), so Material neither parses them nor writes megabytes of JSON that no one
    downloads; its ``search_index.json`` holds only the settings (its page highlighter reads the separator)."""

    def __init__(self, **config: Any) -> None:
        self.config = config

    def add_entry_from_context(self, page: Any) -> None:
        """Nothing: the page reaches Pagefind through :func:`search_page`."""

    def generate_search_index(self, prev: MaterialIndex | None) -> str:
        config = {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields") if key in self.config}
        return json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"), default=str)


def install_search(plugin: Any) -> str | None:
    """Put :class:`MaterialIndex` in Material's search plugin (after its ``on_config``) and return the search
    language; None when the site has no Material search."""
    index = getattr(plugin, "search_index", None)
    if index is None:
        return None
    if not isinstance(index, MaterialIndex):
        plugin.search_index = MaterialIndex(**index.config)
    return (plugin.search_index.config.get("lang") or ["vi"])[0]


def search_page(page: Any) -> SearchPage | None:
    """An MkDocs page with its Markdown rendered, as Pagefind indexes it; None for a page Material's search leaves
    out (``search: exclude``), by Material's own rule."""
    if page is None or (page.meta.get("search") or {}).get("exclude"):
        return None
    return SearchPage(page.url, str(page.title or ""), page.content or "")


def index_text(text: str) -> str:
    """Text as Pagefind indexes it: NFC, with "đ"/"Đ" written as "d"/"D" + :data:`STROKE`."""
    return nfc(text).replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


class SearchJob:
    """Pagefind indexing the documents :func:`start_search` wrote, in a process of its own: MkDocs renders the
    theme around every page meanwhile, so on a machine with two cores the search costs the build little time.
    Without a process, the bundle was copied from the cache and the job is done."""

    def __init__(self, folder: tempfile.TemporaryDirectory[str] | None, process: subprocess.Popen[str] | None,
                 output: Path, cache: Path | None = None):
        self._folder, self._process, self._output, self._cache = folder, process, output, cache

    def finish(self) -> list[str]:
        """Wait for Pagefind and keep its bundle in the cache; return the warnings (its message when it failed)."""
        if self._process is None:
            return []
        out, _ = self._process.communicate()
        self._cleanup()
        if self._process.returncode != 0:
            return [f"Không tạo được chỉ mục tìm kiếm (Pagefind): {out.strip()}"]
        for name in _UNUSED:
            (self._output / name).unlink(missing_ok=True)
        if self._cache is not None:
            _keep(self._output, self._cache)
        return []

    def cancel(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.communicate()
            self._cleanup()

    def _cleanup(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()


def start_search(site_dir: Path, pages: Iterable[SearchPage], language: str,
                 render: Callable[[SearchPage, str], str], cache: Path | None = None) -> SearchJob:
    """Write each page as the document ``render`` makes of it (with :func:`index_text`) into a temporary folder,
    one ``index.html`` per page address, and start Pagefind's command on that folder, into ``site_dir/pagefind/``.

    With ``cache`` (a folder under ``.cache/bangtin``), a bundle made from exactly the same documents is copied
    from there instead (a build with no change to what is searched: the daily scheduled run, a new photo), and a
    new bundle is kept there for the next build. Pagefind's Python API is not used: it answers at most ten files a
    second.
    """
    output = Path(site_dir) / PAGEFIND_DIR
    if output.exists():
        shutil.rmtree(output)
    documents = {_document_path(page): index_text(render(page, language)) for page in pages}
    key = _bundle_key(documents, language)
    if cache is not None and (cache / key).is_dir():
        shutil.copytree(cache / key, output)
        return SearchJob(None, None, output)
    folder = tempfile.TemporaryDirectory(prefix="bangtin-search-")
    for path, html in documents.items():
        document = Path(folder.name, path)
        document.parent.mkdir(parents=True, exist_ok=True)
        document.write_text(html, encoding="utf-8")
    process = subprocess.Popen(
        [str(get_executable()), "--site", folder.name, "--output-path", str(output.resolve()),
         "--force-language", language, "--exclude-selectors", EXCLUDED, "--silent"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK)},
    )
    return SearchJob(folder, process, output, None if cache is None else cache / key)


def _document_path(page: SearchPage) -> str:
    return page.url + "index.html" if page.url.endswith("/") or not page.url else page.url


def _bundle_key(documents: dict[str, str], language: str) -> str:
    """What a bundle is made from: Pagefind's version and settings, and every document."""
    digest = hashlib.sha256(f"{PAGEFIND_VERSION}|{INDEX_CHUNK}|{EXCLUDED}|{language}".encode())
    for path in sorted(documents):
        digest.update(f"\0{path}\0".encode() + documents[path].encode("utf-8"))
    return digest.hexdigest()[:32]


def _keep(bundle: Path, target: Path) -> None:
    """Keep ``bundle`` as the cache's one bundle (an older one is of no use once the content has changed)."""
    if target.parent.exists():
        shutil.rmtree(target.parent)
    shutil.copytree(bundle, target)


def write_search(site_dir: Path, pages: Iterable[SearchPage], language: str,
                 render: Callable[[SearchPage, str], str], cache: Path | None = None) -> list[str]:
    """:func:`start_search` and wait for it; return the warnings."""
    return start_search(site_dir, pages, language, render, cache).finish()

"""Search for a school with years of news: Pagefind behind Material's search box.

Material's own search downloads the whole index (12 MB decoded at 2,000 articles) and builds a lunr index from it in
a worker before the first result. Pagefind splits its index into fragments and a query downloads only the fragments
it needs. Parents keep Material's interface (the search button, the box, the result list): the browser script
``search.js`` points Material at our worker ``search-worker.js``, which answers Material's worker messages with
Pagefind's results.

After the build, :func:`write_search`:

* reads the pages Material's search plugin has indexed (its entries: a page and its sections, with the text already
  taken out of the HTML, drafts and ``search: exclude`` pages left out);
* renders each page as a small HTML document (``bangtin/search-page.html``: the title as ``<h1>``, each section under
  an ``<h2>`` with its anchor), so Pagefind weighs titles and finds sections as it does on any site;
* indexes them with Pagefind into ``pagefind/`` and replaces Material's index with its settings alone (the page
  highlighter reads the separator from it).

Pagefind matches across diacritics ("ke hoach" finds "Kế hoạch", exact diacritics rank first), but only for marks
that Unicode decomposes: "đ" is a letter of its own, so "doi" would never find "Đổi". :func:`index_text` therefore
writes "đ" as "d" followed by :data:`STROKE`, a combining mark Pagefind drops from the words it indexes; the worker
writes "đ" as "d" in the query and turns :data:`STROKE` back into "đ" in what it shows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
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

#: The index file Material's search plugin writes, relative to the site root.
INDEX_PATH = Path("search") / "search_index.json"

#: Pagefind's bundle, relative to the site root.
PAGEFIND_DIR = "pagefind"

#: Word positions per index chunk (Pagefind's default: 20,000). Vietnamese is written in syllables, and the
#: common ones ("kế", "hoạch", "học", "năm") each sit on most pages of a school: with the default, a query for
#: "ke hoach" at 2,000 articles downloads three chunks of 100 to 350 KB, mostly other words' positions. With 300,
#: a common syllable has a chunk of its own and the query downloads about 170 KB in all (bench/search.py).
#: Pagefind reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (its option of the pinned 1.5.2).
INDEX_CHUNK = 300

#: The template that renders one page for Pagefind (in ``overrides/``).
PAGE_TEMPLATE = "bangtin/search-page.html"

#: What Pagefind writes that the site never serves: its own search interfaces (we keep Material's).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
           "pagefind-worker.js")  # Pagefind runs inside our worker, which has no worker of its own


@dataclass(frozen=True)
class SearchSection:
    anchor: str
    title: str
    text: str


@dataclass(frozen=True)
class SearchPage:
    """One page as Material's search plugin indexed it: its address (relative to the site root), title, the text
    before its first heading, and its sections. Title and text are HTML, as Material took them from the page."""
    url: str
    title: str
    text: str
    sections: list[SearchSection] = field(default_factory=list)


def index_text(text: str) -> str:
    """Text as Pagefind indexes it: NFC, with "đ"/"Đ" written as "d"/"D" + :data:`STROKE`."""
    return nfc(text).replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


def search_pages(docs: Sequence[Mapping[str, Any]]) -> list[SearchPage]:
    """Material's index entries grouped into pages, in Material's order; a section ``page/#anchor`` joins its page."""
    pages: dict[str, SearchPage] = {}
    for doc in docs:
        location = str(doc.get("location", ""))
        path, _, anchor = location.partition("#")
        title, text = str(doc.get("title") or ""), str(doc.get("text") or "")
        page = pages.get(path)
        if page is None:
            pages[path] = SearchPage(path, title, text)
        elif anchor:
            page.sections.append(SearchSection(anchor, title, text))
    return list(pages.values())


def material_config(index: Mapping[str, Any]) -> dict[str, Any]:
    """What remains of Material's index: its settings (the page highlighter's separator) and no documents."""
    return {"config": dict(index.get("config") or {}), "docs": []}


def write_search(site_dir: Path, index: Mapping[str, Any] | None, render: Callable[[SearchPage, str], str]) -> list[str]:
    """Index the site with Pagefind and shrink Material's index to its settings; return the warnings (a site without
    Material's search has none and gets no bundle).

    ``index`` is the index Material's search plugin holds in memory; None reads the file it wrote. ``render`` turns a
    page and the site's language into the HTML document Pagefind indexes. The documents are written into a
    temporary folder, one ``index.html`` per page address, and Pagefind's command indexes that folder in one run
    (its Python API answers at most ten files a second).
    """
    path = Path(site_dir) / INDEX_PATH
    if index is None:
        if not path.is_file():
            return []
        index = json.loads(path.read_bytes())
    language = ((index.get("config") or {}).get("lang") or ["vi"])[0]
    output = Path(site_dir) / PAGEFIND_DIR
    if output.exists():
        shutil.rmtree(output)
    with tempfile.TemporaryDirectory(prefix="bangtin-search-") as folder:
        for page in search_pages(index.get("docs") or []):
            document = Path(folder, page.url + "index.html" if page.url.endswith("/") or not page.url else page.url)
            document.parent.mkdir(parents=True, exist_ok=True)
            document.write_text(index_text(render(page, language)), encoding="utf-8")
        done = subprocess.run(
            [str(get_executable()), "--site", folder, "--output-path", str(output.resolve()),
             "--force-language", language, "--silent"],
            capture_output=True, text=True, check=False,
            env={**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK)},
        )
    if done.returncode != 0:
        return [f"Không tạo được chỉ mục tìm kiếm (Pagefind): {(done.stderr or done.stdout).strip()}"]
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(material_config(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return []

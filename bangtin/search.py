"""Search without diacritics for Material for MkDocs: fold the search index after the build.

Material's search (lunr with ``lang: vi``) matches words exactly: "ke hoach" never finds
"Kế hoạch". We do not fork Material's JavaScript. Instead:

* after the build, :func:`write_search_index` rewrites ``search/search_index.json``. It adds
  the folded form of every word that has diacritics as extra index fields (``title_folded``,
  ``text_folded``, ``tags_folded``), each boosted at half its original field, and sets a
  separator that also splits document numbers at ``/`` and ``-``;
* the browser script ``search-fold.js`` (:data:`SCRIPT`) rewrites the query
  before it reaches Material's search worker. "Kế hoạch" becomes ``ke hoach kế hoạch``: the
  folded words find every spelling, and the original words also match the unfolded fields,
  so exact-diacritic matches rank first.

Only words that change under folding go into the folded fields. A word without diacritics
("hoa", "259", "KH") is already searchable in its original field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from itertools import chain
from pathlib import Path
from typing import Any

from .text import fold, nfc

#: Word separator for the search tokenizer, used by Material's worker (JavaScript ``RegExp``)
#: and by :func:`folded_words` (Python ``re``); the pattern means the same in both.
#: It splits at white space, dashes, slashes, brackets, quotes and other punctuation, at
#: HTML entities such as ``&amp;``, and at dots not followed by a digit ("2.5" stays one word).
#: Material's highlighter splits this pattern at every ``|``, so ``|`` appears only between
#: top-level alternatives. ``*``, ``+``, ``~`` and ``^`` are query syntax, so they are no separators.
_SEPARATOR_CHARACTERS = "\\s\\-–—/_,;:!?=\\[\\](){}\"'`“”‘’«»…·•%"
SEPARATOR = f"[{_SEPARATOR_CHARACTERS}]+|\\.(?!\\d)|&#?[0-9A-Za-z]+;"

#: :data:`SEPARATOR` for Python's ``re``, written to begin with one character class, which lets ``re`` skip in C
#: to the next place a separator can start instead of trying three alternatives at every character (splitting
#: takes a third less time). It splits exactly as :data:`SEPARATOR` does.
_SPLIT = re.compile(
    f"[{_SEPARATOR_CHARACTERS}.&]"
    f"(?:(?<=[{_SEPARATOR_CHARACTERS}])[{_SEPARATOR_CHARACTERS}]*|(?<=\\.)(?!\\d)|(?<=&)#?[0-9A-Za-z]+;)"
)

#: Lunr's pipeline for Vietnamese: the stop-word filter only (no stemmer or trimmer). This is what Material
#: reads for Vietnamese from its language templates (the English default, which Vietnamese does not override).
PIPELINE = ["stopWordFilter"]

#: Suffix of the extra index fields holding folded words.
FOLDED_SUFFIX = "_folded"

#: A folded field's boost relative to its original field: an exact match always weighs more.
FOLDED_BOOST = 0.5

#: Material's own fields that get a folded twin, with Material's default boosts.
DEFAULT_FIELDS: dict[str, dict[str, float]] = {
    "title": {"boost": 1e3},
    "text": {"boost": 1e0},
    "tags": {"boost": 1e6},
}

#: Where the browser script is served from, relative to the site root (``extra_javascript``).
SCRIPT = "assets/javascripts/search-fold.js"

#: The index file Material's search plugin writes, relative to the site root.
INDEX_PATH = Path("search") / "search_index.json"

_TAG = re.compile(r"<[^>]*>")


def fold_word(word: str) -> str:
    """The folded, lower-case form of one word: "Đổi" → "doi", "SGDĐT" → "sgddt"."""
    return fold(nfc(word)).lower()


def folded_words(html: str, folds: _Folds | None = None) -> list[str]:
    """Folded forms of the words of ``html`` that change under folding, in order.

    Tags are skipped the way Material's tokenizer skips them; the words are split at :data:`SEPARATOR`.
    "Kế hoạch 259/KH-MNHM" → ``["ke", "hoach"]``. ``folds`` carries what was folded from one document to the next.
    """
    text = nfc(html)
    if text.isascii():  # ASCII never changes under folding
        return []
    words_of = (folds if folds is not None else _Folds()).__getitem__
    return list(chain.from_iterable(map(words_of, _TAG.sub(" ", text).split())))


class _Folds(dict):
    """A run of text between white space → the folded forms of its words that change under folding.

    :data:`SEPARATOR` splits at white space, so a text is cut there first (in C) and each distinct run is split
    and folded once: a site's text repeats a few thousand runs, so most words cost one dictionary lookup.
    """

    def __missing__(self, run: str) -> tuple[str, ...]:
        words = () if run.isascii() else tuple(filter(None, map(_changed_fold, _SPLIT.split(run))))
        self[run] = words
        return words


def _changed_fold(word: str) -> str:
    """The folded word, or "" when folding leaves it as it is (apart from case)."""
    folded = "" if word.isascii() else fold_word(word)
    return "" if folded == word.lower() else folded


def fold_search_index(index: Mapping[str, Any]) -> dict[str, Any]:
    """Return a copy of Material's search index with folded fields and our separator.

    * ``config.separator`` becomes :data:`SEPARATOR`;
    * ``config.fields`` gains ``<field>_folded`` for title, text and tags, boosted at
      :data:`FOLDED_BOOST` times the original field (the configured boost, else Material's default);
    * every document's title, text and tags are normalised to NFC, and the document gets
      ``<field>_folded`` with the folded words that differ from the original (omitted when empty).

    The function is idempotent: folding an already folded index gives the same index.
    """
    config = dict(index.get("config") or {})
    fields: dict[str, Any] = {
        name: dict(spec) for name, spec in (config.get("fields") or {}).items()
        if not name.endswith(FOLDED_SUFFIX)
    }
    for name, spec in DEFAULT_FIELDS.items():
        fields.setdefault(name, dict(spec))
    for name in DEFAULT_FIELDS:
        boost = float(fields[name].get("boost", 1.0))
        fields[name + FOLDED_SUFFIX] = {"boost": boost * FOLDED_BOOST}
    config["separator"] = SEPARATOR
    config["fields"] = fields

    folds = _Folds()
    docs = [_fold_doc(doc, folds) for doc in index.get("docs") or []]
    result = {key: value for key, value in index.items() if key not in ("config", "docs")}
    return {"config": config, "docs": docs, **result}


def _fold_doc(doc: Mapping[str, Any], folds: _Folds) -> dict[str, Any]:
    out = {key: value for key, value in doc.items() if not key.endswith(FOLDED_SUFFIX)}
    for name in ("title", "text"):
        if isinstance(out.get(name), str):
            out[name] = nfc(out[name])
    tags = out.get("tags")
    if isinstance(tags, list):
        out["tags"] = [nfc(tag) if isinstance(tag, str) else tag for tag in tags]

    for name in ("title", "text"):
        if isinstance(out.get(name), str) and (words := folded_words(out[name], folds)):
            out[name + FOLDED_SUFFIX] = " ".join(words)
    if isinstance(out.get("tags"), list):
        folded_tags = [" ".join(folded_words(tag, folds)) for tag in out["tags"] if isinstance(tag, str)]
        if any(folded_tags):
            out["tags" + FOLDED_SUFFIX] = [tag for tag in folded_tags if tag]
    return out


def dump_search_index(index: Mapping[str, Any]) -> bytes:
    """Serialise an index compactly and deterministically: UTF-8, no ASCII escapes, key order kept; anything JSON has
    no type for becomes text, as Material writes it."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def write_search_index(site_dir: Path, index: Mapping[str, Any] | None = None) -> bool:
    """Fold ``site_dir/search/search_index.json`` in place; return False when there is no index.

    ``index`` is the index Material's search plugin has just written there, as the plugin holds it in memory: the
    file (at N = 2000 articles, 12 MB of escaped JSON) is then not read back, only overwritten. Without it, the file
    is read, and rewritten only when its bytes change, so running it twice leaves the file untouched.
    Run it after Material's search plugin wrote the index (``on_post_build`` at the default priority 0 or lower, but
    above −100, where the offline plugin copies the index).
    """
    path = Path(site_dir) / INDEX_PATH
    if not path.is_file():
        return False
    original = None
    if index is None:
        original = path.read_bytes()
        index = json.loads(original)
    data = dump_search_index(fold_search_index(index))
    if data != original:
        path.write_bytes(data)
    return True

"""Local files that a Markdown body links to (photos, documents): found once, checked, then published."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_HTML_SRC = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.IGNORECASE)


@dataclass(frozen=True)
class LocalLink:
    rel: str
    line: int


def local_links(body: str) -> list[LocalLink]:
    """Relative links and image sources of ``body`` (Markdown or inline HTML), in order, without duplicates."""
    found: dict[str, LocalLink] = {}
    for number, line in enumerate(body.split("\n"), start=1):
        if "](" not in line and "=" not in line:  # neither pattern can match: skip the two regex scans
            continue
        for match in [*_LINK.finditer(line), *_HTML_SRC.finditer(line)]:
            target = match.group(1)
            if _EXTERNAL.match(target) or target.endswith(".md"):
                continue
            rel = posixpath.normpath(unquote(target.split("#", 1)[0].split("?", 1)[0]))
            if rel and rel != "." and rel not in found:
                found[rel] = LocalLink(rel, number)
    return list(found.values())

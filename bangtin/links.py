"""Local files that a Markdown body links to (photos, documents): found once, checked, then published."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
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


def case_variant(folder: Path, rel: str) -> str | None:
    """The file under ``folder`` whose path is ``rel`` when letter case is ignored (``anh.JPG`` for ``anh.jpg``):
    the school's Windows PC finds it, GitHub's Linux runner does not."""
    wanted = [part.casefold() for part in rel.split("/")]
    current = folder
    found = []
    for part in wanted:
        match = next((child for child in _children(current) if child.name.casefold() == part), None)
        if match is None:
            return None
        found.append(match.name)
        current = match
    return "/".join(found) if current.is_file() else None


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []

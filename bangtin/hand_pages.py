"""The hand-written pages of ``docs/`` (giới thiệu, liên hệ…), read as strictly as content: MkDocs drops broken
front-matter without a word, and a misspelt key silently does nothing."""

from __future__ import annotations

import difflib
from pathlib import Path

from .embeds import embed_problems
from .problems import Problems
from .sources import load_source

#: The page keys MkDocs and Material read (Material's reference, "Setting up … page metadata").
PAGE_KEYS = ("title", "description", "hide", "template", "icon", "status", "subtitle", "tags", "search")
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")


def check_hand_pages(docs: Path, root: Path, problems: Problems) -> None:
    """Report broken YAML, unknown keys (with a did-you-mean), unknown ``hide`` values, scripts and third-party
    iframes of every page in ``docs``."""
    if not docs.is_dir() or not docs.resolve().is_relative_to(root.resolve()):
        return
    for path in sorted(docs.rglob("*.md")):
        source = load_source(path.resolve(), root.resolve(), problems, optional=True)
        if source is None:
            continue
        for line, message in embed_problems(source.body):
            problems.error(source.rel, source.body_line + line - 1, "nội dung", message)
        for key, value in source.meta.items():
            if key not in PAGE_KEYS:
                guess = difflib.get_close_matches(key, PAGE_KEYS, n=1, cutoff=0.6)
                hint = f"có phải ý bạn là “{guess[0]}”?" if guess else f"các khóa được dùng: {', '.join(PAGE_KEYS)}"
                problems.error(source.rel, source.line(key), key, f"khóa không có trong mẫu của trang; {hint}")
            elif key == "hide":
                items = value if isinstance(value, list) else [value]
                for index, item in enumerate(items):
                    if item not in HIDE_VALUES:
                        problems.error(source.rel, source.line(key, index), key,
                                       f"không ẩn được “{item}”; chọn trong: {', '.join(HIDE_VALUES)}")

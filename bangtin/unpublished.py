"""Files in the content folders that no page publishes: named, so that nothing is skipped in silence.

A post saved by Notepad as ``tin.md.txt``, a ``.markdown`` or ``.MD`` file would never become a page (an error: the
clerk thinks it is published); a Word or PDF file that no page lists as an attachment is never published (a
warning, with what to do); a photo that no page shows is only counted, since phones leave many in a folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .photos import is_photo
from .problems import Problems

#: What Notepad, Word or a phone leave in a folder, and a README written for people: never reported.
IGNORED = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "readme.md", "readme.txt", ".gitkeep"})
_MARKDOWN_LOOKALIKES = (".md.txt", ".markdown", ".mdown", ".md.docx")


def check_unpublished(root: Path, folders: Iterable[str], used: set[str], problems: Problems) -> tuple[str, ...]:
    """Report each file of ``folders`` that is neither content nor used by a page (``used``: normalised paths, as
    ``os.path.normpath`` gives them); return the photos no page shows, which are only counted."""
    photos = []
    for folder in folders:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            name = path.name.casefold()
            if name in IGNORED or name.startswith((".", "~$")) or path.suffix == ".md" or os.path.normpath(path) in used:
                continue
            if name.endswith(_MARKDOWN_LOOKALIKES) or path.suffix.lower() == ".md":
                stem = path.name[: -len(next((s for s in _MARKDOWN_LOOKALIKES if name.endswith(s)), path.suffix))]
                problems.error(rel, 0, "", f"tệp này sẽ không được đăng vì tên không có đuôi “.md”; hãy đổi tên thành “{stem}.md”"
                                           " (trong Windows: bật “File name extensions” ở thẻ View để thấy đuôi tệp)")
            elif is_photo(path):
                photos.append(rel)
            elif path.suffix.lower() in (".docx", ".doc"):
                problems.warning(rel, 0, "", f"tệp Word này không được đăng vì không bài nào đính kèm nó; nếu là kế hoạch, "
                                             f"hãy chạy: bangtin import \"{rel}\"; nếu là tệp đính kèm, thêm tên tệp vào "
                                             "attachments của bài; nếu không cần nữa, hãy xóa")
            else:
                problems.warning(rel, 0, "", "tệp này không được đăng vì không bài nào đính kèm hay dẫn tới nó; hãy thêm tên "
                                             "tệp vào attachments (hoặc chèn liên kết trong bài), hoặc xóa nếu không cần")
    return tuple(photos)

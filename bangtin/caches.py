"""Files under ``.cache/bangtin`` (photo variants, compiled templates): written so that a build stopped halfway never
leaves half a file for the next build to trust."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> int:
    """Write ``data`` to a temporary file beside ``path``, then put it in place in one step; return its size.

    The temporary file is named after the process and the thread: two photos with the same bytes (one photo used by
    two articles) are encoded at once by two threads into the same cache file, and each must replace its own."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return len(data)

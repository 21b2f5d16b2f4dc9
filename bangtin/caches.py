"""Files under ``.cache/bangtin`` (photo variants, compiled templates): written so that a build stopped halfway never
leaves half a file for the next build to trust."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> int:
    """Write ``data`` to a temporary file beside ``path``, then put it in place in one step; return its size."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return len(data)

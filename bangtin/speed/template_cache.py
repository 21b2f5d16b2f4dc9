"""Compiled templates kept between builds, in one file.

Compiling the theme's and our Jinja templates is a fixed cost of every build (a third of a second here), so the
compiled code is kept in ``.cache/bangtin/templates.bin`` and reused while the templates are unchanged (Jinja checks
each template's source checksum and its own version). Jinja's ``FileSystemBytecodeCache`` writes one file per
template; creating some 60 files cost more system time than the compiling saved on a slow disk. This cache reads
one file when the build starts and writes it once, at the end, only if a template was compiled. Entries of templates
that a build no longer uses are dropped when it writes.
"""

from __future__ import annotations

import marshal
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from ..caches import write_atomically


class BundledBytecodeCache(BytecodeCache):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored = _read(path)
        self.used: dict[str, bytes] = {}
        self.changed = False

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.stored.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # a stale entry resets the bucket; Jinja then compiles and dumps
            if bucket.code is not None:
                self.used[bucket.key] = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.used[bucket.key] = bucket.bytecode_to_string()
        self.changed = True

    def write(self) -> None:
        """Save the templates this build used, when one of them had to be compiled."""
        if not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, marshal.dumps(self.used))
        self.stored, self.changed = dict(self.used), False


def _read(path: Path) -> dict[str, bytes]:
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(stored, dict):
        return {}
    return {key: code for key, code in stored.items() if isinstance(key, str) and isinstance(code, bytes)}

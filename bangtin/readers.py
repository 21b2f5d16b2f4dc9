"""Front-matter to values: every key of a file through the reader its kind's schema gives it."""

from __future__ import annotations

import difflib
import re
from typing import Any, Mapping

from . import fields as f
from .problems import Problems
from .sources import Source
from .text import slugify

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def read_fields(source: Source, schema: Mapping[str, f.Field], problems: Problems) -> dict[str, Any] | None:
    """Every value through its reader; every problem reported; None when any key failed."""
    values: dict[str, Any] = {}
    before = len(problems.errors)
    for key, raw in source.meta.items():
        if key not in schema:
            guess = difflib.get_close_matches(key, list(schema), n=1, cutoff=0.6)
            hint = f"có phải ý bạn là “{guess[0]}”?" if guess else f"các khóa được dùng: {', '.join(schema)}"
            problems.error(source.rel, source.line(key), key, f"khóa không có trong mẫu; {hint}")
            continue
        try:
            values[key] = schema[key].read(raw, source.path.parent)
        except f.FieldError as error:
            problems.error(source.rel, source.line(key, error.index), key, str(error))
    for key, spec in schema.items():
        if spec.required and key not in source.meta:
            problems.error(source.rel, 1, key, "thiếu khóa bắt buộc này")
    return values if len(problems.errors) == before else None


def file_slug(source: Source) -> str:
    """The address comes from the file name (minus a leading date), so editing a title never moves a page."""
    return slugify(_DATE_PREFIX.sub("", source.path.stem)) or "bai-viet"

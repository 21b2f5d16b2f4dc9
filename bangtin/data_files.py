"""The JSON files portals and hubs read (``van-ban.json``, ``cau-lac-bo.json``, ``cong-khai.json``): UTF-8, keys in
a fixed order, no build time, so the same content gives the same bytes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_data(site_dir: Path, name: str, data: dict[str, Any]) -> Path:
    path = site_dir / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n")
    return path

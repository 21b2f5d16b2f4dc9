"""The imported plan as a file: YAML front-matter, then the Markdown body; images in a folder beside it."""

from __future__ import annotations

from pathlib import Path

import yaml

from .plan import ImportedPlan


def render_plan_file(imported: ImportedPlan) -> str:
    """The whole text of ``plans/<slug>.md``."""
    front = yaml.safe_dump(imported.meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return f"---\n{front}---\n\n{imported.body}"


def write_imported(imported: ImportedPlan, plans_dir: Path) -> Path:
    """Write ``<plans_dir>/<slug>.md`` and its images into ``<plans_dir>/<slug>/``; never overwrite anything."""
    plans_dir = Path(plans_dir)
    target = plans_dir / f"{imported.slug}.md"
    folder = plans_dir / imported.slug
    for existing in (target, folder if imported.images else None):
        if existing is not None and existing.exists():
            raise FileExistsError(f"“{existing}” đã có; không ghi đè. Hãy đổi tên hoặc chuyển tệp cũ đi rồi nhập lại")
    text = render_plan_file(imported)
    plans_dir.mkdir(parents=True, exist_ok=True)
    if imported.images:
        folder.mkdir()
        for name, data in imported.images:
            with open(folder / name, "xb") as handle:
                handle.write(data)
    with open(target, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return target

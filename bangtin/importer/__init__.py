"""Import a plan from a Word (.docx) or plain-text file into ``plans/<slug>.md`` (the keys of ``bangtin/kinds/plan.py``).

    imported = import_plan(Path("ke-hoach.docx"))
    imported.meta, imported.body, imported.images, imported.missing
    write_imported(imported, Path("plans"))   # plans/259-kh-mnhm.md (+ plans/259-kh-mnhm/hinh-01.png …)
"""

from __future__ import annotations

from .command import run_import
from .output import render_plan_file, write_imported
from .plan import ImportedPlan, import_plan
from .reading import UnreadableFile

__all__ = ["ImportedPlan", "UnreadableFile", "import_plan", "render_plan_file", "run_import", "write_imported"]

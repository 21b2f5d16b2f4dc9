"""What ``bangtin import FILE`` does, for the command-line module to call."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .output import write_imported
from .plan import import_plan
from .reading import UnreadableFile


def run_import(path: Path, plans_dir: Path, echo: Callable[[str], None] = print) -> int:
    """Import one document into ``plans_dir``; print the new file and what could not be found. 0 on success."""
    try:
        imported = import_plan(Path(path))
        target = write_imported(imported, Path(plans_dir))
    except (UnreadableFile, FileExistsError, FileNotFoundError) as error:
        echo(f"Lỗi: {error}")
        return 1
    echo(f"Đã tạo {target}")
    if imported.images:
        echo(f"  kèm {len(imported.images)} hình trong thư mục {target.with_suffix('')}")
    if imported.missing:
        echo("Chưa đọc được (hãy bổ sung bằng tay nếu cần):")
        for message in imported.missing:
            echo(f"  - {message}")
    return 0

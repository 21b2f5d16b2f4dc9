"""The speed layer: what reaches into Material's internals to build faster, fenced behind one setting.

Two tricks, each giving byte for byte what Material gives (``tests/test_speed_layer.py`` builds whole sites both
ways, over several sets of theme features):

* :mod:`.shared_partials`: Material's page-independent pieces (navigation drawer, tabs, search dialog, styles,
  scripts, configuration) rendered once per place, and its interface strings looked up once, with the templates in
  ``templates/`` put in front of the theme's;
* :mod:`.template_cache`: the compiled templates kept in ``.cache/bangtin/templates.bin`` between builds.

``overrides/main.html`` names the blocks the layer may share (``bt_shared_block``). ``extra.bangtin.speed_layer: false``
turns both off, and so does an installed Material other than the version
``pyproject.toml`` pins (the layer was checked against that one only): then Material renders every page itself.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from .shared_partials import install_shared_partials
from .template_cache import BundledBytecodeCache

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE_CACHE = Path(".cache") / "bangtin" / "templates.bin"
_PIN = re.compile(r"^mkdocs-material\s*==\s*([\w.]+)")


def pinned_material() -> str | None:
    """The Material version this package pins (its ``mkdocs-material==…`` requirement), None when not installed."""
    try:
        requirements = metadata.requires("bangtin") or []
    except metadata.PackageNotFoundError:
        return None
    return next((match.group(1) for line in requirements if (match := _PIN.match(line))), None)


def installed_material() -> str | None:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return None


def speed_layer_refusal(pinned: str | None, installed: str | None) -> str | None:
    """Why the layer must stay off with these versions (a Vietnamese line for the log), or None when it may run."""
    if pinned is not None and pinned == installed:
        return None
    return (f"Material for MkDocs {installed or '(không rõ)'} khác bản {pinned or '(không rõ)'} mà Bảng tin đã kiểm "
            "tra: trang được tạo hoàn toàn theo cách của Material (chậm hơn một chút, nội dung như nhau). Cài đúng "
            "các bản trong constraints.txt để tạo trang nhanh hơn.")


def install_material_rendering(env: Environment) -> None:
    """Without the layer, ``overrides/main.html``'s shared blocks are Material's own (``super()``)."""
    env.globals["bt_shared_block"] = lambda name, render: render()


def install_speed_layer(env: Environment, theme_dir: str, root: Path) -> BundledBytecodeCache:
    """Put the layer's templates in front of the theme's, share Material's pieces, reuse compiled templates.

    ``theme_dir`` is Material's own templates folder; the returned cache is written at the end of the build.
    """
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])
    # Jinja's optimizer tries to fold every expression of a template into a constant while compiling, and gives up
    # (by exception) on nearly all of them: 2% of a first build's instructions, for no change in output or speed.
    env.optimized = False
    templates = BundledBytecodeCache(root / TEMPLATE_CACHE)
    env.bytecode_cache = templates
    install_shared_partials(env, theme_dir)
    return templates

"""Build real sites with real MkDocs into temporary folders, for the tests."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bangtin.site import FOLDERS

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# 2026-01-15 08:00 +07:00: after every sample article, before the scheduled one.
BUILD_EPOCH = "1768438800"

BASE_CONFIG = {
    "site_name": "Trường Mầm non Thử Nghiệm",
    "site_url": "https://truong-thu.example.edu.vn/",
    "edit_uri": "https://github.com/truong-thu/web/edit/main/",
    "theme": {"name": "material", "custom_dir": "overrides", "language": "vi", "font": False,
              "features": ["content.action.edit"]},
    "nav": [{"Trang chủ": "index.md"}, {"Tin tức": "tin-tuc/index.md"}, {"Kế hoạch": "ke-hoach/index.md"},
            {"Câu lạc bộ": "cau-lac-bo/index.md"}, {"Giới thiệu": "gioi-thieu.md"}],
    "not_in_nav": "/tin-tuc/\n/ke-hoach/\n/phong-trao/\n/cau-lac-bo/\n",
    "hooks": ["hooks/site_hooks.py"],
    "plugins": [{"search": {"lang": "vi"}}],
    "extra_css": ["assets/stylesheets/bangtin.css"],
    "markdown_extensions": ["attr_list", "md_in_html", "tables"],
    "extra": {"bangtin": {
        "school": {"name": "Trường Mầm non Thử Nghiệm", "short": "MNTN", "place": "Long Biên"},
        "categories": ["Tin tức", "Hoạt động STEM", "Khoa học & Công nghệ"],
        "movements": {"thi-dua-dmst-cds": {"name": "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số", "basis": "923/QĐ-TTg"}},
    }},
}


@dataclass
class Build:
    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_site(root: Path, files: dict[str, str | bytes], config: dict | None = None) -> Path:
    """A school folder with this repository's hooks and templates, ``files`` as content, and a config."""
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("hooks", "overrides"):
        shutil.copytree(REPO / folder, root / folder, dirs_exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n\nTrường mầm non.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config or BASE_CONFIG, allow_unicode=True, sort_keys=False), encoding="utf-8")
    write_files(root, files)
    return root


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def copy_sample(root: Path, editor: bool = False) -> Path:
    """A copy of this repository's sample school (tests never build in the repository itself); with ``editor``, its
    ``package.json`` and (linked) ``node_modules`` too, so the build writes the web editor /admin/."""
    for name in ("hooks", "overrides", "docs", *FOLDERS):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if editor:
        shutil.copy(REPO / "package.json", root / "package.json")
        (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    return root


def run_mkdocs(root: Path, *args: str, epoch: str | None = BUILD_EPOCH) -> Build:
    """``mkdocs build --strict`` (or other arguments) as a school would run it; ``epoch`` None: on the real clock."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch or "", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if epoch is None:
        del env["SOURCE_DATE_EPOCH"]
    command = [sys.executable, "-m", "mkdocs", *(args or ("build", "--strict"))]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    return Build(root, done.returncode, done.stdout + done.stderr)


def front(meta: dict, body: str = "Nội dung.\n") -> str:
    """A content file: YAML front-matter and a Markdown body."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def indexed_pages(site: Path) -> dict[str, str]:
    """The pages in a built site's Pagefind bundle: address (from the site root) → the text indexed, as the search
    shows it (fragments are gzip with Pagefind's signature, then JSON)."""
    pages = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[data["url"].lstrip("/")] = data["content"].replace("d\u0335", "đ").replace("D\u0335", "Đ")
    return pages

"""ProperDocs, the maintained MkDocs 1.x fork, builds the sample school into the same site as MkDocs.

Both builds run on one copy of the sample (taken once), so that a change in the repository during the test run
cannot make them differ. Pages may differ only in the generator meta tag.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import BUILD_EPOCH, copy_sample, run_mkdocs

GENERATOR = re.compile(r'\s*<meta name="generator" content="[^"]*">')


def _properdocs(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[Path, Path]:
    pytest.importorskip("properdocs")
    with_mkdocs = copy_sample(tmp_path_factory.mktemp("mkdocs") / "school")
    with_properdocs = tmp_path_factory.mktemp("properdocs") / "school"
    shutil.copytree(with_mkdocs, with_properdocs)
    built = run_mkdocs(with_mkdocs)
    assert built.returncode == 0, built.output
    done = _properdocs(with_properdocs)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stdout + done.stderr
    return with_mkdocs / "site", with_properdocs / "site"


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_same_files(both):
    mkdocs_site, properdocs_site = both
    assert _files(mkdocs_site) == _files(properdocs_site)


def test_same_html_apart_from_the_generator_tag(both):
    mkdocs_site, properdocs_site = both
    pages = sorted(rel for rel in _files(mkdocs_site) if rel.endswith(".html"))
    assert "ke-hoach/index.html" in pages and "tin-tuc/index.html" in pages and "404.html" in pages
    different = [
        rel for rel in pages
        if GENERATOR.sub("", (mkdocs_site / rel).read_text(encoding="utf-8"))
        != GENERATOR.sub("", (properdocs_site / rel).read_text(encoding="utf-8"))
    ]
    assert different == []


def test_same_feeds_search_index_and_assets(both):
    """Everything that is not a page is byte for byte the same (feeds, search index, sitemap, photos, PDFs)."""
    mkdocs_site, properdocs_site = both
    others = sorted(rel for rel in _files(mkdocs_site) if not rel.endswith(".html"))
    assert "rss.xml" in others and "search/search_index.json" in others
    different = [rel for rel in others if (mkdocs_site / rel).read_bytes() != (properdocs_site / rel).read_bytes()]
    assert different == []

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import Build, copy_sample, run_mkdocs


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's sample school, built once per test session with ``mkdocs build --strict``."""
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def sample_site(sample_build: Build) -> Path:
    return sample_build.site

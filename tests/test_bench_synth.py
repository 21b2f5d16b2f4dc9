"""Smoke test of the benchmark's synthetic schools (bench/synth.py): valid content that builds.

The benchmark itself (bench/run.py) runs on demand and is not part of the test suite.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
import yaml

from bangtin.dates import build_time
from bangtin.settings import settings_from_config
from bangtin.site import load_site
from sitebuild import BUILD_EPOCH, REPO, run_mkdocs


def _synth():
    if "bench_synth" in sys.modules:
        return sys.modules["bench_synth"]
    spec = importlib.util.spec_from_file_location("bench_synth", REPO / "bench" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["bench_synth"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    return _synth().make_school(tmp_path_factory.mktemp("bench") / "school", 20, photos=True,
                               photo_size=(240, 160))


def test_synthetic_school_is_valid_content_with_plan_chains(school, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    config = yaml.safe_load((school.root / "mkdocs.yml").read_text(encoding="utf-8"))
    site = load_site(school.root, settings_from_config(config["site_url"], config["extra"]), build_time())
    assert (len(site.posts), len(site.plans), len(site.clubs)) == (20, 4, 3)
    assert any(site.citing.values()), "plans cite earlier plans of their series (based_on chains)"
    assert all(post.image for post in site.posts)
    assert sum(len(posts) for posts in site.posts_by_plan.values()) == 20


def test_synthetic_school_builds_strictly(school):
    build = run_mkdocs(school.root)
    assert build.returncode == 0, build.output
    assert len(list((build.site / "tin-tuc").glob("20*/*/*/index.html"))) == 20


def test_comparison_sites_hold_the_same_articles(school, tmp_path):
    synth = _synth()
    floor = synth.make_floor(school, tmp_path / "floor")
    blog = synth.make_blog(school, tmp_path / "blog")
    assert len(list((floor / "docs" / "tin-tuc").rglob("*.md"))) == 20 + 1  # the articles and the menu's stub
    assert len(list((blog / "docs" / "blog" / "posts").glob("*.md"))) == 20
    article = next((school.root / "news").glob("*.md")).read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    twin = next((floor / "docs" / "tin-tuc").rglob(next((school.root / "news").glob("*.md")).stem[11:] + ".md"))
    assert article.split("\n\n")[0] in twin.read_text(encoding="utf-8")
    assert "hooks" not in yaml.safe_load((floor / "mkdocs.yml").read_text(encoding="utf-8"))

"""A real reader: Debian's newsboat loads the site feed over HTTP and shows the right titles and dates."""

from __future__ import annotations

import os
from datetime import datetime, time

import pytest

from feed_school import BASE, TRICKY_TITLE, TRICKY_URL, school_files
from feedtools import load_config, newsboat, newsboat_items, serve, site_url
from sitebuild import BUILD_EPOCH, make_site, run_mkdocs

from bangtin.dates import VN_TZ
from bangtin.settings import settings_from_config
from bangtin.site import load_site

PROGRAM = newsboat()
pytestmark = pytest.mark.skipif(
    PROGRAM is None and not os.environ.get("CI"), reason="newsboat is not installed (apt-get install newsboat)"
)


def _program() -> str:
    assert PROGRAM, "newsboat is required in CI (apt-get install newsboat)"
    return PROGRAM


def test_newsboat_shows_the_sample_school_feed(sample_build, tmp_path):
    config = load_config(sample_build.root)
    settings = settings_from_config(config["site_url"], config.get("extra"))
    site = load_site(sample_build.root, settings, datetime.fromtimestamp(int(BUILD_EPOCH), VN_TZ))
    expected = {(post.title, int(post.date.timestamp())) for post in site.posts}
    expected |= {(f"[{plan.label}] {plan.title}", int(datetime.combine(plan.sort_key[0], time(), VN_TZ).timestamp()))
                 for plan in site.plans}
    with serve(sample_build.site) as address:
        rows, errors = newsboat_items(_program(), address + "rss.xml", tmp_path / "home")
    assert errors.strip() == ""
    shown = {(row["title"], row["pubDate"]) for row in rows}
    assert len(rows) == min(settings.feed_items, len(expected))
    assert shown <= expected and shown
    base = site_url(sample_build.root)
    assert all(row["url"].startswith(base) and row["guid"] == row["url"] for row in rows)


def test_newsboat_keeps_escaped_titles_and_vietnam_time(tmp_path):
    build = run_mkdocs(make_site(tmp_path / "school", school_files()))
    assert build.returncode == 0, build.output
    with serve(build.site) as address:
        rows, errors = newsboat_items(_program(), address + "rss.xml", tmp_path / "home")
    assert errors.strip() == ""
    by_url = {row["url"]: row for row in rows}
    assert by_url[TRICKY_URL]["title"] == TRICKY_TITLE
    assert by_url[TRICKY_URL]["pubDate"] == int(datetime(2025, 12, 10, 16, 45, tzinfo=VN_TZ).timestamp())
    plan = by_url[BASE + "ke-hoach/2025/259-kh-mntn/"]
    assert plan["title"].startswith("[259/KH-MNTN] ")
    assert plan["pubDate"] == int(datetime(2025, 11, 28, tzinfo=VN_TZ).timestamp())

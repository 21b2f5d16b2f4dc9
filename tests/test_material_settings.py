"""Material's settings given up front, and the parts of Material a Bảng tin site leaves out."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import lxml.html as lhtml

from bangtin.search import PIPELINE, SEPARATOR
from content_samples import good_content
from sitebuild import BASE_CONFIG, BUILD_EPOCH, make_site, run_mkdocs

# A real build in a child process that reports which templates Jinja compiled, in how many environments.
_COUNTING_BUILD = """
import collections, json, sys
import jinja2
compiled = collections.Counter()
compile = jinja2.Environment.compile
def counting(self, source, name=None, *args, **kwargs):
    compiled[name] += 1
    return compile(self, source, name, *args, **kwargs)
jinja2.Environment.compile = counting
from mkdocs.__main__ import cli
try:
    cli.main(["build", "--strict", "--quiet"], standalone_mode=False)
finally:
    print(json.dumps(compiled))
"""


def _counting_build(root: Path) -> dict[str, int]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-c", _COUNTING_BUILD], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _index_config(root: Path) -> dict:
    return json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]


def test_language_templates_are_compiled_once_and_the_settings_kept(tmp_path: Path) -> None:
    root = make_site(tmp_path / "school", good_content())
    compiled = _counting_build(root)
    # Material's search plugin would compile the language templates again, in a new environment per setting.
    assert compiled.get("partials/languages/vi.html") == 1 and compiled.get("partials/language.html") == 1
    assert "partials/languages/en.html" not in compiled  # Vietnamese has every string a page uses, and ltr
    config = _index_config(root)
    assert config["lang"] == ["vi"] and config["separator"] == SEPARATOR and config["pipeline"] == PIPELINE
    for page in ("", "gioi-thieu/", "tin-tuc/", "ke-hoach/", "404.html"):
        path = root / "site" / page / ("" if page.endswith(".html") else "index.html")
        assert lhtml.fromstring(path.read_bytes()).xpath("//body/@dir") == ["ltr"], page


def test_a_schools_own_search_pipeline_and_direction_are_kept(tmp_path: Path) -> None:
    config = copy.deepcopy(BASE_CONFIG)
    config["plugins"] = [{"search": {"lang": "vi", "pipeline": ["trimmer"]}}]
    config["theme"]["direction"] = "rtl"
    root = make_site(tmp_path / "school", good_content(), config)
    assert run_mkdocs(root).returncode == 0
    assert _index_config(root)["pipeline"] == ["trimmer"]
    assert lhtml.fromstring((root / "site" / "index.html").read_bytes()).xpath("//body/@dir") == ["rtl"]


def test_hand_written_page_has_its_title_content_and_edit_button(tmp_path: Path) -> None:
    root = make_site(tmp_path / "school", {
        **good_content(),
        "docs/lien-he.md": "Điện thoại: 024 3872 0000.\n",  # no heading of its own: the page title becomes the h1
    })
    assert run_mkdocs(root).returncode == 0
    for page, title, text in (("gioi-thieu", "Giới thiệu", "Trường mầm non."), ("lien-he", "Lien he", "024 3872 0000")):
        article = lhtml.fromstring((root / "site" / page / "index.html").read_bytes()).xpath("//article")[0]
        assert [h1.text_content().strip() for h1 in article.iter("h1")] == [title], page
        assert text in article.text_content(), page
        assert article.xpath(".//a[contains(@class, 'md-content__button')]/@href") == [
            f"https://github.com/truong-thu/web/edit/main/docs/{page}.md"], page


def test_no_analytics_even_when_configured(tmp_path: Path) -> None:
    config = copy.deepcopy(BASE_CONFIG)
    config["extra"]["analytics"] = {"provider": "google", "property": "G-ABCDEF1234"}
    root = make_site(tmp_path / "school", good_content(), config)
    assert run_mkdocs(root).returncode == 0
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "googletagmanager" not in html and "G-ABCDEF1234" not in html and "__md_analytics" not in html, page

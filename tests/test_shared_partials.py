"""Material's pieces rendered once per place give the same bytes as rendering them on every page."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest

from content_samples import good_content
from sitebuild import BASE_CONFIG, make_site, run_mkdocs

SHARED_BLOCK = re.compile(r'\{\{ bt_shared_block\("\w+", super\) \}\}')


def _render_every_time(overrides: Path) -> None:
    """The overrides without the sharing: Material's nav, tabs and language partials, blocks through super()."""
    for name in ("nav.html", "tabs.html", "language.html"):
        (overrides / "partials" / name).unlink()
    shutil.copy(overrides / "bangtin" / "partials" / "search-dialog.html", overrides / "partials" / "search.html")
    main = overrides / "main.html"
    text, count = SHARED_BLOCK.subn("{{ super() }}", main.read_text(encoding="utf-8"))
    assert count == 3, "main.html shares the styles, config and scripts blocks"
    main.write_text(text, encoding="utf-8")


def _config() -> dict:
    """The base config with the tabs on and a section in the navigation, so that active items and nesting show."""
    config = copy.deepcopy(BASE_CONFIG)
    config["theme"]["features"] = ["navigation.tabs", "content.action.edit"]
    config["nav"] = [*config["nav"][:-1], {"Về trường": ["gioi-thieu.md", "lien-he.md"]}, {"Sở GD&ĐT": "https://example.org/"}]
    return config


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    content = {**good_content(), "docs/lien-he.md": "# Liên hệ\n\nĐiện thoại trường.\n"}
    ours = make_site(tmp_path_factory.mktemp("shared"), content, _config())
    material = make_site(tmp_path_factory.mktemp("material"), content, _config())
    _render_every_time(material / "overrides")
    for root in (ours, material):
        build = run_mkdocs(root)
        assert build.returncode == 0, build.output
    return ours / "site", material / "site"


def test_every_file_is_byte_for_byte_what_material_renders(builds):
    ours, material = _files(builds[0]), _files(builds[1])
    assert sorted(ours) == sorted(material)
    different = [name for name in ours if ours[name] != material[name]]
    assert different == []


def test_the_comparison_covers_active_items_nested_sections_and_pages_outside_the_navigation(builds):
    site = builds[0]
    inside = (site / "lien-he" / "index.html").read_text(encoding="utf-8")  # in a section of the navigation
    articles = sorted(site.glob("tin-tuc/*/*/*/index.html"))
    assert articles, "the content has articles, whose navigation comes from the shared rendering"
    outside = articles[0].read_text(encoding="utf-8")
    assert "md-nav__link--active" in inside and "md-tabs__item--active" in inside
    assert "md-nav__link--active" not in outside and "md-tabs__item--active" not in outside
    assert outside.count('class="md-tabs__item"') == 6  # 4 pages, the section as one tab, the outside link
    assert 'aria-label="Thanh điều hướng"' in outside  # Material's Vietnamese string, looked up through lang.t


def test_the_overrides_delegate_to_material_files_that_still_exist():
    """When Material is upgraded, its nav.html and tabs.html must still be there, and its language.html unchanged."""
    import material

    theme = Path(material.__file__).parent / "templates"
    overrides = Path(__file__).resolve().parents[1] / "overrides"
    for name in ("partials/nav.html", "partials/tabs.html"):
        assert f'bt_shared("material/{name}")' in (overrides / name).read_text(encoding="utf-8")
        assert (theme / name).is_file()
    ours = (overrides / "partials" / "language.html").read_text(encoding="utf-8")
    for line in (theme / "partials" / "language.html").read_text(encoding="utf-8").splitlines():
        if line.startswith(("{% import", "{% macro")):
            assert line in ours, f"Material's language.html changed: {line}"

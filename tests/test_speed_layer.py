"""The speed layer (bangtin/speed) builds byte for byte what Material renders, whatever the theme's features."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from content_samples import good_content
from sitebuild import BASE_CONFIG, make_site, run_mkdocs

from bangtin.speed import TEMPLATES, pinned_material, speed_layer_refusal

#: Sets of theme features a school may turn on; each is built with the layer on and off.
FEATURES = {
    "tabs, edit links, a section and an outside link": {
        "features": ["navigation.tabs", "content.action.edit"],
    },
    "a logo, two palettes with a toggle, no tabs": {
        "features": ["navigation.top", "search.highlight"],
        "logo": "assets/logo.png",
        "palette": [
            {"scheme": "default", "primary": "teal", "toggle": {"icon": "material/brightness-7", "name": "Chế độ tối"}},
            {"scheme": "slate", "primary": "teal", "toggle": {"icon": "material/brightness-4", "name": "Chế độ sáng"}},
        ],
    },
    "sections, indexes, sticky tabs, a footer without edit links": {
        "features": ["navigation.tabs", "navigation.tabs.sticky", "navigation.sections", "navigation.indexes",
                     "navigation.footer", "toc.follow"],
    },
}
LOGO = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5a4e1a90000000049454e44ae426082"
)


def _config(theme: dict, speed_layer: bool) -> dict:
    config = copy.deepcopy(BASE_CONFIG)
    config["theme"] = {**config["theme"], **theme}
    config["nav"] = [*config["nav"][:-1], {"Về trường": ["gioi-thieu.md", "lien-he.md"]}, {"Sở GD&ĐT": "https://example.org/"}]
    config["extra"]["bangtin"]["speed_layer"] = speed_layer
    return config


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module", params=list(FEATURES), ids=list(FEATURES))
def builds(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    content = {**good_content(), "docs/lien-he.md": "# Liên hệ\n\nĐiện thoại trường.\n", "docs/assets/logo.png": LOGO}
    roots = []
    for speed_layer in (True, False):
        root = make_site(tmp_path_factory.mktemp("speed"), content, _config(FEATURES[request.param], speed_layer))
        build = run_mkdocs(root)
        assert build.returncode == 0, build.output
        roots.append(root)
    return roots[0], roots[1]


def test_every_file_is_byte_for_byte_what_material_renders(builds):
    fast, material = _files(builds[0] / "site"), _files(builds[1] / "site")
    assert sorted(fast) == sorted(material)
    assert [name for name in fast if fast[name] != material[name]] == []


def test_only_the_speed_layer_keeps_compiled_templates(builds):
    fast, material = builds
    assert (fast / ".cache/bangtin/templates.bin").is_file()
    assert not (material / ".cache/bangtin/templates.bin").exists()


def test_the_comparison_covers_active_items_and_pages_outside_the_navigation(builds):
    site = builds[0] / "site"
    inside = (site / "lien-he" / "index.html").read_text(encoding="utf-8")  # in a section of the navigation
    outside = sorted(site.glob("tin-tuc/*/*/*/index.html"))[0].read_text(encoding="utf-8")
    assert "md-nav__link--active" in inside and "md-nav__link--active" not in outside
    assert 'aria-label="Thanh điều hướng"' in outside  # Material's Vietnamese string, looked up through lang.t
    assert 'role="dialog" aria-label="Tìm kiếm"' in outside  # our search dialog, named for screen readers


@pytest.mark.parametrize(("pinned", "installed", "runs"), [
    ("9.8.1", "9.8.1", True),
    ("9.8.1", "9.8.2", False),  # a newer Material: its partials may have changed
    ("9.8.1", None, False),
    (None, "9.8.1", False),  # bangtin itself not installed: no pin to compare with
])
def test_the_layer_runs_only_on_the_pinned_material(pinned, installed, runs):
    refusal = speed_layer_refusal(pinned, installed)
    assert (refusal is None) == runs
    if refusal:
        assert "khác bản" in refusal and "theo cách của Material" in refusal


def test_the_pin_is_read_from_the_installed_package():
    import material

    assert pinned_material() == material.__version__ == "9.8.1"


def test_the_layer_delegates_to_material_files_that_still_exist():
    """When Material is upgraded, its nav.html and tabs.html must still be there, and its language.html unchanged."""
    import material

    theme = Path(material.__file__).parent / "templates"
    for name in ("partials/nav.html", "partials/tabs.html"):
        assert f'bt_shared("material/{name}")' in (TEMPLATES / name).read_text(encoding="utf-8")
        assert (theme / name).is_file()
    material_language = (theme / "partials" / "language.html").read_text(encoding="utf-8")
    assert material_language.count("{% import") == 2 and "lang.t(key) or fallback.t(key) or key" in material_language

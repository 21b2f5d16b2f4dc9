"""Compiled templates are kept in one file and reused while the templates are unchanged."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from bangtin.speed.template_cache import BundledBytecodeCache
from content_samples import good_content
from sitebuild import make_site, run_mkdocs


class CountingEnvironment(Environment):
    compiled: list[str]

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        self.compiled.append(name)
        return super().compile(source, name, filename, raw, defer_init)


def _env(templates: Path, cache: Path) -> CountingEnvironment:
    env = CountingEnvironment(loader=FileSystemLoader(str(templates)), bytecode_cache=BundledBytecodeCache(cache))
    env.compiled = []
    return env


def _templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    (folder / "other.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    return folder


def test_the_next_build_reuses_the_compiled_templates(tmp_path):
    templates, cache = _templates(tmp_path), tmp_path / "templates.bin"
    first = _env(templates, cache)
    assert first.get_template("page.html").render(title="Tin") == "<h1>Tin</h1>"
    first.bytecode_cache.write()
    assert first.compiled == ["page.html"] and cache.is_file()

    second = _env(templates, cache)
    assert second.get_template("page.html").render(title="Bài") == "<h1>Bài</h1>"
    assert second.compiled == []
    written = cache.stat().st_mtime_ns
    second.bytecode_cache.write()
    assert cache.stat().st_mtime_ns == written, "nothing compiled, nothing written"


def test_a_changed_template_is_compiled_again_and_unused_ones_are_dropped(tmp_path):
    templates, cache = _templates(tmp_path), tmp_path / "templates.bin"
    first = _env(templates, cache)
    first.get_template("page.html")
    first.get_template("other.html")
    first.bytecode_cache.write()

    (templates / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    second = _env(templates, cache)
    assert second.get_template("page.html").render(title="Mới") == "<h2>Mới</h2>"
    assert second.compiled == ["page.html"]
    second.bytecode_cache.write()

    third = _env(templates, cache)
    third.get_template("page.html")
    third.get_template("other.html")
    assert third.compiled == ["other.html"], "other.html was not used by the second build, so it was dropped"


def test_a_damaged_cache_file_is_ignored(tmp_path):
    templates, cache = _templates(tmp_path), tmp_path / "templates.bin"
    cache.write_bytes(b"not a cache")
    env = _env(templates, cache)
    assert env.get_template("page.html").render(title="A") == "<h1>A</h1>"
    env.bytecode_cache.write()
    assert _env(templates, cache).get_template("page.html").render(title="B") == "<h1>B</h1>"


def test_a_rebuild_reads_the_cache_and_gives_the_same_site(tmp_path):
    root = make_site(tmp_path / "school", good_content())
    first = run_mkdocs(root)
    assert first.returncode == 0, first.output
    cache = root / ".cache" / "bangtin" / "templates.bin"
    assert cache.is_file() and cache.stat().st_size > 10_000
    pages = {p: p.read_bytes() for p in sorted(first.site.rglob("*.html"))}
    written = cache.stat().st_mtime_ns

    second = run_mkdocs(root)
    assert second.returncode == 0, second.output
    assert cache.stat().st_mtime_ns == written, "every template came from the cache"
    assert {p: p.read_bytes() for p in sorted(second.site.rglob("*.html"))} == pages

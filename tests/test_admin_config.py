"""The web editor's configuration against the content contract, and what the editor writes against the loader."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bangtin import fields as f
from bangtin.admin import cms_config, github_repo
from bangtin.admin.cms_config import build_cms_config
from bangtin.admin.vendor import REWRITES, VendorError, rewrite_bundle
from bangtin.kinds import KINDS
from bangtin.settings import settings_from_config
from content_samples import jpeg
from sitebuild import BASE_CONFIG, REPO, make_site, run_mkdocs

SETTINGS = settings_from_config("https://truong-thu.example.edu.vn/", BASE_CONFIG["extra"])


def config() -> dict[str, Any]:
    return build_cms_config(SETTINGS, "truong-thu/web")


def test_every_key_of_every_kind_appears_once_with_its_label() -> None:
    collections = {c["name"]: c for c in config()["collections"]}
    for kind in KINDS:
        fields = collections[kind.folder]["fields"]
        assert [field["name"] for field in fields] == [*kind.schema, "body"]
        for field in fields[:-1]:
            spec = kind.schema[field["name"]]
            assert field["label"] == spec.label and spec.label, (kind.name, field["name"])
            assert field["required"] is spec.required
    assert [field["name"] for field in collections["docs"]["fields"]] == ["title", "body"]


def test_a_key_added_to_the_schema_appears_and_a_key_removed_disappears(monkeypatch: pytest.MonkeyPatch) -> None:
    post = next(kind for kind in KINDS if kind.folder == "news")
    schema = {key: spec for key, spec in post.schema.items() if key != "author"}
    schema["weather"] = f.Field(f.text, label="Thời tiết")
    changed = dataclasses.replace(post, schema=schema)
    monkeypatch.setattr(cms_config, "KINDS", tuple(changed if kind is post else kind for kind in KINDS))
    fields = {field["name"]: field for field in next(c for c in config()["collections"] if c["name"] == "news")["fields"]}
    assert fields["weather"]["label"] == "Thời tiết" and fields["weather"]["widget"] == "string"
    assert "author" not in fields


def test_choices_come_from_the_settings_and_the_registry() -> None:
    news = {field["name"]: field for field in config()["collections"][1]["fields"]}
    assert news["categories"]["options"] == [category.name for category in SETTINGS.categories]
    assert [option["value"] for option in news["movements"]["options"]] == [m.key for m in SETTINGS.movements]
    assert news["plans"]["widget"] == "relation" and news["plans"]["collection"] == "plans"
    assert news["clubs"]["collection"] == "clubs" and news["draft"]["widget"] == "boolean"
    clubs = {field["name"]: field for field in config()["collections"][2]["fields"]}
    assert clubs["decision"]["widget"] == "relation" and clubs["decision"]["multiple"] is False
    assert clubs["members"] == {**clubs["members"], "widget": "number", "value_type": "int", "min": 0}


def test_files_are_written_as_the_loader_reads_them() -> None:
    whole = config()
    assert whole["backend"]["auth_methods"] == ["token"]  # GitHub Pages has no server for an OAuth sign-in
    assert whole["backend"]["commit_messages"]["create"].startswith("Thêm ")
    assert whole["output"] == {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}}
    assert whole["slug"]["encoding"] == "ascii" and whole["slug"]["clean_accents"] is True
    photo = whole["media_libraries"]["default"]["config"]["transformations"]["raster_image"]
    assert photo["width"] == photo["height"] == 2048
    news = next(c for c in whole["collections"] if c["name"] == "news")
    assert news["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}" and news["media_folder"] == "{{slug}}"
    hints = {field["name"]: field.get("hint", "") for field in news["fields"]}
    assert "giờ Việt Nam" in hints["date"] and "${" not in json.dumps(whole)
    # bangtin new's advice on writing the file by hand stays out of the form
    assert not [hint for hint in hints.values() if re.search(r"\[|\{|true|false|mkdocs\.yml|“#”", hint)], hints


@pytest.mark.parametrize(
    ("edit_uri", "repo_url", "expected"),
    [("https://github.com/mnhoasen/mnhoasen.github.io/edit/main/", None, ("mnhoasen/mnhoasen.github.io", "main")),
     (None, "https://github.com/truong/web.git", ("truong/web", "main")),
     ("https://github.com/truong/web/edit/xuat-ban/docs/", None, ("truong/web", "xuat-ban")),
     (None, None, (None, "main"))],
)
def test_github_repo(edit_uri: str | None, repo_url: str | None, expected: tuple[str | None, str]) -> None:
    assert github_repo(edit_uri, repo_url) == expected


def test_the_pinned_bundle_has_each_cdn_address_where_the_rewrites_expect_it() -> None:
    bundle = REPO / "node_modules" / "@sveltia" / "cms" / "dist" / "sveltia-cms.js"
    if not bundle.is_file():
        pytest.skip("npm ci has not installed the editor (package.json)")
    rewritten = rewrite_bundle(bundle.read_text(encoding="utf-8"))
    for host in ("https://unpkg.com", "https://cdn.jsdelivr.net", "https://www.githubstatus.com/api"):
        assert host not in rewritten
    with pytest.raises(VendorError, match="unpkg"):
        rewrite_bundle(bundle.read_text(encoding="utf-8") + "`https://unpkg.com/x`")
    assert len(REWRITES) == 5


# What the editor writes for each widget of the generated configuration, as Sveltia writes it: every string
# double-quoted (output.yaml.quote), empty optional keys left out, dates in the widget's format without an offset.
# The strings are the known traps: yes, on, 12:30 and 2024-05-01 unquoted are a boolean, a number and a date.
TRAPS = ("yes", "on", "12:30", "2024-05-01")


class Quoted(str):
    pass


class CmsDumper(yaml.SafeDumper):
    pass


CmsDumper.add_representer(Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                                                                   style='"'))


def cms_value(field: dict[str, Any], index: int, known: dict[str, str]) -> Any:
    """A value of ``field`` as the editor writes it."""
    widget = field["widget"]
    if widget == "datetime":
        return Quoted("2025-12-05" if field.get("time_format") is False else "2025-12-05 08:30")
    if widget == "boolean":
        return False
    if widget == "number":
        return 24
    if widget == "select":
        option = field["options"][0]
        value = Quoted(option["value"] if isinstance(option, dict) else option)
        return [value] if field.get("multiple") else value
    if widget == "relation":
        value = Quoted(known[field["collection"]])
        return [value] if field.get("multiple") else value
    if widget == "image":
        return Quoted("anh/bia.webp")
    if widget == "file":
        return [Quoted("anh/van-ban.pdf")]
    if widget == "hidden":
        return None  # not in the form, so never written
    if widget == "list" and "fields" in field:
        return [{sub["name"]: cms_value(sub, index, known) for sub in field["fields"] if sub.get("required", True)}
                for _ in range(2)]
    if widget == "list":
        return [Quoted(TRAPS[index % len(TRAPS)]), Quoted("khám phá")]
    if field["name"] == "when":  # a milestone's time: a month or a period
        return Quoted("2025-12")
    if "pattern" in field:
        return Quoted("2025-2026" if "năm học" in field["pattern"][1].lower() else f"{100 + index}/KH-MNTN")
    return Quoted(f"{TRAPS[index % len(TRAPS)]}")


def cms_file(collection: dict[str, Any], known: dict[str, str]) -> str:
    meta = {field["name"]: value for index, field in enumerate(collection["fields"])
            if field["name"] != "body" and (value := cms_value(field, index, known)) is not None}
    if "title" in meta:
        meta["title"] = Quoted(f"{collection['label']}: {meta['title']}")
    return "---\n" + yaml.dump(meta, Dumper=CmsDumper, allow_unicode=True, sort_keys=False) + "---\n\nNội dung.\n"


def test_every_widget_written_as_the_editor_writes_it_passes_the_strict_loader(tmp_path: Path) -> None:
    whole = config()
    known = {"plans": "120/KH-MNTN", "clubs": "be-yeu-khoa-hoc"}
    files: dict[str, str | bytes] = {
        "plans/kh-120.md": "---\nnumber: 120/KH-MNTN\ntitle: Kế hoạch năm học\nissued: 2025-09-05\n---\n",
        "clubs/be-yeu-khoa-hoc.md": "---\nname: CLB Bé yêu khoa học\nkind: STEM\n---\n",
    }
    for collection in whole["collections"]:
        if collection["name"] == "docs":
            continue
        folder = collection["folder"]
        text = files[f"{folder}/2025-12-05-tu-trinh-soan.md"] = cms_file(collection, known)
        if "anh/bia.webp" in text:
            files[f"{folder}/anh/bia.webp"] = jpeg()
        if "anh/van-ban.pdf" in text:
            files[f"{folder}/anh/van-ban.pdf"] = b"%PDF-1.4\n"
    build = run_mkdocs(make_site(tmp_path / "truong", files))
    assert build.returncode == 0, build.output
    article = build.html("tin-tuc/2025/12/tu-trinh-soan")
    assert "Tin bài: yes" in article  # a quoted yes stays the word, never true
    plan = build.html("ke-hoach/2025/100-kh-mntn")
    assert "Kế hoạch, văn bản:" in plan


def test_every_string_a_clerk_meets_is_in_vietnamese() -> None:
    """Sveltia's own vi locale lacks some strings (folders, media, save conflicts); ours fills them. What stays in
    English is for whoever writes the configuration (its error messages) or for services the site does not use."""
    locales = REPO / "node_modules" / "@sveltia" / "cms" / "locales"
    if not locales.is_dir():
        pytest.skip("npm ci has not installed the editor (package.json)")
    from bangtin.admin import LOCALE_OVERLAY
    from bangtin.admin.vendor import sveltia_locale

    served = sveltia_locale(REPO / "node_modules", json.loads(LOCALE_OVERLAY.read_text(encoding="utf-8")))

    def keys(tree: dict, prefix: str = "") -> set[str]:
        return {name for key, value in tree.items()
                for name in (keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key})}

    english = keys(json.loads((locales / "en-US.json").read_text(encoding="utf-8")))
    untranslated = {key for key in english - keys(served)
                    if not key.startswith(("config.error.", "config.warning.", "cloud_storage."))}
    assert untranslated == set()

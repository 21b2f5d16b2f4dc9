"""The clerk's ``bangtin`` command through click's CliRunner: new, check, import, and usage mistakes."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bangtin.cli import cli
from bangtin.dates import VN_TZ
from bangtin.scaffold import SCAFFOLDS
from bangtin.scaffold import render_new
from content_samples import good_content
from sitebuild import BASE_CONFIG, BUILD_EPOCH, SHARED, front, make_site

PLANS = SHARED / "fixtures" / "plans"
ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH}  # 2026-01-15 08:00 +07:00
SCHEMAS = {word: kind.schema for word, kind in SCAFFOLDS.items()}
BROKEN = {
    "news/2025-12-10-sai-ngay.md": front({"title": "Tin sai ngày", "date": "31/02/2025", "categories": ["Tin tức"]}),
    "news/2025-12-11-sai-khoa.md": front({"title": "Tin sai khóa", "date": "2025-12-11", "catgories": ["Tin tức"]}),
    "clubs/clb-thieu-loai.md": front({"name": "CLB Thiếu loại", "members": 12}),
    "plans/kh-so-sai.md": front({"number": "KH259", "title": "Kế hoạch", "issued": "2025-12-01"}),
}


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env={**ENV, **(env or {})}, catch_exceptions=False)


@pytest.fixture
def school(tmp_path: Path) -> Path:
    return make_site(tmp_path / "truong", good_content())


@pytest.mark.parametrize(("kind", "title", "expected"), [
    ("tin", "Bé vui: Ngày hội STEM", "news/2026-01-15-be-vui-ngay-hoi-stem.md"),
    ("ke-hoach", "Kế hoạch Chuyển đổi số năm học 2025-2026", "plans/ke-hoach-chuyen-doi-so-nam-hoc-2025-2026.md"),
    ("clb", "CLB Kỹ sư nhí", "clubs/clb-ky-su-nhi.md"),
])
def test_new_names_the_file_from_the_title_and_date(school, kind, title, expected):
    result = run("new", kind, title, "--root", str(school))
    assert result.exit_code == 0, result.output
    assert expected in result.output
    meta = yaml.safe_load((school / expected).read_text(encoding="utf-8").split("---\n")[1])
    assert meta.get("title", meta.get("name")) == title


def test_new_article_is_dated_now_in_vietnam_time_with_the_first_category(school):
    run("new", "tin", "Bé vui Ngày hội STEM", "--root", str(school))
    text = (school / "news/2026-01-15-be-vui-ngay-hoi-stem.md").read_text(encoding="utf-8")
    assert "\ndate: 2026-01-15 08:00\n" in text
    assert "\ncategories: [Tin tức]\n" in text
    assert "\n# image: be-vui-ngay-hoi-stem/anh-bia.jpg\n" in text
    assert "\ndraft: false\n" in text


def test_new_plan_starts_as_a_draft_with_a_comment_saying_why(school):
    run("new", "ke-hoach", "Kế hoạch tháng 2", "--root", str(school))
    text = (school / "plans/ke-hoach-thang-2.md").read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text and "\nissued: 2026-01-15\n" in text
    assert "\n# number: " in text  # no number yet: it would have to exist to pass the check
    comment = text.split("\ndraft: true")[0].rsplit("\n", 1)[1]
    assert comment.startswith("# ") and "đổi thành false" in comment


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_key_of_the_contract_has_a_vietnamese_comment(kind):
    text = render_new(kind, "Tiêu đề thử", _now(), BASE_CONFIG)
    lines = text.split("---\n")[1].splitlines()
    for key in SCHEMAS[kind]:
        index = next((i for i, line in enumerate(lines) if re.match(rf"^(# )?{key}:", line)), None)
        if key == "signers":  # the plural form is explained on the line of ``signer``
            assert any("signers:" in line for line in lines if line.startswith("#"))
            continue
        assert index is not None, f"{key} is missing"
        comment = lines[index - 1]
        assert comment.startswith("# ") and not re.match(r"^# \w+:", comment), (key, comment)
        assert re.search(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", comment.lower())


def test_new_refuses_to_overwrite(school):
    first = run("new", "clb", "CLB Bé yêu khoa học", "--root", str(school))
    before = (school / "clubs/clb-be-yeu-khoa-hoc.md").read_bytes()
    second = run("new", "clb", "CLB Bé yêu khoa học", "--root", str(school))
    assert first.exit_code == 0 and second.exit_code == 1
    assert "clubs/clb-be-yeu-khoa-hoc.md đã có, không ghi đè" in second.stderr
    assert (school / "clubs/clb-be-yeu-khoa-hoc.md").read_bytes() == before


def test_new_refuses_a_title_without_letters(school):
    result = run("new", "tin", " … ", "--root", str(school))
    assert result.exit_code == 1 and "tiêu đề cần có chữ hoặc số" in result.stderr
    assert not list((school / "news").glob("2026-*"))


def test_new_finds_the_site_from_a_subfolder(school, monkeypatch):
    monkeypatch.chdir(school / "news")
    result = run("new", "tin", "Thông báo nghỉ Tết")
    assert result.exit_code == 0, result.output
    assert (school / "news/2026-01-15-thong-bao-nghi-tet.md").is_file()


def test_check_passes_on_good_content_with_counts(school):
    result = run("check", "--root", str(school))
    assert result.exit_code == 0, result.output
    assert "\nĐã kiểm tra 3 kế hoạch, 1 bài viết, 1 câu lạc bộ: không có lỗi.\n" in "\n" + result.output


def test_check_counts_drafts_and_scheduled_posts(school):
    run("new", "ke-hoach", "Dự thảo kế hoạch hè", "--root", str(school))
    (school / "news/2026-03-01-hen-gio.md").write_text(
        front({"title": "Hẹn giờ", "date": "2026-03-01 07:00", "categories": ["Tin tức"]}), encoding="utf-8")
    result = run("check", "--root", str(school))
    assert "Đã kiểm tra 4 kế hoạch, 2 bài viết, 1 câu lạc bộ: không có lỗi." in result.output
    assert "1 bản nháp (draft: true) và 1 bài hẹn giờ đăng sau" in result.output


def test_check_lists_every_error_with_file_and_line_and_exits_1(school):
    for rel, text in BROKEN.items():
        (school / rel).write_text(text, encoding="utf-8")
    result = run("check", "--root", str(school))
    assert result.exit_code == 1
    assert "Tìm thấy 4 lỗi:" in result.output
    for where in ("news/2025-12-10-sai-ngay.md:3: khóa “date”", "news/2025-12-11-sai-khoa.md:4: khóa “catgories”",
                  "clubs/clb-thieu-loai.md:1: khóa “kind”", "plans/kh-so-sai.md:2: khóa “number”"):
        assert f"  Lỗi – {where}" in result.output
    assert "có phải ý bạn là “categories”?" in result.output
    assert "Có 4 lỗi" in result.output and "không có lỗi" not in result.output


def test_check_lists_warnings_apart_and_still_passes(school):
    post = front({"title": "Liên hệ", "date": "2025-12-12", "categories": ["Tin tức"]}, "Liên hệ cô Lan: 0912 345 678.\n")
    (school / "news/2025-12-12-lien-he.md").write_text(post, encoding="utf-8")
    result = run("check", "--root", str(school))
    assert result.exit_code == 0, result.output
    assert "Tìm thấy 1 cảnh báo" in result.output and not re.search(r"Tìm thấy \d+ lỗi", result.output)
    assert "  Cảnh báo – news/2025-12-12-lien-he.md:" in result.output
    assert "không có lỗi.\n" in result.output and "Nhắc việc (không chặn việc tạo trang):" in result.output


def test_check_reads_mkdocs_tags_it_does_not_know(school):
    config = (school / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url: .*$", "site_url: !ENV [BANGTIN_SITE_URL, 'https://truong.example.edu.vn/']", config)
    config += "markdown_extensions_extra:\n  emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    (school / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert run("check", "--root", str(school)).exit_code == 0
    result = run("check", "--root", str(school), env={"BANGTIN_SITE_URL": "truong.example.edu.vn"})
    assert result.exit_code == 1 and "Lỗi – mkdocs.yml: khóa “site_url”" in result.output


def test_mkdocs_yml_is_read_safely_no_python_object_is_built(tmp_path):
    """mkdocs.yml is untrusted input: Python tags read as nothing, none of them runs or imports anything."""
    from bangtin.check import load_config

    marker = tmp_path / "ran"
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Trường\n"
        f"a: !!python/object/apply:os.system ['touch {marker}']\n"
        "b: !!python/name:os.system\n"
        "c: !!python/object/new:collections.OrderedDict []\n"
        "d: !custom {x: 1}\n",
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config == {"site_name": "Trường", "a": None, "b": None, "c": None, "d": None}
    assert not marker.exists()


def test_check_reports_broken_mkdocs_yml_with_its_line(school):
    (school / "mkdocs.yml").write_text("site_name: Trường\nsite_url: [https://x.vn/\nextra: {}\n", encoding="utf-8")
    result = run("check", "--root", str(school))
    assert result.exit_code == 1 and "Lỗi – mkdocs.yml:" in result.output and "YAML" in result.output


def test_check_without_a_site_folder_says_where_to_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 1 and "Không tìm thấy tệp mkdocs.yml" in result.stderr
    assert run("check", "--root", str(tmp_path)).exit_code == 1


needs_shared = pytest.mark.skipif(not PLANS.is_dir(), reason="shared fixtures not found beside the repository")


@needs_shared
def test_import_writes_the_plan_says_what_is_missing_and_passes_check(school, monkeypatch):
    monkeypatch.chdir(school)
    result = run("import", str(PLANS / "mn-phong-thanh-dong-2017.docx"))
    assert result.exit_code == 0, result.output
    created = re.search(r"Đã tạo (plans/\S+\.md)", result.output)
    assert created and (school / created[1]).is_file()
    assert "Chưa đọc được" in result.output and "không tìm thấy số, ký hiệu" in result.output
    assert "không có lỗi." in result.output
    assert run("check").exit_code == 0


@needs_shared
def test_import_never_overwrites(school):
    plans = school / "plans"
    first = run("import", str(PLANS / "mn-hoa-mai-259-kh-2025.docx"), "--plans", str(plans))
    assert first.exit_code == 0, first.output
    written = {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()}
    again = run("import", str(PLANS / "mn-hoa-mai-259-kh-2025.txt"), "--plans", str(plans))
    assert again.exit_code == 1
    assert "đã có; không ghi đè" in again.output
    assert {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()} == written


def test_import_of_own_fixture_never_overwrites(school):
    plans = school / "plans"
    source = Path(__file__).parent / "fixtures" / "import" / "kh-phong-gddt-so-trong.txt"
    first = run("import", str(source), "--plans", str(plans))
    assert first.exit_code == 0, first.output
    assert "Đã tạo" in first.output
    written = {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()}
    again = run("import", str(source), "--plans", str(plans))
    assert again.exit_code == 1 and "đã có; không ghi đè" in again.output
    assert {p: p.read_bytes() for p in plans.rglob("*") if p.is_file()} == written


def test_import_of_a_missing_file_is_a_clear_error(school):
    result = run("import", str(school / "khong-co.docx"), "--plans", str(school / "plans"))
    assert result.exit_code == 1 and "Không tìm thấy tệp" in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (["new", "bai", "Tiêu đề"], "“bai” không phải loại tệp"),
    (["new", "tin"], "thiếu 'TIÊU_ĐỀ'"),
    (["kiem-tra"], "không có lệnh 'kiem-tra'"),
])
def test_usage_mistakes_are_explained_in_vietnamese(args, expected, monkeypatch, capsys):
    from bangtin.cli import main

    monkeypatch.setattr("sys.argv", ["bangtin", *args])
    with pytest.raises(SystemExit) as stop:
        main()
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.startswith("Lệnh chưa đúng: ") and expected in err and "-h” để xem hướng dẫn" in err


def test_help_is_in_vietnamese():
    result = run("-h")
    assert result.exit_code == 0
    assert "Cách dùng: bangtin" in result.output and "Lệnh:" in result.output and "Tùy chọn:" in result.output
    for name in ("new", "check", "import"):
        assert re.search(rf"^  {name} +\S", result.output, re.MULTILINE)


def _now() -> datetime:
    return datetime(2026, 1, 15, 8, 0, tzinfo=VN_TZ)


def test_pre_commit_hook_runs_the_check():
    from sitebuild import REPO

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "bangtin-check")
    assert hook["entry"] == "bangtin check" and hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "news/2025-12-05-tin.md") and re.search(hook["files"], "mkdocs.yml")
    from bangtin.site import FOLDERS

    assert all(re.search(hook["files"], f"{folder}/a.md") for folder in FOLDERS)  # every content kind's folder


def test_bangtin_build_and_the_workflow_print_no_english_banner(tmp_path):
    """Material prints an English end-of-life notice into every `mkdocs` log; `bangtin build`/`serve` and the Pages
    workflow do not."""
    import os
    import subprocess
    import sys

    from content_samples import good_content
    from sitebuild import BUILD_EPOCH, REPO, make_site

    root = make_site(tmp_path / "truong", good_content())
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    env["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=root, env=env, capture_output=True, text=True)
    assert "end of life" in plain.stderr  # what a clerk would see without it
    ours = subprocess.run([sys.executable, "-m", "bangtin", "build"], cwd=root / "news", env=env, capture_output=True,
                          text=True)
    assert ours.returncode == 0, ours.stdout + ours.stderr
    assert "end of life" not in ours.stderr + ours.stdout and "ProperDocs" not in ours.stderr + ours.stdout
    assert (root / "site" / "index.html").is_file()  # run from a content folder, built where mkdocs.yml is
    workflow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow["jobs"]["build"]["env"] == {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

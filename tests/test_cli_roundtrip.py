"""Real runs, as the clerk types them: ``bangtin new``/``import``, then ``bangtin check``, then ``mkdocs build --strict``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from content_samples import good_content
from sitebuild import BUILD_EPOCH, SHARED, front, make_site, run_mkdocs

WORD_PLAN = SHARED / "fixtures" / "plans" / "mn-hoa-mai-259-kh-2025.docx"
NEW = {
    "tin": ("Bé khám phá: Nước và màu sắc", "news/2026-01-15-be-kham-pha-nuoc-va-mau-sac.md"),
    "ke-hoach": ("Kế hoạch Tuần lễ STEM tháng 3", "plans/ke-hoach-tuan-le-stem-thang-3.md"),
    "clb": ("CLB Robot tí hon", "clubs/clb-robot-ti-hon.md"),
}


def bangtin(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    return subprocess.run([sys.executable, "-m", "bangtin.cli", *args], cwd=root, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("clerk"), good_content())
    for kind, (title, _) in NEW.items():
        done = bangtin(root, "new", kind, title)
        assert done.returncode == 0, done.stderr
    return root


def test_new_files_are_where_the_contract_puts_them(school):
    for title, rel in NEW.values():
        assert title in (school / rel).read_text(encoding="utf-8")


def test_new_files_pass_check(school):
    done = bangtin(school, "check")
    assert done.returncode == 0, done.stdout
    assert "Đã kiểm tra 4 kế hoạch, 2 bài viết, 2 câu lạc bộ: không có lỗi." in done.stdout
    assert "1 bản nháp" in done.stdout


def test_new_files_build_as_they_are(school):
    build = run_mkdocs(school)
    assert build.returncode == 0, build.output
    assert "Bé khám phá: Nước và màu sắc" in build.html("tin-tuc/2026/01/be-kham-pha-nuoc-va-mau-sac")
    assert "CLB Robot tí hon" in build.html("cau-lac-bo/clb-robot-ti-hon")
    assert not list(build.site.glob("ke-hoach/*/ke-hoach-tuan-le-stem-thang-3"))  # a new plan is a draft


def test_new_plan_is_published_once_it_is_no_longer_a_draft(school, tmp_path):
    plan = school / NEW["ke-hoach"][1]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\ndraft: true\n", "\ndraft: false\n"), encoding="utf-8")
    try:
        assert bangtin(school, "check").returncode == 0
        build = run_mkdocs(school)
        assert build.returncode == 0, build.output
        assert "Kế hoạch Tuần lễ STEM tháng 3" in build.html("ke-hoach/2026/ke-hoach-tuan-le-stem-thang-3")
    finally:
        plan.write_text(text, encoding="utf-8")


def test_new_refuses_to_overwrite_in_a_real_run(school):
    title, rel = NEW["clb"]
    before = (school / rel).read_bytes()
    done = bangtin(school, "new", "clb", title)
    assert done.returncode == 1
    assert f"Tệp {rel} đã có, không ghi đè" in done.stderr
    assert (school / rel).read_bytes() == before


def test_check_fails_with_file_and_line_in_a_real_run(tmp_path):
    wrong_date = front({"title": "Tin sai ngày", "date": "2025-13-01", "categories": ["Tin tức"]})
    wrong_category = front({"title": "Tin sai chuyên mục", "date": "2025-12-21", "categories": ["Thể thao"]})
    root = make_site(tmp_path / "truong", {**good_content(), "news/2025-12-20-tin-loi.md": wrong_date,
                                           "news/2025-12-21-chuyen-muc-la.md": wrong_category})
    done = bangtin(root, "check")
    assert done.returncode == 1
    assert "Tìm thấy 2 lỗi:" in done.stdout
    assert "Lỗi – news/2025-12-20-tin-loi.md:3: khóa “date”" in done.stdout
    assert "Lỗi – news/2025-12-21-chuyen-muc-la.md:4: khóa “categories”: “Thể thao” không phải chuyên mục" in done.stdout


@pytest.mark.skipif(not WORD_PLAN.is_file(), reason="shared fixtures not found beside the repository")
def test_imported_word_plan_passes_check_and_builds(tmp_path):
    root = make_site(tmp_path / "truong", good_content())
    done = bangtin(root, "import", str(WORD_PLAN))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Đã tạo plans/259-kh-mnhm.md" in done.stdout and "không có lỗi." in done.stdout
    assert bangtin(root, "check").returncode == 0
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    page = build.html("ke-hoach/2025/259-kh-mnhm")
    assert "259/KH-MNHM" in page and "ngày 28 tháng 11 năm 2025" in page


def test_a_word_file_of_another_office_becomes_a_published_plan(tmp_path):
    from test_import_plans import build_decision_docx

    root = make_site(tmp_path / "truong", good_content())
    word = build_decision_docx(tmp_path / "Quyet dinh 125.docx")
    done = bangtin(root, "import", str(word))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Đã tạo plans/125-qd-ubnd.md" in done.stdout and "không có lỗi." in done.stdout
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    page = build.html("ke-hoach/2026/125-qd-ubnd")
    assert "Số: 125/QĐ-UBND" in page and "Tây Hồ, ngày 05 tháng 01 năm 2026" in page
    assert "Nguyễn Văn Hùng" in page and "3089/BGDĐT-GDTrH" in page

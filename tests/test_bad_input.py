"""A clerk's mistakes stop the build with a Vietnamese message naming file, line and key; nothing is written."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from content_samples import PLAN, POST, good_content
from sitebuild import BASE_CONFIG, front, make_site, run_mkdocs, write_files

from bangtin.dates import VN_TZ
from bangtin.problems import ContentError
from bangtin.settings import settings_from_config
from bangtin.site import load_site

OLD_SITE = "<p>Trang cũ vẫn còn nguyên</p>"


def _post(**changes) -> str:
    meta = {"title": "Tin thử", "date": "2025-12-10", "categories": ["Tin tức"]}
    meta.update(changes)
    return front({k: v for k, v in meta.items() if v is not None})


def _disclosure(**changes) -> str:
    meta = {"title": "Công khai thông tin chung năm học 2025-2026", "item": "thong-tin-chung", "school_year": "2025-2026",
            "published": "2025-06-20"}
    meta.update(changes)
    return front({k: v for k, v in meta.items() if v is not None})


CASES = {
    "broken_yaml": ({"news/tin-loi-yaml.md": "---\ntitle: Bé vui: Ngày hội\ndate: 2025-12-10\n---\nNội dung\n"},
                    "news/tin-loi-yaml.md:2", "ngoặc kép"),
    "wrong_date": ({"news/tin-sai-ngay.md": _post(date="31/02/2025")}, "news/tin-sai-ngay.md:3", "khóa “date”"),
    "typo_in_key": ({"news/tin-sai-khoa.md": _post(catgories=["Tin tức"])}, "news/tin-sai-khoa.md", "“categories”"),
    "duplicate_number": ({"plans/kh-259-ban-sao.md": PLAN.replace("Triển khai", "Bản sao")},
                         "plans/kh-259-ban-sao.md", "khóa “number”"),
    "missing_photo": ({"news/tin-thieu-anh.md": _post(image="anh/khong-co.jpg")}, "news/tin-thieu-anh.md:6", "khóa “image”"),
    "missing_inline_photo": ({"news/tin-thieu-anh-bai.md": _post() + "\n![Ảnh](anh/khong-co.jpg)\n"},
                             "news/tin-thieu-anh-bai.md", "anh/khong-co.jpg"),
    "missing_attachment": ({"plans/kh-300.md": front({"number": "300/KH-MNTN", "title": "Kế hoạch", "issued": "2025-12-01",
                                                      "attachments": ["300.pdf"]})}, "plans/kh-300.md:6", "khóa “attachments”"),
    "utf16_from_notepad": ({"news/tin-utf16.md": _post().encode("utf-16")}, "news/tin-utf16.md", "UTF-16"),
    "windows_1258": ({"news/tin-1258.md": _post(title="Bé vui").encode("cp1258", errors="replace")}, "news/tin-1258.md", "UTF-8"),
    "unknown_plan": ({"news/tin-ke-hoach-la.md": _post(plans=["999/KH-MNTN"])}, "news/tin-ke-hoach-la.md:6", "khóa “plans”"),
    "unknown_club": ({"news/tin-clb-la.md": _post(clubs=["clb-khong-co"])}, "news/tin-clb-la.md:6", "khóa “clubs”"),
    "unknown_decision": ({"clubs/clb-moi.md": front({"name": "CLB Mới", "kind": "STEM", "decision": "77/QĐ-MNTN"})},
                         "clubs/clb-moi.md:4", "khóa “decision”"),
    "unknown_category": ({"news/tin-chuyen-muc-la.md": _post(categories=["Thể thao"])},
                         "news/tin-chuyen-muc-la.md:4", "khóa “categories”"),
    "same_address": ({"news/2025-12-05-be-vui-ngay-hoi-stem-2.md": POST.replace("cover.jpg", "cover.jpg"),
                      "news/be-vui-ngay-hoi-stem.md": _post(date="2025-12-20")},
                     "news/be-vui-ngay-hoi-stem.md", "cùng địa chỉ"),
    "missing_title": ({"news/tin-thieu-tieu-de.md": _post(title=None)}, "news/tin-thieu-tieu-de.md", "khóa “title”"),
    "bad_number": ({"plans/kh-so-sai.md": front({"number": "KH259", "title": "Kế hoạch", "issued": "2025-12-01"})},
                   "plans/kh-so-sai.md:2", "khóa “number”"),
    "members_as_names": ({"clubs/clb-ten.md": front({"name": "CLB", "kind": "STEM", "members": ["An", "Bình"]})},
                         "clubs/clb-ten.md:4", "không ghi tên các cháu"),
    "no_front_matter": ({"news/tin-khong-dau.md": "# Tin\n\nNội dung.\n"}, "news/tin-khong-dau.md:1", "---"),
    "cong_khai_unknown_key": ({"cong-khai/tt-chung.md": _disclosure(ngay="2025-06-20")}, "cong-khai/tt-chung.md:6", "khóa “ngay”"),
    "cong_khai_wrong_date": ({"cong-khai/tt-chung.md": _disclosure(published="31/06/2025")},
                             "cong-khai/tt-chung.md:5", "không có thật"),
    "cong_khai_unknown_item": ({"cong-khai/tt-chung.md": _disclosure(item="thong-tin-chug")}, "cong-khai/tt-chung.md:3",
                               "có phải ý bạn là “thong-tin-chung”?"),
    "cong_khai_item_twice": ({"cong-khai/a.md": _disclosure(), "cong-khai/b.md": _disclosure(title="Bản sao")},
                             "cong-khai/b.md:3", "đã có ở cong-khai/a.md"),
    "cong_khai_missing_attachment": ({"cong-khai/tt-chung.md": _disclosure(attachments=["bieu-mau.pdf"])},
                                     "cong-khai/tt-chung.md:7", "không tìm thấy tệp “bieu-mau.pdf”"),
    "cong_khai_updated_before_published": ({"cong-khai/tt-chung.md": _disclosure(updated="2025-06-01")},
                                           "cong-khai/tt-chung.md:6", "trước ngày công khai 20/06/2025"),
    "cong_khai_without_school_year": ({"cong-khai/tt-chung.md": _disclosure(school_year=None)},
                                      "cong-khai/tt-chung.md:1", "khóa “school_year”: thiếu khóa bắt buộc"),
    "tab_in_yaml": ({"news/tin-tab.md": "---\ntitle: Tin\ndate: 2025-12-10\ntags:\n\t- a\n---\n"}, "news/tin-tab.md", "Tab"),
}


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


#: The mistakes also built in full with MkDocs: one of each family (YAML, a value, a cross-check, a file, an encoding).
BUILT = ("broken_yaml", "wrong_date", "duplicate_number", "missing_photo", "utf16_from_notepad", "same_address",
         "cong_khai_item_twice")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_loader_reports_each_mistake_with_file_line_and_key(tmp_path, case):
    files, where, expected = CASES[case]
    root = tmp_path / "truong"
    write_files(root, {**good_content(), **files})
    settings = settings_from_config(BASE_CONFIG["site_url"], BASE_CONFIG["extra"])
    with pytest.raises(ContentError) as raised:
        load_site(root, settings, datetime(2026, 1, 15, 8, tzinfo=VN_TZ))
    errors = [str(problem) for problem in raised.value.errors]
    assert [line for line in errors if where in line and expected in line], errors
    assert all(line.startswith("Lỗi – ") for line in errors)
    assert str(raised.value).startswith(f"Nội dung có {len(errors)} lỗi, trang web chưa được tạo")


@pytest.mark.parametrize("case", BUILT)
def test_mistake_stops_the_build_and_loses_nothing(tmp_path, case):
    files, where, expected = CASES[case]
    root = make_site(tmp_path / "truong", {**good_content(), **files})
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text(OLD_SITE, encoding="utf-8")
    sources = _tree(root / "news") | _tree(root / "plans") | _tree(root / "clubs")

    build = run_mkdocs(root)

    assert build.returncode != 0
    assert where in build.output and expected in build.output, build.output
    assert "Lỗi" in build.output
    assert _tree(root / "site") == {"index.html": hashlib.sha256(OLD_SITE.encode()).hexdigest()}
    assert _tree(root / "news") | _tree(root / "plans") | _tree(root / "clubs") == sources


def test_every_mistake_is_reported_in_one_build(tmp_path):
    root = make_site(tmp_path / "truong", {**good_content(), **CASES["wrong_date"][0], **CASES["typo_in_key"][0],
                                          **CASES["missing_photo"][0], **CASES["duplicate_number"][0]})
    build = run_mkdocs(root)
    assert build.returncode != 0
    assert "Nội dung có 4 lỗi" in build.output
    for name in ("wrong_date", "typo_in_key", "missing_photo", "duplicate_number"):
        assert CASES[name][1] in build.output


def test_typo_gets_a_did_you_mean_hint(tmp_path):
    root = make_site(tmp_path / "truong", {**good_content(), **CASES["typo_in_key"][0]})
    assert "có phải ý bạn là “categories”?" in run_mkdocs(root).output


def test_bom_and_crlf_are_accepted(tmp_path):
    text = ("\ufeff" + _post(title="Tin có BOM")).replace("\n", "\r\n")
    root = make_site(tmp_path / "truong", {**good_content(), "news/tin-bom.md": text.encode("utf-8")})
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    assert "Tin có BOM" in build.html("tin-tuc/2025/12/tin-bom")


def test_missing_site_url_is_a_clear_error(tmp_path):
    config = {k: v for k, v in BASE_CONFIG.items() if k != "site_url"}
    build = run_mkdocs(make_site(tmp_path / "truong", good_content(), config))
    assert build.returncode != 0 and "site_url" in build.output and "đường dẫn tuyệt đối" in build.output

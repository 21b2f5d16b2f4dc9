"""A clerk's mistakes stop the build with a Vietnamese message naming file, line and key; nothing is written."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from content_samples import PLAN, POST, good_content
from sitebuild import BASE_CONFIG, BUILD_EPOCH, front, make_site, run_mkdocs, write_files

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
    # Files that would never be published
    "saved_as_md_txt": ({"news/2025-12-10-tin.md.txt": _post()}, "news/2025-12-10-tin.md.txt", "“2025-12-10-tin.md”"),
    "markdown_suffix": ({"news/tin.markdown": _post()}, "news/tin.markdown", "đổi tên thành “tin.md”"),
    "upper_case_suffix": ({"clubs/clb-moi.MD": front({"name": "CLB", "kind": "STEM"})}, "clubs/clb-moi.MD",
                          "đổi tên thành “clb-moi.md”"),
    # Dates that could hide a post for decades or crash MkDocs' sitemap
    "plan_issued_far_future": ({"plans/kh-nam-sai.md": front({"number": "9/KH-MNTN", "title": "Kế hoạch", "issued": "2205-11-28"})},
                               "plans/kh-nam-sai.md:4", "năm 2205 trong “2205-11-28” không hợp lệ"),
    "plan_issued_before_1945": ({"plans/kh-cu.md": front({"title": "Kế hoạch", "issued": "28/11/1925"})},
                                "plans/kh-cu.md:3", "năm 1925"),
    "plan_issued_after_today": ({"plans/kh-mai.md": front({"number": "9/KH-MNTN", "title": "Kế hoạch", "issued": "2026-02-20"})},
                                "plans/kh-mai.md:4", "ngày ban hành 20/02/2026 sau hôm nay (15/01/2026)"),
    "post_years_ahead": ({"news/tin-nam-sai.md": _post(date="2052-12-10")}, "news/tin-nam-sai.md:3", "còn hơn hai năm nữa"),
    "club_founded_after_today": ({"clubs/clb-moi.md": front({"name": "CLB", "kind": "STEM", "founded": "2027-09-01"})},
                                 "clubs/clb-moi.md:4", "ngày thành lập 01/09/2027 sau hôm nay"),
    "milestone_year_typo": ({"plans/kh-moc.md": front({"title": "Kế hoạch", "issued": "2025-11-28",
                                                       "milestones": [{"when": "20255-12", "what": "Tập huấn"}]})},
                            "plans/kh-moc.md:5", "khóa “milestones”"),
    # YAML's traps
    "flow_value_cut_by_comma": ({"plans/kh-ky.md": "---\ntitle: Kế hoạch\nissued: 2025-11-28\n"
                                 "signer: {title: Phó Hiệu trưởng, name: Nguyễn Thị Thu, Trưởng ban}\n---\n"},
                                "plans/kh-ky.md:4", "giá trị của “name” có dấu phẩy nên bị cắt"),
    "yes_read_as_true": ({"news/tin-yes.md": "---\ntitle: yes\ndate: 2025-12-10\n---\n"}, "news/tin-yes.md:2", "đúng/sai"),
    "leading_zero_count": ({"clubs/clb-so.md": "---\nname: CLB\nkind: STEM\nmembers: 024\n---\n"}, "clubs/clb-so.md:4",
                           "số “024” có số 0 ở đầu; hãy viết 24"),
    "unclosed_quote": ({"news/tin-ngoac.md": "---\ntitle: \"Bé vui\ndate: 2025-12-10\n---\n"}, "news/tin-ngoac.md:2",
                       "dấu ngoặc kép (hoặc nháy đơn) mở ở dòng này chưa đóng"),
    "unclosed_bracket": ({"news/tin-ngoac.md": "---\ntitle: Tin\ndate: 2025-12-10\ntags: [robot, khám phá\n---\n"},
                         "news/tin-ngoac.md:4", "dấu ngoặc vuông “[” mở ở dòng này chưa đóng"),
    "title_starting_with_bracket": ({"news/tin-ngoac.md": "---\ntitle: [Thông báo] Họp phụ huynh\ndate: 2025-12-10\n---\n"},
                                    "news/tin-ngoac.md:2", "title: \"[Thông báo] Họp phụ huynh\""),
    # Letter case that Windows ignores and GitHub does not
    "photo_name_case": ({"news/tin-anh.md": _post(image="ngay-hoi-stem/Cover.JPG")}, "news/tin-anh.md:6",
                        "có tệp “ngay-hoi-stem/cover.jpg” (khác chữ hoa, chữ thường)"),
    "inline_photo_case": ({"news/tin-anh-bai.md": _post() + "\n![Ảnh](ngay-hoi-stem/ANH-1.jpg)\n"}, "news/tin-anh-bai.md",
                          "có tệp “ngay-hoi-stem/anh-1.jpg”"),
    # What would make every reader's browser contact another company, or run code
    "script_in_a_post": ({"news/tin-ma.md": _post() + "\n<script>alert('xin chào')</script>\n"}, "news/tin-ma.md",
                         "bài có thẻ <script>"),
    "third_party_iframe": ({"news/tin-khung.md": _post() + "\n<iframe src=\"https://forms.example.com/x\"></iframe>\n"},
                           "news/tin-khung.md", "khung nhúng từ “forms.example.com”"),
    "iframe_on_a_hand_written_page": ({"docs/gioi-thieu.md": "# Giới thiệu\n\n<iframe src=\"https://x.example/\"></iframe>\n"},
                                      "docs/gioi-thieu.md:3", "khung nhúng từ “x.example”"),
    # Hand-written pages
    "page_broken_yaml": ({"docs/gioi-thieu.md": "---\ntitle: Giới thiệu: trường\n---\n# Giới thiệu\n"},
                         "docs/gioi-thieu.md:2", "ngoặc kép"),
    "page_unknown_key": ({"docs/gioi-thieu.md": "---\ntitel: Giới thiệu\n---\n# Giới thiệu\n"}, "docs/gioi-thieu.md:2",
                         "có phải ý bạn là “title”?"),
    "page_hides_what_does_not_exist": ({"docs/gioi-thieu.md": "---\nhide: [toc, sidebar]\n---\n# Giới thiệu\n"},
                                       "docs/gioi-thieu.md:2", "không ẩn được “sidebar”"),
    "tab_in_yaml": ({"news/tin-tab.md": "---\ntitle: Tin\ndate: 2025-12-10\ntags:\n\t- a\n---\n"}, "news/tin-tab.md", "Tab"),
}


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


#: The mistakes also built in full with MkDocs: one of each family (YAML, a value, a cross-check, a file, an encoding).
BUILT = ("broken_yaml", "wrong_date", "duplicate_number", "missing_photo", "utf16_from_notepad", "same_address",
         "cong_khai_item_twice", "saved_as_md_txt", "plan_issued_far_future", "page_broken_yaml", "photo_name_case",
         "script_in_a_post", "flow_value_cut_by_comma")


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


def test_a_broken_photo_is_named_with_every_post_that_uses_it_and_nothing_is_written(tmp_path):
    from content_samples import jpeg

    broken = jpeg()[:300]  # a photo copied halfway from a phone
    root = make_site(tmp_path / "truong", {**good_content(), "news/ngay-hoi-stem/anh-1.jpg": broken,
                                          "news/2025-12-06-tin-khac.md": _post(image="ngay-hoi-stem/anh-1.jpg")})
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text(OLD_SITE, encoding="utf-8")
    build = run_mkdocs(root)
    assert build.returncode != 0
    assert "Nội dung có 2 lỗi" in build.output, build.output
    assert "news/2025-12-05-be-vui-ngay-hoi-stem.md:20: khóa “nội dung”: không đọc được ảnh “anh-1.jpg”" in build.output
    assert "news/2025-12-06-tin-khac.md:6: khóa “image”: không đọc được ảnh “anh-1.jpg”: tệp ảnh hỏng" in build.output
    assert "Traceback" not in build.output
    assert _tree(root / "site") == {"index.html": hashlib.sha256(OLD_SITE.encode()).hexdigest()}


def test_a_word_file_no_page_attaches_is_named_with_what_to_do(tmp_path):
    root = make_site(tmp_path / "truong", {**good_content(), "plans/Ke hoach 300.docx": b"PK\x03\x04 word",
                                          "news/ngay-hoi-stem/IMG_2001.jpg": b"\xff\xd8 a phone photo nobody uses"})
    build = run_mkdocs(root)
    assert build.returncode != 0  # --strict: a warning stops the Pages workflow
    assert "Cảnh báo – plans/Ke hoach 300.docx: tệp Word này không được đăng" in build.output
    assert 'bangtin import "plans/Ke hoach 300.docx"' in build.output
    relaxed = run_mkdocs(root, "build")
    assert relaxed.returncode == 0, relaxed.output
    assert "1 ảnh trong thư mục nội dung không bài nào dùng (không được đăng)" in relaxed.output
    assert "IMG_2001" not in relaxed.output.replace("Ảnh:", "")  # counted, not warned about one by one
    assert not list((root / "site").rglob("Ke hoach 300.docx"))


def test_lists_written_as_text_and_times_are_what_the_clerk_meant(tmp_path):
    post = "---\ntitle: Tin\ndate: 2025-12-10\ncategories: Tin tức, Hoạt động STEM\ntags: robot, khám phá\n---\nNội dung.\n"
    club = "---\nname: CLB Kỹ sư nhí\nkind: STEM\nschedule: 15:30\nleaders: Cô Lan, Cô Hoa\n---\nNội dung.\n"
    root = make_site(tmp_path / "truong", {**good_content(), "news/2025-12-10-tin.md": post, "clubs/ky-su-nhi.md": club})
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    article = build.html("tin-tuc/2025/12/tin")
    assert 'property="article:tag" content="robot"' in article and 'property="article:tag" content="khám phá"' in article
    assert "chuyen-muc/hoat-dong-stem/" in article
    page = build.html("cau-lac-bo/ky-su-nhi")
    assert "15:30" in page and "Cô Lan" in page and "Cô Hoa" in page


def test_every_date_the_loader_accepts_survives_a_full_build_on_the_real_clock(tmp_path):
    """With no SOURCE_DATE_EPOCH MkDocs dates the sitemap from the pages: the extreme dates must not crash it."""
    from datetime import date, timedelta

    soon = date.today() + timedelta(days=700)
    files = {
        "plans/kh-1945.md": front({"title": "Kế hoạch cũ", "issued": "1945-09-02", "milestones": [{"when": "2099-12"}]}),
        "plans/kh-hom-nay.md": front({"number": "1/KH-MNTN", "title": "Kế hoạch", "issued": date.today().isoformat(),
                                      "milestones": [{"when": "1945..2099"}]}),
        "news/1945-01-01-tin-cu.md": _post(date="1945-01-01 00:00"),
        "news/tin-hen-gio.md": _post(date=f"{soon:%d/%m/%Y} 23:59"),
        "clubs/clb-cu.md": front({"name": "CLB", "kind": "STEM", "founded": "1945-01-01", "school_year": "2099-2100"}),
        "cong-khai/tt.md": _disclosure(school_year="1945-1946", published="1945-06-01", updated=date.today().isoformat()),
    }
    root = make_site(tmp_path / "truong", {**good_content(), **files})
    build = run_mkdocs(root, epoch=None)
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output and (root / "site" / "sitemap.xml.gz").is_file()
    assert (root / "site" / "ke-hoach" / "1945").is_dir() and (root / "site" / "tin-tuc" / "1945").is_dir()


def test_a_broken_photo_is_named_together_with_the_other_mistakes_by_the_build_and_by_check(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from content_samples import jpeg

    from bangtin.cli import cli

    root = make_site(tmp_path / "truong", {**good_content(), "news/ngay-hoi-stem/anh-1.jpg": jpeg()[:300],
                                          **CASES["wrong_date"][0]})
    build = run_mkdocs(root)
    assert build.returncode != 0 and "Nội dung có 2 lỗi" in build.output, build.output
    assert "news/tin-sai-ngay.md:3: khóa “date”" in build.output
    assert "news/2025-12-05-be-vui-ngay-hoi-stem.md:20: khóa “nội dung”: không đọc được ảnh “anh-1.jpg”" in build.output
    (root / "news/tin-sai-ngay.md").unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    check = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert check.exit_code == 1 and "Tìm thấy 1 lỗi:" in check.output, check.output
    assert "không đọc được ảnh “anh-1.jpg”: tệp ảnh hỏng" in check.output

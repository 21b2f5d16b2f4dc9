"""Công khai (TT 09/2024/TT-BGDĐT): the item and deadline rules, and a built school's checklist, years, items and feed."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lhtml

from content_samples import good_content
from feedtools import parse_feed
from sitebuild import BASE_CONFIG, BUILD_EPOCH, front, make_site, run_mkdocs

from bangtin.disclosure_rules import DisclosureRules, default_items
from bangtin.problems import ContentError
from bangtin.settings import settings_from_config

YEARS = ["2020-2021", "2021-2022", "2022-2023", "2023-2024", "2024-2025", "2025-2026"]


def _settings(cong_khai=None, level=None):
    extra = copy.deepcopy(BASE_CONFIG["extra"])
    if cong_khai is not None:
        extra["bangtin"]["cong_khai"] = cong_khai
    if level is not None:
        extra["bangtin"]["school"]["level"] = level
    return settings_from_config(BASE_CONFIG["site_url"], extra)


@pytest.mark.parametrize(("today", "deadline", "due"), [
    (date(2026, 1, 15), (30, 6), "2025-2026"),
    (date(2026, 6, 30), (30, 6), "2025-2026"),  # the deadline day itself: still in time
    (date(2026, 7, 1), (30, 6), "2026-2027"),  # next year's items are now due
    (date(2025, 9, 1), (30, 9), "2024-2025"),  # a later deadline: the new year is not yet late
    (date(2025, 10, 1), (30, 9), "2025-2026"),
])
def test_the_school_year_due_is_the_newest_whose_deadline_has_passed(today, deadline, due):
    rules = DisclosureRules(default_items(None), deadline)
    assert rules.due_year(today) == due
    assert rules.due_date("2025-2026") == date(2025, deadline[1], deadline[0])


@pytest.mark.parametrize(("level", "plan_name"), [
    ("mầm non", "Kế hoạch nuôi dưỡng, chăm sóc, giáo dục trẻ"),
    ("Mầm non", "Kế hoạch nuôi dưỡng, chăm sóc, giáo dục trẻ"),
    ("THCS", "Kế hoạch hoạt động giáo dục"),
    (None, "Kế hoạch hoạt động giáo dục"),
])
def test_the_default_items_follow_the_circular_for_the_schools_level(level, plan_name):
    rules = _settings(level=level).cong_khai
    assert [item.key for item in rules.items] == [
        "thong-tin-chung", "tai-chinh", "doi-ngu", "co-so-vat-chat", "kiem-dinh", "ke-hoach-giao-duc",
        "ket-qua-nam-hoc-truoc", "bao-cao-thuong-nien"]
    assert rules.item("ke-hoach-giao-duc").name == plan_name and rules.item("thong-tin-chung").basis == "Điều 4"
    assert rules.deadline == (30, 6)


def test_a_school_or_its_so_can_set_its_own_items_and_deadline():
    rules = _settings({"deadline": "15/9", "items": {"thong-tin-chung": {"name": "Thông tin chung"},
                                                     "hoc-phi": {"name": "Học phí", "basis": "Điều 5"}}}).cong_khai
    assert rules.deadline == (15, 9) and [(i.key, i.name, i.basis) for i in rules.items] == [
        ("thong-tin-chung", "Thông tin chung", None), ("hoc-phi", "Học phí", "Điều 5")]


@pytest.mark.parametrize(("block", "key", "words"), [
    ({"deadline": "31/02"}, "extra.bangtin.cong_khai.deadline", "dạng 30/06"),
    ({"deadline": "tháng 6"}, "extra.bangtin.cong_khai.deadline", "dạng 30/06"),
    ({"items": {"Thông tin": {"name": "Thông tin"}}}, "extra.bangtin.cong_khai.items.Thông tin", "viết thường không dấu"),
    ({"items": {"hoc-phi": {"ten": "Học phí"}}}, "extra.bangtin.cong_khai.items.hoc-phi", "tên (name)"),
    ({"deadine": "30/06"}, "extra.bangtin.cong_khai.deadine", "có phải ý bạn là “deadline”?"),
    ("30/06", "extra.bangtin.cong_khai", "cần dạng {deadline: 30/06"),
])
def test_wrong_settings_are_reported_by_key(block, key, words):
    with pytest.raises(ContentError) as raised:
        _settings(block)
    assert any(problem.key == key and words in problem.message for problem in raised.value.errors), raised.value


def test_a_level_that_is_not_one_is_reported():
    with pytest.raises(ContentError, match="cấp học “đại học” không hợp lệ; chọn một trong: mầm non, tiểu học, THCS, THPT"):
        _settings(level="đại học")


def _item(item: str, year: str, published: str, **more) -> str:
    return front({"title": f"Công khai {item} năm học {year}", "item": item, "school_year": year,
                  "published": published, **more}, f"Nội dung công khai {item} năm học {year}.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    files = {f"cong-khai/{year}/thong-tin-chung.md": _item("thong-tin-chung", year, f"{year[:4]}-06-20")
             for year in YEARS}
    files |= {
        "cong-khai/2025-2026/tai-chinh.md": _item("tai-chinh", "2025-2026", "2025-06-25", updated="2025-09-10",
                                                  attachments=["bieu-mau-tai-chinh.pdf"]),
        "cong-khai/2025-2026/bieu-mau-tai-chinh.pdf": b"%PDF-1.4\n" + b"0" * 2000,
        "cong-khai/2025-2026/doi-ngu.md": _item("doi-ngu", "2025-2026", "2025-06-26", draft=True),
        "cong-khai/2026-2027/thong-tin-chung.md": _item("thong-tin-chung", "2026-2027", "2026-06-10"),
        "cong-khai/2026-2027/tai-chinh.md": _item("tai-chinh", "2026-2027", "2026-02-01"),  # later than the build
    }
    root = make_site(tmp_path_factory.mktemp("truong"), {**good_content(), **files})
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    return build


def _rows(build, url: str) -> dict[str, tuple[str, str]]:
    tree = lhtml.fromstring(build.html(url))
    return {row.xpath("string(td[1])").strip(): (row.xpath("string(td[3])").strip(), row.xpath("string(td[4])").strip())
            for row in tree.xpath("//table[contains(@class, 'bt-checklist')]/tbody/tr")}


def test_the_checklist_shows_the_year_due_with_dates_and_what_is_missing(built):
    rows = _rows(built, "cong-khai")
    assert len(rows) == 8
    assert rows["Thông tin chung"] == ("20/06/2025", "Đã công khai")
    assert rows["Thu, chi tài chính"] == ("25/06/2025 (cập nhật 10/09/2025)", "Đã công khai")
    assert rows["Đội ngũ cán bộ quản lý, giáo viên và nhân viên"] == ("—", "Chưa công khai")  # a draft is not online
    assert rows["Báo cáo thường niên"] == ("—", "Chưa công khai")
    page = built.html("cong-khai")
    assert "năm học 2025 – 2026 (năm học hiện tại)" in " ".join(page.split()) and "2/8 mục đã công khai" in page
    assert 'href="2025-2026/thong-tin-chung/"' in page


def test_every_year_is_kept_and_linked(built):
    tree = lhtml.fromstring(built.html("cong-khai"))
    linked = tree.xpath("//ul[@class='bt-years']/li/a/@href")
    assert linked == [f"{year}/" for year in reversed(YEARS)]  # 2026-2027 has nothing online yet
    for year in YEARS:
        assert (built.site / "cong-khai" / year / "index.html").is_file()
        assert _rows(built, f"cong-khai/{year}")["Thông tin chung"][1] == "Đã công khai"
    assert "2026-2027" not in built.html("cong-khai/2025-2026")
    assert not (built.site / "cong-khai/2026-2027/tai-chinh").exists()  # published after the build: not yet


def test_an_item_page_has_its_dates_and_attachments(built):
    page = built.html("cong-khai/2025-2026/tai-chinh")
    assert "<h1>Công khai tai-chinh năm học 2025-2026</h1>" in page
    assert "Thu, chi tài chính (Điều 5 Thông tư 09/2024/TT-BGDĐT)" in page
    assert '<time datetime="2025-06-25">25/06/2025</time>' in page and '<time datetime="2025-09-10">10/09/2025</time>' in page
    assert 'href="bieu-mau-tai-chinh.pdf" download>bieu-mau-tai-chinh.pdf</a> (PDF, 2 KB)' in page
    assert (built.site / "cong-khai/2025-2026/tai-chinh/bieu-mau-tai-chinh.pdf").is_file()


def test_the_feed_and_the_data_file_carry_what_is_online(built):
    feed = parse_feed(built.site / "cong-khai" / "rss.xml")
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles[:2] == ["Công khai tai-chinh năm học 2025-2026", "Công khai thong-tin-chung năm học 2025-2026"]
    assert "Công khai doi-ngu năm học 2025-2026" not in titles and len(titles) == 7
    assert feed.entries[0].enclosures[0].href.endswith("cong-khai/2025-2026/tai-chinh/bieu-mau-tai-chinh.pdf")
    assert feed.entries[0].summary.startswith("Thu, chi tài chính (Điều 5 Thông tư 09/2024/TT-BGDĐT), năm học 2025-2026")
    data = json.loads((built.site / "cong-khai.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["current"] == "2025-2026" and len(data["items"]) == 7
    first = data["items"][0]
    assert (first["item"], first["school_year"], first["updated"]) == ("tai-chinh", "2025-2026", "2025-09-10")
    assert first["attachments"][0]["size"] == 2009 and first["attachments"][0]["type"] == "application/pdf"
    assert 'href="https://truong-thu.example.edu.vn/cong-khai/rss.xml"' in built.html("cong-khai")


def test_the_build_reminds_in_one_line_and_strict_still_passes(built):
    lines = [line for line in built.output.splitlines() if "Nhắc việc" in line]
    assert len(lines) == 1 and lines[0].startswith("INFO")
    assert "công khai năm học 2025-2026: chưa có mục “Đội ngũ cán bộ quản lý, giáo viên và nhân viên” (Điều 8 khoản 1), hạn 30/06/2025" in lines[0]
    assert lines[0].count("chưa có mục") == 6


def test_bangtin_check_lists_each_missing_item_and_exits_0(built, monkeypatch):
    from click.testing import CliRunner

    from bangtin.cli import cli

    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    result = CliRunner().invoke(cli, ["check", "--root", str(built.root)])
    assert result.exit_code == 0, result.output
    assert "10 mục công khai: không có lỗi." in result.output  # the draft and the two published later are counted
    assert "Trong đó có 1 bản nháp (draft: true) và 2 bài hẹn giờ đăng sau, chưa hiện trên trang web." in result.output
    reminders = result.output.split("Nhắc việc (không chặn việc tạo trang):\n", 1)[1].splitlines()
    assert len(reminders) == 6 and reminders[0].startswith("  - công khai năm học 2025-2026: chưa có mục “Đội ngũ")
    assert 'bangtin new cong-khai "Báo cáo thường niên năm học 2025-2026"' in reminders[-1]


def test_bangtin_new_guesses_the_item_and_the_year_from_the_title(tmp_path: Path):
    from click.testing import CliRunner

    from bangtin.cli import cli

    root = make_site(tmp_path / "truong", good_content())
    result = CliRunner().invoke(cli, ["new", "cong-khai", "Công khai thu, chi tài chính năm học 2025-2026", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "Đã tạo mục công khai mới: cong-khai/cong-khai-thu-chi-tai-chinh-nam-hoc-2025-2026.md" in result.output
    text = (root / "cong-khai/cong-khai-thu-chi-tai-chinh-nam-hoc-2025-2026.md").read_text(encoding="utf-8")
    assert "\nitem: tai-chinh\n" in text and "\nschool_year: 2025-2026\n" in text
    assert "thong-tin-chung (Thông tin chung), tai-chinh (Thu, chi tài chính)" in text
    check = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert check.exit_code == 0 and "1 mục công khai: không có lỗi." in check.output, check.output

"""The content kinds as pure functions: a file's values become a record, records get addresses, records are
cross-checked, and a site gets its pages in a stable order."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sitebuild import BASE_CONFIG, front, write_files

from bangtin.dates import VN_TZ
from bangtin.kinds import KINDS, Known, kind_named
from bangtin.problems import Problems
from bangtin.school import build_feed_list, build_pages
from bangtin.settings import settings_from_config
from bangtin.site import load_site
from bangtin.sources import load_source

SETTINGS = settings_from_config(BASE_CONFIG["site_url"], BASE_CONFIG["extra"])
NOW = datetime(2026, 1, 15, 8, tzinfo=VN_TZ)


def _record(tmp_path: Path, kind: str, rel: str, meta: dict):
    write_files(tmp_path, {rel: front(meta)})
    problems = Problems()
    source = load_source(tmp_path / rel, tmp_path, problems)
    record = kind_named(kind).from_meta(source, SETTINGS, problems)
    assert problems.problems == [], problems.problems
    return record


@pytest.mark.parametrize(("kind", "rel", "meta", "expected"), [
    ("plan", "plans/a.md", {"number": "259/KH-MNTN", "title": "Kế hoạch", "issued": "28/11/2025"},
     {"type": "Kế hoạch", "school_year": "2025-2026", "issuer": "Trường Mầm non Thử Nghiệm", "place": "Long Biên",
      "status": "active", "slug": "259-kh-mntn", "url": "ke-hoach/2025/259-kh-mntn/", "label": "259/KH-MNTN"}),
    ("plan", "plans/qd.md", {"number": "45/QĐ-MNTN", "title": "Thành lập CLB", "issued": "2026-03-02"},
     {"type": "Quyết định", "school_year": "2025-2026", "url": "ke-hoach/2026/45-qd-mntn/"}),
    ("plan", "plans/du-thao.md", {"title": "Dự thảo", "school_year": "2025-2026", "draft": True},
     {"number": None, "issued": None, "label": "Chưa có số", "url": "ke-hoach/2025/du-thao/", "draft": True}),
    ("plan", "plans/cv.md", {"number": "3089/BGDĐT-GDTrH", "title": "Công văn", "issued": "2025-08-01",
                             "type": "Công văn", "signer": "Nguyễn Văn A"},
     {"type": "Công văn", "school_year": "2025-2026", "url": "ke-hoach/2025/3089-bgddt-gdtrh/"}),
    ("post", "news/2025-12-05-Bé-vui.md", {"title": "Bé vui", "date": "05/12/2025 08:30"},
     {"slug": "be-vui", "url": "tin-tuc/2025/12/be-vui/", "date": datetime(2025, 12, 5, 8, 30, tzinfo=VN_TZ),
      "categories": (), "draft": False}),
    ("post", "news/tin.md", {"title": "Tin", "date": "2026-01-01", "tags": ["robot", "khám phá"]},
     {"url": "tin-tuc/2026/01/tin/", "tags": ("robot", "khám phá")}),
    ("club", "clubs/be-yeu-khoa-hoc.md", {"name": "CLB Bé yêu khoa học", "kind": "STEM", "founded": "2025-09-15",
                                          "members": 24},
     {"school_year": "2025-2026", "members": 24, "status": "active", "url": "cau-lac-bo/be-yeu-khoa-hoc/"}),
    ("club", "clubs/clb.md", {"name": "CLB", "kind": "Robotics"}, {"school_year": "", "founded": None}),
])
def test_a_file_becomes_a_record_with_its_defaults_and_address(tmp_path, kind, rel, meta, expected):
    record = _record(tmp_path, kind, rel, meta)
    assert {key: getattr(record, key) for key in expected} == expected


def test_the_scheduled_and_the_drafts_are_not_published(tmp_path):
    post = kind_named("post")
    due = _record(tmp_path, "post", "news/a.md", {"title": "A", "date": "2026-01-15 08:00"})
    later = _record(tmp_path, "post", "news/b.md", {"title": "B", "date": "2026-01-15 08:01"})
    draft = _record(tmp_path, "post", "news/c.md", {"title": "C", "date": "2025-01-01", "draft": True})
    assert [post.published(record, NOW) for record in (due, later, draft)] == [True, False, False]


def test_cross_checks_report_what_a_record_names_and_nothing_exists(tmp_path):
    known = Known({"numbers": frozenset({"259/kh-mntn"}), "clubs": frozenset({"clb"}),
                   "categories": frozenset({"Tin tức"}), "movements": frozenset()})
    post = _record(tmp_path, "post", "news/a.md", {"title": "A", "date": "2025-12-01", "plans": ["999/KH-MNTN"],
                                                   "clubs": ["clb", "khong-co"], "categories": ["Tin tức"],
                                                   "movements": ["phong-trao"]})
    club = _record(tmp_path, "club", "clubs/x.md", {"name": "X", "kind": "STEM", "decision": "45/QĐ-MNTN"})
    said: list[tuple[str, str, str]] = []
    kind_named("post").check([post], known, lambda *problem: said.append(problem))
    kind_named("club").check([club], known, lambda *problem: said.append(problem))
    assert [(path, key) for path, key, _ in said] == [
        ("news/a.md", "plans"), ("news/a.md", "clubs"), ("news/a.md", "movements"), ("clubs/x.md", "decision")]
    assert said[0][2] == "không có văn bản số “999/KH-MNTN” trong thư mục plans/"
    assert said[1][2] == "“khong-co” không phải câu lạc bộ (tên tệp trong clubs/, bỏ .md); các giá trị có: clb"
    assert said[2][2].endswith("phong trào trong mkdocs.yml; các giá trị có: (chưa có)")


def test_one_number_twice_in_a_year_is_reported_once_and_not_as_an_address(tmp_path):
    first = _record(tmp_path, "plan", "plans/a.md", {"number": "259/KH-MNTN", "title": "A", "issued": "2025-11-28"})
    again = _record(tmp_path, "plan", "plans/b.md", {"number": "259/KH-MNTN", "title": "B", "issued": "2025-12-01"})
    other_year = _record(tmp_path, "plan", "plans/c.md", {"number": "259/KH-MNTN", "title": "C", "issued": "2026-01-02"})
    said: list[tuple[str, str, str]] = []
    known = Known({"numbers": frozenset(), "movements": frozenset()})
    duplicates = kind_named("plan").check([first, again, other_year], known, lambda *problem: said.append(problem))
    assert duplicates == {"plans/b.md"} and [(path, key) for path, key, _ in said] == [("plans/b.md", "number")]
    assert "đã dùng cho plans/a.md" in said[0][2]


def test_a_site_has_its_pages_in_a_stable_order(tmp_path):
    write_files(tmp_path, {
        **{f"news/2025-12-{day:02d}-tin-{day}.md": front({"title": f"Tin {day}", "date": f"2025-12-{day:02d}",
                                                          "categories": ["Tin tức"]}) for day in range(1, 13)},
        "news/2024-05-01-tin-cu.md": front({"title": "Tin cũ", "date": "2024-05-01"}),
        "plans/kh.md": front({"number": "1/KH-MNTN", "title": "Kế hoạch", "issued": "2025-09-05"}),
        "clubs/clb.md": front({"name": "CLB", "kind": "STEM"}),
    })
    site = load_site(tmp_path, SETTINGS, NOW)
    uris = [spec.uri for spec in build_pages(site, tmp_path, build_feed_list(site))]
    assert uris[:3] == ["index.md", "tin-tuc/index.md", "tin-tuc/trang/2/index.md"]
    assert uris[3:6] == ["tin-tuc/chuyen-muc/tin-tuc/index.md", "tin-tuc/chuyen-muc/hoat-dong-stem/index.md",
                         "tin-tuc/chuyen-muc/khoa-hoc-cong-nghe/index.md"]
    assert uris[6:8] == ["tin-tuc/2024/index.md", "tin-tuc/2025/index.md"]
    assert uris[8] == "tin-tuc/2025/12/tin-12/index.md" and uris[20] == "tin-tuc/2024/05/tin-cu/index.md"
    assert uris[21:] == ["ke-hoach/index.md", "ke-hoach/2025/1-kh-mntn/index.md", "phong-trao/index.md",
                         "phong-trao/thi-dua-dmst-cds/index.md", "cau-lac-bo/index.md", "cau-lac-bo/clb/index.md",
                         "cong-khai/index.md", "cong-khai/2025-2026/index.md", "dang-ky-nhan-tin/index.md"]
    assert len(set(uris)) == len(uris)
    feeds = [feed.path for feed in build_feed_list(site)]
    assert feeds == ["rss.xml", "ke-hoach/rss.xml", "tin-tuc/chuyen-muc/tin-tuc/rss.xml",
                     "tin-tuc/chuyen-muc/hoat-dong-stem/rss.xml", "tin-tuc/chuyen-muc/khoa-hoc-cong-nghe/rss.xml",
                     "cau-lac-bo/clb/rss.xml", "cong-khai/rss.xml"]


def test_every_kind_is_wired_once():
    assert [kind.name for kind in KINDS] == ["plan", "post", "club", "cong-khai"]
    assert len({kind.folder for kind in KINDS}) == len({kind.scaffold.word for kind in KINDS}) == len(KINDS)
    for kind in KINDS:
        assert all(field.read for field in kind.schema.values()) and "draft" in kind.schema
        template = Path(__file__).resolve().parents[1] / "bangtin" / "templates" / kind.scaffold.template
        assert template.is_file(), template

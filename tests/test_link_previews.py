"""The link-preview tags of a page, from its data (the built pages are checked in test_social.py)."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from bangtin.dates import VN_TZ
from bangtin.link_previews import build_link_preview

SITE = "https://truong.example.edu.vn/"
SCHOOL = "Trường Mầm non Thử Nghiệm"


def _preview(context: dict, **page) -> dict[str, list]:
    values = {"url": SITE + "trang/", "title": "Tiêu đề", "description": None, "content": None, "site_url": SITE,
              "school": SCHOOL, "site_description": "Trang của trường", "context": context, "photos": {}, **page}
    tags: dict[str, list] = {}
    for attribute, name, content in build_link_preview(**values):
        assert attribute == ("name" if name.startswith("twitter:") else "property")
        tags.setdefault(name, []).append(content)
    return tags


def test_an_article_without_a_cover_gets_the_share_image_its_text_and_its_dates():
    post = SimpleNamespace(title="Bé vui Ngày hội STEM", image=None, url="tin-tuc/2025/12/be-vui/",
                           date=datetime(2025, 12, 5, 8, 30, tzinfo=VN_TZ), categories=("Hoạt động STEM",),
                           tags=("robot", "kỹ năng số"))
    words = " ".join(["chữ"] * 80)
    tags = _preview({"kind": "article", "post": post}, content=f"<p>Các bé <b>làm</b> robot.</p>\n<p>{words}</p>")
    assert tags["og:image"] == tags["twitter:image"] == [SITE + "assets/images/chia-se.jpg"]
    assert (tags["og:image:width"], tags["og:image:height"], tags["og:image:alt"]) == ([1200], [630], [SCHOOL])
    description = tags["og:description"][0]
    assert description.startswith("Các bé làm robot. chữ chữ") and description.endswith("chữ…")
    assert len(description) <= 200 and tags["twitter:description"] == [description]
    assert tags["og:type"] == ["article"]
    assert tags["article:published_time"] == ["2025-12-05T08:30:00+07:00"]
    assert tags["article:section"] == ["Hoạt động STEM"] and tags["article:tag"] == ["robot", "kỹ năng số"]


def test_the_description_is_the_pages_own_then_the_sites_then_the_schools_name():
    club = SimpleNamespace(name="CLB Bé yêu khoa học", image=None, url="cau-lac-bo/be-yeu-khoa-hoc/")
    own = _preview({"kind": "club", "club": club}, description="Câu lạc bộ STEM", content="<p>Nội dung</p>")
    assert own["og:description"] == ["Câu lạc bộ STEM"] and own["og:type"] == ["website"]
    assert _preview({"kind": "page"}, content="<p>Nội dung</p>")["og:description"] == ["Trang của trường"]
    assert _preview({"kind": "page"}, site_description=None)["og:description"] == [SCHOOL]
    assert _preview({"kind": "page"}, title="")["og:title"] == [SCHOOL]


def test_a_plan_is_an_article_dated_by_its_issue_day():
    plan = SimpleNamespace(issued=date(2025, 11, 28))
    tags = _preview({"kind": "plan", "plan": plan})
    assert tags["og:type"] == ["article"] and tags["article:published_time"] == ["2025-11-28"]
    assert "article:published_time" not in _preview({"kind": "plan", "plan": SimpleNamespace(issued=None)})

"""Feeds of a small fixture school built with ``mkdocs build --strict``: escaping, absolute addresses,
enclosures, dates, drafts, the registry feed, ``van-ban.json`` and byte-identical rebuilds."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime

import pytest
from lxml import html as lhtml

from bangtin.feed_content import absolute_html, media_type, plain_text
from feed_school import BASE, TRICKY_TITLE, TRICKY_URL, school_files
from feedtools import NS, feed_files, local_file, parse_feed, xml_root
from sitebuild import BUILD_EPOCH, make_site, run_mkdocs


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    build = run_mkdocs(make_site(tmp_path_factory.mktemp("feeds"), school_files()))
    assert build.returncode == 0, build.output
    return build


def _item(root, url):
    items = [item for item in root.iter("item") if item.findtext("link") == url]
    assert len(items) == 1, url
    return items[0]


def test_title_with_ampersand_angle_brackets_quotes_and_emoji_survives(school):
    raw = (school.site / "rss.xml").read_bytes()
    assert "Bé &amp; mẹ “học” &lt;STEM&gt; 'vui' \"cùng\" 🎉🤖".encode() in raw
    assert _item(xml_root(school.site / "rss.xml"), TRICKY_URL).findtext("title") == TRICKY_TITLE
    for name in ("rss.xml", "atom.xml", "tin-tuc/chuyen-muc/khoa-hoc-cong-nghe/rss.xml"):
        titles = [entry.title for entry in parse_feed(school.site / name).entries]
        assert TRICKY_TITLE in titles, name
    category = xml_root(school.site / "tin-tuc/chuyen-muc/khoa-hoc-cong-nghe/rss.xml")
    assert category.findtext("channel/title") == "Trường Mầm non Thử Nghiệm – Chuyên mục Khoa học & Công nghệ"


def test_links_and_images_inside_content_are_absolute(school):
    content = _item(xml_root(school.site / "rss.xml"), TRICKY_URL).findtext("content:encoded", namespaces=NS)
    assert f'src="{TRICKY_URL}be-me/trong-bai.jpg"' in content
    assert f'href="{TRICKY_URL}be-me/ke-hoach.pdf"' in content
    assert f'href="{TRICKY_URL}be-me/ke-hoach.pdf#trang-2"' in content
    assert f'src="{TRICKY_URL}be-me/cover.jpg"' in content
    assert "¶" not in content and 'class="headerlink"' not in content
    for entry in parse_feed(school.site / "rss.xml").entries:
        for target in _targets(entry.content[0].value):
            assert target.startswith(BASE), (entry.link, target)
            assert local_file(school.site, target, BASE).is_file(), target


def test_cover_photo_is_the_enclosure_with_its_real_length_and_type(school):
    enclosure = _item(xml_root(school.site / "rss.xml"), TRICKY_URL).find("enclosure")
    assert enclosure.get("url") == TRICKY_URL + "be-me/cover.jpg"
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == local_file(school.site, enclosure.get("url"), BASE).stat().st_size
    atom = parse_feed(school.site / "atom.xml").entries
    links = next(entry for entry in atom if entry.link == TRICKY_URL).links
    assert {(link.rel, link.href) for link in links} == {("alternate", TRICKY_URL), ("enclosure", enclosure.get("url"))}


def test_dates_are_vietnam_time_and_the_channel_date_is_the_newest_item(school):
    for path in feed_files(school.site):
        if path.name != "rss.xml":
            continue
        channel = xml_root(path).find("channel")
        dates = [item.findtext("pubDate") for item in channel.iter("item")]
        assert all(date.endswith(" +0700") for date in dates), path
        if dates:
            newest = max(parsedate_to_datetime(date) for date in dates)
            assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest, path
    item = _item(xml_root(school.site / "rss.xml"), TRICKY_URL)
    assert item.findtext("pubDate") == "Wed, 10 Dec 2025 16:45:00 +0700"
    updated = xml_root(school.site / "atom.xml").findtext("atom:updated", namespaces=NS)
    assert updated == "2025-12-10T16:45:00+07:00"


def test_channel_links_self_language_and_permalink_guids(school):
    for path in feed_files(school.site):
        root = xml_root(path)
        address = BASE + path.relative_to(school.site).as_posix()
        if root.tag == "rss":
            channel = root.find("channel")
            assert channel.findtext("link").startswith(BASE) and not channel.findtext("link").endswith(".xml")
            assert channel.find("atom:link[@rel='self']", NS).get("href") == address
            assert channel.findtext("language") == "vi"
            for item in channel.iter("item"):
                guid = item.find("guid")
                assert guid.get("isPermaLink") == "true" and guid.text == item.findtext("link")
        else:
            assert root.find("atom:link[@rel='self']", NS).get("href") == address
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"


def test_drafts_and_scheduled_articles_never_appear(school):
    for path in [*feed_files(school.site), school.site / "van-ban.json"]:
        text = path.read_text(encoding="utf-8")
        assert "bimatnhap" not in text and "henmai" not in text, path
        assert "300/KH-MNTN" not in text and "2026/03" not in text, path


def test_registry_feed_speaks_like_a_document_portal(school):
    item = _item(xml_root(school.site / "ke-hoach/rss.xml"), BASE + "ke-hoach/2025/259-kh-mntn/")
    assert item.findtext("title") == "[259/KH-MNTN] Triển khai Phong trào thi đua đổi mới sáng tạo và chuyển đổi số"
    assert item.findtext("description") == (
        "Ngày ban hành: 28/11/2025. Trích yếu: Triển khai Phong trào thi đua đổi mới sáng tạo và chuyển đổi số. "
        "Loại văn bản: Kế hoạch. Cơ quan ban hành: Trường Mầm non Thử Nghiệm."
    )
    assert item.findtext("pubDate") == "Fri, 28 Nov 2025 00:00:00 +0700"
    content = item.findtext("content:encoded", namespaces=NS)
    assert "MỤC ĐÍCH, YÊU CẦU" in content
    assert f'href="{BASE}ke-hoach/2025/259-kh-mntn/259-KH-MNTN.pdf"' in content
    assert item.find("enclosure").get("type") == "application/pdf"


def test_van_ban_json_lists_published_plans_with_absolute_addresses(school):
    data = json.loads((school.site / "van-ban.json").read_text(encoding="utf-8"))
    numbers = [document["number"] for document in data["documents"]]
    assert numbers == ["259/KH-MNTN", "45/QĐ-MNTN", "120/KH-MNTN"]
    plan = data["documents"][0]
    assert plan["address"] == BASE + "ke-hoach/2025/259-kh-mntn/"
    assert (plan["type"], plan["issued"], plan["issuer"], plan["school_year"]) == (
        "Kế hoạch", "2025-11-28", "Trường Mầm non Thử Nghiệm", "2025-2026")
    attachment = plan["attachments"][0]
    assert attachment["size"] == local_file(school.site, attachment["address"], BASE).stat().st_size
    based_on = {ref["number"]: ref["address"] for ref in plan["based_on"]}
    assert based_on["120/KH-MNTN"] == BASE + "ke-hoach/2025/120-kh-mntn/" and based_on["57-NQ/TW"] is None


def test_cau_lac_bo_json_lists_each_published_club_for_a_hub(school):
    data = json.loads((school.site / "cau-lac-bo.json").read_text(encoding="utf-8"))
    assert (data["version"], data["school"], data["page"]) == (1, "Trường Mầm non Thử Nghiệm", BASE + "cau-lac-bo/")
    assert data["clubs"], "the fixture school has a club"
    club = data["clubs"][0]
    assert set(club) == {"name", "kind", "members", "school_year", "founded", "status", "decision", "age_groups",
                         "address"}
    assert club["address"].startswith(BASE + "cau-lac-bo/") and isinstance(club["members"], (int, type(None)))
    for entry in data["clubs"]:
        assert entry["decision"] is None or set(entry["decision"]) == {"number", "address"}
    assert "leaders" not in club  # a count and the club, never people's names


def test_two_builds_give_identical_feed_bytes(school, tmp_path):
    # Another folder and another build moment (a day later): nothing may depend on either.
    again = run_mkdocs(make_site(tmp_path / "again", school_files()), epoch=str(int(BUILD_EPOCH) + 86400))
    assert again.returncode == 0, again.output
    feeds = [path.relative_to(school.site) for path in feed_files(school.site)]
    assert [path.relative_to(again.site) for path in feed_files(again.site)] == feeds
    for name in [*feeds, "van-ban.json", "cau-lac-bo.json", "cong-khai.json"]:
        assert (school.site / name).read_bytes() == (again.site / name).read_bytes(), name


def test_editing_an_article_keeps_its_guid(school, tmp_path):
    files = school_files()
    edited = files["news/2025-12-10-be-me-hoc-stem.md"].replace("Mở đầu.", "Mở đầu đã sửa.")
    files["news/2025-12-10-be-me-hoc-stem.md"] = edited.replace("🎉🤖", "(đã sửa)", 1)
    again = run_mkdocs(make_site(tmp_path / "edited", files))
    assert again.returncode == 0, again.output
    before = _item(xml_root(school.site / "rss.xml"), TRICKY_URL)
    after = _item(xml_root(again.site / "rss.xml"), TRICKY_URL)
    assert before.findtext("guid") == after.findtext("guid") == TRICKY_URL
    assert before.findtext("title") != after.findtext("title")


def test_absolute_html_resolves_against_the_page_and_drops_permalinks():
    page = "https://truong.example/tin-tuc/2025/12/bai/"
    html = (
        '<h2 id="a">Mục<a class="headerlink" href="#a">¶</a></h2><p>Ảnh <img src="anh.jpg" '
        'srcset="anh.jpg 1x, ../anh@2x.jpg 2x"> <a href="../../../../ke-hoach/">kế hoạch</a> '
        '<a href="#a">lên</a> <a href="https://khac.example/x">ngoài</a> <a href="mailto:a@b.vn">thư</a></p>'
    )
    out = absolute_html(html, page)
    assert "¶" not in out and out.startswith('<h2 id="a">Mục</h2>')
    assert f'src="{page}anh.jpg"' in out
    srcset = f"{page}anh.jpg 1x, https://truong.example/tin-tuc/2025/12/anh@2x.jpg 2x"
    assert f'srcset="{srcset}"' in out
    assert 'href="https://truong.example/ke-hoach/"' in out and f'href="{page}#a"' in out
    assert 'href="https://khac.example/x"' in out and 'href="mailto:a@b.vn"' in out
    assert absolute_html("", page) == ""


def test_plain_text_summary_and_media_types():
    assert plain_text("<p>Một   <b>hai</b>\nba</p>") == "Một hai ba"
    long = plain_text("<p>" + "chữ " * 200 + "</p>", limit=50)
    assert long.endswith("…") and len(long) <= 51 and not long[:-1].endswith(" ")
    assert [media_type(n) for n in ("a.JPG", "b.pdf", "c.docx", "d.webp", "e")] == [
        "image/jpeg", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/webp",
        "application/octet-stream",
    ]


def _targets(html: str) -> list[str]:
    if not html.strip():
        return []
    root = lhtml.fragment_fromstring(html, create_parent="div")
    return [value for _, _, value, _ in root.iterlinks()]

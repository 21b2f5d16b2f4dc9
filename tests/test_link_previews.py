"""The link-preview tags of a page, from its data (the built pages are checked in test_social.py)."""

from __future__ import annotations

from datetime import datetime

from bangtin.link_previews import PagePreview, build_link_preview, build_page_preview

SITE = "https://truong.example.edu.vn/"
SCHOOL = "Trường Mầm non Thử Nghiệm"


def _preview(preview: PagePreview = PagePreview(), **page) -> dict[str, list]:
    values = {"url": SITE + "trang/", "title": "Tiêu đề", "description": None, "content": None, "site_url": SITE,
              "school": SCHOOL, "site_description": "Trang của trường", "preview": preview, "photos": {}, **page}
    tags: dict[str, list] = {}
    for attribute, name, content in build_link_preview(**values):
        assert attribute == ("name" if name.startswith("twitter:") else "property")
        tags.setdefault(name, []).append(content)
    return tags


def test_an_article_without_a_cover_gets_the_share_image_its_text_and_its_dates():
    preview = PagePreview("article", cover=None, cover_alt="Bé vui Ngày hội STEM", published="2025-12-05T08:30:00+07:00",
                          sections=("Hoạt động STEM",), tags=("robot", "kỹ năng số"), describe_from_body=True)
    words = " ".join(["chữ"] * 80)
    tags = _preview(preview, content=f"<p>Các bé <b>làm</b> robot.</p>\n<p>{words}</p>")
    assert tags["og:image"] == tags["twitter:image"] == [SITE + "assets/images/chia-se.jpg"]
    assert (tags["og:image:width"], tags["og:image:height"], tags["og:image:alt"]) == ([1200], [630], [SCHOOL])
    description = tags["og:description"][0]
    assert description.startswith("Các bé làm robot. chữ chữ") and description.endswith("chữ…")
    assert len(description) <= 200 and tags["twitter:description"] == [description]
    assert tags["og:type"] == ["article"]
    assert tags["article:published_time"] == ["2025-12-05T08:30:00+07:00"]
    assert tags["article:section"] == ["Hoạt động STEM"] and tags["article:tag"] == ["robot", "kỹ năng số"]


def test_the_description_is_the_pages_own_then_the_sites_then_the_schools_name():
    club = PagePreview(cover_alt="CLB Bé yêu khoa học", describe_from_body=True)
    own = _preview(club, description="Câu lạc bộ STEM", content="<p>Nội dung</p>")
    assert own["og:description"] == ["Câu lạc bộ STEM"] and own["og:type"] == ["website"]
    assert _preview(club, content="<p>Nội dung của câu lạc bộ</p>")["og:description"] == ["Nội dung của câu lạc bộ"]
    assert _preview(content="<p>Nội dung</p>")["og:description"] == ["Trang của trường"]
    assert _preview(site_description=None)["og:description"] == [SCHOOL]
    assert _preview(title="")["og:title"] == [SCHOOL]
    assert "article:published_time" not in _preview()


def test_without_settings_the_preview_names_the_site_from_mkdocs_yml():
    """A build whose content has errors (``mkdocs serve``) still gives its pages a preview."""
    tags: dict[str, list] = {}
    for _, name, content in build_page_preview(
        url="http://127.0.0.1:8000/", title=None, description=None, content=None, settings=None,
        site_url="http://127.0.0.1:8000", site_name="Trường thử", site_description=None, preview=PagePreview(), photos={},
    ):
        tags.setdefault(name, []).append(content)
    assert tags["og:title"] == ["Trường thử"] and tags["og:image"] == ["http://127.0.0.1:8000/assets/images/chia-se.jpg"]


def test_each_kind_gives_its_pages_their_preview(tmp_path):
    """A plan is an article dated by its issue day; an article by its date, with its sections and tags; a club is
    described by its text; a cover photo is looked up at the page's address."""
    from content_samples import good_content
    from sitebuild import BASE_CONFIG, make_site

    from bangtin.dates import VN_TZ
    from bangtin.school import build_feed_list, build_pages
    from bangtin.settings import settings_from_config
    from bangtin.site import load_site

    root = make_site(tmp_path / "truong", good_content())
    site = load_site(root, settings_from_config(BASE_CONFIG["site_url"], BASE_CONFIG["extra"]),
                     datetime(2026, 1, 15, tzinfo=VN_TZ))
    pages = {spec.url: spec for spec in build_pages(site, root, build_feed_list(site))}
    plan = next(p for p in site.plans if p.issued)
    assert pages[plan.url].preview == PagePreview("article", published=plan.issued.isoformat())
    post = next(p for p in site.posts if p.image)
    preview = pages[post.url].preview
    assert (preview.type, preview.cover, preview.cover_alt) == ("article", post.url + post.image.rel, post.title)
    assert (preview.published, preview.sections, preview.tags) == (post.date.isoformat(), post.categories, post.tags)
    club = site.clubs[0]
    assert pages[club.url].preview.type == "website" and pages[club.url].preview.describe_from_body
    assert pages["tin-tuc/"].preview == PagePreview()

"""Every feed of the repository's sample school, read back by feedparser and lxml and compared with
the site's own pages: same items, same order, absolute addresses, autodiscovery in every page's head."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lhtml

from feedtools import (
    ARTICLE, PLAN, feed_files, feed_items, feed_links, local_file, news_index_links, page_links, parse_feed, site_url,
    xml_root,
)

RSS, ATOM = "application/rss+xml", "application/atom+xml"


@pytest.fixture(scope="module")
def base(sample_build) -> str:
    return site_url(sample_build.root)


@pytest.fixture(scope="module")
def items(sample_build) -> int:
    return feed_items(sample_build.root)


def _feeds(site: Path) -> list[Path]:
    feeds = feed_files(site)
    assert feeds, "the sample site has no feed"
    return feeds


def test_every_feed_is_well_formed_and_read_without_complaint(sample_site, base):
    for path in _feeds(sample_site):
        root = xml_root(path)
        assert root.tag in ("rss", "{http://www.w3.org/2005/Atom}feed"), path
        feed = parse_feed(path)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == ("rss20" if path.name == "rss.xml" else "atom10"), path
        assert feed.feed.get("language", "vi") == "vi" and feed.feed.link == base + _page_of(sample_site, path)
        ids = [entry.id for entry in feed.entries]
        assert len(ids) == len(set(ids)), path
        for entry in feed.entries:
            assert entry.get("published_parsed"), (path, entry.link)
            assert entry.link.startswith(base) and entry.id == entry.link, (path, entry.link)
            assert local_file(sample_site, entry.link, base).is_file(), (path, entry.link)
            for target in _targets(entry.content[0].value if entry.get("content") else ""):
                assert target.startswith(("https://", "http://", "mailto:", "tel:")), (path, entry.link, target)


def test_atom_and_rss_carry_the_same_items(sample_site):
    rss, atom = parse_feed(sample_site / "rss.xml"), parse_feed(sample_site / "atom.xml")
    assert rss.entries, "the site feed is empty"
    def facts(feed):
        return [(entry.link, entry.title, entry.published_parsed, entry.summary) for entry in feed.entries]

    assert facts(rss) == facts(atom)


def test_category_and_club_feeds_follow_their_pages(sample_site, base, items):
    pages = _category_and_club_pages(sample_site)
    assert pages
    for url in pages:
        listed = page_links(sample_site, url, base, ARTICLE)
        assert feed_links(sample_site / url / "rss.xml") == listed[:items], url


def test_registry_feed_follows_the_registry(sample_site, base, items):
    listed = page_links(sample_site, "ke-hoach/", base, PLAN)
    assert listed
    assert feed_links(sample_site / "ke-hoach/rss.xml") == listed[:items]
    for entry in parse_feed(sample_site / "ke-hoach/rss.xml").entries:
        assert entry.title.startswith("[") and entry.summary.startswith("Ngày ban hành: "), entry.link


def test_site_feed_is_the_newest_articles_and_plans_in_the_pages_order(sample_site, base, items):
    links = feed_links(sample_site / "rss.xml")
    news, registry = news_index_links(sample_site, base), page_links(sample_site, "ke-hoach/", base, PLAN)
    assert [link for link in links if ARTICLE.search(link)] == news[: len([x for x in links if ARTICLE.search(x)])]
    assert [link for link in links if PLAN.search(link)] == registry[: len([x for x in links if PLAN.search(x)])]
    assert len(links) == min(items, len(news) + len(registry))
    dates = [entry.published_parsed for entry in parse_feed(sample_site / "rss.xml").entries]
    assert dates == sorted(dates, reverse=True)


def test_every_page_head_announces_the_site_feeds_and_its_own(sample_site, base):
    own = ["ke-hoach/", *_category_and_club_pages(sample_site)]
    site_title = parse_feed(sample_site / "rss.xml").feed.title
    for page in sample_site.rglob("*.html"):
        alternates = {(link.get("type"), link.get("href")): link.get("title")
                      for link in lhtml.fromstring(page.read_bytes()).xpath("//head/link[@rel='alternate']")}
        assert alternates.get((RSS, base + "rss.xml")) == site_title, page
        assert alternates.get((ATOM, base + "atom.xml")) == site_title, page
    for url in own:
        alternates = lhtml.fromstring((sample_site / url / "index.html").read_bytes()).xpath(
            f"//head/link[@rel='alternate'][@type='{RSS}'][@href='{base}{url}rss.xml']/@title")
        assert alternates == [parse_feed(sample_site / url / "rss.xml").feed.title], url


def test_subscribe_page_lists_every_feed_with_its_absolute_address(sample_site, base):
    page = lhtml.fromstring((sample_site / "dang-ky-nhan-tin/index.html").read_bytes())
    listed = {href for href in page.xpath("//article//a/@href") if href.endswith(".xml")}
    assert listed == {base + path.relative_to(sample_site).as_posix() for path in _feeds(sample_site)}
    text = page.text_content()
    assert "đăng ký" in text.lower() and "cổng thông tin" in text.lower()


def test_van_ban_json_matches_the_registry(sample_site, base):
    data = json.loads((sample_site / "van-ban.json").read_text(encoding="utf-8"))
    assert [document["address"] for document in data["documents"]] == page_links(sample_site, "ke-hoach/", base, PLAN)
    for document in data["documents"]:
        assert {"number", "type", "title", "issued", "issuer", "school_year", "based_on", "address"} <= set(document)
        for attachment in document["attachments"]:
            assert attachment["size"] == local_file(sample_site, attachment["address"], base).stat().st_size


def _category_and_club_pages(site: Path) -> list[str]:
    pages = [*sorted(site.glob("tin-tuc/chuyen-muc/*/index.html")), *sorted(site.glob("cau-lac-bo/*/index.html"))]
    return [page.parent.relative_to(site).as_posix() + "/" for page in pages]


def _page_of(site: Path, feed: Path) -> str:
    folder = feed.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


def _targets(html: str) -> list[str]:
    if not html.strip():
        return []
    return [value for _, _, value, _ in lhtml.fragment_fromstring(html, create_parent="div").iterlinks()]

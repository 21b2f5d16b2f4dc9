"""Exact output: one RSS item (an article) and one Atom entry (a plan with its signed scan) of a fixed site."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sitebuild import BASE_CONFIG, front, write_files

from bangtin.dates import VN_TZ
from bangtin.feed_xml import build_atom, build_rss
from bangtin.feeds import Feed
from bangtin.kinds import kind_of
from bangtin.settings import settings_from_config
from bangtin.site import load_site

SITE = "https://truong-thu.example.edu.vn/"
RSS_ITEM = f"""    <item>
      <title>Bé vui Ngày hội STEM</title>
      <link>{SITE}tin-tuc/2025/12/be-vui/</link>
      <description>Các bé làm thí nghiệm &amp; lắp robot.</description>
      <content:encoded>&lt;p&gt;Sáng nay &lt;a href="{SITE}ke-hoach/"&gt;kế hoạch&lt;/a&gt;.&lt;/p&gt;</content:encoded>
      <guid isPermaLink="true">{SITE}tin-tuc/2025/12/be-vui/</guid>
      <category domain="{SITE}tin-tuc/chuyen-muc/hoat-dong-stem/">Hoạt động STEM</category>
      <category>robot</category>
      <pubDate>Fri, 05 Dec 2025 08:30:00 +0700</pubDate>
      <dc:creator>Tổ chuyên môn</dc:creator>
    </item>
"""
PLAN = f"{SITE}ke-hoach/2025/259-kh-mntn/"
ATOM_ENTRY = f"""  <entry>
    <id>{PLAN}</id>
    <title>[259/KH-MNTN] Triển khai phong trào thi đua</title>
    <updated>2025-11-28T00:00:00+07:00</updated>
    <author>
      <name>Trường Mầm non Thử Nghiệm</name>
    </author>
    <content type="html">&lt;h2 id="a"&gt;I. MỤC ĐÍCH&lt;/h2&gt;&lt;h2&gt;Tệp đính kèm&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;&lt;a href="{PLAN}259-KH-MNTN.pdf"&gt;259-KH-MNTN.pdf&lt;/a&gt; (PDF, 9 B)&lt;/li&gt;&lt;/ul&gt;</content>
    <summary>Ngày ban hành: 28/11/2025. Trích yếu: Triển khai phong trào thi đua. Loại văn bản: Kế hoạch. Cơ quan ban hành: Trường Mầm non Thử Nghiệm.</summary>
    <category term="Kế hoạch"/>
    <category term="Cả nước thi đua đổi mới sáng tạo và chuyển đổi số" scheme="{SITE}phong-trao/thi-dua-dmst-cds/"/>
    <published>2025-11-28T00:00:00+07:00</published>
    <link href="{PLAN}" rel="alternate" type="text/html"/>
    <link href="{PLAN}259-KH-MNTN.pdf" rel="enclosure" type="application/pdf" length="9"/>
  </entry>
"""


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    root = tmp_path_factory.mktemp("truong")
    write_files(root, {
        "news/2025-12-05-be-vui.md": front({
            "title": "Bé vui Ngày hội STEM", "date": "2025-12-05 08:30", "summary": "Các bé làm thí nghiệm & lắp robot.",
            "categories": ["Hoạt động STEM"], "tags": ["robot"], "author": "Tổ chuyên môn"}),
        "plans/kh-259.md": front({"number": "259/KH-MNTN", "title": "Triển khai phong trào thi đua", "issued": "28/11/2025",
                                  "movements": ["thi-dua-dmst-cds"], "attachments": ["259-KH-MNTN.pdf"]}),
        "plans/259-KH-MNTN.pdf": b"%PDF-1.4\n",
    })
    settings = settings_from_config(BASE_CONFIG["site_url"], BASE_CONFIG["extra"])
    site = load_site(root, settings, datetime(2026, 1, 15, tzinfo=VN_TZ))
    post, plan = site.posts[0], site.plans[0]
    contents = {  # bodies as MkDocs renders them: links relative to the page, heading permalinks
        post.url: '<p>Sáng nay <a href="../../../../ke-hoach/">kế hoạch</a>.</p>',
        plan.url: '<h2 id="a">I. MỤC ĐÍCH<a class="headerlink" href="#a">¶</a></h2>',
    }
    feed = Feed("rss.xml", "Trường", "Tin bài", "", "site", (post, plan), atom="atom.xml")
    items = [kind_of(record).feed_item(record, site, contents, Path(root, "site")) for record in feed.records]
    return build_rss(feed, items, site).decode("utf-8"), build_atom(feed, items, site).decode("utf-8")


def test_an_article_is_this_rss_item(documents):
    assert RSS_ITEM in documents[0]


def test_a_plan_is_this_atom_entry(documents):
    assert ATOM_ENTRY in documents[1]

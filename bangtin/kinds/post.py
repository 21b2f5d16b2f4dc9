"""Posts (tin bài, bài tuyên truyền): ``/tin-tuc/`` paginated, by category and by year, a page per article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .. import fields as f
from ..dates import VN_TZ
from ..feed_content import (
    E,
    Item,
    absolute_html,
    build_enclosure,
    clean,
    html_of,
    plain_text,
)
from ..feeds import Feed, feed_title, first_records
from ..link_previews import PagePreview
from ..models import Asset
from ..numbers import DocNumber
from ..pages import PageSpec
from ..readers import file_slug, read_fields
from . import Kind, Known, Report, Scaffold

if TYPE_CHECKING:
    from ..problems import Problems
    from ..settings import Category, Settings
    from ..site import Site
    from ..sources import Source

SCHEMA = {
    "title": f.Field(f.text, required=True, label="Tiêu đề"),
    "date": f.Field(f.moment, required=True, label="Ngày giờ đăng"),
    "summary": f.Field(f.text, label="Tóm tắt"),
    "categories": f.Field(f.texts, label="Chuyên mục"),
    "tags": f.Field(f.texts, label="Từ khóa"),
    "image": f.Field(f.asset, label="Ảnh bìa"),
    "plans": f.Field(f.numbers, label="Kế hoạch được báo cáo"),
    "clubs": f.Field(f.texts, label="Câu lạc bộ"),
    "movements": f.Field(f.texts, label="Phong trào"),
    "author": f.Field(f.text, label="Người viết"),
    "draft": f.Field(f.flag, label="Bản nháp"),
    "privacy_consent": f.Field(f.text, label="Đồng ý công khai thông tin cá nhân"),
}


@dataclass(frozen=True)
class Post:
    """A tin bài or bài tuyên truyền."""

    source: str
    slug: str
    title: str
    date: datetime
    summary: str | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: Asset | None
    plans: tuple[DocNumber, ...]
    clubs: tuple[str, ...]
    movements: tuple[str, ...]
    author: str | None
    draft: bool
    body: str
    privacy_consent: str | None = None

    @cached_property  # the addresses are read on every page that lists the record
    def url(self) -> str:
        return f"tin-tuc/{self.date:%Y/%m}/{self.slug}/"

    @property
    def sort_key(self) -> tuple[datetime, str]:
        return (self.date, self.source)


def post_from_meta(source: Source, settings: Settings, problems: Problems) -> Post | None:
    values = read_fields(source, SCHEMA, problems)
    if values is None:
        return None
    return Post(
        source=source.rel, slug=file_slug(source), title=values["title"], date=values["date"],
        summary=values.get("summary"), categories=values.get("categories", ()), tags=values.get("tags", ()),
        image=values.get("image"), plans=values.get("plans", ()), clubs=values.get("clubs", ()),
        movements=values.get("movements", ()), author=values.get("author"), draft=values.get("draft", False),
        body=source.body, privacy_consent=values.get("privacy_consent"),
    )


def check_posts(posts: list[Post], known: Known, report: Report) -> set[str]:
    """Every plan, club, category and movement a post names exists; a scheduled post is due within a year."""
    for post in posts:
        known.check_soon(post.source, "date", post.date.date(), report)
        known.check_numbers(post.source, "plans", post.plans, report)
        for key in ("clubs", "categories", "movements"):
            known.check_members(post.source, key, getattr(post, key), report)
    return set()


def build_post_pages(site: Site, root: Path) -> list[PageSpec]:
    return [
        *build_news_index(site),
        *[build_category(site, c) for c in site.settings.categories],
        *[build_year(site, year, posts) for year, posts in sorted(site.posts_by_year.items())],
        *[build_article(site, post, root) for post in site.posts],
    ]


def build_news_index(site: Site) -> list[PageSpec]:
    size = site.settings.per_page
    chunks = [site.posts[i : i + size] for i in range(0, len(site.posts), size)] or [()]
    urls = ["tin-tuc/"] + [f"tin-tuc/trang/{n}/" for n in range(2, len(chunks) + 1)]
    pages = []
    for number, (url, posts) in enumerate(zip(urls, chunks), start=1):
        pager = {
            "current": number, "total": len(chunks), "urls": urls,
            "previous": urls[number - 2] if number > 1 else None,
            "next": urls[number] if number < len(chunks) else None,
        }
        title = "Tin tức" if number == 1 else f"Tin tức – trang {number}"
        context = {"kind": "news", "posts": posts, "pager": pager, "years": sorted(site.posts_by_year, reverse=True)}
        pages.append(PageSpec(url + "index.md", title, "bangtin/news.html", context, searchable=False))
    return pages


def build_category(site: Site, category: Category) -> PageSpec:
    posts = site.posts_by_category.get(category.name, [])
    context = {"kind": "category", "category": category, "posts": posts}
    return PageSpec(category.url + "index.md", f"Chuyên mục: {category.name}", "bangtin/news.html", context,
                    searchable=False)


def build_year(site: Site, year: int, posts: list[Post]) -> PageSpec:
    context = {"kind": "year", "year": year, "posts": posts}
    return PageSpec(f"tin-tuc/{year}/index.md", f"Tin tức năm {year}", "bangtin/news.html", context, searchable=False)


def build_article(site: Site, post: Post, root: Path) -> PageSpec:
    context = {
        "kind": "article", "post": post,
        "categories": [site.settings.category(name) for name in post.categories],
        "plans": [site.plan_by_key.get(number.key) or number for number in post.plans],
        "clubs": [site.club_by_slug[slug] for slug in post.clubs if slug in site.club_by_slug],
        "movements": [site.settings.movement(key) for key in post.movements],
    }
    preview = PagePreview(
        "article", cover=post.url + post.image.rel if post.image else None, cover_alt=post.title,
        published=post.date.isoformat(), sections=post.categories, tags=post.tags, describe_from_body=True,
    )
    return PageSpec(post.url + "index.md", post.title, "bangtin/article.html", context, post.body, post.source,
                    post.summary, assets=site.files_of(post, root), updated=post.date.date(),
                    preview=preview)


def build_category_feeds(site: Site) -> list[Feed]:
    feeds = []
    for category in site.settings.categories:
        description = f"Bài viết chuyên mục {category.name} của {site.settings.school.name}"
        posts = site.posts_by_category.get(category.name, [])
        feeds.append(Feed(category.url + "rss.xml", feed_title(site, f"Chuyên mục {category.name}"), description,
                          category.url, "category", first_records(site, posts)))
    return feeds


def build_post_item(post: Post, site: Site, contents: dict[str, str], site_dir: Path) -> Item:
    base = site.settings.site_url + post.url
    body = absolute_html(contents.get(post.url, ""), base)
    enclosure = build_enclosure(site.settings.site_url, post.url, post.image, site_dir) if post.image else None
    cover = html_of(E.P(E.IMG(src=enclosure.url, alt=clean(post.title)))) if enclosure else ""
    categories = tuple(
        (name, site.settings.site_url + category.url if (category := site.settings.category(name)) else None)
        for name in post.categories
    ) + tuple((tag, None) for tag in post.tags)
    return Item(
        url=base, title=clean(post.title), published=post.date.astimezone(VN_TZ),
        summary=clean(post.summary) if post.summary else plain_text(body), content=cover + body,
        categories=categories, author=clean(post.author) if post.author else None, enclosure=enclosure,
    )


def _newest_first(posts: Iterable[Post]) -> list[Post]:
    return sorted(posts, key=lambda post: post.sort_key, reverse=True)


KIND = Kind(
    name="post", folder="news", type=Post, schema=SCHEMA, from_meta=post_from_meta, order=_newest_first,
    pages=build_post_pages, scaffold=Scaffold("tin", "tin.md", "bài viết", dated_name=True), count_label="bài viết",
    check=check_posts, feeds=build_category_feeds, feed_item=build_post_item, moment=lambda post: post.date,
    is_due=lambda post, now: post.date <= now,
)

"""The hub site type: a ward's or a Sở's Bảng tin site that also gathers its member schools' sites.

A hub is a school-shaped site (its own plans and news, :mod:`bangtin.school`'s pages and feeds) plus what it reads
of its members from the fetch cache (:mod:`bangtin.hub.fetch` fills it, :mod:`bangtin.hub.collect` reads it): the
members and their state, the merged news and its feeds, the merged registry, who implemented each of the hub's
plans (on the plan's own page too), and the members' clubs against the hub's target.
"""

from __future__ import annotations

from pathlib import Path

from lxml.html import builder as E  # noqa: N812

from .. import school
from ..feed_content import Item, clean, html_of
from ..feeds import Feed, feed_title
from ..pages import PageSpec
from ..site import Site
from .collect import MemberView, load_hub
from .member_data import MemberArticle
from .members import load_members
from .pages import build_hub_pages, build_implementations, by_name, merged_news, with_implementation

NEWS_FEED, NEWS_ATOM = "tong-hop/rss.xml", "tong-hop/atom.xml"


def build_site(site: Site, root: Path) -> tuple[list[Feed], list[PageSpec], list[str]]:
    """The hub's feeds, pages and log lines (each member whose data failed, never an error or a warning: a member
    never fails the hub's build); a mistake in the members file raises ContentError like any content mistake."""
    views = by_name(load_hub(root, load_members(root, site.settings.members or "")))
    news = merged_news(views)
    feeds = [*school.build_feed_list(site), build_news_feed(site, news)]
    implementations = build_implementations(site, views)
    by_plan = {item.plan.url + "index.md": item for item in implementations}
    pages = [with_implementation(spec, by_plan[spec.uri]) if spec.uri in by_plan else spec
             for spec in school.build_pages(site, root, feeds)]
    return feeds, pages + build_hub_pages(site, views, implementations, news), build_hub_log(views)


def build_hub_log(views: list[MemberView]) -> list[str]:
    troubled = [view for view in views if view.status != "ok"]
    lines = [f"Trang tổng hợp: {len(views)} trường thành viên, {len(views) - len(troubled)} trường dữ liệu đầy đủ"
             + (f", {len(troubled)} trường có lỗi (xem trang /truong/)" if troubled else "")]
    for view in troubled:
        problems = "; ".join(f"{file.source.label}: {file.error or 'chưa có'}" for file in view.problems)
        lines.append(f"  {view.member.name}: {problems or 'chưa lấy dữ liệu (chạy bangtin fetch)'}")
    return lines


def build_news_feed(site: Site, news: list[tuple[MemberView, MemberArticle]]) -> Feed:
    items = tuple(build_news_item(view, article) for view, article in news[: site.settings.feed_items])
    description = f"Tin bài mới nhất của các trường thành viên {site.settings.school.name}"
    return Feed(NEWS_FEED, feed_title(site, "Tin các trường"), description, "tong-hop/", "hub", items, atom=NEWS_ATOM)


def build_news_item(view: MemberView, article: MemberArticle) -> Item:
    """A member's article as the hub republishes it: its cleaned HTML, and the school it comes from."""
    member = view.member
    source = html_of(E.P("Nguồn: ", E.A(member.name, href=member.site_url)))
    return Item(
        url=article.address, title=clean(f"{member.label}: {article.title}"), published=article.published,
        summary=clean(article.summary or article.title), content=clean(article.content + source),
        categories=((member.name, member.site_url), *((term, None) for term in article.categories)),
        author=clean(member.name),
    )

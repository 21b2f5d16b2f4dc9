"""The hub's pages as data: its members and their state, the merged news, registry, implementation and clubs.

Every list has a stable order (members by name, news newest first then by address), so the same cache builds the
same pages. The pages are kept out of the search index: they are lists of what the members' own sites index.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from ..dates import school_year_of
from ..disclosure_rules import LEVELS
from ..pages import PageSpec
from ..text import fold
from .collect import MemberView
from .member_data import MemberArticle, MemberDocument

if TYPE_CHECKING:
    from ..kinds.plan import Plan
    from ..site import Site

NEWS_LIMIT = 500
"""The merged news lists this many newest articles (older ones are on the members' own sites)."""
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Implementation:
    """A hub plan, the members' documents that cite it, and the members without one."""

    plan: Plan
    documents: tuple[tuple[MemberView, MemberDocument], ...]
    missing: tuple[MemberView, ...]

    @property
    def implemented(self) -> int:
        return len({id(view) for view, _ in self.documents})


def by_name(views: list[MemberView]) -> list[MemberView]:
    return sorted(views, key=lambda view: (fold(view.member.name).casefold(), view.member.site_url))


def merged_news(views: list[MemberView]) -> list[tuple[MemberView, MemberArticle]]:
    """Every member's articles, newest first; an address two members claim is listed once, for the first."""
    items = sorted(((view, article) for view in views for article in view.articles),
                   key=lambda pair: (pair[1].published, pair[1].address), reverse=True)
    seen: set[str] = set()
    unique = []
    for view, article in items:
        if article.address not in seen:
            seen.add(article.address)
            unique.append((view, article))
    return unique[:NEWS_LIMIT]


def build_implementations(site: Site, views: list[MemberView]) -> list[Implementation]:
    """For each of the hub's published numbered plans, who cited it (number tolerant of spacing and case; a citation
    that gives another date cites another year's plan of the same number)."""
    citing: dict[str, list[tuple[MemberView, MemberDocument, object]]] = {}
    for view in views:
        for document in view.documents:
            for citation in document.based_on:
                citing.setdefault(citation.key, []).append((view, document, citation.issued))
    result = []
    for plan in site.plans:
        if plan.number is None or plan.draft:
            continue
        found = [(view, doc) for view, doc, issued in citing.get(plan.number.key, [])
                 if issued is None or plan.issued is None or issued == plan.issued]
        found = sorted(dict.fromkeys(found, None), key=lambda pair: (fold(pair[0].member.name).casefold(),
                                                                     pair[1].issued or plan.issued, pair[1].title))
        cited = {id(view) for view, _ in found}
        result.append(Implementation(plan, tuple(found), tuple(v for v in views if id(v) not in cited)))
    return result


def build_hub_pages(site: Site, views: list[MemberView], implementations: list[Implementation],
                    news: list[tuple[MemberView, MemberArticle]]) -> list[PageSpec]:
    return [build_members_page(site, views), *build_news_pages(site, news), *build_registry_pages(views, site),
            build_implementation_page(implementations, views), build_clubs_page(site, views)]


def build_members_page(site: Site, views: list[MemberView]) -> PageSpec:
    year = school_year_of(site.today)
    rows = [{"view": view, "documents": len(view.documents_of(year)), "articles": len(view.articles_of(year)),
             "clubs": len(view.active_clubs)} for view in views]
    states = Counter(view.status for view in views)
    context = {"kind": "hub-members", "rows": rows, "school_year": year, "states": states}
    return PageSpec("truong/index.md", "Các trường", "bangtin/hub-members.html", context,
                    description=f"Các trường thành viên của {site.settings.school.name} và tình trạng dữ liệu",
                    searchable=False)


def build_news_pages(site: Site, news: list[tuple[MemberView, MemberArticle]]) -> list[PageSpec]:
    size = site.settings.per_page
    chunks = [news[i: i + size] for i in range(0, len(news), size)] or [[]]
    urls = ["tong-hop/"] + [f"tong-hop/trang/{n}/" for n in range(2, len(chunks) + 1)]
    week_start = site.today - WEEK
    this_week = [(view, a) for view, a in news if a.published.date() > week_start]
    pages = []
    for number, (url, items) in enumerate(zip(urls, chunks), start=1):
        pager = {"current": number, "total": len(chunks), "urls": urls,
                 "previous": urls[number - 2] if number > 1 else None,
                 "next": urls[number] if number < len(chunks) else None}
        context = {"kind": "hub-news", "articles": items, "pager": pager, "limit": NEWS_LIMIT,
                   "week": {"articles": len(this_week), "schools": len({id(view) for view, _ in this_week})}}
        title = "Tin các trường" if number == 1 else f"Tin các trường – trang {number}"
        pages.append(PageSpec(url + "index.md", title, "bangtin/hub-news.html", context, searchable=False,
                              description=f"Tin bài mới nhất của các trường thành viên {site.settings.school.name}"))
    return pages


def build_registry_pages(views: list[MemberView], site: Site) -> list[PageSpec]:
    """``/tong-hop/van-ban/``: this school year's documents of every member (newest first); a page for each older
    year."""
    years: dict[str, list[tuple[MemberView, MemberDocument]]] = {}
    for view in views:
        for document in view.documents:
            years.setdefault(document.school_year or "khác", []).append((view, document))
    current = school_year_of(site.today)
    order = sorted(years, reverse=True)
    first = current if current in years or not order else order[0]
    urls = {year: "tong-hop/van-ban/" if year == first else f"tong-hop/van-ban/{year}/" for year in order}
    urls.setdefault(first, "tong-hop/van-ban/")
    pages = []
    for year, url in urls.items():
        rows = sorted(years.get(year, []), key=lambda pair: (pair[1].issued.toordinal() if pair[1].issued else 0,
                                                             fold(pair[0].member.name)), reverse=True)
        context = {"kind": "hub-registry", "year": year, "rows": rows, "years": [(y, urls[y]) for y in order]}
        title = f"Văn bản của các trường – năm học {year}"
        pages.append(PageSpec(url + "index.md", title, "bangtin/hub-registry.html", context, searchable=False))
    return pages


def build_implementation_page(implementations: list[Implementation], views: list[MemberView]) -> PageSpec:
    context = {"kind": "hub-implementation", "implementations": implementations, "members": len(views)}
    return PageSpec("tong-hop/trien-khai/index.md", "Tình hình triển khai văn bản", "bangtin/hub-implementation.html",
                    context, searchable=False,
                    description="Các trường đã và chưa có văn bản triển khai từng kế hoạch, văn bản")


def build_clubs_page(site: Site, views: list[MemberView]) -> PageSpec:
    target = site.settings.club_target
    with_club = [view for view in views if view.active_clubs]
    kinds = sorted({club.kind for view in views for club in view.active_clubs}, key=lambda k: fold(k).casefold())
    by_kind = [(kind, sum(any(c.kind == kind for c in view.active_clubs) for view in views)) for kind in kinds]
    levels = sorted({view.level for view in views if view.level}, key=_level_order)
    by_level = [(level, sum(1 for v in views if v.level == level and v.active_clubs),
                 sum(1 for v in views if v.level == level)) for level in levels]
    coverage = len(with_club) / len(views) if views else 0.0
    context = {
        "kind": "hub-clubs", "views": [view for view in views if view.clubs], "with_club": len(with_club),
        "members": len(views), "coverage": coverage, "target": target,
        "target_met": target is not None and coverage >= target, "by_kind": by_kind, "by_level": by_level,
        "needed": max(0, _needed(target, len(views)) - len(with_club)) if target is not None else 0,
    }
    return PageSpec("tong-hop/cau-lac-bo/index.md", "Câu lạc bộ của các trường", "bangtin/hub-clubs.html", context,
                    searchable=False, description="Câu lạc bộ STEM của các trường thành viên và tỉ lệ trường có câu lạc bộ")


def with_implementation(spec: PageSpec, implementation: Implementation) -> PageSpec:
    """A hub plan's page, with "Các đơn vị triển khai" and "Chưa có văn bản triển khai"."""
    return replace(spec, context={**spec.context, "hub": implementation})


def _needed(target: float, members: int) -> int:
    whole = target * members
    return int(whole) + (whole > int(whole))


def _level_order(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)

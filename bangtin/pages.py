"""Which pages the site has, at which address, with which template and data: plain data for the adapter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import escape

from .dates import school_year_of, vn_date_line
from .feeds import Feed
from .links import local_links
from .models import Club, Plan, Post
from .site import Site

HOME_POSTS, HOME_PLANS, HOME_MILESTONES = 6, 5, 6


@dataclass(frozen=True)
class PageSpec:
    """A generated page: its Markdown file address, template, template data (``bt``) and source file."""

    uri: str
    title: str
    template: str
    context: dict[str, Any]
    markdown: str = ""
    source: str | None = None
    description: str | None = None
    searchable: bool = True
    assets: tuple[tuple[str, Path], ...] = field(default=())
    updated: date | None = None

    @property
    def url(self) -> str:
        return self.uri.removesuffix("index.md")

    @property
    def meta(self) -> dict[str, Any]:
        """Page metadata for the theme; Material prints title and description as HTML, so they go in escaped."""
        meta: dict[str, Any] = {"title": escape(self.title), "template": self.template, "hide": ["navigation"]}
        if not self.markdown.strip():
            meta["hide"].append("toc")
        if self.description:
            meta["description"] = escape(self.description)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        return meta


def build_pages(site: Site, root: Path, feeds: Sequence[Feed]) -> list[PageSpec]:
    """Every generated page of the site, in a stable order; ``feeds`` as :func:`build_feed_list` gives them."""
    return [
        build_home(site),
        *build_news_index(site),
        *[build_category(site, c) for c in site.settings.categories],
        *[build_year(site, year, posts) for year, posts in sorted(site.posts_by_year.items())],
        *[build_article(site, post, root) for post in site.posts],
        build_registry(site),
        *[build_plan(site, plan, root) for plan in site.plans],
        build_movements(site),
        *[build_movement(site, m.key) for m in site.settings.movements],
        build_clubs(site),
        *[build_club(site, club, root) for club in site.clubs],
        build_subscribe(site, feeds),
    ]


def build_home(site: Site) -> PageSpec:
    context = {
        "kind": "home", "posts": site.posts[:HOME_POSTS], "plans": site.plans[:HOME_PLANS],
        "clubs": site.clubs, "milestones": site.upcoming[:HOME_MILESTONES],
    }
    return PageSpec("index.md", site.settings.school.name, "bangtin/home.html", context,
                    description=site.settings.school.description, searchable=False)


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


def build_category(site: Site, category) -> PageSpec:
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
    return PageSpec(post.url + "index.md", post.title, "bangtin/article.html", context, post.body, post.source,
                    post.summary, assets=_assets(post, root), updated=post.date.date())


def build_registry(site: Site) -> PageSpec:
    years: dict[str, list[Plan]] = {}
    for plan in site.plans:
        years.setdefault(plan.school_year, []).append(plan)
    groups = sorted(years.items(), reverse=True)
    context = {"kind": "registry", "groups": groups}
    return PageSpec("ke-hoach/index.md", "Kế hoạch, văn bản", "bangtin/registry.html", context,
                    description=f"Sổ kế hoạch, văn bản của {site.settings.school.name}", searchable=False)


def build_plan(site: Site, plan: Plan, root: Path) -> PageSpec:
    context = {
        "kind": "plan", "plan": plan, "date_line": vn_date_line(plan.place, plan.issued) if plan.issued else None,
        "based_on": [(ref, site.plan_by_key.get(ref.number.key) if ref.number else None) for ref in plan.based_on],
        "citing": site.citing.get(plan.number.key, []) if plan.number else [],
        "posts": site.posts_by_plan.get(plan.number.key, []) if plan.number else [],
        "movements": [site.settings.movement(key) for key in plan.movements],
    }
    title = f"{plan.type} {plan.number}" if plan.number else plan.type
    return PageSpec(plan.url + "index.md", f"{title}: {plan.title}", "bangtin/plan.html", context, plan.body,
                    plan.source, plan.summary or plan.title, assets=_assets(plan, root), updated=plan.issued)


def build_movements(site: Site) -> PageSpec:
    rows = [(m, *site.by_movement[m.key]) for m in site.settings.movements]
    return PageSpec("phong-trao/index.md", "Phong trào thi đua", "bangtin/movements.html",
                    {"kind": "movements", "rows": rows}, searchable=False)


def build_movement(site: Site, key: str) -> PageSpec:
    movement = site.settings.movement(key)
    assert movement is not None
    plans, posts = site.by_movement[key]
    years = sorted({p.school_year for p in plans} | {_school_year(post) for post in posts}, reverse=True)
    groups = [
        (year, [p for p in plans if p.school_year == year], [p for p in posts if _school_year(p) == year])
        for year in years
    ]
    context = {
        "kind": "movement", "movement": movement, "groups": groups,
        "basis": site.plan_by_key.get(movement.basis.key) if movement.basis else None,
    }
    return PageSpec(movement.url + "index.md", movement.name, "bangtin/movement.html", context,
                    description=movement.description)


def build_clubs(site: Site) -> PageSpec:
    return PageSpec("cau-lac-bo/index.md", "Câu lạc bộ", "bangtin/clubs.html",
                    {"kind": "clubs", "clubs": site.clubs}, searchable=False)


def build_club(site: Site, club: Club, root: Path) -> PageSpec:
    context = {
        "kind": "club", "club": club, "posts": site.posts_by_club.get(club.slug, []),
        "decision": site.plan_by_key.get(club.decision.key) if club.decision else None,
    }
    return PageSpec(club.url + "index.md", club.name, "bangtin/club.html", context, club.body, club.source,
                    club.summary, assets=_assets(club, root))


def build_subscribe(site: Site, feeds: Sequence[Feed]) -> PageSpec:
    context = {"kind": "subscribe", "feeds": feeds}
    description = f"Bản tin RSS và Atom của {site.settings.school.name} cho cổng thông tin và ứng dụng đọc tin"
    return PageSpec("dang-ky-nhan-tin/index.md", "Đăng ký nhận tin", "bangtin/subscribe.html", context,
                    description=description)


def _assets(record: Plan | Post | Club, root: Path) -> tuple[tuple[str, Path], ...]:
    """Files to publish beside the page: cover photo, attachments and what the body links to."""
    folder = (root / record.source).parent
    rels = [a.rel for a in getattr(record, "attachments", ())] + [link.rel for link in local_links(record.body)]
    image = getattr(record, "image", None)
    rels = ([image.rel] if image else []) + rels
    return tuple((rel, folder / rel) for rel in dict.fromkeys(rels))


def _school_year(post: Post) -> str:
    return school_year_of(post.date.date())

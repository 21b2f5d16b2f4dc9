"""The school's pages that no one kind owns: the home page, the movements and the feed list."""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import school_year_of
from ..feeds import Feed
from ..pages import PageSpec
from ..site import Site

HOME_POSTS, HOME_PLANS, HOME_MILESTONES = 6, 5, 6


def build_home(site: Site) -> PageSpec:
    context = {
        "kind": "home", "posts": site.posts[:HOME_POSTS], "plans": site.plans[:HOME_PLANS],
        "clubs": site.clubs, "milestones": site.upcoming[:HOME_MILESTONES],
    }
    return PageSpec("index.md", site.settings.school.name, "bangtin/home.html", context,
                    description=site.settings.school.description, searchable=False)


def build_movement_pages(site: Site) -> list[PageSpec]:
    rows = [(m, *site.by_movement[m.key]) for m in site.settings.movements]
    index = PageSpec("phong-trao/index.md", "Phong trào thi đua", "bangtin/movements.html",
                     {"kind": "movements", "rows": rows}, searchable=False)
    return [index, *[build_movement(site, m.key) for m in site.settings.movements]]


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


def build_subscribe(site: Site, feeds: Sequence[Feed]) -> PageSpec:
    context = {"kind": "subscribe", "feeds": feeds}
    description = f"Bản tin RSS và Atom của {site.settings.school.name} cho cổng thông tin và ứng dụng đọc tin"
    return PageSpec("dang-ky-nhan-tin/index.md", "Đăng ký nhận tin", "bangtin/subscribe.html", context,
                    description=description)


def _school_year(post) -> str:
    return school_year_of(post.date.date())

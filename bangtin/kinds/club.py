"""Clubs (câu lạc bộ STEM): the directory ``/cau-lac-bo/``, a page and a feed per club."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .. import fields as f
from ..data_files import write_data
from ..dates import school_year_of
from ..feeds import Feed, feed_title, first_records
from ..link_previews import PagePreview
from ..models import Asset
from ..numbers import DocNumber
from ..pages import PageSpec
from ..readers import file_slug, read_fields
from . import Kind, Known, Report, Scaffold

if TYPE_CHECKING:
    from ..problems import Problems
    from ..settings import Settings
    from ..site import Site
    from ..sources import Source

DATA_FILE = "cau-lac-bo.json"
FORMAT_VERSION = 1
SCHEMA = {
    "name": f.Field(f.text, required=True, label="Tên câu lạc bộ"),
    "kind": f.Field(f.text, required=True, label="Loại"),
    "school_year": f.Field(f.school_year, label="Năm học"),
    "founded": f.Field(f.day, label="Ngày thành lập"),
    "decision": f.Field(f.number, label="Quyết định thành lập"),
    "leaders": f.Field(f.texts, label="Người phụ trách"),
    "schedule": f.Field(f.text, label="Lịch sinh hoạt"),
    "place": f.Field(f.text, label="Nơi sinh hoạt"),
    "members": f.Field(f.count, label="Số thành viên"),
    "age_groups": f.Field(f.texts, label="Độ tuổi, khối lớp"),
    "image": f.Field(f.asset, label="Ảnh"),
    "status": f.Field(f.choice("active", "inactive"), label="Tình trạng"),
    "summary": f.Field(f.text, label="Tóm tắt"),
    "draft": f.Field(f.flag, label="Bản nháp"),
}


@dataclass(frozen=True)
class Club:
    """A câu lạc bộ STEM: a member count, never children's names."""

    source: str
    slug: str
    name: str
    kind: str
    school_year: str
    founded: date | None
    decision: DocNumber | None
    leaders: tuple[str, ...]
    schedule: str | None
    place: str | None
    members: int | None
    age_groups: tuple[str, ...]
    image: Asset | None
    status: str
    summary: str | None
    draft: bool
    body: str

    @property
    def url(self) -> str:
        return f"cau-lac-bo/{self.slug}/"


def club_from_meta(source: Source, settings: Settings, problems: Problems) -> Club | None:
    values = read_fields(source, SCHEMA, problems)
    if values is None:
        return None
    founded = values.get("founded")
    return Club(
        source=source.rel, slug=file_slug(source), name=values["name"], kind=values["kind"],
        school_year=values.get("school_year") or (school_year_of(founded) if founded else ""),
        founded=founded, decision=values.get("decision"), leaders=values.get("leaders", ()),
        schedule=values.get("schedule"), place=values.get("place"), members=values.get("members"),
        age_groups=values.get("age_groups", ()), image=values.get("image"), status=values.get("status", "active"),
        summary=values.get("summary"), draft=values.get("draft", False), body=source.body,
    )


def check_clubs(clubs: list[Club], known: Known, report: Report) -> set[str]:
    """A founding decision named by a club is in the registry; a club is not founded after today."""
    for club in clubs:
        if not club.draft:
            known.check_past(club.source, "founded", club.founded, "ngày thành lập", report,
                             " (câu lạc bộ sắp thành lập thì ghi draft: true)")
        known.check_numbers(club.source, "decision", [club.decision] if club.decision else [], report)
    return set()


def build_club_pages(site: Site, root: Path) -> list[PageSpec]:
    directory = PageSpec("cau-lac-bo/index.md", "Câu lạc bộ", "bangtin/clubs.html",
                         {"kind": "clubs", "clubs": site.clubs}, searchable=False)
    return [directory, *[build_club(site, club, root) for club in site.clubs]]


def build_club(site: Site, club: Club, root: Path) -> PageSpec:
    context = {
        "kind": "club", "club": club, "posts": site.posts_by_club.get(club.slug, []),
        "decision": site.plan_by_key.get(club.decision.key) if club.decision else None,
    }
    preview = PagePreview(cover=club.url + club.image.rel if club.image else None, cover_alt=club.name,
                          describe_from_body=True)
    return PageSpec(club.url + "index.md", club.name, "bangtin/club.html", context, club.body, club.source,
                    club.summary, assets=site.files_of(club, root), preview=preview)


def build_club_feeds(site: Site) -> list[Feed]:
    feeds = []
    for club in site.clubs:
        description = f"Hoạt động của {club.name}, {site.settings.school.name}"
        posts = site.posts_by_club.get(club.slug, [])
        feeds.append(Feed(club.url + "rss.xml", feed_title(site, club.name), description, club.url, "club",
                          first_records(site, posts)))
    return feeds


def write_club_data(site: Site, site_dir: Path) -> Path:
    """``cau-lac-bo.json``: every published club, what a hub counts (kind, members, status) and its founding
    decision, with absolute addresses."""
    url = site.settings.site_url
    clubs = [
        {"name": club.name, "kind": club.kind, "members": club.members, "school_year": club.school_year or None,
         "founded": club.founded.isoformat() if club.founded else None, "status": club.status,
         "decision": _decision(site, club), "age_groups": list(club.age_groups), "address": url + club.url}
        for club in site.clubs if not club.draft
    ]
    data = {"version": FORMAT_VERSION, "school": site.settings.school.name, "level": site.settings.school.level,
            "site": url, "page": url + "cau-lac-bo/", "clubs": clubs}
    return write_data(site_dir, DATA_FILE, data)


def _decision(site: Site, club: Club) -> dict[str, str | None] | None:
    if club.decision is None:
        return None
    plan = site.plan_by_key.get(club.decision.key)
    return {"number": club.decision.text, "address": site.settings.site_url + plan.url if plan and not plan.draft else None}


def _by_name(clubs: Iterable[Club]) -> list[Club]:
    return sorted(clubs, key=lambda club: (club.name.casefold(), club.source))


KIND = Kind(
    name="club", folder="clubs", type=Club, schema=SCHEMA, from_meta=club_from_meta, order=_by_name,
    pages=build_club_pages, scaffold=Scaffold("clb", "clb.md", "câu lạc bộ"), count_label="câu lạc bộ",
    check=check_clubs, names=lambda clubs: {"clubs": frozenset(club.slug for club in clubs)}, feeds=build_club_feeds,
    write=write_club_data,
)

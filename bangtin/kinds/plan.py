"""Plans (kế hoạch and other official documents): the registry ``/ke-hoach/``, a page per document, its feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .. import fields as f
from ..dates import VN_TZ, dmy, school_year_of, vn_date_line
from ..documents import write_documents
from ..feed_content import Item, absolute_html, attachments_html, build_enclosure, clean
from ..feeds import Feed, feed_title, first_records
from ..link_previews import PagePreview
from ..models import Asset, Milestone, Reference, Signer
from ..numbers import DocNumber
from ..pages import PageSpec
from ..readers import file_slug, read_fields
from . import Kind, Known, Report, Scaffold

if TYPE_CHECKING:
    from ..problems import Problems
    from ..settings import Settings
    from ..site import Site
    from ..sources import Source

SCHEMA = {
    "number": f.Field(f.number, label="Số, ký hiệu"),
    "title": f.Field(f.text, required=True, label="Trích yếu"),
    "issued": f.Field(f.day, label="Ngày ban hành"),
    "issuer": f.Field(f.text, label="Cơ quan ban hành"),
    "place": f.Field(f.text, label="Địa danh"),
    "type": f.Field(f.text, label="Loại văn bản"),
    "school_year": f.Field(f.school_year, label="Năm học"),
    "movements": f.Field(f.texts, label="Phong trào"),
    "based_on": f.Field(f.references, label="Căn cứ"),
    "signer": f.Field(f.signers, label="Người ký"),
    "signers": f.Field(f.signers, label="Những người ký"),
    "recipients": f.Field(f.texts, label="Nơi nhận"),
    "attachments": f.Field(f.assets, label="Tệp đính kèm"),
    "milestones": f.Field(f.milestones, label="Tiến độ"),
    "status": f.Field(f.choice("active", "expired", "replaced"), label="Hiệu lực"),
    "summary": f.Field(f.text, label="Tóm tắt"),
    "draft": f.Field(f.flag, label="Bản nháp"),
}


@dataclass(frozen=True)
class Plan:
    """A kế hoạch or other official document of the registry."""

    source: str
    slug: str
    number: DocNumber | None
    title: str
    issued: date | None
    issuer: str
    place: str
    type: str
    school_year: str
    movements: tuple[str, ...]
    based_on: tuple[Reference, ...]
    signers: tuple[Signer, ...]
    recipients: tuple[str, ...]
    attachments: tuple[Asset, ...]
    milestones: tuple[Milestone, ...]
    status: str
    summary: str | None
    draft: bool
    body: str

    @property
    def year(self) -> int:
        return self.issued.year if self.issued else int(self.school_year[:4])

    @cached_property  # the addresses are read on every page that lists the record
    def url(self) -> str:
        return f"ke-hoach/{self.year}/{self.slug}/"

    @property
    def label(self) -> str:
        """Số, ký hiệu as shown; an unnumbered document says so."""
        return self.number.text if self.number else "Chưa có số"

    @property
    def sort_key(self) -> tuple[date, str]:
        return (self.issued or date(self.year, 9, 1), self.source)


def plan_from_meta(source: Source, settings: Settings, problems: Problems) -> Plan | None:
    values = read_fields(source, SCHEMA, problems)
    if values is None:
        return None
    if "signer" in values and "signers" in values:
        problems.error(source.rel, source.line("signers"), "signers", "chỉ dùng một trong hai khóa signer hoặc signers")
    issued, number = values.get("issued"), values.get("number")
    if issued is None and "school_year" not in values:
        problems.error(source.rel, 1, "issued", "thiếu ngày ban hành (ví dụ issued: 2025-11-28); nếu văn bản chưa có ngày, ghi school_year: 2025-2026")
        return None
    return Plan(
        source=source.rel, slug=number.slug if number else file_slug(source), number=number,
        title=values["title"], issued=issued, issuer=values.get("issuer", settings.school.name),
        place=values.get("place", settings.school.place), type=values.get("type") or _plan_type(number),
        school_year=values.get("school_year") or school_year_of(issued),
        movements=values.get("movements", ()), based_on=values.get("based_on", ()),
        signers=values.get("signers") or values.get("signer", ()), recipients=values.get("recipients", ()),
        attachments=values.get("attachments", ()), milestones=values.get("milestones", ()),
        status=values.get("status", "active"), summary=values.get("summary"), draft=values.get("draft", False),
        body=source.body,
    )


def _plan_type(number: DocNumber | None) -> str:
    return number.type_name if number else "Kế hoạch"


def check_plans(plans: list[Plan], known: Known, report: Report) -> set[str]:
    """Movements that exist, no issue day to come, no number used twice by one issuer in one year; return the files
    reported."""
    seen: dict[tuple[str, str, int], Plan] = {}
    reported = set()
    for plan in plans:
        known.check_members(plan.source, "movements", plan.movements, report)
        if not plan.draft:
            known.check_past(plan.source, "issued", plan.issued, "ngày ban hành", report,
                             " (văn bản chưa ban hành thì ghi draft: true)")
        if plan.number is None:
            continue
        identity = (plan.issuer.casefold(), plan.number.key, plan.year)
        if first := seen.get(identity):
            report(
                plan.source, "number",
                f"số “{plan.number}” của {plan.issuer} năm {plan.year} đã dùng cho {first.source}; mỗi số chỉ dùng một lần trong năm",
            )
            reported.add(plan.source)
        seen.setdefault(identity, plan)
    return reported


def build_plan_pages(site: Site, root: Path) -> list[PageSpec]:
    return [build_registry(site), *[build_plan(site, plan, root) for plan in site.plans]]


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
                    plan.source, plan.summary or plan.title, assets=site.files_of(plan, root),
                    updated=plan.issued,
                    preview=PagePreview("article", published=plan.issued.isoformat() if plan.issued else None))


def build_registry_feed(site: Site) -> list[Feed]:
    description = f"Sổ kế hoạch, văn bản của {site.settings.school.name}: số, ký hiệu, ngày ban hành, trích yếu"
    title = feed_title(site, "Kế hoạch, văn bản")
    return [Feed("ke-hoach/rss.xml", title, description, "ke-hoach/", "registry", first_records(site, site.plans))]


def build_plan_item(plan: Plan, site: Site, contents: dict[str, str], site_dir: Path) -> Item:
    base = site.settings.site_url + plan.url
    files = [build_enclosure(site.settings.site_url, plan.url, asset, site_dir) for asset in plan.attachments]
    body = absolute_html(contents.get(plan.url, ""), base) + attachments_html(plan.attachments, files)
    movements = [site.settings.movement(key) for key in plan.movements]
    categories = ((plan.type, None), *((m.name, site.settings.site_url + m.url) for m in movements if m))
    return Item(
        url=base, title=clean(f"[{plan.label}] {plan.title}"), published=plan_moment(plan),
        summary=plan_summary(plan), content=body, categories=tuple(categories),
        author=clean(plan.issuer), enclosure=files[0] if files else None,
    )


def plan_summary(plan: Plan) -> str:
    """The line Vietnamese document portals print: "Ngày ban hành: 28/11/2025. Trích yếu: …"."""
    issued = dmy(plan.issued) if plan.issued else "chưa ghi"
    parts = [f"Ngày ban hành: {issued}.", f"Trích yếu: {plan.title.rstrip('. ')}."]  # the title is the trích yếu
    parts += [f"Loại văn bản: {plan.type}.", f"Cơ quan ban hành: {plan.issuer}."]
    if plan.summary:
        parts.append(plan.summary)
    return clean(" ".join(parts))


def plan_moment(plan: Plan) -> datetime:
    """A plan is dated by its ngày ban hành, at midnight Vietnam time."""
    return datetime.combine(plan.sort_key[0], time(), VN_TZ)


def _newest_first(plans: Iterable[Plan]) -> list[Plan]:
    return sorted(plans, key=lambda plan: plan.sort_key, reverse=True)


KIND = Kind(
    name="plan", folder="plans", type=Plan, schema=SCHEMA, from_meta=plan_from_meta, order=_newest_first,
    pages=build_plan_pages, scaffold=Scaffold("ke-hoach", "ke-hoach.md", "kế hoạch"), count_label="kế hoạch",
    check=check_plans, names=lambda plans: {"numbers": frozenset(p.number.key for p in plans if p.number)},
    feeds=build_registry_feed, feed_item=build_plan_item, moment=plan_moment, write=write_documents,
)

"""Công khai (TT 09/2024/TT-BGDĐT): one file per disclosed item and school year; ``/cong-khai/`` is the checklist an
inspector reads, a page per school year keeps every earlier year online, and a feed and ``cong-khai.json`` serve the
ward's or Sở's portal."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .. import fields as f
from ..data_files import write_data
from ..dates import VN_TZ, dmy
from ..disclosure_rules import DisclosureItem
from ..feed_content import Item, absolute_html, attachments_html, build_enclosure, clean
from ..feeds import Feed, feed_title, first_records
from ..link_previews import PagePreview
from ..models import Asset
from ..pages import PageSpec
from ..problems import Problems
from ..readers import read_fields
from ..settings import cong_khai_rules
from ..text import fold
from . import Kind, Known, Report, Scaffold

if TYPE_CHECKING:
    from ..settings import Settings
    from ..site import Site
    from ..sources import Source

SCHEMA = {
    "title": f.Field(f.text, required=True, label="Tiêu đề"),
    "item": f.Field(f.text, required=True, label="Mục công khai"),
    "school_year": f.Field(f.school_year, required=True, label="Năm học"),
    "published": f.Field(f.day, required=True, label="Ngày công khai"),
    "updated": f.Field(f.day, label="Ngày cập nhật"),
    "attachments": f.Field(f.assets, label="Tệp đính kèm"),
    "summary": f.Field(f.text, label="Tóm tắt"),
    "draft": f.Field(f.flag, label="Bản nháp"),
}
DATA_FILE = "cong-khai.json"
_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")
FORMAT_VERSION = 1
SECTION = "cong-khai/"


@dataclass(frozen=True)
class Disclosure:
    """One disclosed item of one school year: what is online, since when, and its files."""

    source: str
    title: str
    item: DisclosureItem
    school_year: str
    published: date
    updated: date | None
    attachments: tuple[Asset, ...]
    summary: str | None
    draft: bool
    body: str

    @property
    def url(self) -> str:
        return f"{SECTION}{self.school_year}/{self.item.key}/"

    @property
    def changed(self) -> date:
        """The day it last changed online."""
        return self.updated or self.published


def disclosure_from_meta(source: Source, settings: Settings, problems: Problems) -> Disclosure | None:
    values = read_fields(source, SCHEMA, problems)
    if values is None:
        return None
    rules = settings.cong_khai
    item = rules.item(values["item"])
    if item is None:
        keys = [known.key for known in rules.items]
        guess = difflib.get_close_matches(values["item"], keys, n=1, cutoff=0.6)
        hint = f"có phải ý bạn là “{guess[0]}”?" if guess else f"các mục có: {', '.join(keys)}"
        problems.error(source.rel, source.line("item"), "item",
                       f"“{values['item']}” không phải mục công khai trong mkdocs.yml (extra.bangtin.cong_khai); {hint}")
        return None
    updated = values.get("updated")
    if updated is not None and updated < values["published"]:
        problems.error(source.rel, source.line("updated"), "updated",
                       f"ngày cập nhật {dmy(updated)} trước ngày công khai {dmy(values['published'])}")
        return None
    return Disclosure(
        source=source.rel, title=values["title"], item=item, school_year=values["school_year"],
        published=values["published"], updated=updated, attachments=values.get("attachments", ()),
        summary=values.get("summary"), draft=values.get("draft", False), body=source.body,
    )


def check_disclosures(records: list[Disclosure], known: Known, report: Report) -> set[str]:
    """One file per item and school year, dated within reach; return the files reported twice (so their address is
    not reported again)."""
    seen: dict[tuple[str, str], Disclosure] = {}
    reported = set()
    for record in records:
        known.check_soon(record.source, "published", record.published, report)
        known.check_past(record.source, "updated", record.updated, "ngày cập nhật", report)
        identity = (record.item.key, record.school_year)
        if first := seen.get(identity):
            report(record.source, "item",
                   f"mục “{record.item.name}” năm học {record.school_year} đã có ở {first.source}; mỗi mục chỉ có một tệp "
                   "trong một năm học (khi sửa nội dung, sửa tệp đó và ghi ngày updated)")
            reported.add(record.source)
        seen.setdefault(identity, record)
    return reported


def build_disclosure_pages(site: Site, root: Path) -> list[PageSpec]:
    current = site.settings.cong_khai.due_year(site.today)
    years = school_years(site)
    index = build_checklist(site, current, years, SECTION + "index.md", "Công khai")
    return [index, *[build_checklist(site, year, years, f"{SECTION}{year}/index.md", f"Công khai năm học {year}")
                     for year in years],
            *[build_disclosure(site, record, root) for record in site.records["cong-khai"]]]


def school_years(site: Site) -> list[str]:
    """Every school year with a disclosure, and the one due now, newest first: none is ever dropped."""
    due = site.settings.cong_khai.due_year(site.today)
    return sorted({due, *(record.school_year for record in site.records["cong-khai"])}, reverse=True)


def checklist(site: Site, year: str) -> list[tuple[DisclosureItem, Disclosure | None]]:
    """Each required item of ``year`` with its disclosure, or None when it is not online."""
    found = {record.item.key: record for record in site.records["cong-khai"] if record.school_year == year}
    return [(item, found.get(item.key)) for item in site.settings.cong_khai.items]


def build_checklist(site: Site, year: str, years: list[str], uri: str, title: str) -> PageSpec:
    rules = site.settings.cong_khai
    rows = checklist(site, year)
    context = {
        "kind": "disclosures", "year": year, "rows": rows, "years": years, "current": rules.due_year(site.today),
        "due": rules.due_date(year), "missing": sum(record is None for _, record in rows),
    }
    description = f"Công khai năm học {year} của {site.settings.school.name} theo Thông tư 09/2024/TT-BGDĐT"
    return PageSpec(uri, title, "bangtin/disclosures.html", context, description=description, searchable=False)


def build_disclosure(site: Site, record: Disclosure, root: Path) -> PageSpec:
    context = {"kind": "disclosure", "record": record}
    preview = PagePreview("article", published=record.published.isoformat())
    return PageSpec(record.url + "index.md", record.title, "bangtin/disclosure.html", context, record.body,
                    record.source, record.summary or record.title, assets=site.files_of(record, root),
                    updated=record.changed, preview=preview)


def build_disclosure_feed(site: Site) -> list[Feed]:
    description = f"Thông tin công khai của {site.settings.school.name} theo Thông tư 09/2024/TT-BGDĐT"
    return [Feed(SECTION + "rss.xml", feed_title(site, "Công khai"), description, SECTION, "cong-khai",
                 first_records(site, site.records["cong-khai"]))]


def build_disclosure_item(record: Disclosure, site: Site, contents: dict[str, str], site_dir: Path) -> Item:
    url = site.settings.site_url
    files = [build_enclosure(url, record.url, asset, site_dir) for asset in record.attachments]
    body = absolute_html(contents.get(record.url, ""), url + record.url) + attachments_html(record.attachments, files)
    return Item(
        url=url + record.url, title=clean(record.title), published=disclosure_moment(record),
        summary=clean(record.summary) if record.summary else _summary(record), content=body,
        categories=((record.item.name, None), ("Công khai", url + SECTION)), author=clean(site.settings.school.name),
        enclosure=files[0] if files else None,
    )


def _summary(record: Disclosure) -> str:
    basis = f" ({record.item.basis} Thông tư 09/2024/TT-BGDĐT)" if record.item.basis else ""
    updated = f", cập nhật ngày {dmy(record.updated)}" if record.updated else ""
    return clean(f"{record.item.name}{basis}, năm học {record.school_year}: công khai ngày {dmy(record.published)}{updated}.")


def disclosure_moment(record: Disclosure) -> datetime:
    return datetime.combine(record.published, time(), VN_TZ)


def disclosure_reminders(site: Site) -> list[str]:
    """Each required item of the school year now due that is not online yet (a reminder: it never stops a build);
    a school with no công khai at all is told once, with where to read how. A hub (a ward's or a Sở's site) is not
    a school that TT 09/2024 binds, so it is not reminded unless it publishes công khai items of its own."""
    if site.settings.members and not site.records["cong-khai"]:
        return []
    rules = site.settings.cong_khai
    year = rules.due_year(site.today)
    due = dmy(rules.due_date(year))
    if not site.records["cong-khai"]:
        return [f"chưa có mục công khai nào (Thông tư 09/2024/TT-BGDĐT: {len(rules.items)} mục mỗi năm học, năm học "
                f"{year} hạn {due}); tạo từng mục bằng lệnh bangtin new cong-khai, xem hướng dẫn “Công khai” trong README"]
    online = {r.item.key for r in site.records["cong-khai"]
              if r.school_year == year and not r.draft and r.published <= site.today}
    return [f"công khai năm học {year}: chưa có mục “{item.name}”{f' ({item.basis})' if item.basis else ''}, "
            f"hạn {due}; tạo tệp bằng lệnh: bangtin new cong-khai \"{item.name} năm học {year}\""
            for item in rules.items if item.key not in online]


def write_disclosure_data(site: Site, site_dir: Path) -> Path:
    """``cong-khai.json``: every published disclosure with its item, dates and files, newest school year first."""
    url = site.settings.site_url
    data = {
        "version": FORMAT_VERSION, "school": clean(site.settings.school.name), "site": url,
        "page": url + SECTION, "feed": url + SECTION + "rss.xml", "current": site.settings.cong_khai.due_year(site.today),
        "items": [
            {"item": record.item.key, "name": record.item.name, "basis": record.item.basis,
             "school_year": record.school_year, "title": clean(record.title), "published": record.published.isoformat(),
             "updated": record.updated.isoformat() if record.updated else None, "address": url + record.url,
             "attachments": [{"name": asset.name, "address": file.url, "size": file.length, "type": file.type}
                             for asset in record.attachments
                             if (file := build_enclosure(url, record.url, asset, site_dir))]}
            for record in site.records["cong-khai"] if not record.draft
        ],
    }
    return write_data(site_dir, DATA_FILE, data)


def scaffold_values(title: str, block: Mapping[str, Any], now: datetime) -> dict[str, str]:
    """For ``bangtin new cong-khai``: the item whose name the title holds, the school year it names (else the one due
    now), and the list of items to choose from."""
    school = block.get("school") if isinstance(block.get("school"), dict) else {}
    rules = cong_khai_rules(block.get("cong_khai"), str(school.get("level") or "") or None, Problems())
    folded = fold(title).casefold()
    item = next((item for item in rules.items if fold(item.name).casefold() in folded), rules.items[0])
    year = _YEAR_IN_TITLE.search(title)
    return {
        "item": item.key, "item_list": ", ".join(f"{item.key} ({item.name})" for item in rules.items),
        "disclosure_year": f"{year[1]}-{year[2]}" if year else rules.due_year(now.date()),
    }


def _newest_first(records: Iterable[Disclosure]) -> list[Disclosure]:
    return sorted(records, key=lambda record: (record.published, record.source), reverse=True)


KIND = Kind(
    name="cong-khai", folder="cong-khai", type=Disclosure, schema=SCHEMA, from_meta=disclosure_from_meta,
    order=_newest_first, pages=build_disclosure_pages, scaffold=Scaffold("cong-khai", "cong-khai.md", "mục công khai", values=scaffold_values),
    count_label="mục công khai", check=check_disclosures, feeds=build_disclosure_feed,
    feed_item=build_disclosure_item, moment=disclosure_moment,
    is_due=lambda record, now: record.published <= now.date(),
    reminders=disclosure_reminders, write=write_disclosure_data,
)

"""Front-matter to records: one schema and one ``*_from_meta`` per kind of content."""

from __future__ import annotations

import difflib
import re
from typing import Any

from . import fields as f
from .dates import school_year_of
from .models import Club, Plan, Post
from .problems import Problems
from .settings import Settings
from .sources import Source
from .text import slugify

PLAN_FIELDS = {
    "number": f.Field(f.number), "title": f.Field(f.text, required=True), "issued": f.Field(f.day),
    "issuer": f.Field(f.text), "place": f.Field(f.text), "type": f.Field(f.text),
    "school_year": f.Field(f.school_year), "movements": f.Field(f.texts), "based_on": f.Field(f.references),
    "signer": f.Field(f.signers), "signers": f.Field(f.signers), "recipients": f.Field(f.texts),
    "attachments": f.Field(f.assets), "milestones": f.Field(f.milestones),
    "status": f.Field(f.choice("active", "expired", "replaced")), "summary": f.Field(f.text),
    "draft": f.Field(f.flag),
}
POST_FIELDS = {
    "title": f.Field(f.text, required=True), "date": f.Field(f.moment, required=True), "summary": f.Field(f.text),
    "categories": f.Field(f.texts), "tags": f.Field(f.texts), "image": f.Field(f.asset),
    "plans": f.Field(f.numbers), "clubs": f.Field(f.texts), "movements": f.Field(f.texts),
    "author": f.Field(f.text), "draft": f.Field(f.flag), "privacy_consent": f.Field(f.text),
}
CLUB_FIELDS = {
    "name": f.Field(f.text, required=True), "kind": f.Field(f.text, required=True),
    "school_year": f.Field(f.school_year), "founded": f.Field(f.day), "decision": f.Field(f.number),
    "leaders": f.Field(f.texts), "schedule": f.Field(f.text), "place": f.Field(f.text), "members": f.Field(f.count),
    "age_groups": f.Field(f.texts), "image": f.Field(f.asset), "status": f.Field(f.choice("active", "inactive")),
    "summary": f.Field(f.text), "draft": f.Field(f.flag),
}
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def read_fields(source: Source, schema: dict[str, f.Field], problems: Problems) -> dict[str, Any] | None:
    """Every value through its reader; every problem reported; None when any key failed."""
    values: dict[str, Any] = {}
    before = len(problems.errors)
    for key, raw in source.meta.items():
        if key not in schema:
            guess = difflib.get_close_matches(key, list(schema), n=1, cutoff=0.6)
            hint = f"có phải ý bạn là “{guess[0]}”?" if guess else f"các khóa được dùng: {', '.join(schema)}"
            problems.error(source.rel, source.line(key), key, f"khóa không có trong mẫu; {hint}")
            continue
        try:
            values[key] = schema[key].read(raw, source.path.parent)
        except f.FieldError as error:
            problems.error(source.rel, source.line(key, error.index), key, str(error))
    for key, spec in schema.items():
        if spec.required and key not in source.meta:
            problems.error(source.rel, 1, key, "thiếu khóa bắt buộc này")
    return values if len(problems.errors) == before else None


def plan_from_meta(source: Source, settings: Settings, problems: Problems) -> Plan | None:
    values = read_fields(source, PLAN_FIELDS, problems)
    if values is None:
        return None
    if "signer" in values and "signers" in values:
        problems.error(source.rel, source.line("signers"), "signers", "chỉ dùng một trong hai khóa signer hoặc signers")
    issued, number = values.get("issued"), values.get("number")
    if issued is None and "school_year" not in values:
        problems.error(source.rel, 1, "issued", "thiếu ngày ban hành (ví dụ issued: 2025-11-28); nếu văn bản chưa có ngày, ghi school_year: 2025-2026")
        return None
    return Plan(
        source=source.rel, slug=number.slug if number else _file_slug(source), number=number,
        title=values["title"], issued=issued, issuer=values.get("issuer", settings.school.name),
        place=values.get("place", settings.school.place), type=values.get("type") or _plan_type(number),
        school_year=values.get("school_year") or school_year_of(issued),
        movements=values.get("movements", ()), based_on=values.get("based_on", ()),
        signers=values.get("signers") or values.get("signer", ()), recipients=values.get("recipients", ()),
        attachments=values.get("attachments", ()), milestones=values.get("milestones", ()),
        status=values.get("status", "active"), summary=values.get("summary"), draft=values.get("draft", False),
        body=source.body,
    )


def post_from_meta(source: Source, settings: Settings, problems: Problems) -> Post | None:
    values = read_fields(source, POST_FIELDS, problems)
    if values is None:
        return None
    return Post(
        source=source.rel, slug=_file_slug(source), title=values["title"], date=values["date"],
        summary=values.get("summary"), categories=values.get("categories", ()), tags=values.get("tags", ()),
        image=values.get("image"), plans=values.get("plans", ()), clubs=values.get("clubs", ()),
        movements=values.get("movements", ()), author=values.get("author"), draft=values.get("draft", False),
        body=source.body, privacy_consent=values.get("privacy_consent"),
    )


def club_from_meta(source: Source, settings: Settings, problems: Problems) -> Club | None:
    values = read_fields(source, CLUB_FIELDS, problems)
    if values is None:
        return None
    founded = values.get("founded")
    return Club(
        source=source.rel, slug=_file_slug(source), name=values["name"], kind=values["kind"],
        school_year=values.get("school_year") or (school_year_of(founded) if founded else ""),
        founded=founded, decision=values.get("decision"), leaders=values.get("leaders", ()),
        schedule=values.get("schedule"), place=values.get("place"), members=values.get("members"),
        age_groups=values.get("age_groups", ()), image=values.get("image"), status=values.get("status", "active"),
        summary=values.get("summary"), draft=values.get("draft", False), body=source.body,
    )


def _file_slug(source: Source) -> str:
    """The address comes from the file name (minus a leading date), so editing a title never moves a page."""
    return slugify(_DATE_PREFIX.sub("", source.path.stem)) or "bai-viet"


def _plan_type(number) -> str:
    return number.type_name if number else "Kế hoạch"


"""``van-ban.json``: the registry as data, for portals that import documents rather than read news.

Every published plan with its metadata and absolute addresses, newest first (the registry's order),
keys in a fixed order, no build time: the same content gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data_files import write_data
from .feed_content import build_enclosure, clean
from .models import Reference

if TYPE_CHECKING:
    from .kinds.plan import Plan
    from .site import Site

DOCUMENTS_FILE = "van-ban.json"
FORMAT_VERSION = 1


def build_documents(site: Site, site_dir: Path) -> dict[str, Any]:
    url = site.settings.site_url
    plans = sorted((plan for plan in site.plans if not plan.draft), key=lambda p: p.sort_key, reverse=True)
    return {
        "version": FORMAT_VERSION,
        "school": clean(site.settings.school.name),
        "site": url,
        "registry": url + "ke-hoach/",
        "feed": url + "ke-hoach/rss.xml",
        "documents": [build_document(plan, site, site_dir) for plan in plans],
    }


def build_document(plan: Plan, site: Site, site_dir: Path) -> dict[str, Any]:
    url = site.settings.site_url
    files = [(asset, build_enclosure(url, plan.url, asset, site_dir)) for asset in plan.attachments]
    return {
        "number": plan.number.text if plan.number else None,
        "type": plan.type,
        "title": clean(plan.title),
        "issued": plan.issued.isoformat() if plan.issued else None,
        "issuer": clean(plan.issuer),
        "place": clean(plan.place) if plan.place else None,
        "school_year": plan.school_year,
        "status": plan.status,
        "movements": list(plan.movements),
        "based_on": [build_reference(ref, site) for ref in plan.based_on],
        "summary": clean(plan.summary) if plan.summary else None,
        "address": url + plan.url,
        "attachments": [
            {"name": asset.name, "address": file.url, "size": file.length, "type": file.type} for asset, file in files
        ],
    }


def build_reference(ref: Reference, site: Site) -> dict[str, Any]:
    """A căn cứ; ``address`` is set when the cited document is in this site's registry."""
    target = site.plan_by_key.get(ref.number.key) if ref.number else None
    return {
        "number": ref.number.text if ref.number else None,
        "text": clean(ref.text),
        "issued": ref.issued.isoformat() if ref.issued else None,
        "issuer": clean(ref.issuer) if ref.issuer else None,
        "address": site.settings.site_url + target.url if target and not target.draft else None,
    }


def write_documents(site: Site, site_dir: Path) -> Path:
    return write_data(site_dir, DOCUMENTS_FILE, build_documents(site, site_dir))

"""The clerk's web editor at ``/admin/``: Sveltia CMS, served by the site itself.

* :mod:`.cms_config`: the editor's configuration, generated from the content contract and ``extra.bangtin``;
* :mod:`.vendor`: the editor's files, pinned by npm and copied into the site with no address of a CDN left;
* :func:`write_admin`: both into ``site/admin/``, with the page (``overrides/bangtin/admin.html``) that loads them.

The page is never a MkDocs page: it is not in the navigation, the sitemap, the search or the feeds, and it asks
search engines not to index it. The clerk signs in with a GitHub token on the published site, or, on the school
computer, opens it from ``bangtin serve`` and works on the school's folder directly (see the README).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from ..settings import Settings
from .cms_config import build_cms_config
from .vendor import VendorError, find_modules, sveltia_locale, write_vendor

#: Where the editor is published, relative to the site root.
ADMIN_DIR = "admin"

#: The page that loads the editor (in ``overrides/``).
PAGE_TEMPLATE = "bangtin/admin.html"

#: Vietnamese for the strings Sveltia's own ``vi`` locale lacks (what a clerk meets: the media library, folders).
LOCALE_OVERLAY = Path(__file__).with_name("vi.json")

_GITHUB = re.compile(r"^https://github\.com/(?P<owner>[^/]+)/(?P<name>[^/]+?)(?:\.git)?(?:/(?:edit|blob|tree)/(?P<branch>[^/]+).*)?/?$")


def github_repo(edit_uri: str | None, repo_url: str | None) -> tuple[str | None, str]:
    """(``owner/name``, branch) of the school's repository, from ``edit_uri`` or ``repo_url`` in mkdocs.yml."""
    for address in (edit_uri, repo_url):
        if address and (match := _GITHUB.match(address)):
            return f"{match['owner']}/{match['name']}", match["branch"] or "main"
    return None, "main"


def write_admin(site_dir: Path, root: Path, settings: Settings, repo: tuple[str | None, str],
                render: Callable[[dict], str]) -> list[str]:
    """Write ``site_dir/admin/``; return the notes for the build log (why there is no editor, when there is none).

    ``root`` is the school's folder (its ``package.json`` and ``node_modules``); ``render`` renders the page from
    the template's values.
    """
    admin = Path(site_dir) / ADMIN_DIR
    overlay = json.loads(LOCALE_OVERLAY.read_text(encoding="utf-8"))
    try:
        modules = find_modules(root)
        write_vendor(admin, modules, sveltia_locale(modules, overlay))
    except VendorError as error:
        return [f"Chưa có trình soạn bài /admin/: {error}"]
    config = build_cms_config(settings, *repo)
    (admin / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    (admin / "index.html").write_text(render({"school": settings.school.name}), encoding="utf-8")
    return []

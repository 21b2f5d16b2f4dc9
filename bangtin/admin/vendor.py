"""The web editor's own files: Sveltia CMS, the three fonts it shows and the modules it loads (``package.json`` pins
them, ``package-lock.json`` locks them), copied into the site's ``/admin/``. They come from ``node_modules`` when
``npm ci`` ran (the tests, the Pages workflow); a computer with only Python fetches them from the npm registry into
``.cache/bangtin/admin/`` once, each checked against the lock (:func:`find_modules`).

Sveltia fetches some of its files from CDNs (its Vietnamese strings and version from unpkg, its fonts from
jsDelivr, GitHub's status page); a school network may block those, and a request there tells a third party who
edits. The bundle builds each of those addresses from one literal, so :data:`REWRITES` points each at the copy under
``/admin/vendor/``; the admin page sets ``globalThis.bangtinVendor`` to that folder's address before the bundle runs.
Each rewrite must match the pinned bundle exactly as often as :data:`REWRITES` says, so an upgrade that moves or adds
an address stops the build instead of letting the editor call a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import tarfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CMS = "@sveltia/cms"

#: Modules the bundle imports from unpkg at the version its own package.json names (``^5.1.9`` → ``5.1.9``), when
#: they are needed: the HEIC decoder for an iPhone photo, Immutable for the article preview (bangtin/admin.html).
MODULES = ("@discourse/heic", "immutable")
VENDOR = "vendor"
PREFIX = "${globalThis.bangtinVendor}"


@dataclass(frozen=True)
class Font:
    package: str
    file: str
    address: str
    """The jsDelivr address in the bundle's CSS."""


FONTS = (
    Font("@fontsource-variable/source-sans-3", "source-sans-3-latin-wght-normal.woff2",
         "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2"),
    Font("@fontsource/noto-mono", "noto-mono-latin-400-normal.woff2",
         "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2"),
    Font("@fontsource-variable/material-symbols-outlined", "material-symbols-outlined-latin-wght-normal.woff2",
         "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2"),
)

#: (address in the bundle, what replaces it, how many times the pinned bundle has it)
REWRITES = (
    ("`https://unpkg.com/", f"`{PREFIX}unpkg/", 4),
    ("`https://www.githubstatus.com/api/v2/status.json`", f"`{PREFIX}githubstatus.json`", 1),
    *((font.address, f"{PREFIX}fonts/{font.file}", 1) for font in FONTS),
)

#: What the editor is told of GitHub's status: nothing (it shows no incident banner).
GITHUB_STATUS = {"status": {"indicator": "unknown"}}


class VendorError(Exception):
    """The editor's files are missing or not the pinned ones (a message for the build log, in Vietnamese)."""


def pinned(root: Path) -> dict[str, str]:
    """The editor's packages and versions from ``package.json`` (its ``dependencies``)."""
    manifest = root / "package.json"
    if not manifest.is_file():
        return {}
    return dict(json.loads(manifest.read_text(encoding="utf-8")).get("dependencies") or {})


#: Where the editor's packages are kept when npm is not there to install them (a school computer with only Python).
MODULES_CACHE = Path(".cache") / "bangtin" / "admin" / "node_modules"

#: npm's own public registry, as npm itself defaults to it; ``npm_config_registry`` (npm's variable) overrides it.
DEFAULT_REGISTRY = "https://registry.npmjs.org/"

#: Seconds to wait for the registry, per package.
TIMEOUT = 60


def find_modules(root: Path) -> Path:
    """A ``node_modules`` with every pinned package at its pinned version: the site's own (``npm ci``), else
    ``.cache/bangtin/admin/node_modules``, filled from the npm registry when a package is missing there; every
    tarball is checked against ``package-lock.json``'s integrity. VendorError says what went wrong."""
    packages = pinned(root)
    if CMS not in packages:
        raise VendorError("package.json không có gói trình soạn bài @sveltia/cms")
    if not _missing(root / "node_modules", packages):
        return root / "node_modules"
    cache = root / MODULES_CACHE
    for name in _missing(cache, packages):
        fetch_package(cache, name, packages[name], _integrity(root, name))
    return cache


def _missing(modules: Path, packages: dict[str, str]) -> list[str]:
    return [name for name, version in sorted(packages.items()) if installed_version(modules, name) != version]


def installed_version(modules: Path, name: str) -> str | None:
    """The version of package ``name`` in ``modules`` (a node_modules folder), None when it is not there."""
    manifest = modules / name / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8")).get("version") if manifest.is_file() else None


def _integrity(root: Path, name: str) -> str:
    lock = root / "package-lock.json"
    entry = (json.loads(lock.read_text(encoding="utf-8")).get("packages") or {}).get(f"node_modules/{name}") \
        if lock.is_file() else None
    if not entry or not str(entry.get("integrity", "")).startswith("sha512-"):
        raise VendorError(f"package-lock.json không ghi mã kiểm tra (integrity) của gói {name}")
    return entry["integrity"]


def fetch_package(modules: Path, name: str, version: str, integrity: str) -> None:
    """Download ``name@version`` from the npm registry, check it against ``integrity`` (sha512, as npm writes it
    in package-lock.json) and unpack it into ``modules/name``."""
    registry = os.environ.get("npm_config_registry") or os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY
    address = f"{registry.rstrip('/')}/{name}/-/{name.split('/')[-1]}-{version}.tgz"
    try:
        with urllib.request.urlopen(address, timeout=TIMEOUT) as response:
            data = response.read()
    except (urllib.error.URLError, OSError) as error:
        raise VendorError(f"không tải được gói {name} {version} ({error}); kiểm tra kết nối mạng, hoặc chạy npm ci "
                          "trong thư mục trang") from None
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != integrity:
        raise VendorError(f"gói {name} {version} tải về không khớp mã kiểm tra trong package-lock.json; không dùng")
    target = modules / name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            member.name = member.name.split("/", 1)[1] if "/" in member.name else ""  # the tarball's package/ folder
        archive.extractall(target, members=[m for m in archive.getmembers() if m.name], filter="data")


def rewrite_bundle(source: str) -> str:
    """The bundle with every CDN address pointed at ``/admin/vendor/``; VendorError when the bundle does not have
    each address exactly as often as :data:`REWRITES` expects."""
    for address, local, expected in REWRITES:
        found = source.count(address)
        if found != expected:
            raise VendorError(f"bản Sveltia CMS này có {found} chỗ gọi {address} (cần {expected}); hãy kiểm tra "
                              "bangtin/admin/vendor.py trước khi nâng cấp")
        source = source.replace(address, local)
    return source


def write_vendor(admin: Path, modules: Path, locale: dict) -> None:
    """Copy the editor into ``admin``: the rewritten bundle and its chunks, the fonts, the HEIC decoder, the
    Vietnamese strings (``locale``), Sveltia's own package.json (its update check finds the same version) and schema."""
    cms = modules / CMS
    version = installed_version(modules, CMS)
    admin.mkdir(parents=True, exist_ok=True)
    bundle = rewrite_bundle((cms / "dist" / "sveltia-cms.js").read_text(encoding="utf-8"))
    (admin / "sveltia-cms.js").write_text(bundle, encoding="utf-8")
    (admin / "chunks").mkdir(exist_ok=True)
    for chunk in sorted((cms / "dist" / "chunks").glob("*.js")):
        shutil.copyfile(chunk, admin / "chunks" / chunk.name)
    vendor = admin / VENDOR
    unpkg = vendor / "unpkg" / CMS
    (unpkg / "schema").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cms / "package.json", unpkg / "package.json")
    shutil.copyfile(cms / "schema" / "sveltia-cms.json", unpkg / "schema" / "sveltia-cms.json")
    locales = vendor / "unpkg" / f"{CMS}@{version}" / "locales"
    locales.mkdir(parents=True, exist_ok=True)
    (locales / "vi.json").write_text(json.dumps(locale, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for name in MODULES:
        module_version = installed_version(modules, name)
        if f'"{name}":`^{module_version}`' not in bundle and f"{name}:`^{module_version}`" not in bundle:
            raise VendorError(f"package.json ghim {name} {module_version}, khác phiên bản Sveltia CMS cần")
        shutil.copytree(modules / name, vendor / "unpkg" / f"{name}@{module_version}", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*.d.ts", "*.md", "*.map", "*.flow", "node_modules"))
    (vendor / "fonts").mkdir(parents=True, exist_ok=True)
    for font in FONTS:
        shutil.copyfile(modules / font.package / "files" / font.file, vendor / "fonts" / font.file)
    (vendor / "githubstatus.json").write_text(json.dumps(GITHUB_STATUS), encoding="utf-8")


def sveltia_locale(modules: Path, overlay: dict) -> dict:
    """Sveltia's Vietnamese strings, with ``overlay`` (ours) for what it has not translated."""
    strings = json.loads((modules / CMS / "locales" / "vi.json").read_text(encoding="utf-8"))
    return _merge(strings, overlay)


def _merge(base: dict, overlay: dict) -> dict:
    merged = dict(base)
    for key, value in overlay.items():
        merged[key] = _merge(merged.get(key) or {}, value) if isinstance(value, dict) else merged.get(key, value)
    return merged

"""Publishing on GitHub Pages: the ``CNAME`` file of a custom domain and the size limits, as plain data.

Nothing here knows MkDocs: the adapter writes what :func:`cname_file` returns and logs what
:func:`limit_warnings` returns (as warnings, so ``mkdocs build --strict`` stops on them).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from .filters import filesize

# Binary units, as Windows Explorer shows sizes to the clerk (and as GitHub counts its 100 MiB file limit).
KB = 1024
MB = 1024 * KB
GB = 1024 * MB
FILE_LIMIT = 100 * MB  # GitHub refuses a pushed file over 100 MiB
SITE_LIMIT = 1 * GB  # a published GitHub Pages site may be no larger than 1 GB
NEAR = 0.8  # warn from 80% of a limit

_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")


def normalise_domain(value: str) -> str:
    """The bare host name of a custom domain, tolerating what people paste (``https://…/``, capitals, spaces).

    Raise ValueError, in Vietnamese, when it is not a domain name.
    """
    text = value.strip()
    host = urlsplit(text).hostname if "//" in text else text.split("/", 1)[0]
    host = (host or "").strip().rstrip(".").lower()
    if not _HOST.match(host):
        raise ValueError(
            f"“{value}” không phải là tên miền; cần dạng truong.example.edu.vn (không có https:// và dấu /)"
        )
    return host


def cname_file(cname: str | None) -> str | None:
    """The content of ``CNAME`` (one host name and a newline), or None when the site has no custom domain."""
    return normalise_domain(cname) + "\n" if cname else None


def cname_warnings(cname: str | None, site_url: str) -> list[str]:
    """Vietnamese warnings when the custom domain and ``site_url`` disagree (feeds would link the wrong host)."""
    if not cname:
        return []
    try:
        host = normalise_domain(cname)
    except ValueError as error:
        return [f"mkdocs.yml, extra.bangtin.cname: {error}"]
    url_host = (urlsplit(site_url).hostname or "").lower()
    if url_host != host:
        return [
            f"mkdocs.yml: tên miền riêng là “{host}” (extra.bangtin.cname) nhưng site_url là “{site_url}”; "
            f"hãy đặt site_url: https://{host}/ để bản tin RSS và đường dẫn chia sẻ dùng đúng tên miền"
        ]
    return []


def pages_extras(cname: str | None, site_url: str) -> tuple[dict[str, str], list[str]]:
    """Files to add to the site folder for GitHub Pages (``CNAME``), and warnings about the domain settings."""
    warnings = cname_warnings(cname, site_url)
    try:
        content = cname_file(cname)
    except ValueError:
        content = None  # already one of the warnings
    return ({"CNAME": content} if content else {}), warnings


@dataclass(frozen=True)
class SiteFile:
    rel: str  # path inside the site folder, with forward slashes
    size: int  # bytes


def site_files(site_dir: Path) -> list[SiteFile]:
    """Every file of a built site folder with its size (symbolic links are not followed)."""
    files: list[SiteFile] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file(follow_symlinks=False):
                    files.append(SiteFile(prefix + entry.name, entry.stat(follow_symlinks=False).st_size))

    walk(str(site_dir), "")
    return sorted(files, key=lambda f: f.rel)


def limit_warnings(files: Iterable[SiteFile], file_limit: int = FILE_LIMIT, site_limit: int = SITE_LIMIT,
                   near: float = NEAR) -> list[str]:
    """Vietnamese warnings for files and a site that near (or pass) GitHub's limits; empty when all is well."""
    warnings = []
    total = 0
    for file in files:
        total += file.size
        if file.size > file_limit * near:
            state = "vượt quá" if file.size > file_limit else "gần tới"
            warnings.append(
                f"Tệp “{file.rel}” nặng {filesize(file.size)}, {state} giới hạn {filesize(file_limit)} cho một tệp của "
                "GitHub (tệp lớn hơn sẽ không đưa lên GitHub được); hãy nén lại, chia nhỏ, "
                "hoặc để tệp ở nơi lưu trữ khác và đặt liên kết tới đó."
            )
    if total > site_limit * near:
        state = "vượt quá" if total > site_limit else "gần tới"
        warnings.append(
            f"Toàn bộ trang web nặng {filesize(total)}, {state} giới hạn {filesize(site_limit)} của GitHub Pages; "
            "hãy giảm kích thước ảnh và tệp đính kèm, hoặc chuyển các tệp lớn (video, bản scan) sang nơi lưu trữ khác."
        )
    return warnings

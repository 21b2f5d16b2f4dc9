"""Link previews: the Open Graph tags (Zalo, Facebook) and Twitter card of a page, for ``bangtin/partials/head.html``.

:func:`build_link_preview` gives the tags as ``(attribute, name, content)`` triples; the template writes (and escapes)
them. What a page's kind knows of it (its cover, its type, its dates) comes as a :class:`PagePreview` on the page.
Image: an article's or club's cover as its ~1200-px JPEG (:func:`bangtin.photos.social_variant`); otherwise the
site-wide ``assets/images/chia-se.jpg`` (1200×630), which a school replaces by putting its own 1200×630 JPEG at
``docs/assets/images/chia-se.jpg``. Description: the page's own (plans, listings, settings), else the start of an
article's or club's text, else the site's description.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .photos import Photo, social_variant

if TYPE_CHECKING:
    from .settings import Settings

SHARE_IMAGE = "assets/images/chia-se.jpg"
SHARE_IMAGE_SIZE = (1200, 630)
DESCRIPTION_LENGTH = 200

Tag = tuple[str, str, Any]


@dataclass(frozen=True)
class PagePreview:
    """What a generated page's kind tells its link preview; hand-written pages have the defaults."""

    type: str = "website"
    """``og:type``: ``article`` for articles and documents."""
    cover: str | None = None
    """The site address of the cover photo's original (``tin-tuc/2025/12/bai/anh.jpg``), when there is one."""
    cover_alt: str = ""
    published: str | None = None
    """``article:published_time``, ISO 8601."""
    sections: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    describe_from_body: bool = False
    """Without a description of its own, the page is described by the start of its text."""


def build_link_preview(*, url: str, title: str | None, description: str | None, content: str | None, site_url: str,
                       school: str, site_description: str | None, preview: PagePreview,
                       photos: Mapping[str, Photo]) -> list[Tag]:
    """The tags of the page at ``url`` (absolute)."""
    cover = photos.get(preview.cover) if preview.cover else None
    if cover is not None:
        shared = social_variant(cover)
        image, (width, height), image_alt = site_url + "anh/" + shared.file_name, (shared.width, shared.height), preview.cover_alt
    else:
        image, (width, height), image_alt = site_url + SHARE_IMAGE, SHARE_IMAGE_SIZE, school
    title = title or school
    if not description and preview.describe_from_body and content:
        from .feed_content import plain_text  # lxml, only for a page that has no description of its own

        description = plain_text(content, DESCRIPTION_LENGTH)
    description = description or site_description or school
    tags: list[Tag] = [
        ("property", "og:site_name", school),
        ("property", "og:locale", "vi_VN"),
        ("property", "og:type", preview.type),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:type", "image/jpeg"),
        ("property", "og:image:width", width),
        ("property", "og:image:height", height),
        ("property", "og:image:alt", image_alt),
    ]
    if preview.published:
        tags.append(("property", "article:published_time", preview.published))
    tags += [("property", "article:section", section) for section in preview.sections]
    tags += [("property", "article:tag", tag) for tag in preview.tags]
    tags += [
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", image_alt),
    ]
    return tags


def build_page_preview(*, url: str, title: str | None, description: str | None, content: str | None,
                       settings: Settings | None, site_url: str | None, site_name: str, site_description: str | None,
                       preview: PagePreview, photos: Mapping[str, Photo]) -> list[Tag]:
    """:func:`build_link_preview` for a page of a build; without settings (content with errors in ``mkdocs serve``)
    the site's address and name come from ``mkdocs.yml`` itself."""
    return build_link_preview(
        url=url, title=title, description=description, content=content,
        site_url=settings.site_url if settings else (site_url or "/").rstrip("/") + "/",
        school=settings.school.name if settings else site_name, site_description=site_description,
        preview=preview, photos=photos,
    )

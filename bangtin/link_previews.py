"""Link previews: the Open Graph tags (Zalo, Facebook) and Twitter card of a page, for ``bangtin/partials/head.html``.

:func:`build_link_preview` gives the tags as ``(attribute, name, content)`` triples; the template writes (and escapes)
them. Image: an article's or club's cover as its ~1200-px JPEG (:func:`bangtin.photos.social_variant`); otherwise the
site-wide ``assets/images/chia-se.jpg`` (1200×630), which a school replaces by putting its own 1200×630 JPEG at
``docs/assets/images/chia-se.jpg``. Description: the page's own (plans, listings, settings), else the start of an
article's or club's text, else the site's description.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from .photos import Photo, social_variant

SHARE_IMAGE = "assets/images/chia-se.jpg"
SHARE_IMAGE_SIZE = (1200, 630)
DESCRIPTION_LENGTH = 200

Tag = tuple[str, str, Any]


def build_link_preview(*, url: str, title: str | None, description: str | None, content: str | None, site_url: str,
                       school: str, site_description: str | None, context: Mapping[str, Any],
                       photos: Mapping[str, Photo]) -> list[Tag]:
    """The tags of the page at ``url`` (absolute); ``context`` is the page's template data (``bt``)."""
    kind = context.get("kind", "page")
    record = context.get("post") if kind == "article" else context.get("club") if kind == "club" else None
    cover = photos.get(record.url + record.image.rel) if record is not None and record.image else None
    if cover is not None:
        shared = social_variant(cover)
        image, (width, height) = site_url + "anh/" + shared.file_name, (shared.width, shared.height)
        image_alt = record.title if kind == "article" else record.name
    else:
        image, (width, height), image_alt = site_url + SHARE_IMAGE, SHARE_IMAGE_SIZE, school
    title = title or school
    if not description and kind in ("article", "club") and content:
        description = _truncate(Markup(content).striptags(), DESCRIPTION_LENGTH)
    description = description or site_description or school
    tags: list[Tag] = [
        ("property", "og:site_name", school),
        ("property", "og:locale", "vi_VN"),
        ("property", "og:type", "article" if kind in ("article", "plan") else "website"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:type", "image/jpeg"),
        ("property", "og:image:width", width),
        ("property", "og:image:height", height),
        ("property", "og:image:alt", image_alt),
    ]
    if kind == "article":
        post = context["post"]
        tags.append(("property", "article:published_time", post.date.isoformat()))
        tags += [("property", "article:section", category) for category in post.categories]
        tags += [("property", "article:tag", tag) for tag in post.tags]
    elif kind == "plan" and context["plan"].issued:
        tags.append(("property", "article:published_time", context["plan"].issued.isoformat()))
    tags += [
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", image_alt),
    ]
    return tags


def _truncate(text: str, length: int, end: str = "…") -> str:
    """At most ``length`` characters, cut at a space, ending with ``end`` (Jinja's ``truncate`` with no leeway)."""
    if len(text) <= length:
        return text
    return text[: length - len(end)].rsplit(" ", 1)[0] + end

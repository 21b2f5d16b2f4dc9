"""The one module that knows MkDocs: it wires MkDocs events to the engine and nothing else."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .dates import build_time
from .documents import write_documents
from .feeds import Feed, build_feed_links, build_feed_list, write_feeds
from .filters import template_filters
from .link_previews import build_link_preview
from .media import CACHE_DIR, Media, build_media, media_files, rewrite_images
from .pages import PageSpec, build_pages
from .photos import PhotoError, PhotoStats, is_photo, prune_cache
from .problems import ContentError, Problem
from .publish import limit_warnings, pages_extras, site_files
from .search import PIPELINE as SEARCH_PIPELINE
from .search import SCRIPT as SEARCH_SCRIPT
from .search import SEPARATOR as SEARCH_SEPARATOR
from .search import write_search_index
from .settings import Settings, settings_from_config
from .shared_partials import install_shared_partials
from .site import FOLDERS, Site, load_site
from .template_cache import BundledBytecodeCache
from .text import slugify_anchor

log = logging.getLogger("mkdocs.plugins.bangtin")
TEMPLATE_CACHE = Path(".cache") / "bangtin" / "templates.bin"


@dataclass
class _State:
    serving: bool = False
    site: Site | None = None
    pages: dict[str, PageSpec] = field(default_factory=dict)
    contents: dict[str, str] = field(default_factory=dict)
    media: Media = field(default_factory=lambda: Media({}, PhotoStats()))
    env: Any = None
    templates: BundledBytecodeCache | None = None
    feeds: list[Feed] = field(default_factory=list)


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


@event_priority(50)  # before Material's search plugin reads its settings (_material_settings)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check all content before MkDocs touches the site folder (``serve`` shows problems as a page)."""
    root = Path(config.config_file_path).parent
    settings = None
    try:
        settings = settings_from_config(config.site_url, config.extra)
        state.site = load_site(root, settings, build_time(), include_drafts=state.serving)
    except ContentError as error:
        if not state.serving:
            raise PluginError(str(error)) from None
        _serve_problems(error.problems, settings, root)
    else:
        for problem in state.site.warnings:
            log.warning(str(problem))
        state.feeds = build_feed_list(state.site)  # one list for the subscribe page, the heads' links and the files
        state.pages = {spec.uri: spec for spec in build_pages(state.site, root, state.feeds)}
        state.media = _build_media(root)
    state.contents = {}
    config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify_anchor)
    if SEARCH_SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SEARCH_SCRIPT)
    _material_settings(config)
    return config


def _material_settings(config: MkDocsConfig) -> None:
    """Settings Material would otherwise look up in its language templates, compiling them each time.

    Material's search plugin compiles the language templates in a new Jinja environment for each setting it
    lacks (about 0.1 s a build), so it gets our separator (the index is written with it anyway) and pipeline.
    Vietnamese reads left to right: without ``direction``, the first build compiles Material's English strings
    just to learn that.
    """
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.separator = search.config.separator or SEARCH_SEPARATOR
        if search.config.pipeline is None:
            search.config.pipeline = list(SEARCH_PIPELINE)
    if config.theme.get("language") == "vi" and not config.theme.get("direction"):
        config.theme["direction"] = "ltr"


def _build_media(root: Path) -> Media:
    try:
        media = build_media(state.pages.values(), root / CACHE_DIR)
    except PhotoError as error:
        raise PluginError(f"Lỗi – {error}") from None
    prune_cache(root / CACHE_DIR, media.photos.values())  # a photo taken down leaves no copy behind
    log.info(f"Ảnh: {media.stats.processed} ảnh mới được xử lý, {media.stats.reused} ảnh lấy lại từ bộ nhớ đệm")
    return media


def _serve_problems(problems: list[Problem], settings: Settings | None, root: Path) -> None:
    """``mkdocs serve`` keeps running: each problem is logged, and every page lists them until they are fixed."""
    for problem in problems:
        (log.error if problem.level == "error" else log.warning)(str(problem))
    errors = sum(problem.level == "error" for problem in problems)
    log.error(f"Nội dung có {errors} lỗi; trang xem thử đang hiện danh sách lỗi. Sửa tệp rồi lưu lại, trang sẽ tự tải lại.")
    from .check import build_error_pages, section_uris  # only for the error pages of ``mkdocs serve``

    uris = [*state.pages, *section_uris(settings, root, build_time())]
    state.site = None
    state.pages = {spec.uri: spec for spec in build_error_pages(problems, uris)}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
    for spec in state.pages.values():
        if files.get_file_from_path(spec.uri):
            raise PluginError(f"Tệp {spec.uri} trong thư mục docs trùng với trang tự tạo /{spec.url}; hãy xóa hoặc đổi tên tệp đó.")
        page_file = File.generated(config, spec.uri, content=spec.markdown)
        page_file.edit_uri = spec.source
        files.append(page_file)
        for rel, path in spec.assets:
            if not is_photo(path) and not files.get_file_from_path(spec.url + rel):
                files.append(File.generated(config, spec.url + rel, abs_src_path=str(path)))
    for uri, path in media_files(state.media, Path(config.config_file_path).parent / CACHE_DIR):
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = state.pages.get(page.file.src_uri)
    if spec is not None:
        page.meta.update(spec.meta)
    if state.site is not None:  # the sitemap's <lastmod>: from the content, never the clock
        page.update_date = ((spec and spec.updated) or state.site.updated).isoformat()
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep each generated page's rendered body (links relative to the page) for the feeds."""
    spec = state.pages.get(page.file.src_uri)
    if spec is not None:
        state.contents[spec.url] = html
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    spec = state.pages.get(page.file.src_uri)
    context["bt"] = spec.context if spec else {"kind": "page"}
    context["bt_site"] = state.site
    context["bt_photos"] = state.media.photos
    if state.site is not None:
        context["bt_feed_links"] = build_feed_links(state.feeds, state.site.settings.site_url, page.url)
    if spec is not None and spec.markdown and page.content:
        page.content = _rewrite_photos(page.content, spec.url, context)
    if page.canonical_url:
        context["bt_preview"] = _link_preview(page, config, context["bt"])
    return context


def _link_preview(page: Page, config: MkDocsConfig, bt: dict) -> list:
    settings = state.site.settings if state.site is not None else None
    return build_link_preview(
        url=page.canonical_url, title=page.title, description=page.meta.get("description") or None,
        content=page.content, site_url=settings.site_url if settings else (config.site_url or "/").rstrip("/") + "/",
        school=settings.school.name if settings else config.site_name, site_description=config.site_description,
        context=bt, photos=state.media.photos,
    )


def _rewrite_photos(html: str, url: str, context: dict) -> str:
    """Body photos become <picture> elements (and albums), rendered by templates with the page's context."""
    template = state.env.get_template  # loaded (and compiled) only for a page that has photos
    return rewrite_images(
        html, url, state.media.photos,
        lambda image, alt: template("bangtin/partials/body-photo.html").render({**context, "photo": image, "alt": alt}),
        lambda items: template("bangtin/partials/body-gallery.html").render({**context, "items": items}),
    )


def on_post_build(config: MkDocsConfig) -> None:
    """Feeds, ``van-ban.json``, the folded search index and the GitHub Pages extras, from the published content."""
    if state.site is not None:
        write_feeds(state.site, state.feeds, state.contents, Path(config.site_dir))  # the feeds the heads link to
        write_documents(state.site, Path(config.site_dir))
        write_search_index(Path(config.site_dir), material_search_index(config.plugins.get("material/search")))
        _publish(state.site.settings.cname, config)
    if state.templates is not None:
        state.templates.write()


def material_search_index(search: Any) -> dict[str, Any] | None:
    """The index Material's search plugin has just written, from the plugin's memory: what its
    ``SearchIndex.generate_search_index`` dumps (its ``entries`` already hold the pages of an earlier build when
    ``mkdocs serve`` rebuilds one page). None without Material's search plugin."""
    index = getattr(search, "search_index", None)
    if index is None:
        return None
    return {"config": {key: index.config[key] for key in ("lang", "separator", "pipeline", "fields")},
            "docs": index.entries}


def _publish(cname: str | None, config: MkDocsConfig) -> None:
    """GitHub Pages: write ``CNAME`` for a custom domain; warn (``--strict`` stops) near the size limits."""
    site_dir = Path(config.site_dir)
    extras, warnings = pages_extras(cname, config.site_url or "")
    for name, content in extras.items():
        (site_dir / name).write_text(content, encoding="utf-8")
    for message in warnings + limit_warnings(site_files(site_dir)):
        log.warning(message)


def on_serve(server, config: MkDocsConfig, builder):
    """``mkdocs serve`` rebuilds when a plan, article or club changes."""
    root = Path(config.config_file_path).parent
    for folder in FOLDERS:
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def _theme_dir(config: MkDocsConfig) -> str:
    """Material's own templates folder (after ``overrides/`` in the theme's search path)."""
    return [d for d in config.theme.dirs if Path(d, "partials", "nav.html").is_file()][-1]


def on_env(env, config: MkDocsConfig, files: Files):
    env.filters.update(template_filters())
    # Jinja's optimizer tries to fold every expression of a template into a constant while compiling, and gives up
    # (by exception) on nearly all of them: 2% of a first build's instructions, for no change in output or speed.
    env.optimized = False
    state.templates = BundledBytecodeCache(Path(config.config_file_path).parent / TEMPLATE_CACHE)
    env.bytecode_cache = state.templates  # compiled templates, reused by the next build
    install_shared_partials(env, _theme_dir(config))
    if state.site is not None:  # pages without a context of their own (404.html) announce the site's feeds
        env.globals["bt_feed_links"] = build_feed_links(state.feeds, state.site.settings.site_url)
    state.env = env
    return env

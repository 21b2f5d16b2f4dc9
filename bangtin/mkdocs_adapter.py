"""The one module that knows MkDocs: it wires MkDocs events to a :class:`~bangtin.build.Build` and nothing else."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .admin import PAGE_TEMPLATE as ADMIN_TEMPLATE
from .admin import github_repo, write_admin
from .build import Build, plan_build
from .dates import build_time
from .embeds import EMBED_TEMPLATE, rewrite_embeds
from .filters import template_filters
from .link_previews import PagePreview, build_page_preview
from .media import rewrite_images
from .photos import is_photo
from .problems import ContentError
from .search import PAGE_TEMPLATE as SEARCH_PAGE_TEMPLATE
from .search import PIPELINE as SEARCH_PIPELINE
from .search import SEARCH_CACHE, SearchJob, install_search, search_page, start_search
from .search import SEPARATOR as SEARCH_SEPARATOR
from .site import FOLDERS
from .speed import (
    install_material_rendering,
    install_speed_layer,
    installed_material,
    pinned_material,
    speed_layer_refusal,
)
from .speed.template_cache import BundledBytecodeCache
from .text import slugify_anchor

log = logging.getLogger("mkdocs.plugins.bangtin")
_serving = False
_build: Build | None = None  # made anew by every on_config
_env = None  # the build's Jinja environment, for the photo templates
_search: SearchJob | None = None  # Pagefind indexing the pages while MkDocs renders them (bangtin/search.py)
_templates: BundledBytecodeCache | None = None  # the speed layer's compiled templates, when it is on


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(50)  # before Material's search plugin reads its settings (_material_settings)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check all content before MkDocs touches the site folder (``serve`` shows problems as pages)."""
    global _build
    previous = list(_build.pages) if _build is not None else []
    _build = None
    try:
        _build = plan_build(Path(config.config_file_path).parent, config.site_url, config.extra, build_time(),
                            serving=_serving, previous=previous, docs=Path(config.docs_dir))
    except ContentError as error:
        raise PluginError(str(error)) from None
    for level, message in _build.log:
        getattr(log, level)(message)
    config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify_anchor)
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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
    for spec in _build.pages.values():
        if files.get_file_from_path(spec.uri):
            raise PluginError(f"Tệp {spec.uri} trong thư mục docs trùng với trang tự tạo /{spec.url}; hãy xóa hoặc đổi tên tệp đó.")
        page_file = File.generated(config, spec.uri, content=spec.markdown)
        page_file.edit_uri = spec.source
        files.append(page_file)
        for rel, path in spec.assets:
            if not is_photo(path) and not files.get_file_from_path(spec.url + rel):
                files.append(File.generated(config, spec.url + rel, abs_src_path=str(path)))
    for uri, path in _build.photo_files():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = _build.pages.get(page.file.src_uri)
    if spec is not None:
        page.meta.update(spec.meta)
    page.update_date = _build.sitemap_date(spec) or page.update_date
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = _build.pages.get(page.file.src_uri)
    if spec is not None:
        _build.contents[spec.url] = html
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    spec = _build.pages.get(page.file.src_uri)
    context["bt"] = spec.context if spec else {"kind": "page"}
    context["bt_site"] = _build.site
    context["bt_photos"] = _build.media.photos
    if (links := _build.feed_links(page.url)) is not None:
        context["bt_feed_links"] = links
    if spec is not None and spec.markdown and page.content:
        page.content = _rewrite_photos(page.content, spec.url, context)
    if page.content:
        page.content = rewrite_embeds(page.content, lambda embed: _env.get_template(EMBED_TEMPLATE).render({**context, "embed": embed}))
    if page.canonical_url:
        context["bt_preview"] = build_page_preview(
            url=page.canonical_url, title=page.title, description=page.meta.get("description") or None,
            content=page.content, settings=_build.settings if _build.site else None, site_url=config.site_url,
            site_name=config.site_name, site_description=config.site_description,
            preview=spec.preview if spec else PagePreview(), photos=_build.media.photos,
        )
    return context


def _rewrite_photos(html: str, url: str, context: dict) -> str:
    """Body photos become <picture> elements (and albums), rendered by templates with the page's context."""
    template = _env.get_template  # loaded (and compiled) only for a page that has photos
    return rewrite_images(
        html, url, _build.media.photos,
        lambda image, alt: template("bangtin/partials/body-photo.html").render({**context, "photo": image, "alt": alt}),
        lambda items: template("bangtin/partials/body-gallery.html").render({**context, "items": items}),
    )


def on_post_build(config: MkDocsConfig) -> None:
    """The search bundle, feeds, ``van-ban.json``, the GitHub Pages extras and the web editor ``/admin/``."""
    global _search
    messages = _search.finish() if _search is not None else []
    _search = None
    for message in messages + _build.write(Path(config.site_dir)):
        log.warning(message)
    if _build.settings is not None:
        admin = _env.get_template(ADMIN_TEMPLATE)
        for note in write_admin(Path(config.site_dir), Path(config.config_file_path).parent, _build.settings,
                                github_repo(config.edit_uri, config.repo_url), admin.render):
            log.info(note)
    if _templates is not None:
        _templates.write()


def on_build_error(error: Exception) -> None:
    global _search
    if _search is not None:
        _search.cancel()
        _search = None


def on_serve(server, config: MkDocsConfig, builder):
    """``mkdocs serve`` rebuilds when a content file changes."""
    root = Path(config.config_file_path).parent
    for folder in FOLDERS:
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def on_env(env, config: MkDocsConfig, files: Files):
    global _env, _templates, _search
    _env = env
    env.filters.update(template_filters())
    if (links := _build.feed_links()) is not None:  # pages without a context of their own (404.html)
        env.globals["bt_feed_links"] = links
    _templates = None
    install_material_rendering(env)
    if _build.settings is None or _build.settings.speed_layer:
        if (refusal := speed_layer_refusal(pinned_material(), installed_material())) is None:
            _templates = install_speed_layer(env, _theme_dir(config), Path(config.config_file_path).parent)
        else:
            log.info(refusal)
    if _search is not None:  # a build before this one failed without on_build_error
        _search.cancel()
    language = install_search(config.plugins.get("material/search"))
    _search = None if language is None else start_search(
        Path(config.site_dir), filter(None, (search_page(file.page) for file in files.documentation_pages())),
        language, _search_page(env), Path(config.config_file_path).parent / SEARCH_CACHE)
    return env


def _search_page(env):
    """Renders a page as the document Pagefind indexes (bangtin/search-page.html)."""
    template = env.get_template(SEARCH_PAGE_TEMPLATE)
    return lambda page, language: template.render(page=page, language=language)


def _theme_dir(config: MkDocsConfig) -> str:
    """Material's own templates folder (the theme's search path ends with it, then MkDocs' own)."""
    return [d for d in config.theme.dirs if Path(d, "partials", "nav.html").is_file()][-1]

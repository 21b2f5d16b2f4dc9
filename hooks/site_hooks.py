"""MkDocs hooks of a Bảng tin site: every event is handled by the engine's adapter."""

from bangtin.mkdocs_adapter import (  # noqa: F401  (MkDocs looks these names up on this module)
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_serve,
    on_startup,
)

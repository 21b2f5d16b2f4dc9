"""Material's page-independent partials, rendered once per place instead of once per page.

Material renders its navigation drawer and its tabs into every page, and looks up each of its interface strings
through a macro that rebuilds the language's whole table on every call. For a page outside the navigation (every
article, plan and listing) the drawer and the tabs depend only on where the page sits, that is on the links relative
to it, so 2,000 articles need a handful of renderings instead of 2,000. Pages in the navigation (one of its items is
active, and the drawer holds the page's table of contents) are rendered as usual. The output is byte for byte what
Material renders; ``tests/test_shared_partials.py`` compares the two.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from jinja2.runtime import Context

#: Material's own templates stay reachable under this prefix when ``overrides/`` replaces one of them.
THEME_PREFIX = "material"


def install_shared_partials(env: Environment, theme_dir: str) -> None:
    """Give ``env`` the ``material/…`` prefix and the two globals the overrides call."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({THEME_PREFIX: FileSystemLoader(theme_dir)})])
    env.globals["bt_shared"] = shared_partial(env)
    env.globals["bt_translations"] = translations()


def shared_partial(env: Environment) -> Callable[[Context, str], str]:
    """``bt_shared(name)``: the template ``name`` rendered with the page's context, once per place."""
    rendered: dict[tuple, str] = {}

    @pass_context
    def render(context: Context, name: str) -> str:
        nav = context.get("nav")
        items = list(_walk(nav.items)) if nav else []
        if not items or any(item.active for item in items):
            return env.get_template(name).render(context.get_all())
        url = env.filters["url"]  # the links from this page: the only thing that differs outside the navigation
        key = (name, context.get("base_url"), *(url(context, item.url) for item in items if _has_url(item)))
        if key not in rendered:
            rendered[key] = env.get_template(name).render(context.get_all())
        return rendered[key]

    return render


def _walk(items: list[Any]) -> Iterator[Any]:
    """Every item of the navigation: sections, their children, pages and links."""
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _has_url(item: Any) -> bool:
    return getattr(item, "url", None) is not None


def translations() -> Callable[[str, Callable, Callable], Callable[[str], str]]:
    """``bt_translations(language, table, fallback)``: Material's ``lang.t``, each key looked up once."""
    strings: dict[tuple[str, str], str] = {}

    def for_language(language: str, table: Callable[[str], str], fallback: Callable[[str], str]) -> Callable[[str], str]:
        def t(key: str) -> str:
            if (language, key) not in strings:  # the language's string, else English, else the key
                strings[language, key] = str(table(key) or fallback(key) or key)
            return strings[language, key]

        return t

    return for_language

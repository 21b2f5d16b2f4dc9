"""Material's page-independent pieces, rendered once per place instead of once per page.

Material renders into every page its navigation drawer, its tabs, its search dialog, its stylesheet and script
links and its configuration for the browser; and it looks up each interface string through a macro that rebuilds
the language's whole table on every call. For a page outside the navigation (every article, plan and listing) those
pieces depend only on where the page sits, that is on the links relative to it, so 2,000 articles need a handful of
renderings instead of 2,000. Pages in the navigation (one of its items is active, and the drawer holds the page's
table of contents) are rendered as usual. The output is byte for byte what Material renders;
``tests/test_speed_layer.py`` compares the two.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from jinja2.runtime import Context

#: Material's own templates stay reachable under this prefix when ``overrides/`` replaces one of them.
THEME_PREFIX = "material"


def install_shared_partials(env: Environment, theme_dir: str) -> None:
    """Give ``env`` the ``material/…`` prefix and the globals the overrides call."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({THEME_PREFIX: FileSystemLoader(theme_dir)})])
    shared = SharedPieces(env)
    env.globals["bt_shared"] = shared.partial
    env.globals["bt_shared_block"] = shared.block
    env.globals["bt_translations"] = translations(env)


class SharedPieces:
    """Rendered pieces by (name, place); a place is the tuple of links from a page outside the navigation."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.rendered: dict[tuple, str] = {}
        self.places: dict[str, tuple | None] = {}

    @pass_context
    def partial(self, context: Context, name: str) -> str:
        """``bt_shared(name)``: the template ``name`` rendered with the page's context, once per place."""
        return self._once(context, name, lambda: self.env.get_template(name).render(context.get_all()))

    @pass_context
    def block(self, context: Context, name: str, render: Callable[[], str]) -> str:
        """``bt_shared_block(name, super)``: Material's block ``name`` rendered once per place."""
        return self._once(context, name, render)

    def _once(self, context: Context, name: str, render: Callable[[], str]) -> str:
        place = self._place(context)
        if place is None:
            return render()
        key = (name, *place)
        if key not in self.rendered:
            self.rendered[key] = render()
        return self.rendered[key]

    def _place(self, context: Context) -> tuple | None:
        """The links from the page (and its path to the site root), or None for a page in the navigation."""
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None:
            return None
        if page.url not in self.places:
            items = list(_walk(nav.items))
            url = self.env.filters["url"]
            self.places[page.url] = None if not items or any(item.active for item in items) else (
                context.get("base_url"), url(context, "assets/"),
                *(url(context, item.url) for item in items if _has_url(item)),
            )
        return self.places[page.url]


def _walk(items: list[Any]) -> Iterator[Any]:
    """Every item of the navigation: sections, their children, pages and links."""
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _has_url(item: Any) -> bool:
    return getattr(item, "url", None) is not None


def translations(env: Environment) -> Callable[[str], Callable[[str], str]]:
    """``bt_translations(language)``: Material's ``lang.t``, each key looked up once; English only when needed."""
    strings: dict[tuple[str, str], str] = {}

    def table(language: str) -> Callable[[str], str]:
        return env.get_template(f"partials/languages/{language}.html").module.t  # type: ignore[attr-defined]

    def for_language(language: str) -> Callable[[str], str]:
        def t(key: str) -> str:
            if (language, key) not in strings:  # the language's string, else English, else the key
                strings[language, key] = str(table(language)(key) or table("en")(key) or key)
            return strings[language, key]

        return t

    return for_language

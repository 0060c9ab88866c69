"""What every page shares: the language switch, the page list, the year picker, header notices and the source line."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import data, state
from ui.charts.common import CheckedFigure, plotly_config
from ui.charts.frame import Frame, source_line
from ui.i18n import DEFAULT_LANG, LANGS, t
from ui.url_state import parse_params
from ui.views import LANG_LABELS, LANG_SPEC

PLAN_PROVINCES = ("01", "79", "27")  # Hà Nội, TP. Hồ Chí Minh, Bắc Ninh: the first three plans
LINK_LIMIT = 8 * 1024  # characters of a link's parameters read at most; the longest real link is about 1 KB
_log = logging.getLogger("papi.app")


def cap_link() -> None:
    """A link whose parameters are too long (or that the server marked so: serve_guard.py) opens the page's default
    view, keeping only its language, with a notice (shown by `header`). Call before the page reads the URL."""
    params = st.query_params.to_dict()
    too_long = params.get("link") == "too-long" or sum(len(k) + len(v) + 2 for k, v in params.items()) > LINK_LIMIT
    st.session_state["_link_too_long"] = too_long
    if too_long:
        lang = params.get("lang")
        st.query_params.from_dict({"lang": lang} if lang in LANGS else {})


def provisional_lang() -> str:
    """The language for the page titles, known before the navigation decides which page runs."""
    if "s:lang" in st.session_state:
        return str(st.session_state["s:lang"])
    values, _ = parse_params(st.query_params.to_dict(), LANG_SPEC.params)
    return str(values.get("lang", DEFAULT_LANG))


# The pages, in the navigation's order: (file, title key, icon, URL path; "" for the home page at /).
PAGES = (
    ("pages/home.py", "page_home", ":material/home:", ""),
    ("pages/map.py", "page_map", ":material/map:", "ban-do"),
    ("pages/profile.py", "page_profile", ":material/person_pin_circle:", "ho-so-tinh"),
    ("pages/plans.py", "page_plans", ":material/flag:", "ke-hoach"),
    ("pages/explorer.py", "page_explorer", ":material/table_chart:", "kham-pha"),
    ("pages/about.py", "page_about", ":material/info:", "gioi-thieu"),
)


def pages(lang: str) -> list[Any]:
    """The navigation's pages; and, for an address that names none of them, a hidden "page not found" page at that
    address (Streamlit would show its own English dialog over the home page)."""
    return [*_pages(lang), *_not_found_page(lang)]


def _pages(lang: str) -> list[Any]:
    return [
        st.Page(file, title=t(title, lang), icon=icon, url_path=path or None, default=not path)
        for file, title, icon, path in PAGES
    ]


def _not_found_page(lang: str) -> list[Any]:
    ctx = get_script_run_ctx()
    asked = ((ctx.pages_manager.intended_page_name if ctx else None) or "").strip().strip("/")
    if asked and asked not in {path for *_, path in PAGES} and "/" not in asked:
        st.session_state["_unknown_path"] = asked  # kept: the page's reruns name it by its hash, not its address
    unknown = st.session_state.get("_unknown_path")
    if not unknown:
        return []
    return [st.Page(_not_found, title=t("page_not_found", lang), url_path=unknown, visibility="hidden")]


def _not_found() -> None:
    lang = provisional_lang()
    st.title(t("page_not_found", lang))
    st.markdown(t("page_not_found_text", lang))
    st.page_link(_pages(lang)[0], label=t("go_home", lang), icon=":material/home:")


def run_page(page: StreamlitPage, lang: str) -> None:
    """Run the page; should it fail, a short message in the reader's language, the detail in the server's log."""
    try:
        page.run()
    except Exception:  # st.stop and reruns are not Exceptions: they pass
        _log.exception("the page %s failed", page.url_path)
        st.error(t("app_error", lang), icon="⚠️")
        st.page_link(_pages(lang)[0], label=t("go_home", lang), icon=":material/home:")


def language_switch() -> str:
    """The language, from the URL or the session; a switch at the top of the sidebar changes it."""
    lang = state.view(LANG_SPEC).lang
    with st.sidebar:
        return str(
            state.widget(
                st.segmented_control,
                "lang",
                t("language", lang),
                options=list(LANGS),
                format_func=LANG_LABELS.get,
                required=True,
                label_visibility="collapsed",
            )
        )


def lang() -> str:
    """The reader's language, as app.py's switch set it for this run."""
    return str(state.value("lang"))


def year_picker(years: Sequence[int], lang: str) -> int:
    """The survey year in the sidebar (a page's view holds it; the latest by default)."""
    with st.sidebar:
        return int(state.widget(st.selectbox, "year", t("year", lang), options=sorted(years, reverse=True)))


def header(title: str, lang: str) -> None:
    st.title(title)
    if st.session_state.get("_link_too_long"):
        st.warning(t("notice_link_too_long", lang), icon="⚠️")
    state.show_notices(lang)


def view_link() -> str:
    """The address of the view as it stands at the end of this run (the URL itself is written after the page)."""
    return f"{st.context.url or ''}?{urlencode(state.query())}"


def cite(lang: str, years: int | Iterable[int]) -> str:
    """ "PAPI 2023 — CECODES, RTA & UNDP, papi.org.vn": the reports of `years` and their partners."""
    return data.citation_of(tuple(sorted({years} if isinstance(years, int) else set(years))), lang)


def frame(title: str, subtitle: str, lang: str, years: int | Iterable[int], with_map: bool = False) -> Frame:
    """A chart's frame on this page: its title and subtitle, the source line of the years it shows, the view's link."""
    return Frame(
        title=title, subtitle=subtitle, source=source_line(cite(lang, years), lang, with_map), link=view_link()
    )


def chart(figure: dict, key: str, filename: str, **kwargs: Any) -> Any:
    """A figure from ui/charts drawn as built (validated in the tests), with the PNG export named `filename`."""
    return st.plotly_chart(
        CheckedFigure(figure), key=key, theme=None, config=plotly_config(filename, _base_url()), **kwargs
    )


def _base_url() -> str:
    return "/" + (st.get_option("server.baseUrlPath") or "").strip("/")


def footer(lang: str, years: int | Iterable[int], with_map: bool = False) -> None:
    """The page's source line: the reports of the years it shows, and the boundary credit under a map."""
    st.divider()
    st.caption(t("source_line", lang, citation=cite(lang, years)) + (" · " + t("geo_credit", lang) if with_map else ""))

"""What every page shares: the language switch, the page list, the year picker, header notices and the source line."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import state
from ui.charts.common import CheckedFigure, plotly_config
from ui.i18n import DEFAULT_LANG, LANGS, t
from ui.url_state import Param, choice, int_choice

LANG_PARAM = Param("lang", DEFAULT_LANG, choice(LANGS))
LANG_LABELS = {"vi": "Tiếng Việt", "en": "English"}
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
        lang = LANG_PARAM.parse(params.get("lang", "")[:8])
        st.query_params.from_dict({"lang": lang} if lang else {})


def provisional_lang() -> str:
    """The language for the page titles, known before the navigation decides which page runs."""
    if "s_lang" in st.session_state:
        return st.session_state["s_lang"]
    return LANG_PARAM.parse(st.query_params.get("lang", "")) or DEFAULT_LANG


def pages(lang: str) -> list:
    """The navigation's pages; and, for an address that names none of them, a hidden "page not found" page at that
    address (Streamlit would show its own English dialog over the home page)."""
    return [*_pages(lang), *_not_found_page(lang)]


def _pages(lang: str) -> list:
    return [
        st.Page(
            "pages/home.py",
            title=t("page_home", lang),
            icon=":material/home:",
            default=True,  # served at /
        ),
        st.Page("pages/map.py", title=t("page_map", lang), icon=":material/map:", url_path="ban-do"),
        st.Page(
            "pages/profile.py",
            title=t("page_profile", lang),
            icon=":material/person_pin_circle:",
            url_path="ho-so-tinh",
        ),
        st.Page("pages/plans.py", title=t("page_plans", lang), icon=":material/flag:", url_path="ke-hoach"),
        st.Page(
            "pages/explorer.py", title=t("page_explorer", lang), icon=":material/table_chart:", url_path="kham-pha"
        ),
        st.Page("pages/about.py", title=t("page_about", lang), icon=":material/info:", url_path="gioi-thieu"),
    ]


def _not_found_page(lang: str) -> list:
    ctx = get_script_run_ctx()
    asked = ((ctx.pages_manager.intended_page_name if ctx else None) or "").strip().strip("/")
    known = {page.url_path for page in _pages(lang)}
    if asked and asked not in known and "/" not in asked:
        st.session_state["_unknown_path"] = asked  # kept: the page's reruns name it by its hash, not its address
    unknown = st.session_state.get("_unknown_path")
    if not unknown:
        return []
    return [st.Page(_not_found, title=t("page_not_found", lang), url_path=unknown, visibility="hidden")]


def _not_found() -> None:
    lang = st.session_state.get("s_lang") or DEFAULT_LANG
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
    lang = state.use_params([LANG_PARAM])["lang"]
    with st.sidebar:
        return state.widget(
            st.segmented_control,
            "lang",
            t("language", lang),
            options=list(LANGS),
            format_func=LANG_LABELS.get,
            required=True,
            label_visibility="collapsed",
        )


def year_param(years: list[int]) -> Param:
    return Param("year", max(years), int_choice(years))


def year_picker(years: list[int], lang: str) -> int:
    """The survey year, in the sidebar and the URL; the latest by default."""
    spec = year_param(years)
    state.use_params([spec])
    with st.sidebar:
        return state.widget(st.selectbox, "year", t("year", lang), options=sorted(years, reverse=True))


def header(title: str, lang: str, params: list[Param]) -> None:
    st.title(title)
    if st.session_state.get("_entering") and st.session_state.get("_link_too_long"):
        st.warning(t("notice_link_too_long", lang), icon="⚠️")
    state.show_notices(lang, [LANG_PARAM, *params])


def chart(figure: dict, key: str, filename: str, **kwargs: object) -> object:
    """A figure from ui/charts drawn as built (validated in the tests), with the PNG export named `filename`."""
    return st.plotly_chart(
        CheckedFigure(figure), key=key, theme=None, config=plotly_config(filename, _base_url()), **kwargs
    )


def _base_url() -> str:
    return "/" + (st.get_option("server.baseUrlPath") or "").strip("/")


def footer(lang: str, with_map: bool = False) -> None:
    st.divider()
    st.caption(t("source_line", lang) + (" · " + t("geo_credit", lang) if with_map else ""))

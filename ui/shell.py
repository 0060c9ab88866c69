"""What every page shares: the language switch, the page list, the year picker, header notices and the source line."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.charts.common import CheckedFigure, plotly_config
from ui.i18n import DEFAULT_LANG, LANGS, t
from ui.url_state import Param, choice, int_choice

LANG_PARAM = Param("lang", DEFAULT_LANG, choice(LANGS))
LANG_LABELS = {"vi": "Tiếng Việt", "en": "English"}
PLAN_PROVINCES = ("01", "79", "27")  # Hà Nội, TP. Hồ Chí Minh, Bắc Ninh: the first three plans


def provisional_lang() -> str:
    """The language for the page titles, known before the navigation decides which page runs."""
    if "s_lang" in st.session_state:
        return st.session_state["s_lang"]
    return LANG_PARAM.parse(st.query_params.get("lang", "")) or DEFAULT_LANG


def pages(lang: str) -> list:
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

"""What every page shares: the language switch, the page list, the year picker, header notices and the source line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from papi_data.citation import citation
from ui import data, state
from ui.charts.common import CheckedFigure, plotly_config
from ui.charts.frame import Frame, source_line
from ui.i18n import DEFAULT_LANG, LANGS, t
from ui.url_state import parse_params
from ui.views import LANG_LABELS, LANG_SPEC

PLAN_PROVINCES = ("01", "79", "27")  # Hà Nội, TP. Hồ Chí Minh, Bắc Ninh: the first three plans


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
    ("pages/planner.py", "page_planner", ":material/target:", "dat-muc-tieu"),
    ("pages/explorer.py", "page_explorer", ":material/table_chart:", "kham-pha"),
    ("pages/about.py", "page_about", ":material/info:", "gioi-thieu"),
)


def pages(lang: str) -> list[Any]:
    return [
        st.Page(file, title=t(title, lang), icon=icon, url_path=path or None, default=not path)
        for file, title, icon, path in PAGES
    ]


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
    state.show_notices(lang)


def view_link() -> str:
    """The address of the view as it stands at the end of this run (the URL itself is written after the page)."""
    return f"{st.context.url or ''}?{urlencode(state.query())}"


def cite(lang: str, years: int | Iterable[int]) -> str:
    """ "PAPI 2023 — CECODES, RTA & UNDP, papi.org.vn": the reports of `years` and their partners."""
    store = data.store(lang)
    return citation(store.report_partners, store.partners, years, lang)


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

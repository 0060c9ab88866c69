"""What every page shares: the language switch, the page list, the year picker, header notices and the source line;
the page's toolbar (copy link, present mode, the deck) and each chart with its slide-image downloads."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import get_script_run_ctx

from papi_data.citation import view_citation
from papi_data.search import search_provinces
from ui.charts.common import Chart, CheckedFigure, plotly_config
from ui.charts.frame import PRESENT, PRESENT_PHONE, SCREEN, Canvas, Frame, page_frame, source_line
from ui.core import browser, data, page_tools, state
from ui.core.i18n import DEFAULT_LANG, LANGS, t
from ui.core.stand_ins import stand_in
from ui.core.store_notices import older_release
from ui.core.url_state import parse_params
from ui.core.views import EMBED_IMAGES, EMBED_PAGES, LANG_LABELS, LANG_SPEC, PRESENT_SPEC, era_names

PLAN_PROVINCES = ("01", "79", "27")  # Hà Nội, TP. Hồ Chí Minh, Bắc Ninh: the first three plans
SEARCH_HITS = 6  # provinces a search lists
LINK_LIMIT = 8 * 1024  # characters of a link's parameters read at most; the longest real link is about 1 KB
_log = logging.getLogger("papi.app")


def cap_link() -> None:
    """A link whose parameters are too long (or that the server marked so: server/guards.py) opens the page's default
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
    ("pages/planner.py", "page_planner", ":material/target:", "dat-muc-tieu"),
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
    if state.callback_failed():
        st.error(t("app_error", lang), icon="⚠️")
    try:
        page.run()
    except Exception:  # st.stop and reruns are not Exceptions: they pass
        _log.exception("the page %s failed", page.url_path)
        st.error(t("app_error", lang), icon="⚠️")
        st.page_link(_pages(lang)[0], label=t("go_home", lang), icon=":material/home:")


def language_switch() -> str:
    """The language, from the URL or the session; a switch at the top of the sidebar (in present mode, of the
    controls' popover) changes it."""
    lang = state.view(LANG_SPEC).lang
    with controls():
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
    with controls():
        return int(state.widget(st.selectbox, "year", t("year", lang), options=sorted(years, reverse=True)))


def plan_provinces_in(year: int, lang: str) -> set[str]:
    """The plan provinces as provinces of `year`'s set: from 2025 the new provinces they are part of."""
    keys = (stand_in(lang, code, year) for code in PLAN_PROVINCES)
    return {key for key in keys if key is not None}


def province_search(provinces: pd.DataFrame, lang: str, pick: Callable[[str], None] | None = None) -> None:
    """A province search in the sidebar, the same on every page: it forgives missing diacritics and knows common
    names ("ha noi", "sai gon", "hcm", "brvt"; papi_data/search.py) and lists what it finds as you type. A hit
    opens that province's profile, or, where a page passes `pick` (the map, the profile), is chosen there."""
    names = era_names(provinces, lang, mark_former=True)  # "Tây Ninh (từ 2025)" beside "Tây Ninh (đến 2024)"
    with st.sidebar:
        query = st.text_input(
            t("search_province", lang), key="province_search", placeholder=t("search_hint", lang), live=True
        )
        if not query or not query.strip():
            return
        hits = search_provinces(provinces, query, limit=SEARCH_HITS)
        if not hits:
            st.caption(t("search_none", lang))
            return
        with st.container(key=search_hits_key(query)):  # Enter picks the first (static/browser.js)
            for code in hits:
                if pick is not None:
                    st.button(names[code], on_click=pick, args=(code,), key=f"search_hit_{code}", width="stretch")
                else:
                    st.page_link(
                        "pages/profile.py",
                        label=t("open_profile_of", lang, name=names[code]),
                        query_params={"province": code, "lang": lang},  # the year: the one the reader has chosen
                        icon=":material/arrow_forward:",
                    )


def search_hits_key(query: str) -> str:
    """The key of the block of a search's hits, naming the query (hex of its UTF-8): on Enter, static/browser.js
    waits for the block of what is in the box, not a list left from fewer letters, and opens its first hit."""
    return "search_hits_" + query.strip().encode("utf-8").hex()


def header(title: str, lang: str) -> None:
    """The page's title (in present mode the charts carry their own) and the notices about the link that opened it."""
    if not present() and not embedded():
        st.title(title)
    st.session_state[_PAGE_TITLE] = title
    if st.session_state.get("_link_too_long"):
        st.warning(t("notice_link_too_long", lang), icon="⚠️")
    if older := older_release(lang):
        st.info(older, icon="🗄️")
    state.show_notices(lang)


# --- The toolbar: copy link, present mode, the deck ------------------------------------------------------------------

_SLOTS = "_toolbar_slots"  # this run's toolbar places: the controls' popover, the stepper, the deck
_PAGE_TITLE = "_page_title"
_CHARTS = "_page_charts"  # this run's charts, by widget key, in the page's order: the deck's slides


def toolbar() -> None:
    """The bar above every page (app.py, before the language switch): copy link, the present-mode switch, and places
    the page fills: the deck (at its end, when it drew charts) and, in present mode, the controls' popover and the
    buttons that step through years or provinces."""
    lang = state.view(LANG_SPEC).lang
    on = state.view(PRESENT_SPEC).present
    embed = embedded()
    st.session_state[_CHARTS] = {}
    slots: dict[str, Any] = {}
    if on or embed:
        st.set_page_config(initial_sidebar_state="collapsed")
        if embed:
            page_tools.embed_style()
        else:
            page_tools.present_style()
    bar = st.container(horizontal=True, vertical_alignment="center", key="toolbar")
    with bar:
        if on or embed:
            slots["controls"] = st.popover(t("present_controls", lang), icon=":material/tune:")
            slots["stepper"] = st.container(horizontal=True, width="content")
        if not embed:  # an embedded view shows the chart, its controls and the source line, nothing else
            page_tools.copy_link_button(lang, browser.base_url())
            state.widget(st.toggle, "present", t("present_mode", lang), help=t("present_help", lang))
            slots["deck"] = st.empty()
            if not on:  # present mode's bar keeps to what a presenter needs
                slots["cite"] = st.empty()
                slots["embed"] = st.empty()
    st.session_state[_SLOTS] = slots


def embedded() -> bool:
    """Whether the page is shown embedded in another site: Streamlit's own `embed=true` (which also hides Streamlit's
    bar; Streamlit keeps it out of st.query_params), on the map, the profile or the plans."""
    return bool(st.context.is_embedded) and st.session_state.get("_page") in EMBED_PAGES


def present() -> bool:
    """Whether the page is shown in present mode (`present=1`)."""
    return bool(state.value("present"))


def controls() -> Any:
    """Where a page's controls go: the sidebar, or in present mode the toolbar's one popover."""
    return st.session_state.get(_SLOTS, {}).get("controls") or st.sidebar


def inline_controls() -> Any:
    """Controls that stand above a chart (the map's metric): in place, or in present mode in the popover."""
    return st.session_state.get(_SLOTS, {}).get("controls") or st.container()


def stepper(name: str, options: Sequence[Any], label: Any) -> None:
    """In present mode, ◀ ▶ buttons (and the ← → keys) that step the parameter `name` through `options`."""
    slot = st.session_state.get(_SLOTS, {}).get("stepper")
    if slot is None:
        return
    current = list(options).index(state.value(name))
    with slot:
        for step, key, icon in ((-1, "Left", ":material/arrow_back:"), (1, "Right", ":material/arrow_forward:")):
            i = current + step
            st.button(
                label(options[i]) if 0 <= i < len(options) else "–",
                key=f"step_{name}_{key}",
                icon=icon,
                icon_position="left" if step < 0 else "right",
                shortcut=key,
                disabled=not 0 <= i < len(options),
                on_click=state.guarded(state.set_value),
                args=(name, options[i] if 0 <= i < len(options) else None),
            )


def view_link() -> str:
    """The address of the view as it stands at the end of this run (the URL itself is written after the page)."""
    return f"{st.context.url or ''}?{urlencode(state.query())}"


def cite(lang: str, years: int | Iterable[int]) -> str:
    """ "PAPI 2023 — CECODES, RTA & UNDP, papi.org.vn": the reports of `years` and their partners."""
    return data.citation_of(lang, tuple(sorted({years} if isinstance(years, int) else set(years))))


def frame(title: str, subtitle: str, lang: str, years: int | Iterable[int], with_map: bool = False) -> Frame:
    """A chart's frame on this page: its title and subtitle, the source line of the years it shows, the view's link.
    The one place a chart's source line is chosen: the slide images, the deck and the brief take it from the frame."""
    return Frame(
        title=title, subtitle=subtitle, source=source_line(cite(lang, years), lang, with_map), link=view_link()
    )


def canvas(on_page: bool = True) -> Canvas:
    """The canvas this page's charts are drawn on: present mode's, or the screen's; a chart as wide as its column
    (`on_page`) has its frame drawn by the page around it (see `chart`)."""
    return replace(PRESENT if present() else SCREEN, on_page=on_page)


def chart(
    recipe: Chart,
    key: str,
    filename: str,
    figure: dict | None = None,
    sentence_below: bool = True,
    width: int | None = None,
    frame_in_canvas: bool = False,
    phone: bool = False,
    **kwargs: Any,
) -> Any:
    """A chart from ui/charts drawn as built (validated in the tests), in present mode at the present canvas's size
    and text scale (`figure`: the recipe's figure on this canvas, where the page keeps it); under it, its sentence
    (unless the page shows it elsewhere: `sentence_below`), its slide image as PNG and SVG (`filename`), and it goes
    into the page's deck. `width`: a fixed width in pixels (a small multiple), which the chart's text is wrapped to
    and whose height is the builder's own (as many lines as the text takes), its frame in its canvas; else the chart
    takes its column's width and the page draws its frame in HTML around it, unless `frame_in_canvas` (the map,
    whose title over the open sea is part of its layout). `phone`: a chart whose words stand beside it in present
    mode (the map, the radar) is drawn a second time for a phone, its words above and below it (PRESENT_PHONE, its
    frame in its canvas), and the app's CSS shows the one that fits the screen (app.css: the server does not know the
    screen's width); a selection on either is read with `either_selection`."""
    on_page = width is None and not frame_in_canvas
    drawn_on = canvas(on_page) if width is None else replace(canvas(False), width=width, height=None)
    if width is not None:
        kwargs["width"] = width
    if phone and present() and width is None:
        with st.container(key=f"{BESIDE}{key}"):
            event = _draw(recipe, key, filename, drawn_on, figure, **kwargs)
        with st.container(key=f"{STACKED}{key}"):
            own_height = {**kwargs, "height": "content"}  # the figure's own: its words above and below it
            _draw(recipe, phone_key(key), filename, PRESENT_PHONE, None, **own_height)
    else:
        event = _draw(recipe, key, filename, drawn_on, figure, **kwargs)
    st.session_state.setdefault(_CHARTS, {})[key] = recipe
    if recipe.sentence and sentence_below:
        st.caption(recipe.sentence)
    page_tools.image_buttons(recipe, key, filename, lang())
    return event


def _draw(recipe: Chart, key: str, filename: str, drawn_on: Canvas, figure: dict | None, **kwargs: Any) -> Any:
    """The chart on `drawn_on`, with the frame around it where the page draws it (Canvas.on_page)."""
    figure = recipe.figure(drawn_on) if figure is None else figure
    config = plotly_config(filename, lang(), browser.base_url())
    if not drawn_on.on_page:
        return st.plotly_chart(CheckedFigure(figure), key=key, theme=None, config=config, **kwargs)
    head, foot = page_frame(drawn_on.frame(recipe.frame))
    # plotly's camera would save the canvas without the frame the page draws: the image buttons under it save both
    config["modeBarButtonsToRemove"] = [*config["modeBarButtonsToRemove"], "toImage"]
    with st.container(gap=None, key=f"framed_{key}"):  # the frame's lines close to their chart
        st.html(head)
        event = st.plotly_chart(CheckedFigure(figure), key=key, theme=None, config=config, **kwargs)
        if foot:
            st.html(foot)
    return event


# The containers of a chart drawn twice in present mode (`chart`, phone=True); app.css hides one by the screen's width.
BESIDE, STACKED = "present_beside_", "present_stacked_"


def phone_key(key: str) -> str:
    """The widget key of the phone's copy of the chart keyed `key` (see `chart`)."""
    return f"{key}_phone"


def either_selection(key: str) -> list[dict]:
    """The points selected on the chart keyed `key` or on its phone's copy (only the one shown can be clicked)."""
    return [
        point for k in (key, phone_key(key)) if k in st.session_state for point in st.session_state[k].selection.points
    ]


def footer(lang: str, years: int | Iterable[int], with_map: bool = False) -> None:
    """The page's source line: the reports of the years it shows, and the boundary credit under a map; and the deck
    button in the toolbar, now that the page's charts are known."""
    st.divider()
    st.caption(t("source_line", lang, citation=cite(lang, years)) + (" · " + t("geo_credit", lang) if with_map else ""))
    slots = st.session_state.get(_SLOTS, {})
    if "cite" in slots:
        store = data.store(lang)
        shown = [years] if isinstance(years, int) else list(years)
        cited = view_citation(store.report_partners, store.partners, shown, lang, view_link(), dt.date.today())
        with slots["cite"]:
            page_tools.cite_button(cited, lang)
    page = str(st.session_state.get("_page") or "")
    if "embed" in slots and page in EMBED_PAGES:
        with slots["embed"]:
            page_tools.embed_button(_iframe(lang), _image_url(page), lang)
    charts = list(st.session_state.get(_CHARTS, {}).values())
    slot = slots.get("deck")
    if charts and slot is not None:
        with slot:
            page_tools.deck_button(
                charts,
                st.session_state.get(_PAGE_TITLE, ""),
                _deck_view(lang),
                view_link(),
                str(st.session_state.get("_page") or ""),
                lang,
            )


def _iframe(lang: str) -> str:
    """The <iframe> code of this view in embed mode."""
    src = f"{st.context.url or ''}?{urlencode({**state.query(), 'embed': 'true'})}"  # Streamlit's embed mode
    title = html.escape(str(st.session_state.get(_PAGE_TITLE, "PAPI")))
    return (
        f'<iframe src="{html.escape(src)}" title="{title}" width="100%" height="720" '
        'style="border:0" loading="lazy"></iframe>'
    )


def origin() -> str:
    """The app's address as the reader reached it, with the server's base path ("https://papi.example.gov.vn" or
    "https://so.example.gov.vn/papi"): the open-data API is at /api/v1 under it."""
    parts = urlsplit(st.context.url or "")
    return (f"{parts.scheme}://{parts.netloc}" if parts.netloc else "") + browser.base_url().rstrip("/")


def _image_url(page: str) -> str | None:
    """The address of the view's chart image (the open-data API), for the map and the profile."""
    if page not in EMBED_IMAGES:
        return None
    kind, names = EMBED_IMAGES[page]
    shown = state.query()
    wanted = {name: shown[name] for name in names if name in shown}
    return f"{origin()}/api/v1/charts/{kind}.png?{urlencode({**wanted, 'lang': lang()})}"


def _deck_view(lang: str) -> str:
    """The view in words for the deck's title slide: the year (or years) it shows."""
    shown = state.query()
    if "year" in shown:
        return t("deck_year", lang, year=shown["year"])
    if "years" in shown:
        return t("deck_year", lang, year=shown["years"].replace("-", "–"))
    return ""

"""The map page's parts beside its charts: the map's click handling, the selected province's figures, and the year's
biggest movers."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from papi_data.decompose import comparison_gap, movers
from papi_data.eras import SET_63, former
from papi_data.overview import province_year
from papi_data.store.schema import TOTAL
from ui.charts.sentences import Label, movers_sentence
from ui.core import certainty, shell, state
from ui.core.changes import changes_between
from ui.core.i18n import t
from ui.core.numbers import change_text, fmt_change, fmt_number

PLAY_STEP_S = 1.2
PLAYING = "map_playing"  # the play through the years is on (session state)
_LAST_STEP = "map_last_step"
CHART_REVISION = "map_chart_rev"  # part of the map's key: a new chart, with no selection of plotly's own, per click


def chart_key() -> str:
    return f"map_chart_{st.session_state.get(CHART_REVISION, 0)}"


def _new_chart() -> None:
    st.session_state[CHART_REVISION] = st.session_state.get(CHART_REVISION, 0) + 1


def on_map_click() -> None:
    """A click on a province selects it; a click on the selected one clears the selection.

    Runs before the page (a callback), so the run that follows draws the map with the new outline. The chart gets a
    new key each time: plotly keeps its own selection per chart, and a stale one would turn the next click on the
    same province into a "deselect" that selects nothing.
    """
    points = shell.either_selection(chart_key())  # the map, or in present mode on a phone its phone's copy
    clicked = next((p["location"] for p in points if p.get("location")), None)
    if clicked is None:
        return
    state.set_value("province", None if clicked == state.value("province") else clicked)
    _new_chart()


def select(code: str | None) -> None:
    """Select a province (or none) from outside the map: the sidebar's search, the card's clear button."""
    state.set_value("province", code)
    _new_chart()


def clear_selection() -> None:
    select(None)


def playing() -> bool:
    return bool(st.session_state.get(PLAYING, False))


def toggle_play(years: Sequence[int], first_year: int) -> None:
    """The play button: start from the first year of the metric (`first_year`) where the view is on the last year or
    before the metric was measured, or stop."""
    st.session_state[PLAYING] = not playing()
    st.session_state[_LAST_STEP] = time.monotonic()
    if playing() and (state.value("year") == years[-1] or state.value("year") < first_year):
        state.set_value("year", first_year)


def play_step(years: Sequence[int]) -> None:
    """While playing: the next year once a step's time has passed (a click on the map meanwhile does not count),
    and a stop after the last year."""
    if time.monotonic() - st.session_state.get(_LAST_STEP, 0) < PLAY_STEP_S * 0.8:
        return
    year = state.value("year")
    if year >= years[-1]:
        st.session_state[PLAYING] = False
        st.rerun()  # the whole page, so that the fragment's timer goes
    st.session_state[_LAST_STEP] = time.monotonic()
    state.set_value("year", next(y for y in years if y > year))


def selected_card(
    table: pd.DataFrame, provinces: pd.DataFrame, code: str, year: int, metric: str, label: str, lang: str
) -> None:
    """The selected province's figures for the year and metric shown: score, rank of N, group, change; the province
    it belongs to since July 2025; a link to its profile and a button that clears the selection."""
    names = provinces.set_index("code")
    name = str(names.at[code, f"name_{lang}"])
    figures = province_year(table, code, year, metric)
    with st.container(border=True, key="selected_province"):
        st.markdown(f"**{t('selected_heading', lang, name=name, year=year)}**")
        score, rank = st.columns(2)
        score.metric(label, fmt_number(figures.score, lang))
        if figures.has_data:
            rank.metric(t("col_rank", lang), f"{figures.rank}/{figures.n}")
            change = change_text(figures.change, figures.change_gap, year, lang)
            st.caption(
                f"{t('group_' + str(figures.group), lang)} · {t('change_vs_prev', lang, year=year - 1)}: {change}"
            )
            if metric == TOTAL:
                st.caption(certainty.total_rank_text(code, name, year, lang))
        if names.at[code, "province_set"] == SET_63:
            st.caption(t("since_2025", lang, new=names.at[code, f"name_2025_{lang}"]))
        else:  # a province of the 34: the former provinces it was formed from, each with its own figures before 2025
            formed = ", ".join(str(names.at[c, f"name_{lang}"]) for c in former(provinces, code))
            st.caption(t("formed_from", lang, names=formed))
        link, clear = st.columns([3, 2], vertical_alignment="center")
        link.page_link(
            "pages/profile.py",
            label=t("open_profile", lang, name=name),
            query_params={"province": code, "year": str(year), "lang": lang},
            icon=":material/arrow_forward:",
        )
        clear.button(t("clear_selection", lang), on_click=clear_selection, key="clear_selection")


MOVERS = 5  # provinces listed each way under "biggest movers"


def biggest_movers(year: int, years: list[int], names: dict[str, str], label: Label, lang: str) -> None:
    """The provinces whose total rose and fell most on the year before, each with its rank change among the provinces
    of both years and the dimension that moved it most; or why the year cannot be compared."""
    base = year - 1
    st.markdown(f"**{t('movers_heading', lang, year=year, base=base)}**", help=t("movers_help", lang))
    gap = comparison_gap(year, base) if base in years else "first_year"
    if gap is not None:
        why = t("moved_gap_scale_change", lang, year=year, base=base) if gap == "scale_change" else t("no_data", lang)
        st.caption(t("movers_none", lang, year=year, why=why))
        return
    rising, falling = movers(changes_between(lang, year, base), MOVERS)
    st.caption(movers_sentence(year, base, rising, falling, names, lang))
    for heading, shown, sign in ((t("movers_rise", lang), rising, 1), (t("movers_fall", lang), falling, -1)):
        lines = []
        for change in shown:
            part = change.largest(sign)[0]
            lines.append(
                "- "
                + t(
                    "movers_line",
                    lang,
                    name=names[change.code],
                    change=fmt_change(change.change, lang),
                    base_rank=change.base_rank,
                    rank=change.rank,
                    part=label(part.metric),
                    part_by=fmt_change(part.change, lang),
                )
            )
        st.markdown(f"*{heading}*\n" + "\n".join(lines))

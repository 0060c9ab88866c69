"""Bản đồ / Map: a choropleth of any year and metric, clickable, shareable, drawn with no request off the server."""

import time

import streamlit as st

from geo import loader
from papi_data.overview import province_year, year_metric
from papi_data.schema import TOTAL
from papi_data.subdimensions import is_subdimension
from ui import certainty, data, shell, state
from ui.charts.choropleth import map_figure
from ui.charts.ranking_bar import ranking_figure
from ui.i18n import t
from ui.numbers import change_text, fmt_number
from ui.views import COLOURINGS, map_spec

PLAY_STEP_S = 1.2

lang = shell.lang()
store = data.store(lang)
metrics = data.metrics(lang)
years = store.years
state.view(map_spec(years, metrics, store.provinces, lang))
names = store.provinces.set_index("code")[f"name_{lang}"]

shell.header(t("page_map", lang), lang)
c1, c2, c3 = st.columns([2, 1.4, 1.6], vertical_alignment="bottom")
with c1:
    metric = state.widget(
        st.selectbox,
        "metric",
        t("metric", lang),
        options=list(metrics.ids),  # each dimension followed by its sub-dimensions ("D5 › …")
        format_func=data.labels(lang).metric.__getitem__,
    )
table = data.subdimension_table(lang) if is_subdimension(metric) else data.scores_table(lang)
with c2:
    colouring = state.widget(
        st.segmented_control,
        "colour",
        t("colouring", lang),
        options=list(COLOURINGS),
        format_func=lambda c: t(f"colour_{c}", lang),
        required=True,
    )
with c3:
    show_2025 = state.widget(st.toggle, "show2025", t("show_2025", lang))


def _toggle_play() -> None:
    playing = not st.session_state.get("map_playing", False)
    st.session_state["map_playing"] = playing
    st.session_state["map_last_step"] = time.monotonic()
    if playing and state.value("year") == years[-1]:
        state.set_value("year", years[0])  # from the start again


def _clear_selection() -> None:
    state.set_value("province", None)
    st.session_state["map_chart_rev"] = st.session_state.get("map_chart_rev", 0) + 1


def _play_step() -> None:
    """While playing: the next year once a step's time has passed (a click on the map meanwhile does not count),
    and a stop after the last year."""
    if time.monotonic() - st.session_state.get("map_last_step", 0) < PLAY_STEP_S * 0.8:
        return
    year = state.value("year")
    if year >= years[-1]:
        st.session_state["map_playing"] = False
        st.rerun()  # the whole page, so that the fragment's timer goes
    st.session_state["map_last_step"] = time.monotonic()
    state.set_value("year", next(y for y in years if y > year))


PLAYING = st.session_state.get("map_playing", False)


@state.fragment(run_every=PLAY_STEP_S if PLAYING else None)
def map_part() -> None:
    if st.session_state.get("map_playing", False) != PLAYING:
        st.rerun()  # the play button was pressed: starting or stopping the timer needs a run of the whole page
    if PLAYING:
        _play_step()
    playing = st.session_state.get("map_playing", False)
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    with left:
        year = state.widget(st.select_slider, "year", t("year", lang), options=years, disabled=playing)
    right.button(t("pause" if playing else "play", lang), on_click=_toggle_play, key="play", width="stretch")

    rows = year_metric(table, store.provinces, year, metric)
    n = int(rows["score"].notna().sum())
    label = metrics.name(metric, lang, mark=True)
    scale = metrics.scale_text(metric, year, lang)
    if not metrics.measured(metric, year):
        first, last = metrics.years[metric]
        st.info(t("not_measured_span", lang, metric=label, first=first, last=last, year=year))
    selected = state.value("province")
    figure = map_figure(
        rows,
        loader.provinces_63(),
        lang=lang,
        frame=shell.frame(
            t("map_heading", lang, year=year),
            t("map_subtitle", lang, metric=label, scale=scale, n=n),
            lang,
            year,
            with_map=True,
        ),
        colour_by_group=colouring == "groups",
        scale_label=scale,
        selected=selected,
        outlines_2025=loader.borders_34() if show_2025 else None,
        archipelagos=loader.archipelago_labels(),
    )
    map_col, bar_col = st.columns([3, 2])
    with map_col:
        event = shell.chart(
            figure,
            f"map_chart_{st.session_state.get('map_chart_rev', 0)}",
            f"papi-{year}-{metric}",
            on_select="rerun",
            selection_mode="points",
        )
        clicked = [p.get("location") for p in event.selection.points if p.get("location")]
        if clicked and clicked[-1] != selected:
            selected = clicked[-1]
            state.set_value("province", selected)
    with bar_col:
        intervals = data.intervals_of(year, lang) if metric == TOTAL else None
        whiskers = ""
        if intervals is not None:
            shown = [t("ranking_intervals", lang), t("ranking_tied", lang)] if len(intervals) else []
            whiskers = "<br>" + "<br>".join(shown or [t("ranking_no_intervals", lang)])
        ranking = ranking_figure(
            rows,
            lang=lang,
            frame=shell.frame(t("ranking_heading", lang, year=year), f"{label} ({scale}){whiskers}", lang, year),
            colour_by_group=colouring == "groups",
            highlight=set(shell.PLAN_PROVINCES) | ({selected} if selected else set()),
            intervals=intervals,
        )
        shell.chart(ranking, "ranking_chart", f"papi-ranking-{year}-{metric}")
        missing = rows.loc[rows["score"].isna(), f"name_{lang}"].tolist()
        if missing and len(missing) < len(rows):
            st.caption(t("ranking_missing", lang, names=", ".join(missing)))

    if selected is None:
        st.caption(t("click_hint", lang))
        return
    figures = province_year(table, selected, year, metric)
    with st.container(border=True, key="selected_province"):
        st.subheader(t("selected_heading", lang, name=names[selected], year=year))
        a, b, c = st.columns(3)
        a.metric(label, fmt_number(figures.score, lang))
        if figures.has_data:
            b.metric(
                t("col_rank", lang),
                f"{figures.rank}/{figures.n}",
                delta=t("group_" + figures.group, lang),
                delta_color="off",
                delta_arrow="off",
            )
            c.metric(
                t("change_vs_prev", lang, year=year - 1), change_text(figures.change, figures.change_gap, year, lang)
            )
        if metric == TOTAL and figures.has_data:
            st.caption(certainty.total_rank_text(selected, names[selected], year, lang))
        st.caption(t("since_2025", lang, new=store.provinces.set_index("code").at[selected, f"name_2025_{lang}"]))
        link, clear = st.columns([3, 1])
        link.page_link(
            "pages/profile.py",
            label=t("open_profile", lang, name=names[selected]),
            query_params={"province": selected, "year": str(year), "lang": lang},
            icon=":material/arrow_forward:",
        )
        clear.button(t("clear_selection", lang), on_click=_clear_selection, key="clear_selection")


map_part()
st.caption(t("download_png_hint", lang))
shell.footer(lang, state.value("year"), with_map=True)

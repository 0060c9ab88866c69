"""Bản đồ / Map: a choropleth of any year and metric, clickable, shareable, drawn with no request off the server."""

from functools import partial

import streamlit as st

from geo import loader, static_files
from papi_data.eras import MERGER_YEAR, SET_63, province_set
from papi_data.store.schema import TOTAL
from papi_data.subdimensions import is_subdimension
from ui.charts.choropleth import map_figure
from ui.charts.common import Chart
from ui.charts.ranking_bar import ranking_figure
from ui.charts.sentences import map_sentence, ranking_sentence
from ui.core import browser, data, shell, state
from ui.core.i18n import t
from ui.core.stand_ins import stand_in
from ui.core.views import COLOURINGS, map_spec
from ui.map import data as map_data
from ui.map import panel as map_panel

lang = shell.lang()
store = data.store(lang)
metrics = data.metrics(lang)
years = store.years
spec = map_spec(years, metrics, store.provinces, lang)
view = state.view(spec)

shell.header(t("page_map", lang), lang)
shell.stepper("year", years, str)
shell.province_search(store.provinces, lang, pick=map_panel.select)
with shell.controls():  # how the map is drawn: set once, then left alone
    state.widget(
        st.segmented_control,
        "colour",
        t("colouring", lang),
        options=list(COLOURINGS),
        format_func=lambda c: t(f"colour_{c}", lang),
        required=True,
    )
    state.widget(st.toggle, "fit", t("fit_year", lang), help=t("fit_year_help", lang), disabled=view.colour == "groups")
    state.widget(st.toggle, "show2025", t("show_2025", lang))


PLAYING = map_panel.playing()


@state.fragment(run_every=map_panel.PLAY_STEP_S if PLAYING else None)
def map_part() -> None:
    if map_panel.playing() != PLAYING:
        st.rerun()  # the play button was pressed: starting or stopping the timer needs a run of the whole page
    if PLAYING:
        map_panel.play_step(years)
    playing = map_panel.playing()
    view = state.view(spec)  # a run of the fragment alone reads the view the play, a click or a widget left
    year, metric, colouring, fit, show_2025 = view.year, view.metric, view.colour, view.fit, view.show2025
    state.hold_url(playing)  # the URL changes once, when the play stops: Back then returns to the view before it
    # The map first, as tall as the screen allows: the choices and the selected province beside it (under it on a
    # phone), the ranking under it; in present mode the choices under the map (the ← → buttons step the years).
    if shell.present():
        map_place = st.container()
        c1, c2, c3 = st.columns([2, 3, 1], vertical_alignment="bottom")
        card, side = st.columns([2, 3])
    else:
        map_place, right = st.columns([3, 1])
        c1 = c2 = c3 = card = right
        side = st.container()
    with c1:
        state.widget(
            st.selectbox,
            "metric",
            t("metric", lang),
            options=list(metrics.ids),  # each dimension followed by its sub-dimensions ("D5 › …")
            format_func=data.labels(lang).metric.__getitem__,
            disabled=playing,
        )
    with c2:
        if playing:  # shown, not bound: a timer run can carry the slider's last value back, which is not a choice
            st.session_state["year_playing"] = view.year
            st.select_slider(t("year", lang), options=years, disabled=True, key="year_playing")
        else:
            state.widget(st.select_slider, "year", t("year", lang), options=years)
    c3.button(
        t("pause" if playing else "play", lang),
        icon=":material/pause:" if playing else ":material/play_arrow:",  # the app's icon font has both glyphs
        on_click=map_panel.toggle_play,
        args=(years, metrics.years[metric][0]),
        key="play",
        help=t("play_help", lang),
        width="stretch",
    )

    label = metrics.name(metric, lang, mark=True)
    short = metrics.name(metric, lang, short=True)
    if not metrics.measured(metric, year):  # D7 and D8 from 2018, sub-dimensions in their years: a message, no map
        first, last = metrics.years[metric]
        st.info(t("not_measured_span", lang, metric=label, first=first, last=last, year=year), icon="ℹ️")
        nearest = first if year < first else last
        st.button(t("go_first_year", lang, year=nearest), on_click=state.set_value, args=("year", nearest), key="first")
        return
    old_map = province_set(year) == SET_63  # from 2025 the map is the 34 provinces: no overlay needed
    if not old_map or years[0] < MERGER_YEAR <= years[-1]:  # the year control crosses the 2025 change: say so
        st.caption(
            t(
                "map_era_note_34" if not old_map else "map_era_note_63",
                lang,
                year=MERGER_YEAR,
                year_before=MERGER_YEAR - 1,
            )
        )
    rows, hover = map_data.map_layer(lang, year, metric, show_2025 and old_map)
    scale = metrics.scale_text(metric, year, lang)
    span = map_data.map_colours(lang, metric, year, fit)
    assert span is not None  # the metric was measured that year
    if colouring == "groups":
        colours = t("colours_groups", lang)
    elif fit or span.first == span.last:  # a set's only year so far (2025): its colours are that year's
        colours = t("colours_one_year", lang, year=year)
    else:
        colours = t("colours_fixed", lang, first=span.first, last=span.last)
    # kept as chosen; shown as the province that stands for it in this year's set
    selected = stand_in(lang, view.province, year) if view.province else None
    scores = dict(zip(rows[f"name_{lang}"], rows["score"].astype(float), strict=True))  # NaN: no data
    figure = Chart(
        partial(
            map_figure,
            rows,
            browser.static_url(static_files.url_path_of_year(year)),  # 63 provinces through 2024, 34 from 2025
            hover,
            lang=lang,
            colour_by_group=colouring == "groups",
            colorbar_title=colours,
            colour_range=(span.low, span.high),
            selected=selected,
            outlines_2025=loader.borders_34() if show_2025 and old_map else None,
            archipelagos=loader.archipelago_labels(),
        ),
        shell.frame(
            t("map_heading", lang, year=year),
            t("map_subtitle", lang, metric=short, scale=scale, n=int(rows["score"].notna().sum()), total=len(rows)),
            lang,
            year,
            with_map=True,
        ),
        sentence=map_sentence(year, short, scores, lang),
    )
    with map_place:
        with st.container(key="map_frame"):  # as tall as the screen allows: the map's sentence goes under the frame
            shell.chart(
                figure,
                map_panel.chart_key(),
                f"papi-{year}-{metric}",
                sentence_below=False,
                frame_in_canvas=True,  # its title over the open sea, part of the map's measured fill
                on_select=map_panel.on_map_click,
                selection_mode="points",
                height="stretch",
                phone=True,
            )
        st.caption(figure.sentence)
    with card:
        if selected is None:
            st.caption(t("click_hint", lang))
        else:
            table = data.subdimension_table(lang) if is_subdimension(metric) else data.scores_table(lang)
            map_panel.selected_card(table, store.provinces, selected, year, metric, label, lang)
    with side:
        intervals = map_data.intervals_of(store, year) if metric == TOTAL else None
        whiskers = ""
        if intervals is not None:
            shown = [t("ranking_intervals", lang), t("ranking_tied", lang)] if len(intervals) else []
            whiskers = "<br>" + "<br>".join(shown or [t("ranking_no_intervals", lang)])
        ranking = Chart(
            partial(
                ranking_figure,
                rows,
                lang=lang,
                colour_by_group=colouring == "groups",
                highlight=shell.plan_provinces_in(year, lang) | ({selected} if selected else set()),
                colour_range=(span.low, span.high),
                intervals=intervals,
            ),
            shell.frame(t("ranking_heading", lang, year=year), f"{short} ({scale}){whiskers}", lang, year),
            sentence=ranking_sentence(year, short, scores, lang),
        )
        shell.chart(ranking, "ranking_chart", f"papi-ranking-{year}-{metric}", frame_in_canvas=True)
        missing = rows.loc[rows["score"].isna(), f"name_{lang}"].tolist()
        if missing:
            st.caption(t("ranking_missing", lang, names=", ".join(missing)))
        if metric == TOTAL:
            names = dict(zip(store.provinces["code"], store.provinces[f"name_{lang}"], strict=True))
            map_panel.biggest_movers(year, years, names, partial(metrics.name, lang=lang, short=True), lang)


map_part()
st.caption(t("download_png_hint", lang))
shell.footer(lang, state.view(spec).year, with_map=True)

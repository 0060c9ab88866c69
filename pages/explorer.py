"""Khám phá dữ liệu / Explore the data: researchers filter provinces, years and metrics, read the numbers in a table or
on a chart, and download exactly what they see. Every filter and chart choice lives in the URL."""

import datetime as dt

import pandas as pd
import streamlit as st

from papi_data.eras import MERGER_YEAR, same_set
from papi_data.explore import Filters, apply_filters, summarise
from papi_data.uncertainty import years_with_intervals
from ui.charts.explorer_charts import regions_chart, scatter_chart, slope_chart
from ui.core import data, shell, state
from ui.core.i18n import t
from ui.core.views import EXPLORER_CHARTS, explorer_chart_spec, explorer_spec
from ui.explorer import data as explorer_data
from ui.explorer import panel as explorer_panel
from ui.explorer.downloads import Note, download_note, years_text

lang = shell.lang()
store = data.store(lang)
table = store.table("explorer_table")  # what the explorer filters
labels = data.labels(lang)
years = store.years

filter_spec = explorer_spec(years, labels.metrics, store.regions, lang)
chosen = state.view(filter_spec)
filters = Filters(
    years=chosen.years,
    metrics=chosen.metrics,
    regions=chosen.regions,
    groups=chosen.groups,
    scores=chosen.scores,
    provinces=explorer_data.provinces_named(chosen.q, lang),
)
# The charts' choices depend on the filters (their metrics and years), so they are checked against them each run.
state.view(explorer_chart_spec(chosen, years, labels.metrics, lang))
shown_metrics = list(filters.metrics) or list(labels.metrics.headline)
span = [y for y in years if filters.years[0] <= y <= filters.years[1]]

shell.header(t("page_explorer", lang), lang)
shell.province_search(store.provinces, lang)
st.caption(t("ex_intro", lang))


def clear_filters() -> None:
    for param in filter_spec.params:
        state.set_value(param.name, param.default)


explorer_panel.filter_panel(filters, years, labels, lang, clear_filters)
shown = apply_filters(table, store.provinces, filters)
summary = summarise(table, store.provinces, filters, shown)
explorer_panel.summary_line(summary, filters, lang)
if not same_set(*filters.years):  # the range spans the 63 former provinces and the 34 new ones
    st.caption(t("ex_crosses_2025", lang, year=MERGER_YEAR, year_before=MERGER_YEAR - 1))
if shown.empty:
    st.info(t("ex_empty", lang), icon="🔎")
    st.button(t("ex_clear", lang), on_click=clear_filters, key="clear_empty", type="primary")
    shell.footer(lang, span)
    state.stop()

rows = explorer_data.explorer_rows(lang, chosen.base).loc[shown.index]
interval_years = years_with_intervals(store.uncertainty)
link = shell.view_link()
note_context = {
    "metrics": labels.metrics,
    "regions": store.regions,
    "provinces": store.provinces,
    "lang": lang,
    "created": dt.date.today(),
    "link": link,
    "interval_years": interval_years,
}
note = download_note(filters, chosen.q, chosen.base, summary, citation=shell.cite(lang, span), **note_context)
stem = f"papi-{'kham-pha' if lang == 'vi' else 'explorer'}-{years_text(filters.years)}".replace("–", "-")


def everything() -> tuple[pd.DataFrame, Note]:
    """Every row of the store (sub-dimensions and intervals included) with its note: the "all data" package."""
    whole = Filters(years=(years[0], years[-1]), metrics=labels.metrics.ids)
    every_row = explorer_data.explorer_rows(lang, chosen.base)
    counts = summarise(table, store.provinces, whole, every_row)
    return every_row, download_note(whole, "", chosen.base, counts, citation=shell.cite(lang, years), **note_context)


explorer_panel.downloads(rows, note, stem, lang, everything)

chart = state.widget(
    st.segmented_control,
    "chart",
    t("ex_view", lang),
    options=list(EXPLORER_CHARTS),
    format_func=lambda v: t(f"ex_view_{v}", lang),
    required=True,
)


def metric_picker(name: str, label: str) -> str:
    return str(state.widget(st.selectbox, name, label, options=shown_metrics, format_func=labels.metric.__getitem__))


def year_picker(name: str, label: str, newest_first: bool = True) -> int:
    return int(state.widget(st.selectbox, name, label, options=span[::-1] if newest_first else span))


if chart == "table":
    explorer_panel.table(rows, chosen.base, interval_years, lang)
else:
    if chart == "scatter":
        c1, c2, c3 = st.columns([2, 2, 1])
        with c1:
            x = metric_picker("x", t("ex_x", lang))
        with c2:
            y = metric_picker("y", t("ex_y", lang))
        with c3:
            year = year_picker("chart_year", t("ex_chart_year", lang))
        figure, message = scatter_chart(shown, x, y, year, labels, lang, shell.frame("", "", lang, year))
        filename = f"papi-{year}-{x}-{y}"
    elif chart == "regions":
        c1, c2 = st.columns([4, 1])
        with c1:
            metric = metric_picker("chart_metric", t("metric", lang))
        with c2:
            year = year_picker("chart_year", t("ex_chart_year", lang))
        figure, message = regions_chart(shown, metric, year, labels, lang, shell.frame("", "", lang, year))
        filename = f"papi-{year}-{metric}-regions"
    else:
        c1, c2, c3 = st.columns([3, 1, 1])
        with c1:
            metric = metric_picker("chart_metric", t("metric", lang))
        with c2:
            start = year_picker("start", t("ex_from", lang), newest_first=False)
        with c3:
            end = year_picker("end", t("ex_to", lang))
        frame = shell.frame("", "", lang, [start, end])
        figure, message = slope_chart(shown, metric, start, end, labels, lang, frame)
        filename = f"papi-{metric}-{start}-{end}"
    if figure is not None:
        shell.chart(figure, f"explorer_{chart}", filename)
    if message:
        (st.caption if figure is not None else st.info)(message)
shell.footer(lang, span)

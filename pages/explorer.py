"""Khám phá dữ liệu / Explore the data: researchers filter provinces, years and metrics, read the numbers in a table or
on a chart, and download exactly what they see. Every filter and chart choice lives in the URL."""

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from papi_data.explore import (
    Filters,
    apply_filters,
    comparable,
    linear_fit,
    paired,
    provinces_matching,
    summarise,
    with_base_change,
)
from papi_data.schema import DIMENSION_RANGE, EIGHT_DIMENSION_YEAR, GROUPS, TOTAL
from papi_data.store import PapiStore
from papi_data.text import nfc
from ui import data, shell, state
from ui.charts.common import CheckedFigure, plotly_config
from ui.charts.explorer_charts import region_spread_figure, scatter_figure, slope_figure
from ui.downloads import MIME, download_note, score_range_text, to_csv, to_parquet, to_xlsx, view_table, years_text
from ui.i18n import t
from ui.metrics import metric_ids, metric_name, metric_scale
from ui.numbers import fmt_number
from ui.url_state import (
    Param,
    choice,
    choices,
    decimal_range,
    dump_choices,
    dump_range,
    int_choice,
    int_range,
    nearest_int,
)

VIEWS = ("table", "scatter", "regions", "slope")
LOW, HIGH = DIMENSION_RANGE
SCORE_STEPS = [round(LOW + i / 10, 1) for i in range(round((HIGH - LOW) * 10) + 1)]  # the score slider's 0.1 steps

lang = st.session_state["s_lang"]
store = data.store(lang)
table = data.scores_table(lang)
years = store.years
metrics = metric_ids(store.dimensions)
build_id = store.manifest["build_id"]  # the cache key of everything derived from the store


@st.cache_data(show_spinner=False, max_entries=8)
def labels(build_id: str, lang: str, _store: PapiStore) -> dict[str, dict[str, str]]:
    """Names in the reader's language by id: metrics (full and short), regions (in their order), provinces, each
    province's region."""
    regions = _store.regions.sort_values("order").set_index("region_id")[f"name_{lang}"]
    provinces = _store.provinces.set_index("code")
    return {
        "metric": {m: metric_name(m, _store.dimensions, lang) for m in metric_ids(_store.dimensions)},
        "short": {m: metric_name(m, _store.dimensions, lang, short=True) for m in metric_ids(_store.dimensions)},
        "region": regions.to_dict(),
        "province": provinces[f"name_{lang}"].to_dict(),
        "province_region": provinces["region_id"].map(regions).to_dict(),
    }


names = labels(build_id, lang, store)
metric_label = names["metric"].__getitem__
short_label = names["short"].__getitem__  # for axis titles
region_ids = list(names["region"])
region_list = list(names["region"].values())


@st.cache_data(show_spinner=False, max_entries=256)
def matching(build_id: str, query: str, _provinces: pd.DataFrame) -> tuple[str, ...] | None:
    return provinces_matching(_provinces, query)


filter_specs = [
    Param("years", (EIGHT_DIMENSION_YEAR, years[-1]), int_range(years[0], years[-1]), dump_range),
    Param("metrics", (), choices(metrics), dump_choices),
    Param("regions", (), choices(region_ids), dump_choices),
    Param("groups", (), choices(GROUPS), dump_choices),
    Param("scores", DIMENSION_RANGE, decimal_range(*DIMENSION_RANGE, decimals=1), dump_range),
    Param("q", "", nfc),
    Param("base", EIGHT_DIMENSION_YEAR, nearest_int(years)),
]
chosen = state.use_params(filter_specs)
first, last = chosen["years"]
filters = Filters(
    years=(first, last),
    metrics=tuple(chosen["metrics"]),
    regions=tuple(chosen["regions"]),
    groups=tuple(chosen["groups"]),
    scores=tuple(chosen["scores"]),
    provinces=matching(build_id, chosen["q"], store.provinces),
)
base_year = chosen["base"]

# The charts' choices depend on the filters (their metrics and years), so they are checked against them each run.
shown_metrics = list(filters.metrics) or metrics
span = [y for y in years if first <= y <= last]
axes = [m for m in shown_metrics if m != TOTAL] or shown_metrics
chart_metric = TOTAL if TOTAL in shown_metrics else shown_metrics[0]
chart_specs = [
    Param("view", "table", choice(VIEWS)),
    Param("x", axes[0], choice(shown_metrics)),
    Param("y", axes[min(1, len(axes) - 1)], choice(shown_metrics)),
    Param("chart_year", last, int_choice(span)),
    Param("chart_metric", chart_metric, choice(shown_metrics)),
    Param("from", next(y for y in span if comparable(chart_metric, y, last)), int_choice(span)),
    Param("to", last, int_choice(span)),
]
state.use_params(chart_specs)

shell.header(t("page_explorer", lang), lang, [*filter_specs, *chart_specs])
st.caption(t("ex_intro", lang))


def clear_filters() -> None:
    for spec in filter_specs:
        state.set_value(spec.name, spec.default)


with st.container(border=True, key="explorer_filters"):
    c1, c2, c3 = st.columns([1.1, 1.6, 1.6])
    with c1:
        state.widget(st.slider, "years", t("ex_years", lang), min_value=years[0], max_value=years[-1], step=1)
    with c2:
        all_hint = t("ex_all", lang)
        state.widget(
            st.multiselect,
            "metrics",
            t("ex_metrics", lang),
            metrics,
            format_func=metric_label,
            placeholder=all_hint,
        )
    with c3:
        state.widget(
            st.multiselect,
            "regions",
            t("ex_regions", lang),
            region_ids,
            format_func=names["region"].get,
            placeholder=all_hint,
        )
    c4, c5, c6, c7 = st.columns([1.1, 1.2, 1.6, 0.8])
    with c4:
        state.widget(
            st.multiselect,
            "groups",
            t("ex_groups", lang),
            list(GROUPS),
            format_func=lambda g: t("group_" + g, lang),
            placeholder=all_hint,
        )
    with c5:
        state.widget(
            st.select_slider,
            "scores",
            t("ex_scores", lang),
            options=SCORE_STEPS,
            value=DIMENSION_RANGE,  # only makes it a range slider (st.slider infers that from the state; this does not)
            format_func=lambda v: fmt_number(v, lang, 1),
            help=t("ex_scores_help", lang),
        )
        if filters.by_score:
            st.caption(score_range_text(filters.scores, lang))
    with c6:
        state.widget(
            st.text_input,
            "q",
            t("ex_search", lang),
            placeholder=t("ex_search_hint", lang),
            help=t("ex_search_help", lang),
            max_chars=200,
        )
        if filters.provinces is not None:
            found = ", ".join(names["province"][c] for c in filters.provinces)
            n = len(filters.provinces)
            st.caption(t("ex_search_matches", lang, n=n, names=found) if n else t("ex_search_none", lang))
    with c7:
        state.widget(st.selectbox, "base", t("ex_base", lang), options=years[::-1])
    st.button(t("ex_clear", lang), on_click=clear_filters, key="clear_filters", icon=":material/filter_alt_off:")

shown = apply_filters(table, store.provinces, filters)
summary = summarise(table, store.provinces, filters, shown)
with st.container(key="explorer_summary"):
    line = t(
        "ex_summary",
        lang,
        shown=summary.provinces,
        total=summary.all_provinces,
        years=years_text(summary.years),
        missing=summary.without_data,
    )
    rows = t("ex_summary_rows", lang, rows=fmt_number(summary.rows, lang, 0))
    st.markdown(f"**{line}** · {rows}", help=t("ex_summary_help", lang))
    if filters.by_value and summary.without_data:
        st.caption(t("ex_hidden_no_data", lang))

if shown.empty:
    st.info(t("ex_empty", lang), icon="🔎")
    st.button(t("ex_clear", lang), on_click=clear_filters, key="clear_empty", type="primary")
    shell.footer(lang)
    st.stop()


@st.cache_resource(show_spinner=False, max_entries=8)
def whole_view(build_id: str, lang: str, base_year: int, _table: pd.DataFrame, _store: PapiStore) -> pd.DataFrame:
    """Every row of the store as the table shows it (keyed by the store's build): a filter change then only picks
    rows, by the labels of the filtered table. Shared, not copied on each run (cache_resource): never modified."""
    return view_table(with_base_change(_table, base_year), _store.regions, _store.dimensions, lang, base_year)


view = whole_view(build_id, lang, base_year, table, store).loc[shown.index]

# Downloads: built when clicked (not on every rerun), from exactly the rows of the view.
link = f"{st.context.url or 'kham-pha'}?{urlencode(st.query_params.to_dict())}"
note = download_note(
    filters,
    chosen["q"],
    base_year,
    summary,
    dimensions=store.dimensions,
    regions=store.regions,
    provinces=store.provinces,
    lang=lang,
    created=dt.date.today(),
    link=link,
)
stem = f"papi-{'kham-pha' if lang == 'vi' else 'explorer'}-{years_text(filters.years)}".replace("–", "-")
st.markdown(f"**{t('ex_downloads', lang)}**", help=t("ex_downloads_help", lang))
builders = {"csv": ("CSV", to_csv), "xlsx": ("Excel (.xlsx)", to_xlsx), "parquet": ("Parquet", to_parquet)}
for column, (kind, (label, make)) in zip(st.columns(6)[:3], builders.items(), strict=True):
    column.download_button(
        label,
        data=lambda make=make: make(view, note),
        file_name=f"{stem}.{kind}",
        mime=MIME[kind],
        key=f"download_{kind}",
        help=t(f"ex_{kind}_help", lang),
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )

chart_view = state.widget(
    st.segmented_control,
    "view",
    t("ex_view", lang),
    options=list(VIEWS),
    format_func=lambda v: t(f"ex_view_{v}", lang),
    required=True,
)


def show_table() -> None:
    """Numbers stay numbers, so a click on a header sorts them as numbers; widths are fixed so that the long names fit
    and the columns keep their places (the browser test clicks the score header by position).

    The grid formats numbers in the browser: printf gives 43.77 for English; for Vietnamese only "localized" (the
    browser's language) gives a decimal comma. pandas' Styler would follow the app's language whatever the browser,
    but costs ~1 s per 4,000 rows on every rerun.
    """
    fmt = "%.2f" if lang == "en" else "localized"
    change = t("ex_change_help", lang)
    number = st.column_config.NumberColumn
    text = st.column_config.TextColumn
    config = {
        f"province_{lang}": text(t("col_province", lang), pinned=True, width=160),
        "year": number(t("ex_col_year", lang), format="%d", width=60),
        "metric_name": text(t("ex_col_metric", lang), width=210),
        "score": number(t("col_score", lang), format=fmt, step=0.01, width=80),
        "rank_of": text(t("ex_col_rank_of", lang), help=t("ex_rank_of_help", lang), width=110),
        "rank": number(t("col_rank", lang), format="%d", help=t("ex_rank_help", lang), width=60),
        "group": text(t("col_group", lang), width=160),
        "change_prev": number(t("ex_col_change_prev", lang), format=fmt, step=0.01, help=change, width=130),
        "change_base": number(
            t("ex_col_change_base", lang, year=base_year), format=fmt, step=0.01, help=change, width=130
        ),
        "region": text(t("ex_col_region", lang), width=250),
        "scale": text(t("ex_col_scale", lang), width=90),
        "source": text(t("ex_col_source", lang), width="small"),
    }
    st.dataframe(
        view.assign(**{c: view[c].round(2) for c in ("score", "change_prev", "change_base")}),  # the grid cuts digits
        column_order=list(config),
        column_config=config,
        hide_index=True,
        key="explorer_table",
        placeholder="—",
        height=560,
    )
    st.caption(t("ex_table_legend", lang))


def plot(figure: dict, key: str, filename: str) -> None:
    st.plotly_chart(CheckedFigure(figure), key=key, theme=None, config=plotly_config(filename))


def show_scatter() -> None:
    c1, c2, c3 = st.columns([2, 2, 1])
    with c1:
        x = state.widget(st.selectbox, "x", t("ex_x", lang), options=shown_metrics, format_func=metric_label)
    with c2:
        y = state.widget(st.selectbox, "y", t("ex_y", lang), options=shown_metrics, format_func=metric_label)
    with c3:
        year = state.widget(st.selectbox, "chart_year", t("ex_chart_year", lang), options=span[::-1])
    if x == y:
        st.info(t("ex_need_two_metrics", lang))
        return
    pairs = paired(shown[shown["year"] == year], "dimension", x, y)
    if pairs.empty:
        st.info(t("ex_chart_empty", lang))
        return
    fit = linear_fit(pairs["first"], pairs["second"])
    points = pd.DataFrame(
        {
            "name": pairs["province_code"].map(names["province"]),
            "region": pairs["province_code"].map(names["province_region"]),
            "x": pairs["first"],
            "y": pairs["second"],
        }
    )
    figure = scatter_figure(
        points,
        fit,
        lang=lang,
        heading=t("ex_scatter_heading", lang, x=metric_label(x), y=metric_label(y), year=year),
        subtitle=t("ex_scatter_subtitle", lang, n=len(points)),
        x_title=f"{short_label(x)} ({metric_scale(x, year, lang)})",
        y_title=f"{short_label(y)} ({metric_scale(y, year, lang)})",
        regions=region_list,
    )
    plot(figure, "explorer_scatter", f"papi-{year}-{x}-{y}")
    if fit is None:
        st.caption(t("ex_fit_none", lang))


def show_regions() -> None:
    c1, c2 = st.columns([4, 1])
    with c1:
        metric = state.widget(
            st.selectbox, "chart_metric", t("metric", lang), options=shown_metrics, format_func=metric_label
        )
    with c2:
        year = state.widget(st.selectbox, "chart_year", t("ex_chart_year", lang), options=span[::-1])
    rows = shown[(shown["year"] == year) & (shown["dimension"] == metric) & shown["score"].notna()]
    if rows.empty:
        st.info(t("ex_chart_empty", lang))
        return
    scale = metric_scale(metric, year, lang)
    spread = pd.DataFrame(
        {
            "name": rows[f"name_{lang}"],
            "region": rows["province_code"].map(names["province_region"]),
            "score": rows["score"],
        }
    )
    figure = region_spread_figure(
        spread,
        lang=lang,
        heading=t("ex_regions_heading", lang, metric=metric_label(metric), year=year),
        subtitle=t("ex_regions_subtitle", lang, scale=scale, n=len(spread)),
        x_title=f"{short_label(metric)} ({scale})",
        regions=region_list,
    )
    plot(figure, "explorer_regions", f"papi-{year}-{metric}-regions")


def show_slope() -> None:
    c1, c2, c3 = st.columns([3, 1, 1])
    with c1:
        metric = state.widget(
            st.selectbox, "chart_metric", t("metric", lang), options=shown_metrics, format_func=metric_label
        )
    with c2:
        start = state.widget(st.selectbox, "from", t("ex_from", lang), options=span)
    with c3:
        end = state.widget(st.selectbox, "to", t("ex_to", lang), options=span[::-1])
    if start == end:
        st.info(t("ex_same_year", lang))
        return
    if not comparable(metric, start, end):
        a, b = metric_scale(metric, start, lang), metric_scale(metric, end, lang)
        st.warning(t("ex_slope_eras", lang, start=start, end=end, a=a, b=b), icon="⚖️")
        return
    pairs = paired(shown[shown["dimension"] == metric], "year", start, end)
    if pairs.empty:
        st.info(t("ex_chart_empty", lang))
        return
    change = pairs["second"] - pairs["first"]
    scale = metric_scale(metric, end, lang)
    figure = slope_figure(
        pairs.assign(name=pairs["province_code"].map(names["province"])),
        lang=lang,
        heading=t("ex_slope_heading", lang, metric=metric_label(metric), start=start, end=end),
        subtitle=t(
            "ex_slope_subtitle",
            lang,
            scale=scale,
            n=len(pairs),
            up=int((change > 0).sum()),
            down=int((change < 0).sum()),
        ),
        y_title=f"{short_label(metric)} ({scale})",
        start=start,
        end=end,
    )
    plot(figure, "explorer_slope", f"papi-{metric}-{start}-{end}")


{"table": show_table, "scatter": show_scatter, "regions": show_regions, "slope": show_slope}[chart_view]()
shell.footer(lang)

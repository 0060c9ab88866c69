"""The explorer's widgets: the filter panel, the line saying what is shown, the downloads and the table."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from papi_data.explore import Filters, Summary
from papi_data.numbers import round_half_up_array
from papi_data.store.schema import DIMENSION_RANGE, GROUPS
from ui.core import state
from ui.core.i18n import t, tn
from ui.core.labels import Labels
from ui.core.metrics import TRANSLATED_MARK
from ui.core.numbers import fmt_number
from ui.core.views import MAX_QUERY
from ui.explorer.downloads import MIME, Note, score_range_text, to_csv, to_package, to_parquet, to_xlsx, years_text

LOW, HIGH = DIMENSION_RANGE
SCORE_STEPS = [round(LOW + i / 10, 1) for i in range(round((HIGH - LOW) * 10) + 1)]  # the score slider's 0.1 steps
BUILDERS: dict[str, tuple[str, Callable[[pd.DataFrame, Note], bytes]]] = {
    "csv": ("CSV", lambda rows, _note: to_csv(rows)),  # a plain table: its note is in the data package
    "xlsx": ("Excel (.xlsx)", to_xlsx),
    "parquet": ("Parquet", to_parquet),
}


def filter_panel(
    filters: Filters, years: Sequence[int], labels: Labels, lang: str, on_clear: Callable[[], None]
) -> None:
    """Every filter, each tied to its URL parameter; what a search found and what a score range means below them."""
    every = t("ex_all", lang)
    with st.container(border=True, key="explorer_filters"):
        c1, c2, c3 = st.columns([1.1, 1.6, 1.6])
        with c1:
            state.widget(st.slider, "years", t("ex_years", lang), min_value=years[0], max_value=years[-1], step=1)
        with c2:
            state.widget(
                st.multiselect,
                "metrics",
                t("ex_metrics", lang),
                list(labels.metric),
                format_func=labels.metric.__getitem__,
                placeholder=t("ex_metrics_default", lang),
                select_all=False,  # Streamlit's "Select all" is English; an empty list already means all
                help=t("ex_metrics_help", lang),
            )
            if any(labels.metrics.is_translated(m, lang) for m in filters.metrics):
                st.caption(t("ex_note_translated", lang, mark=TRANSLATED_MARK))
        with c3:
            state.widget(
                st.multiselect,
                "regions",
                t("ex_regions", lang),
                list(labels.region),
                format_func=labels.region.__getitem__,
                placeholder=every,
                select_all=False,  # Streamlit's "Select all" is English; an empty list already means all
            )
        c4, c5, c6, c7 = st.columns([1.1, 1.2, 1.6, 0.8])
        with c4:
            state.widget(
                st.multiselect,
                "groups",
                t("ex_groups", lang),
                list(GROUPS),
                format_func=lambda g: t("group_" + g, lang),
                placeholder=every,
                select_all=False,  # Streamlit's "Select all" is English; an empty list already means all
            )
        with c5:
            state.widget(
                st.select_slider,
                "scores",
                t("ex_scores", lang),
                options=SCORE_STEPS,
                value_arg="value",  # a select_slider is a range only when given a range as its value
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
                max_chars=MAX_QUERY,
            )
            if filters.provinces is not None:
                found = ", ".join(labels.province[c] for c in filters.provinces)
                n = len(filters.provinces)
                st.caption(t("ex_search_matches", lang, n=n, names=found) if n else t("ex_search_none", lang))
        with c7:
            state.widget(st.selectbox, "base", t("ex_base", lang), options=years[::-1])
        st.button(t("ex_clear", lang), on_click=on_clear, key="clear_filters", icon=":material/filter_alt_off:")


def summary_line(summary: Summary, filters: Filters, lang: str) -> None:
    """ "42/63 tỉnh, 2018–2024, 3 tỉnh-năm không có dữ liệu · 1.234 dòng"."""
    with st.container(key="explorer_summary"):
        line = t(
            "ex_summary",
            lang,
            shown=summary.provinces,
            total=summary.all_provinces,
            years=years_text(summary.years),
            missing=tn("ex_summary_missing", lang, summary.without_data, n=summary.without_data),
        )
        rows = tn("ex_summary_rows", lang, summary.rows, rows=fmt_number(summary.rows, lang, 0))
        st.markdown(f"**{line}** · {rows}", help=t("ex_summary_help", lang))
        if filters.by_value and summary.without_data:
            st.caption(t("ex_hidden_no_data", lang))


def downloads(
    rows: pd.DataFrame, note: Note, stem: str, lang: str, everything: Callable[[], tuple[pd.DataFrame, Note]]
) -> None:
    """CSV, Excel and Parquet of exactly the rows shown, and the data package of those rows and of all the data
    (`everything`: every row of the store with its note), each made when its button is pressed (not on every run)."""
    st.markdown(f"**{t('ex_downloads', lang)}**", help=t("ex_downloads_help", lang))
    columns = st.columns(6)
    for column, (kind, (label, make)) in zip(columns[:3], BUILDERS.items(), strict=True):
        column.download_button(
            label,
            data=functools.partial(make, rows, note),
            file_name=f"{stem}.{kind}",
            mime=MIME[kind],
            key=f"download_{kind}",
            help=t(f"ex_{kind}_help", lang),
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )

    def whole() -> bytes:
        all_rows, all_note = everything()
        return to_package(all_rows, all_note, "papi-all", lang)

    packages: tuple[tuple[str, Callable[[], bytes], str], ...] = (
        ("shown", functools.partial(to_package, rows, note, stem, lang), stem),
        ("all", whole, "papi-all" if lang == "en" else "papi-toan-bo"),
    )
    for column, (which, make_package, name) in zip(columns[3:5], packages, strict=True):
        column.download_button(
            f"{t('ex_package', lang)}: {t(f'ex_package_{which}', lang)}",
            data=make_package,
            file_name=f"{name}.zip",
            mime="application/zip",
            key=f"download_package_{which}",
            help=t("ex_package_help", lang),
            icon=":material/folder_zip:",
            on_click="ignore",
            width="stretch",
        )


SHOWN_TO_2 = ("score", "change_prev", "change_base", "ci90_low", "ci90_high")  # shown with two decimals


def shown(column: pd.Series) -> pd.Series:
    """A number column as the grid shows it: rounded half up to two decimals, the app's one rule (a grid left to
    round by itself rounds half to even: 0,625 would show 0,62 here and 0,63 on the profile). Missing stays missing."""
    values = round_half_up_array(column.to_numpy(dtype=float, na_value=np.nan))
    return pd.Series(pd.array(values, dtype="Float64"), index=column.index)


def table(rows: pd.DataFrame, base_year: int, interval_years: Sequence[int], lang: str) -> None:
    """Numbers stay numbers, so a click on a header sorts them as numbers; widths are fixed so that the long names fit
    and the columns keep their places (the browser test clicks the score header by position).

    The grid formats numbers in the browser, "localized" in the browser's languages, which static/browser.js sets to the
    app's language (43,77 in Vietnamese, 43.77 in English, a true minus sign in both), whatever the browser's own.
    pandas' Styler would format them here instead, but costs 1.4–3 s per 4,000 rows on every rerun (measured).
    """
    fmt = "localized"
    change = t("ex_change_help", lang)
    intervals = t("ex_interval_help", lang, years=", ".join(map(str, interval_years)))
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
        "province_set": number(t("ex_col_province_set", lang), format="%d", help=t("ex_province_set_help", lang)),
        "source": text(t("ex_col_source", lang), width="small"),
        "se": number(t("ex_col_se", lang), format=fmt, step=0.01, help=intervals, width=90),
        "ci90_low": number(t("ex_col_ci90_low", lang), format=fmt, step=0.01, help=intervals, width=110),
        "ci90_high": number(t("ex_col_ci90_high", lang), format=fmt, step=0.01, help=intervals, width=110),
        "respondents": number(t("ex_col_respondents", lang), format="%d", help=intervals, width=110),
        "interval_source": text(t("ex_col_interval_source", lang), width="small"),
    }
    st.dataframe(
        rows.assign(**{c: shown(rows[c]) for c in SHOWN_TO_2}),
        column_order=list(config),
        column_config=config,
        hide_index=True,
        key="explorer_table",
        placeholder="—",
        height=560,
    )
    st.caption(t("ex_table_legend", lang))

"""The province profile's parts below the radar: the table of dimensions, the small multiples over the years, and
the province it belongs to since July 2025."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import pandas as pd
import streamlit as st

from ui import shell, state
from ui.charts.common import Chart
from ui.charts.profile_charts import trend_panel_figure
from ui.i18n import t
from ui.numbers import fmt_change, fmt_number

PANELS_PER_ROW = 4  # on a wide screen; Streamlit stacks columns on a phone, one panel under the other


def dimension_table(profile: pd.DataFrame, metric_names: dict[str, str], names: dict[str, str], lang: str) -> None:
    """Score, rank of N, group, change and gap to the best of each dimension (papi_data.profile.dimension_profile)."""
    st.dataframe(
        pd.DataFrame(
            {
                t("col_dimension", lang): [metric_names[m] for m in profile["dimension"]],
                t("col_score", lang): [fmt_number(v, lang) for v in profile["score"]],
                t("col_rank", lang): [
                    t("no_data", lang) if pd.isna(r) else f"{int(r)}/{n}"
                    for r, n in zip(profile["rank"], profile["n"], strict=True)
                ],
                t("col_group", lang): [
                    t("no_data", lang) if pd.isna(g) else t("group_" + g, lang) for g in profile["group"]
                ],
                t("col_change", lang): [fmt_change(v, lang) for v in profile["change"]],
                t("col_gap_best", lang): [fmt_change(v, lang) for v in profile["gap_to_best"]],
                t("col_best_province", lang): [", ".join(names[c] for c in cs) for cs in profile["best_codes"]],
            }
        ),
        hide_index=True,
        key="profile_table",
    )


def trend_panels(
    panels: Sequence[dict], *, heading: str, legend: str, name: str, code: str, key: str, lang: str
) -> None:
    """Small multiples under one heading: a figure per metric in columns (stacked on a phone); the heading and the
    line saying what the line, the dashes and the band are, once for all the panels."""
    st.markdown(f"**{heading}**")
    st.caption(legend)
    for start in range(0, len(panels), PANELS_PER_ROW):
        row = panels[start : start + PANELS_PER_ROW]
        for i, (column, panel) in enumerate(zip(st.columns(PANELS_PER_ROW), row, strict=False)):
            with column:
                frame = shell.frame(panel["name"], name, lang, panel["years"])
                figure = Chart(partial(trend_panel_figure, panel, lang=lang, province_name=name), frame)
                shell.chart(figure, f"{key}_{start + i}", f"papi-{code}-{key}-{start + i + 1}")


def since_2025(provinces: pd.DataFrame, code: str, codes_by_name: Sequence[str], lang: str) -> None:
    """Which province it belongs to since 1 July 2025, and a button to each former province merged with it."""
    st.subheader(t("profile_section_since_2025", lang))
    by_code = provinces.set_index("code")
    new_code_of = by_code["code_2025"].to_dict()
    name = by_code.at[code, f"name_{lang}"]
    partners = [c for c in codes_by_name if c != code and new_code_of[c] == new_code_of[code]]
    if not partners:
        st.markdown(t("merger_same", lang, name=name))
    else:
        st.markdown(t("merger_into", lang, name=name, new=by_code.at[code, f"name_2025_{lang}"]))
        for partner in partners:  # a button, not a page link: the page is already open, so its URL is not reread
            st.button(
                t("open_profile_of", lang, name=by_code.at[partner, f"name_{lang}"]),
                on_click=state.set_value,
                args=("province", partner),
                key=f"partner_{partner}",
                icon=":material/arrow_forward:",
            )
    st.caption(t("merger_note", lang))


def radar_series(
    table: pd.DataFrame,
    national: pd.DataFrame,
    best_of_year: pd.DataFrame,
    code: str,
    year: int,
    metrics: Sequence[str],
    names: dict[str, str],
    lang: str,
    *,
    others: Sequence[str],
    other_year: int,
    mean: bool,
    best: bool,
) -> list[dict]:
    """The radar's series (ui/charts/profile_charts.radar_figure), the province's first: its scores in `year`, the
    same province in `other_year` (0: none), the provinces to compare, the national mean and the best score of each
    dimension, as asked. A dimension without a score is None, never 0."""

    def scores_of(province: str, in_year: int) -> list[float | None]:
        rows = table[(table["year"] == in_year) & (table["province_code"] == province)].set_index("dimension")["score"]
        return [None if pd.isna(rows.get(m)) else float(rows[m]) for m in metrics]

    name = names[code]
    series = [{"name": f"{name} {year}", "values": scores_of(code, year), "style": "province"}]
    if other_year:
        series.append({"name": f"{name} {other_year}", "values": scores_of(code, other_year), "style": "other_year"})
    series += [{"name": names[o], "values": scores_of(o, year), "style": "compare"} for o in others if o != code]
    if mean:
        means = national[national["year"] == year].set_index("dimension")["mean"]
        series.append(
            {"name": t("national_mean", lang), "values": [float(means[m]) for m in metrics], "style": "national"}
        )
    if best:
        top = best_of_year.set_index("dimension")["best"]
        series.append(
            {"name": t("best_on_dimension", lang), "values": [float(top[m]) for m in metrics], "style": "frontier"}
        )
    return series

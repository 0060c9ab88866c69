"""Hồ sơ tỉnh / Province profile: one province's dimensions, trends, rank history and its province since 2025."""

import pandas as pd
import streamlit as st

from papi_data.profile import (
    dimension_profile,
    era_years,
    frontier,
    nearest_year_with_data,
    rank_history,
)
from papi_data.schema import TOTAL
from papi_data.search import search_provinces
from ui import data, shell, state
from ui.charts.profile_charts import (
    metric_panel,
    radar_axis_label,
    radar_figure,
    rank_history_figure,
    total_panels,
    trends_figure,
)
from ui.i18n import t
from ui.metrics import metric_name
from ui.numbers import fmt_change, fmt_number
from ui.views import MAX_COMPARE, profile_spec

lang = shell.lang()
store = data.store(lang)
table = data.scores_table(lang)
national = data.national_table(lang)
provinces = store.provinces.set_index("code")
names = provinces[f"name_{lang}"].to_dict()
codes_by_name = sorted(provinces.index, key=provinces["name_vi"].to_dict().get)
years = store.years
state.view(profile_spec(years, store.provinces, lang))


def _search() -> None:
    hits = search_provinces(store.provinces, st.session_state["profile_search"])
    st.session_state["profile_hits"] = hits
    if hits:
        state.set_value("province", hits[0])


def _pick_hit() -> None:
    if st.session_state.get("profile_hit"):
        state.set_value("province", st.session_state["profile_hit"])


with st.sidebar:
    st.text_input(
        t("search_province", lang), key="profile_search", on_change=_search, placeholder=t("search_hint", lang)
    )
    hits = st.session_state.get("profile_hits")
    if hits is not None and not hits and st.session_state.get("profile_search"):
        st.caption(t("search_none", lang))
    elif hits and len(hits) > 1:
        st.pills(t("search_matches", lang), hits, format_func=names.get, key="profile_hit", on_change=_pick_hit)
    code = state.widget(st.selectbox, "province", t("province", lang), options=codes_by_name, format_func=names.get)
    year = state.widget(st.selectbox, "year", t("year", lang), options=sorted(years, reverse=True))

name = names[code]
shell.header(t("profile_heading", lang, name=name, year=year), lang)

metrics = [d for d, first in zip(store.dimensions["id"], store.dimensions["first_year"], strict=True) if year >= first]
# --- Radar ---------------------------------------------------------------------------------------------------------
left, right = st.columns([3, 2])
with right:
    st.markdown(f"**{t('overlays', lang)}**")
    show_mean = state.widget(st.toggle, "mean", t("show_mean", lang))
    show_best = state.widget(st.toggle, "best", t("show_best", lang))
    others = state.widget(
        st.multiselect,
        "compare",
        t("compare_provinces", lang),
        options=[c for c in codes_by_name if c != code],
        format_func=names.get,
        max_selections=MAX_COMPARE,
        placeholder=t("choose_provinces", lang),
        select_all=False,
    )
    same_era = [y for y in era_years(years, year) if y != year]
    other_year = state.widget(
        st.selectbox,
        "compare_year",
        t("compare_year", lang),
        options=[0, *sorted(same_era, reverse=True)],
        format_func=lambda y: str(y) if y else t("none_option", lang),
    )

axes = [radar_axis_label(*metric_name(m, store.dimensions, lang, short=True).split(" ", 1)) for m in metrics]


def scores_of(province: str, in_year: int) -> list[float | None]:
    rows = table[(table["year"] == in_year) & (table["province_code"] == province)].set_index("dimension")["score"]
    return [None if pd.isna(rows.get(m)) else float(rows[m]) for m in metrics]


own = scores_of(code, year)
if all(v is None for v in own):
    st.warning(t("year_no_data", lang, name=name, year=year), icon="⚠️")
    nearest = nearest_year_with_data(table, code, year)
    if nearest is not None:
        st.button(
            t("go_nearest_year", lang, year=nearest), on_click=state.set_value, args=("year", nearest), key="nearest"
        )
elif None in own:
    st.info(t("year_partial_data", lang, name=name, year=year))
series = [{"name": f"{name} {year}", "values": own, "style": "province"}]
if other_year:
    series.append({"name": f"{name} {other_year}", "values": scores_of(code, other_year), "style": "other_year"})
series += [{"name": names[o], "values": scores_of(o, year), "style": "compare"} for o in others if o != code]
if show_mean:
    means = national[national["year"] == year].set_index("dimension")["mean"]
    series.append({"name": t("national_mean", lang), "values": [float(means[m]) for m in metrics], "style": "national"})
best_of_year = frontier(table, year)
if show_best:
    best = best_of_year.set_index("dimension")["best"]
    series.append(
        {"name": t("best_on_dimension", lang), "values": [float(best[m]) for m in metrics], "style": "frontier"}
    )
with left:
    shell.chart(
        radar_figure(
            axes,
            series,
            lang=lang,
            frame=shell.frame(
                t("radar_heading", lang, name=name, year=year),
                t("radar_subtitle", lang, k=len(metrics)),
                lang,
                [year, other_year] if other_year else year,
            ),
        ),
        "radar",
        f"papi-{code}-{year}-radar",
    )

# --- Table ---------------------------------------------------------------------------------------------------------
profile = dimension_profile(table, code, year, [*metrics, TOTAL], best_of_year)
st.dataframe(
    pd.DataFrame(
        {
            t("col_dimension", lang): [
                metric_name(m, store.dimensions, lang, short=True) for m in profile["dimension"]
            ],
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

# --- Trends --------------------------------------------------------------------------------------------------------
national_by = dict(tuple(national.groupby("dimension")))
mine_by = dict(tuple(table[table["province_code"] == code].groupby("dimension")))
panels = [
    metric_panel(
        national_by[m],
        mine_by[m],
        [y for y in years if y >= first],
        metric_name(m, store.dimensions, lang, short=True),
    )
    for m, first in zip(store.dimensions["id"], store.dimensions["first_year"], strict=True)
]
shell.chart(
    trends_figure(
        panels,
        lang=lang,
        frame=shell.frame(t("trends_heading", lang, name=name), t("trends_subtitle", lang, name=name), lang, years),
        province_name=name,
    ),
    "trends",
    f"papi-{code}-trends",
)
shell.chart(
    trends_figure(
        total_panels(national_by[TOTAL], mine_by[TOTAL], years, lang),
        lang=lang,
        frame=shell.frame(t("totals_heading", lang, name=name), t("totals_subtitle", lang), lang, years),
        province_name=name,
    ),
    "totals",
    f"papi-{code}-totals",
)
shell.chart(
    rank_history_figure(
        rank_history(table, code),
        data.group_bands(lang),
        lang=lang,
        frame=shell.frame(t("rank_heading", lang, name=name), t("rank_subtitle", lang), lang, years),
        province_name=name,
    ),
    "rank_history",
    f"papi-{code}-rank",
)

# --- Since 1 July 2025 ---------------------------------------------------------------------------------------------
st.subheader(t("profile_section_since_2025", lang))
new_code_of = provinces["code_2025"].to_dict()
partners = [c for c in codes_by_name if c != code and new_code_of[c] == new_code_of[code]]
if not partners:
    st.markdown(t("merger_same", lang, name=name))
else:
    st.markdown(t("merger_into", lang, name=name, new=provinces.at[code, f"name_2025_{lang}"]))
    for partner in partners:  # a button, not a page link: the page is already open, so its URL is not reread
        st.button(
            t("open_profile_of", lang, name=names[partner]),
            on_click=state.set_value,
            args=("province", partner),
            key=f"partner_{partner}",
            icon=":material/arrow_forward:",
        )
st.caption(t("merger_note", lang))
shell.footer(lang, years)

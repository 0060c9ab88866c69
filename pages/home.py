"""Tổng quan / Overview: the year at a glance, and the three provinces with plans."""

import pandas as pd
import streamlit as st

from papi_data.eras import provinces_of
from papi_data.overview import ProvinceYear
from papi_data.store.schema import TOTAL
from ui.core import data, published_figures, shell, state
from ui.core.i18n import t
from ui.core.metrics import metric_scale
from ui.core.numbers import MINUS, change_text, fmt_change, fmt_number
from ui.core.views import year_spec
from ui.home.data import year_at_a_glance
from ui.home.moved import what_moved
from ui.home.panel import home_status

lang = shell.lang()
store = data.store(lang)
view = state.view(year_spec(store.years))
shell.year_picker(store.years, lang)
year = view.year
glance = year_at_a_glance(lang, year, shell.PLAN_PROVINCES)
nat = glance.national
names = store.provinces.set_index("code")[f"name_{lang}"]

shell.header(t("home_heading", lang, year=year), lang)
shell.province_search(store.provinces, lang)
year_set = provinces_of(store.provinces, year)  # the 63 through 2024, the 34 from 2025
st.markdown(t("home_intro", lang, year=year, count=len(year_set), scale=metric_scale(TOTAL, year, lang)))

c1, c2, c3 = st.columns(3)
with c1:
    published_figures.mean_card(glance.mean, lang)
c2.metric(t("national_median", lang), fmt_number(nat["median"], lang))
c3.metric(t("provinces_with_data", lang), f"{nat['n']}/{len(year_set)}")
if glance.missing:
    st.caption(t("missing_provinces", lang, year=year, names=", ".join(names[c] for c in glance.missing)))


def card(figures: ProvinceYear, plan_code: str) -> None:
    name = names[figures.code]
    with st.container(border=True, key=f"card_{figures.code}"):
        if not figures.has_data:
            st.metric(name, t("no_data", lang))
            st.caption(t("card_no_data", lang, name=name, year=year))
        elif figures.change is None:
            st.metric(name, fmt_number(figures.score, lang))
            st.caption(change_text(None, figures.change_gap, year, lang))
        else:  # st.metric reads the sign from a leading ASCII "-" to pick the arrow and colour
            delta = fmt_change(figures.change, lang).replace(MINUS, "-")
            st.metric(
                name,
                fmt_number(figures.score, lang),
                delta=delta,
                delta_description=t("change_vs_prev", lang, year=year - 1),
            )
        if figures.has_data:
            rank = t("rank_of", lang, rank=figures.rank, n=figures.n)
            st.markdown(f"**{rank}** · {t('group_' + figures.group, lang)}")
            what_moved(figures.code, name, year, figures.rank, figures.n, lang)
        home_status(plan_code, lang)
        st.page_link(
            "pages/profile.py",
            label=t("open_profile_of", lang, name=name),
            query_params={"province": figures.code, "year": str(year), "lang": lang},
            icon=":material/arrow_forward:",
        )


st.subheader(t("plan_provinces", lang))
for column, code in zip(st.columns(3), shell.PLAN_PROVINCES, strict=True):
    with column:
        card(glance.cards[code], code)


def ranking(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_rank", lang): [f"{r}/{n}" for r, n in zip(rows["rank"], rows["n"], strict=True)],
            t("col_province", lang): rows[f"name_{lang}"].to_list(),
            t("col_score", lang): [fmt_number(s, lang) for s in rows["score"]],
        }
    )


left, right = st.columns(2)
left.subheader(t("top5", lang))
left.dataframe(ranking(glance.best), hide_index=True, key="top5")
right.subheader(t("bottom5", lang))
right.dataframe(ranking(glance.lowest), hide_index=True, key="bottom5")

shell.footer(lang, year)

"""Kế hoạch và kết quả / Plans and results: the provinces' PAPI targets held against the published scores."""

import streamlit as st

from papi_data.plans.evaluate import STATUSES
from papi_data.text import by_name
from ui.core import data, shell, state
from ui.core.i18n import t
from ui.core.plan_status import status_label
from ui.core.views import ALL
from ui.plans import data as plans_data
from ui.plans.panel import document_card, status_overview, target_block
from ui.plans.view import plan_filters, plans_shown

lang = shell.lang()
store = data.store(lang)
if store.plans.empty:  # a store built from a plans.yaml with an empty list
    shell.header(t("page_plans", lang), lang)
    st.info(t("plans_none", lang))
    state.stop()
index = plans_data.plans_index(lang)
view = state.view(plans_data.plans_view_spec(lang))
names = store.provinces.set_index("code")[f"name_{lang}"]
regions = store.regions.set_index("region_id")[f"name_{lang}"]

shell.header(t("page_plans", lang), lang)
shell.province_search(store.provinces, lang)
st.markdown(t("plans_intro", lang))
codes, planned_regions = plan_filters(index, store.regions)
codes = by_name(codes, store.provinces.set_index("code")["name_vi"].to_dict())  # Vietnamese order
left, middle, right = st.columns(3)
with left:
    state.widget(
        st.selectbox,
        "province",
        t("col_province", lang),
        options=[ALL, *codes],
        format_func=lambda c: t("plan_all_provinces", lang) if c == ALL else names[c],
    )
with middle:
    state.widget(
        st.selectbox,
        "region",
        t("plan_filter_region", lang),
        options=[ALL, *planned_regions],
        format_func=lambda r: t("plan_all_regions", lang) if r == ALL else regions[r],
    )
with right:
    state.widget(
        st.selectbox,
        "status",
        t("plan_filter_status", lang),
        options=[ALL, *STATUSES],
        format_func=lambda s: t("plan_all_statuses", lang) if s == ALL else status_label(s, lang),
    )
shown = plans_shown(index, view)
table, statuses = plans_data.plans_overview(lang, view)
st.subheader(t("plans_status_heading", lang), anchor=False)
status_overview(statuses, len(shown), len({index.province_of[p] for p in shown}), lang)
if not shown:
    st.info(t("plan_none_match", lang))
    shell.footer(lang, store.years)
    state.stop()
rows_label = t("plans_table", lang, n=len(statuses))
with st.expander(rows_label, icon=":material/table_rows:"), st.container(key="plans_overview"):  # open on demand
    st.markdown(table)

st.subheader(t("plan_details", lang), anchor=False)
listed = [plan_id for plan_id in index.plans["id"] if plan_id in set(shown)]
state.widget(st.selectbox, "plan", t("plan_select", lang), options=listed, format_func=index.labels.get)
plan = plans_data.plan_contents(lang)[view.plan]
document_card(plan, lang)
figures = plans_data.plan_figures(lang, view.plan, shell.view_link(), shell.canvas())
for target in plan.targets:
    target_block(target, figures[target.id], lang)

shell.footer(lang, store.years)

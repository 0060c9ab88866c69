"""Kế hoạch và kết quả / Plans and results: the provinces' PAPI targets held against the published scores."""

import html

import streamlit as st

from papi_data.plan_summary import main_rows, plan_order
from ui import data, shell, state
from ui.charts.frame import source_line
from ui.i18n import t
from ui.plan_panel import chart_maker, document_card, status_overview, target_block
from ui.plan_status import document_label, plan_ref, status_label
from ui.plan_tables import overview, style_overview
from ui.views import ALL, plan_filters, plans_shown, plans_spec

lang = shell.lang()
store = data.store(lang)
latest = max(store.years)
plans = plan_order(store.plans)
if plans.empty:  # a store built from a plans.yaml with an empty list
    shell.header(t("page_plans", lang), lang)
    st.info(t("plans_none", lang))
    state.stop()
evaluation, checks = data.plan_evaluation(lang)
ref = plan_ref(store)
names = store.provinces.set_index("code")[f"name_{lang}"]
regions = store.regions.set_index("region_id")[f"name_{lang}"]
by_id = plans.set_index("id")
main = main_rows(evaluation)
statuses = {str(k): set(v) for k, v in main.groupby("plan_id")["status"]}
spec = plans_spec(plans, store.provinces, store.regions, statuses, lang, lambda i: document_label(by_id.loc[i], lang))
view = state.view(spec)

shell.header(t("page_plans", lang), lang)
st.markdown(t("plans_intro", lang))
codes, planned_regions = plan_filters(plans, store.provinces, store.regions)
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
        options=[ALL, "achieved", "missed", "no_data", "pending"],
        format_func=lambda s: t("plan_all_statuses", lang) if s == ALL else status_label(s, lang),
    )
shown = plans_shown(plans, store.provinces, statuses, view)
rows = main[main["plan_id"].isin(set(shown))]
if view.status != ALL:
    rows = rows[rows["status"] == view.status]
order = {plan_id: i for i, plan_id in enumerate(plans["id"])}
rows = rows.sort_values("plan_id", key=lambda s: s.map(order), kind="stable")

st.subheader(t("plans_status_heading", lang), anchor=False)
status_overview(rows, plans[plans["id"].isin(set(shown))], lang)
if not shown:
    st.info(t("plan_none_match", lang))
    shell.footer(lang, store.years)
    state.stop()
st.table(style_overview(overview(plans, rows, ref, lang, latest), lang))

st.subheader(t("plan_details", lang), anchor=False)
listed = [plan_id for plan_id in plans["id"] if plan_id in set(shown)]
labels = {i: f"{names[p['province_code']]} · {document_label(p, lang)}" for i, p in by_id.iterrows()}
plan_id = state.widget(st.selectbox, "plan", t("plan_select", lang), options=listed, format_func=labels.get)
plan = by_id.loc[plan_id]
table = data.plan_table(lang)
document_card(plan, evaluation, table, ref, lang, latest)

charts = chart_maker(
    checks,
    table,
    data.group_bands(lang),
    data.plan_national(lang),
    ref,
    lang,
    latest,
    html.escape(document_label(plan, lang)),  # plotly reads a few HTML tags in its text; a number is shown as typed
    shell.frame("", "", lang, latest),
    lambda years: source_line(shell.cite(lang, years), lang),
)
targets = store.targets[store.targets["plan_id"] == plan_id]
for number, (_, target) in enumerate(targets.iterrows(), start=1):
    target_block(number, target, evaluation, charts, ref, lang, latest)

shell.footer(lang, store.years)

"""Kế hoạch và kết quả / Plans and results: the provinces' PAPI targets held against the published scores."""

import html

import pandas as pd
import streamlit as st

from ui import data, shell, state
from ui.charts.frame import source_line
from ui.charts.plan_charts import target_figures
from ui.i18n import t
from ui.plan_status import (
    boundary_text,
    date_text,
    document_label,
    md,
    overview,
    result_text,
    status_badge,
    style_overview,
    target_text,
    what_it_takes,
    years_text,
)
from ui.views import ALL, plans_spec

lang = shell.lang()
store = data.store(lang)
table = data.scores_table(lang)
latest = max(store.years)
plans = store.plans.sort_values(["province_code", "period_start", "id"], ignore_index=True)
if plans.empty:  # a store built from a plans.yaml with an empty list
    shell.header(t("page_plans", lang), lang)
    st.info(t("plans_none", lang))
    state.stop()
codes = list(dict.fromkeys(plans["province_code"]))
names = store.provinces.set_index("code")[f"name_{lang}"]
by_id = plans.set_index("id")
state.view(plans_spec(plans, store.provinces, lang, lambda plan_id: document_label(by_id.loc[plan_id], lang)))


evaluation, checks = data.plan_evaluation(lang)
bands = data.group_bands(lang)
national = data.national_table(lang)

shell.header(t("page_plans", lang), lang)
st.markdown(t("plans_intro", lang))
province = state.widget(
    st.selectbox,
    "province",
    t("col_province", lang),
    options=[ALL, *codes],
    format_func=lambda c: t("plan_all_provinces", lang) if c == ALL else names[c],
)
shown = plans if province == ALL else plans[plans["province_code"] == province]

st.subheader(t("plans_overview", lang))
order = {plan_id: i for i, plan_id in enumerate(plans["id"])}
rows = evaluation[evaluation["plan_id"].isin(set(shown["id"]))]
rows = rows.sort_values("plan_id", key=lambda s: s.map(order), kind="stable")
st.table(style_overview(overview(plans, store.targets, rows, store.provinces, store.dimensions, lang, latest), lang))

st.subheader(t("plan_details", lang))
labels = {plan_id: f"{names[p['province_code']]} · {document_label(p, lang)}" for plan_id, p in by_id.iterrows()}
plan_id = state.widget(st.selectbox, "plan", t("plan_select", lang), options=list(shown["id"]), format_func=labels.get)
plan = by_id.loc[plan_id]
doc = document_label(plan, lang)
chart_doc = html.escape(doc)  # plotly reads a few HTML tags in its text; a document number is shown as typed


def not_given(value: object) -> str:
    return t("plan_not_given", lang) if pd.isna(value) else md(str(value))


with st.container(border=True, key="plan_card"):
    st.subheader(md(plan[f"title_{lang}"]))
    if lang != "vi":
        st.caption(md(plan["title_vi"]))
    facts = [
        (t("col_province", lang), md(names[plan["province_code"]])),
        (t("plan_kind", lang), t("plan_kind_" + plan["kind"], lang)),
        (t("plan_doc_number", lang), not_given(plan["document_number"])),
        (t("plan_issuer", lang), md(plan["issuer"])),
        (
            t("plan_issued_on", lang),
            not_given(None if pd.isna(plan["issued_on"]) else date_text(plan["issued_on"], lang)),
        ),
        (t("plan_period", lang), years_text(range(plan["period_start"], plan["period_end"] + 1))),
    ]
    st.markdown("  \n".join(f"**{label}:** {value}" for label, value in facts))
    if pd.isna(plan["source_url"]):
        st.caption(t("plan_no_source_url", lang))
    else:
        st.link_button(t("plan_source_link", lang), plan["source_url"], icon=":material/open_in_new:")
    st.caption(t("plan_seed_file", lang, file=not_given(plan["seed_file"])))


targets = store.targets[store.targets["plan_id"] == plan_id]
for number, (_, target) in enumerate(targets.iterrows(), start=1):
    results = evaluation[evaluation["target_id"] == target["id"]]
    with st.container(border=True, key=f"target_{target['id']}"):
        st.subheader(
            md(t("plan_target_heading", lang, i=number, text=target_text(target, store.dimensions, lang))), anchor=False
        )
        st.markdown(t("plan_quote_heading", lang))
        st.markdown("> " + md(target["quote_vi"]))
        if not pd.isna(target[f"interpretation_{lang}"]):
            st.info(
                f"**{t('plan_our_reading', lang)}:** {md(target[f'interpretation_{lang}'])}",
                icon=":material/edit_note:",
            )
        for row in results.itertuples():
            result = result_text(results.loc[row.Index], store.dimensions, lang, latest)
            st.markdown(f"{status_badge(row.status, lang)} **{row.target_year}**: {md(result)}")
            if row.boundary_changed:
                st.warning(
                    md(boundary_text(row.province_code, row.target_year, store.provinces, lang)), icon=":material/map:"
                )
        figures = target_figures(
            target,
            results,
            checks,
            table,
            bands,
            national,
            store.dimensions,
            names,
            lang,
            latest,
            chart_doc,
            shell.frame("", "", lang, latest),
            lambda years: source_line(shell.cite(lang, years), lang),
        )
        for key, figure in figures:
            shell.chart(figure, key=key, filename=f"papi-{key.removeprefix('chart_')}")
        takes = [line for i in results.index for line in what_it_takes(results.loc[i], store.dimensions, lang)]
        if takes:
            st.markdown(f"**{t('plan_what_it_takes', lang)}**")
            st.markdown("\n".join(f"- {md(line)}" for line in takes))

shell.footer(lang, store.years)

"""The plans page's blocks: the status overview, a plan's document card and one target with its verdicts, fair
comparisons, other readings, charts and what it would take. Every text from plans.yaml is Markdown-escaped."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import streamlit as st

from papi_data.cells import str_or_none
from papi_data.plan_measures import standings
from papi_data.plan_summary import by_recency, merged_with, plan_counts, shrinking_margins, status_counts
from papi_data.plans import MAIN, STATUSES
from papi_data.schema import TOTAL
from ui import data, shell
from ui.charts.frame import Frame
from ui.charts.plan_charts import target_figures
from ui.i18n import t
from ui.plan_status import (
    PlanRef,
    boundary_text,
    date_text,
    document_label,
    fairness_text,
    md,
    plan_ref,
    reading_text,
    result_text,
    status_badge,
    status_label,
    target_text,
    what_it_takes,
    years_text,
)
from ui.plan_tables import count_text, home_lines, members_lines, shrinking_text


def status_overview(rows: pd.DataFrame, plans: pd.DataFrame, lang: str) -> None:
    """How many target-years are achieved, missed, pending and without data, among the plans shown."""
    counts = status_counts(rows)
    for column, status in zip(st.columns(len(STATUSES)), STATUSES, strict=True):
        column.metric(status_label(status, lang), counts[status])
    st.caption(
        t(
            "plans_status_caption",
            lang,
            targets=sum(counts.values()),
            plans=len(plans),
            provinces=plans["province_code"].nunique(),
        )
    )


def document_card(
    plan: pd.Series,
    evaluation: pd.DataFrame,
    table: pd.DataFrame,
    ref: PlanRef,
    lang: str,
    latest: int,
) -> None:
    """The document: title, facts, its text (the summary of a summarised plan; a quoted plan's quotes are with its
    targets), the source, the count per target year, and the old provinces of a merged one with their own figures in
    the latest year (`table`: the scores with ranks)."""
    names = ref.provinces.set_index("code")[f"name_{lang}"]

    def not_given(value: object) -> str:
        text = str_or_none(value)
        return t("plan_not_given", lang) if text is None else md(text)

    with st.container(border=True, key="plan_card"):
        st.subheader(md(plan[f"title_{lang}"]), anchor=False)
        if lang != "vi":
            st.caption(md(plan["title_vi"]))
        issued = None if pd.isna(plan["issued_on"]) else date_text(plan["issued_on"], lang)
        facts = [
            (t("col_province", lang), md(names[plan["province_code"]])),
            (t("plan_kind", lang), t("plan_kind_" + plan["kind"], lang)),
            (t("plan_doc_number", lang), not_given(plan["document_number"])),
            (t("plan_issuer", lang), md(plan["issuer"])),
            (t("plan_issued_on", lang), not_given(issued)),
            (t("plan_period", lang), years_text(range(plan["period_start"], plan["period_end"] + 1))),
        ]
        st.markdown("  \n".join(f"**{label}:** {value}" for label, value in facts))
        summarised = pd.isna(plan["seed_file"])
        if summarised:
            st.markdown(f"**{t('plan_summary_heading', lang)}**  \n{md(plan[f'summary_{lang}'])}")
        counts = plan_counts(evaluation, str(plan.name))
        st.markdown(" · ".join(f"**{count_text(c, lang)}**" for c in counts))
        if pd.isna(plan["source_url"]):
            st.caption(t("plan_no_source_url", lang))
        else:
            st.link_button(t("plan_source_link", lang), plan["source_url"], icon=":material/open_in_new:")
            if summarised:
                st.caption(t("plan_summary_source", lang, url=md(plan["source_url"])))
        if not summarised:
            st.caption(t("plan_seed_file", lang, file=not_given(plan["seed_file"])))
        rows = evaluation[(evaluation["plan_id"] == str(plan.name)) & evaluation["boundary_changed"]]
        if not rows.empty:
            members = merged_with(ref.provinces, plan["province_code"])
            totals = table[(table["year"] == latest) & (table["dimension"] == TOTAL)]
            standing = standings(totals, members)
            st.markdown(t("plan_members_heading", lang))
            st.markdown("\n".join(f"- {md(line)}" for line in members_lines(members, standing, latest, ref, lang)))


def target_block(
    number: int,
    target: pd.Series,
    evaluation: pd.DataFrame,
    charts: Callable[[pd.Series, pd.DataFrame], Iterable[tuple[str, dict]]],
    ref: PlanRef,
    lang: str,
    latest: int,
) -> None:
    """One target: what it asks, its quote (a quoted plan) and our reading, each year's verdict with the fair
    comparison and the other readings, its charts (`charts(target, main rows)`) and what it would take."""
    rows = evaluation[evaluation["target_id"] == target["id"]]
    results = rows[rows["reading"] == MAIN]
    with st.container(border=True, key=f"target_{target['id']}"):
        heading = t("plan_target_heading", lang, i=number, text=target_text(target, ref, lang))
        st.subheader(md(heading), anchor=False)
        if not pd.isna(target["quote_vi"]):
            st.markdown(t("plan_quote_heading", lang))
            st.markdown("> " + md(target["quote_vi"]))
        if not pd.isna(target[f"interpretation_{lang}"]):
            st.info(
                f"**{t('plan_our_reading', lang)}:** {md(target[f'interpretation_{lang}'])}",
                icon=":material/edit_note:",
            )
        for _, row in results.iterrows():
            result = result_text(row, ref, lang, latest)
            st.markdown(f"{status_badge(row['status'], lang)} **{row['target_year']}**: {md(result)}")
            fair = fairness_text(row, ref, lang)
            if fair:
                st.caption(f"{t('plan_col_fair', lang)}: {md(fair)}")
            if row["boundary_changed"]:
                text = boundary_text(row["province_code"], row["target_year"], ref.provinces, lang)
                st.warning(md(text), icon=":material/map:")
        others = rows[rows["reading"] != MAIN]
        if not others.empty:
            lines = [md(reading_text(row, ref, lang, latest)) for _, row in others.iterrows()]
            st.markdown(f"**{t('plan_other_readings', lang)}**  \n" + "  \n".join(lines))
        for key, figure in charts(target, results):
            shell.chart(figure, key=key, filename=f"papi-{key.removeprefix('chart_')}")
        takes = [line for i in results.index for line in what_it_takes(results.loc[i], ref, lang)]
        if takes:
            st.markdown(f"**{t('plan_what_it_takes', lang)}**")
            st.markdown("\n".join(f"- {md(line)}" for line in takes))


def chart_maker(
    checks: pd.DataFrame,
    table: pd.DataFrame,
    bands: pd.DataFrame,
    national: pd.DataFrame,
    ref: PlanRef,
    lang: str,
    latest: int,
    doc: str,
    frame: Frame,
    cite: Callable[[Iterable[int]], str],
) -> Callable[[pd.Series, pd.DataFrame], list[tuple[str, dict]]]:
    """target_figures with everything but the target and its rows fixed for the page."""
    names = ref.provinces.set_index("code")[f"name_{lang}"]

    def make(target: pd.Series, results: pd.DataFrame) -> list[tuple[str, dict]]:
        return target_figures(
            target, results, checks, table, bands, national, ref, names, lang, latest, doc, frame, cite
        )

    return make


def home_status(code: str, lang: str) -> None:
    """A province's newest plan on the home page: each target's latest result (✔/✘ with the margin) or pending year
    (◔), and a warning where a target is still met by a shrinking margin."""
    store = data.store(lang)
    plans = store.plans[store.plans["province_code"] == code]
    if plans.empty:
        return
    evaluation, _ = data.plan_evaluation(lang)
    ref = plan_ref(store)
    plan_id = by_recency(plans)[-1]
    plan = plans[plans["id"] == plan_id].iloc[0]
    st.markdown(f"**{md(document_label(plan, lang))}**")
    lines = home_lines(evaluation, plan_id, ref, lang, max(store.years))
    st.markdown("  \n".join(md(line) for line in lines))
    mine = evaluation[evaluation["province_code"] == code]
    for shrinking in shrinking_margins(mine):
        st.warning(md(shrinking_text(shrinking, evaluation, ref, lang)), icon=":material/trending_down:")

"""The plans page's blocks, laid out from content made once per store build (ui/plans/content.py): the status
overview, a plan's document card and one target with its verdicts, fair comparisons, other readings, charts and what it
would take."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from papi_data.plans.evaluate import STATUSES
from ui.charts.common import Chart
from ui.core import shell
from ui.core.i18n import t
from ui.core.plan_status import status_label
from ui.plans.content import PlanContent, TargetContent


def status_overview(statuses: pd.Series, plans: int, provinces: int, lang: str) -> None:
    """How many target-years are achieved, missed, pending and without data (`statuses`: one per target-year
    shown), among the plans shown."""
    found = statuses.value_counts()
    counts = {status: int(found.get(status, 0)) for status in STATUSES}
    for column, status in zip(st.columns(len(STATUSES)), STATUSES, strict=True):
        column.metric(status_label(status, lang), counts[status])
    st.caption(t("plans_status_caption", lang, targets=len(statuses), plans=plans, provinces=provinces))


def document_card(plan: PlanContent, lang: str) -> None:
    """The document: title, facts, its text (the summary of a summarised plan; a quoted plan's quotes are with its
    targets), the count per target year, the source, and the old provinces of a merged one with their own figures."""
    with st.container(border=True, key="plan_card"):
        st.subheader(plan.title, anchor=False)
        if plan.title_vi:
            st.caption(plan.title_vi)
        st.markdown(plan.facts)
        if plan.summary:
            st.markdown(plan.summary)
        st.markdown(plan.counts)
        if plan.source_url is None:
            st.caption(t("plan_no_source_url", lang))
        else:
            st.link_button(t("plan_source_link", lang), plan.source_url, icon=":material/open_in_new:")
        for caption in (plan.summary_source, plan.article):
            if caption:
                st.caption(caption)
        if plan.members:
            st.markdown(plan.members)


def target_block(target: TargetContent, figures: Iterable[tuple[str, Chart, dict]], lang: str) -> None:
    """One target: what it asks, its quote (a quoted plan) and our reading, each year's verdict with the fair
    comparison and the other readings, its charts (`figures`: widget key, chart, its figure) and what it would
    take."""
    with st.container(border=True, key=f"target_{target.id}"):
        st.subheader(target.heading, anchor=False)
        if target.quote:
            st.markdown(t("plan_quote_heading", lang))
            st.markdown(target.quote)
        if target.reading:
            st.info(target.reading, icon=":material/edit_note:")
        for verdict in target.verdicts:
            st.markdown(verdict.text)
            if verdict.fair:
                st.caption(verdict.fair)
            if verdict.boundary:
                st.warning(verdict.boundary, icon=":material/map:")
        if target.others:
            st.markdown(f"**{t('plan_other_readings', lang)}**  \n" + "  \n".join(target.others))
        for key, chart, figure in figures:
            shell.chart(chart, key=key, filename=f"papi-{key.removeprefix('chart_')}", figure=figure)
        if target.takes:
            st.markdown(f"**{t('plan_what_it_takes', lang)}**")
            st.markdown("\n".join(f"- {line}" for line in target.takes))

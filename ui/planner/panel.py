"""The target planner's answer on the page, laid out from its content (ui/planner_words.PlannerContent): the headline,
where the province stands and would stand, the chart, the parts furthest behind, the same rise everywhere, the
provinces passed, and the plans.yaml entry to paste."""

from __future__ import annotations

import streamlit as st

from ui.charts.common import Chart
from ui.core import shell
from ui.core.i18n import t
from ui.planner.words import PlannerContent


def show_answer(content: PlannerContent, figure: Chart | None, year: int, lang: str) -> None:
    with st.container(key="planner_headline"):
        st.markdown("#### " + content.headline)
    if content.now is None:
        return
    now, then = st.columns(2)
    now.metric(t("planner_now", lang, year=year), content.now[0])
    now.caption(content.now[1])
    if content.then is not None:
        then.metric(t("planner_at_target", lang), content.then[0])
        then.caption(content.then[1])
    if figure is not None:
        shell.chart(figure, key="planner_chart", filename="papi-dat-muc-tieu")
    if content.parts_heading:
        st.subheader(content.parts_heading, anchor=False)
        st.caption(content.parts_caption)
        st.dataframe(content.parts, hide_index=True, key="planner_parts")
        st.subheader(t("planner_equal_heading", lang), anchor=False)
        st.markdown(content.equal_rise)
        st.dataframe(content.rises, hide_index=True, key="planner_rises")
    st.subheader(t("planner_passes_heading", lang), anchor=False)
    st.markdown(content.passes)


def show_entry(content: PlannerContent, lang: str) -> None:
    """ "Add as a plan": what an official does (send the target to the data team), and for the data team the
    plans.yaml entry to paste; nothing is written from the browser."""
    with st.expander(t("planner_add", lang), icon=":material/playlist_add:"):
        st.markdown(t("planner_add_official", lang))  # what an official does: hand it on, with the document
    with st.expander(t("planner_for_data_team", lang), icon=":material/data_object:"):
        st.markdown(t("planner_add_help", lang))
        st.code(content.entry, language="yaml")

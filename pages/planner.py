"""Đặt mục tiêu / Set a target: what a province would need, on the latest year's scores, to reach a rank, a group or
a score in the next report. Arithmetic on published scores, labelled so: not a forecast."""

import streamlit as st

from papi_data.eras import provinces_of
from papi_data.plans.planner import GOALS, Goal, default_value
from papi_data.store.schema import GROUPS
from papi_data.text import by_name
from ui.core import data, shell, state
from ui.core.i18n import t
from ui.core.views import planner_spec
from ui.planner import data as planner_data
from ui.planner.panel import show_answer, show_entry

lang = shell.lang()
store = data.store(lang)
year = max(store.years)
provinces = provinces_of(store.provinces, year)  # the latest year's set: the 34 from the first 2025 year
names = provinces.set_index("code")[f"name_{lang}"]
scores = planner_data.year_scores(lang, year)
metrics = planner_data.planner_metrics(lang)
spec = planner_spec(
    provinces,
    list(metrics),
    metrics.__getitem__,
    scores.scales.__getitem__,
    lambda code, metric: default_value(scores, code, metric),
    len(provinces),
    lang,
)
view = state.view(spec)

shell.header(t("page_planner", lang), lang)
shell.province_search(store.provinces, lang, pick=lambda code: state.set_value("province", code))
st.markdown(t("planner_intro", lang, year=year, next=year + 1))
st.info(t("planner_not_forecast", lang, year=year), icon=":material/calculate:")
left, middle, right, last = st.columns([2, 3, 3, 2])
with left:
    state.widget(
        st.selectbox,
        "province",
        t("col_province", lang),
        options=by_name(names.index, store.provinces.set_index("code")["name_vi"].to_dict()),
        format_func=names.get,
    )
with middle:
    state.widget(st.selectbox, "metric", t("planner_metric", lang), options=list(metrics), format_func=metrics.get)
with right:
    state.widget(
        st.segmented_control,
        "goal",
        t("planner_goal", lang),
        options=list(GOALS),
        format_func=lambda g: t(f"planner_goal_{g}", lang),
        required=True,
    )
with last:
    if view.goal == "rank":
        most = len(scores.scores[view.metric])
        state.widget(st.number_input, "k", t("planner_k", lang), min_value=1, max_value=max(most, view.k), step=1)
    elif view.goal == "group":
        label = t("planner_group", lang)
        state.widget(st.selectbox, "group", label, options=list(GROUPS), format_func=lambda g: t("group_" + g, lang))
    else:
        low, high = scores.scales[view.metric]
        label = t("planner_score", lang)
        state.widget(st.number_input, "score", label, min_value=low, max_value=high, step=0.1, format="%.2f")

goal = Goal(view.province, view.metric, view.goal, view.k, view.group, float(view.score or 0.0))
content = planner_data.planner_content(lang, year, goal)
show_answer(content, planner_data.planner_figure(lang, year, goal, shell.view_link()), year, lang)
show_entry(content, lang)
shell.footer(lang, year)

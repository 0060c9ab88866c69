"""Hồ sơ tỉnh / Province profile: one province's dimensions and sub-dimensions, trends, rank history (with its
plausible range where PAPI published intervals) and its province since 2025. The sections are in ui/profile/panel.py."""

from functools import partial

import streamlit as st

from papi_data.profile import era_years, nearest_year_with_data
from papi_data.search import picked_codes
from papi_data.text import by_name
from ui.charts.common import Chart
from ui.charts.profile_charts import radar_axis_label, radar_figure
from ui.charts.sentences import radar_sentence
from ui.core import data, page_tools, shell, state
from ui.core.i18n import t
from ui.core.views import MAX_COMPARE, comparable, era_names, profile_spec
from ui.profile import data as profile_data
from ui.profile import moved
from ui.profile import panel as profile_panel

lang = shell.lang()
store = data.store(lang)
table = data.scores_table(lang)
catalogue = data.metrics(lang)
provinces = store.provinces.set_index("code")
names = era_names(store.provinces, lang)
codes_by_name = by_name(provinces.index, provinces["name_vi"].to_dict())  # Vietnamese order, in both languages
years = store.years
spec = profile_spec(years, store.provinces, store.dimensions, lang)
view = state.view(spec)


RADAR = "radar"  # the radar's fragment
_DRAWN = "_profile_drawn"  # the province, year and comparison the page's sections were last drawn for


def _pick(code: str) -> None:
    state.set_value("province", code)


shell.province_search(store.provinces, lang, pick=_pick)
with shell.controls():  # a province change draws the radar first (its fragment), then the rest of the page
    state.widget(
        st.selectbox, "province", t("province", lang), options=codes_by_name, format_func=names.get, rerun=RADAR
    )
    state.widget(st.selectbox, "year", t("year", lang), options=sorted(years, reverse=True))

code, year = view.province, view.year
name = names[code]
shell.header(t("profile_heading", lang, name=name, year=year), lang)
shell.stepper("province", codes_by_name, names.get)
page_tools.brief_button(code, name, year, shell.frame("", "", lang, [y for y in years if year - 8 < y <= year]), lang)
metrics = [d for d, first in zip(store.dimensions["id"], store.dimensions["first_year"], strict=True) if year >= first]
st.session_state[_DRAWN] = (code, year, view.compare)


@state.fragment(key=RADAR)
def radar_part() -> None:
    """The radar with its overlays: a change of them, or of the province, reruns this part alone; where the rest of
    the page shows another province or comparison, the whole page then follows."""
    view = state.view(spec)  # a run of the fragment alone reads the view its widgets or the province box left
    code, name = view.province, names[view.province]
    left, right = (st.container(), shell.controls()) if shell.present() else st.columns([3, 2])
    with right:
        st.markdown(f"**{t('overlays', lang)}**")
        state.widget(st.toggle, "mean", t("show_mean", lang))
        state.widget(st.toggle, "best", t("show_best", lang))
        state.widget(
            st.multiselect,
            "compare",
            t("compare_provinces", lang),
            options=comparable(codes_by_name, code),
            format_func=lambda c: names.get(c, c),  # typed text, until `resolve` makes it a code
            max_selections=MAX_COMPARE,
            placeholder=t("choose_provinces", lang),
            select_all=False,
            accept_new_options=True,  # "ha noi" + Enter: the box filters names with diacritics; typed text is searched
            resolve=partial(picked_codes, store.provinces, allowed=comparable(codes_by_name, code)),
        )
        same_era = [y for y in era_years(years, year) if y != year]
        state.widget(
            st.selectbox,
            "compare_year",
            t("compare_year", lang),
            options=[0, *sorted(same_era, reverse=True)],
            format_func=lambda y: str(y) if y else t("none_option", lang),
        )
    other_year = view.compare_year
    p = profile_panel.Profile(code, year, view.compare, names, years, lang, profile_data.linked_of(lang, code))
    axes = [radar_axis_label(*catalogue.name(m, lang, short=True).split(" ", 1)) for m in metrics]
    series = profile_panel.radar_series(
        profile_data.frontier_of(lang, year), metrics, p, other_year, (view.mean, view.best)
    )
    own = series[0]["values"]
    if profile_panel.other_era_notice(store.provinces, code, year, names, lang):
        pass  # the province did not exist in this year's survey: the notice names those that did
    elif all(v is None for v in own):
        st.warning(t("year_no_data", lang, name=name, year=year), icon="⚠️")
        nearest = nearest_year_with_data(table, code, year)
        if nearest is not None:
            st.button(
                t("go_nearest_year", lang, year=nearest),
                on_click=state.set_value,
                args=("year", nearest),
                key="nearest",
            )
    elif None in own:
        st.info(t("year_partial_data", lang, name=name, year=year))
    with left:
        radar = Chart(
            partial(radar_figure, axes, series, lang=lang),
            shell.frame(
                t("radar_heading", lang, name=name, year=year),
                t("radar_subtitle", lang, k=len(metrics)),
                lang,
                [year, other_year] if other_year else year,
            ),
            radar_sentence(
                name, year, dict(zip(metrics, own, strict=True)), moved.dimension_label(catalogue, lang), lang
            ),
        )
        profile_panel.radar_chart(radar, f"papi-{code}-{year}-radar")
    if state.in_fragment_run() and st.session_state.get(_DRAWN) != (code, year, view.compare):
        st.rerun()  # the radar is drawn: now the page's other sections, for this province and comparison


radar_part()
p = profile_panel.Profile(code, year, view.compare, names, years, lang, profile_data.linked_of(lang, code))
profile_panel.dimension_table(catalogue, p)
moved.what_moved(catalogue, metrics, p)
profile_panel.subdimensions(profile_data.subdimension_profile_of(lang, code, year), metrics, catalogue, p)
profile_panel.trends(catalogue, p)

profile_panel.since_2025(store.provinces, code, codes_by_name, lang)
shell.footer(lang, years)

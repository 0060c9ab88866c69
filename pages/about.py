"""Giới thiệu / About: what PAPI is, how to read it, where every number comes from, and how the store's figures relate
to what PAPI and the press published (the mean, the groups, the rank ranges, the printed figures)."""

import streamlit as st

from papi_data.published import (
    GROUP_DEFINITION_EN,
    GROUP_DEFINITION_VI,
    group_size_check,
    press_comparison,
    press_counts,
)
from papi_data.uncertainty import METHOD_EN, METHOD_VI
from ui import about_text, data, shell
from ui import published_figures as figures
from ui.i18n import t

lang = shell.lang()
store = data.store(lang)
table = data.scores_table(lang)
names = store.provinces.set_index("code")[f"name_{lang}"].to_dict()
shell.header(t("page_about", lang), lang)
shell.province_search(store.provinces, lang)
st.markdown(about_text.intro(lang))
st.dataframe(about_text.partners_table(store, lang), hide_index=True, key="partners")
st.markdown(about_text.dashboard(lang))
st.dataframe(about_text.dimension_table(store.dimensions, lang), hide_index=True, key="dimensions")
st.markdown(about_text.subdimensions(lang))
st.markdown(about_text.scales_and_groups(lang))
st.dataframe(about_text.missing_table(table, store.provinces, lang), hide_index=True, key="missing")

st.markdown(about_text.published(lang))
years = sorted(int(y) for y in store.published_means["year"].unique())
st.dataframe(figures.means_table(table, store.published_means, years, lang), hide_index=True, key="means")
st.markdown(f"### {t('about_groups_heading', lang)}\n{GROUP_DEFINITION_VI if lang == 'vi' else GROUP_DEFINITION_EN}")
check = group_size_check(table, store.published_group_sizes)
st.dataframe(figures.groups_table(check, names, lang), hide_index=True, key="group_sizes")
st.markdown(f"### {t('about_ranks_heading', lang)}\n{METHOD_VI if lang == 'vi' else METHOD_EN}")

st.markdown(f"### {t('about_press_heading', lang)}")
comparison = press_comparison(store.press_figures, table)
counts = press_counts(comparison)
st.markdown(f"{figures.press_summary(counts, lang)}\n\n{figures.press_reasons(counts, lang)}")
link = st.column_config.LinkColumn(t("about_col_source", lang), display_text=r"https?://(?:www\.)?([^/]+)")
config = {t("about_col_source", lang): link}
differ = figures.press_table(comparison, names, lang, differing_only=True)
st.dataframe(differ, hide_index=True, key="press_differ", column_config=config)
with st.expander(t("about_press_all", lang, n=counts.figures)):
    everything = figures.press_table(comparison, names, lang, differing_only=False)
    st.dataframe(everything, hide_index=True, key="press_all", column_config=config)

st.markdown(about_text.sources(store, lang))
shell.footer(lang, store.years, with_map=True)

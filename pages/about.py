"""Giới thiệu / About: what PAPI is, how to read it, where every number comes from, and how the store's figures relate
to what PAPI and the press published (the mean, the groups, the rank ranges, the printed figures)."""

import streamlit as st

from papi_data.published import GROUP_DEFINITION_EN, GROUP_DEFINITION_VI
from papi_data.uncertainty import METHOD_EN, METHOD_VI
from ui.about import text as about_text
from ui.about.data import about_tables_of
from ui.core import data, shell
from ui.core.i18n import t

lang = shell.lang()
store = data.store(lang)
tables = about_tables_of(lang)
shell.header(t("page_about", lang), lang)
shell.province_search(store.provinces, lang)
st.markdown(about_text.intro(lang))
st.dataframe(tables.partners, hide_index=True, key="partners")
st.markdown(about_text.dashboard(lang))
st.dataframe(tables.dimensions, hide_index=True, key="dimensions")
st.markdown(about_text.subdimensions(lang))
st.markdown(about_text.scales_and_groups(lang))
st.dataframe(tables.missing, hide_index=True, key="missing")

st.markdown(about_text.published(lang))
st.dataframe(tables.means, hide_index=True, key="means")
st.markdown(f"### {t('about_groups_heading', lang)}\n{GROUP_DEFINITION_VI if lang == 'vi' else GROUP_DEFINITION_EN}")
st.dataframe(tables.groups, hide_index=True, key="group_sizes")
st.markdown(f"### {t('about_ranks_heading', lang)}\n{METHOD_VI if lang == 'vi' else METHOD_EN}")

st.markdown(f"### {t('about_press_heading', lang)}")
st.markdown(tables.press_summary)
link = st.column_config.LinkColumn(t("about_col_source", lang), display_text=r"https?://(?:www\.)?([^/]+)")
config = {t("about_col_source", lang): link}
st.dataframe(tables.press_differ, hide_index=True, key="press_differ", column_config=config)
with st.expander(t("about_press_all", lang, n=tables.press_figures)):
    st.dataframe(tables.press_all, hide_index=True, key="press_all", column_config=config)

st.markdown(about_text.open_data(lang, shell.origin()))
st.markdown(about_text.sources(store, lang))
shell.footer(lang, store.years, with_map=True)

"""Giới thiệu / About: what PAPI is, how to read it, where every number comes from."""

import streamlit as st

from ui import about_text, data, shell
from ui.i18n import t

lang = shell.lang()
store = data.store(lang)
shell.header(t("page_about", lang), lang)
st.markdown(about_text.intro(lang))
st.dataframe(about_text.dimension_table(store.dimensions, lang), hide_index=True, key="dimensions")
st.markdown(about_text.scales_and_groups(lang))
st.dataframe(about_text.missing_table(data.scores_table(lang), store.provinces, lang), hide_index=True, key="missing")
st.markdown(about_text.sources(store.manifest, lang))
shell.footer(lang, store.years, with_map=True)

"""Entry point: declares the pages with st.navigation; each page lives in pages/."""

import streamlit as st

from ui.core import browser, shell, state
from ui.core.i18n import t

st.set_page_config(page_title="PAPI", page_icon="🗺️", layout="wide")

shell.cap_link()
page = st.navigation(shell.pages(shell.provisional_lang()))
state.enter_page(page.url_path)
shell.toolbar()
lang = shell.language_switch()
browser.setup(lang)
st.sidebar.caption(t("app_subtitle", lang))
try:
    shell.run_page(page, lang)  # a failing page: a short message in the reader's language, the detail in the log
finally:  # after an exception or st.rerun() too (a page ends early with state.stop(), which writes it first)
    state.flush_url()

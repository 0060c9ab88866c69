"""What a visitor reads about the store itself: that it cannot be served now, or that an older build is served while
the live one is refused (papi_data.store.keeper). Apart from ui.core.data, which only loads."""

from __future__ import annotations

import streamlit as st

from papi_data.store.keeper import OLDER, keeper
from papi_data.store.paths import store_dir
from ui.core.i18n import t


def show_store_problem(lang: str) -> None:
    """The visitor's words for a store that cannot be served: briefly unavailable, and a way home. The reason and the
    remedy are the operator's (the keeper logs them once; the readiness answer holds them): no command, file or path
    here."""
    st.error(t("store_unavailable", lang), icon="🗄️")
    st.page_link("pages/home.py", label=t("go_home", lang), icon=":material/home:")


def older_release(lang: str) -> str | None:
    """The notice for a visitor while the last good build is served instead of the live one, with its date."""
    served = keeper(store_dir()).get()[1]
    if served.status != OLDER or not served.built_at:
        return None
    year, month, day = served.built_at[:10].split("-")
    date = f"{day}/{month}/{year}" if lang == "vi" else f"{year}-{month}-{day}"
    return t("store_older", lang, date=date)

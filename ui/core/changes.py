"""Every province's total change between two years (papi_data.decompose), made once per store build and pair of
years and shared by the pages that show it: the profile's "what moved", the map's biggest movers, home's cards."""

from __future__ import annotations

import streamlit as st

from papi_data.decompose import Change, total_changes
from papi_data.store.load import store_version
from papi_data.store.paths import store_dir
from ui.core import data

Version = tuple[str, str]  # the store's folder and build id, as ui.core.data keys its caches


@st.cache_resource(show_spinner=False, max_entries=64)
def _total_changes(version: Version, year: int, base: int, lang: str) -> dict[str, Change]:
    store = data.store(lang)
    return total_changes(store.scores, list(store.dimensions["id"]), year, base)


def changes_between(year: int, base: int, lang: str) -> dict[str, Change]:
    """Every province's total change from `base` to `year`, by province code (`gap` says why where there is none)."""
    return _total_changes((str(store_dir()), store_version()), year, base, lang)

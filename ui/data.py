"""The store as the pages see it: loaded once per build (st.cache_data keyed by the store's build time)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from papi_data.paths import store_dir
from papi_data.ranking import with_ranks
from papi_data.stats import national, with_change
from papi_data.store import PapiStore, StoreUnavailable, load_store, store_version
from ui.i18n import t


@st.cache_data(show_spinner=False, max_entries=4)
def _store(version: str) -> PapiStore:
    """`version` is the store's folder and build time: a rebuild or another folder (tests) is a new entry."""
    return load_store()


def _version() -> str:
    return f"{store_dir()}@{store_version()}"


@st.cache_data(show_spinner=False, max_entries=4)
def _scores_table(version: str) -> pd.DataFrame:
    """Every score with its rank, N, group and change, joined to the province names: the pages' main table."""
    store = _store(version)
    table = with_change(with_ranks(store.scores))
    names = store.provinces[["code", "name_vi", "name_en", "region_id", "code_2025", "name_2025_vi", "name_2025_en"]]
    return table.merge(names.rename(columns={"code": "province_code"}), on="province_code", how="left")


@st.cache_data(show_spinner=False, max_entries=4)
def _national(version: str) -> pd.DataFrame:
    return national(_store(version).scores)


def store(lang: str) -> PapiStore:
    """The store, or a page that explains how to rebuild it (and stops the run) when it cannot be read."""
    try:
        return _store(_version())
    except StoreUnavailable as problem:
        show_store_problem(problem, lang)
        st.stop()
        raise  # unreachable: st.stop() ends the run


def scores_table(lang: str) -> pd.DataFrame:
    store(lang)
    return _scores_table(_version())


def national_table(lang: str) -> pd.DataFrame:
    store(lang)
    return _national(_version())


def show_store_problem(problem: StoreUnavailable, lang: str) -> None:
    st.error(t(f"store_{problem.reason}_title", lang), icon="🗄️")
    st.markdown(t("store_help", lang))
    st.code("make store   # python -m papi_data.build", language="bash")
    with st.expander(t("store_detail", lang)):
        st.text(problem.detail)

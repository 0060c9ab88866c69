"""The explorer's selections, once per store build: the whole table as it is shown for a base year, and the provinces
a search names."""

from __future__ import annotations

import pandas as pd

from papi_data.explore import provinces_matching, with_base_change
from papi_data.store.load import PapiStore
from ui.core.data import metrics, per_build
from ui.explorer.downloads import view_table


@per_build
def explorer_rows(store: PapiStore, lang: str, base_year: int) -> pd.DataFrame:
    """Every row of the store as the explorer's table shows it, with the change against `base_year`: a filter change
    then only picks rows by label."""
    table = with_base_change(store.table("explorer_table"), base_year)
    return view_table(table, store.regions, metrics(lang), lang, base_year)


@per_build
def _matching(store: PapiStore, lang: str, query: str) -> tuple[str, ...] | None:
    return provinces_matching(store.provinces, query)


def provinces_named(query: str, lang: str) -> tuple[str, ...] | None:
    """The provinces a search box names (see papi_data.explore.provinces_matching)."""
    return _matching(lang, query)

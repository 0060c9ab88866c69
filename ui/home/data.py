"""The home page's figures for a year and its plan status, once per store build (rows selected from the build's
tables: the page only lays them out)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from papi_data.eras import key_in_year
from papi_data.overview import ProvinceYear, leaders, province_year, without_data
from papi_data.published import NationalMean, national_mean
from papi_data.store.load import PapiStore
from ui.core.changes import changes_between
from ui.core.data import citation_of, per_build, plan_ref_of, store
from ui.core.shell import PLAN_PROVINCES
from ui.home.plan_status import home_status


@dataclass(frozen=True)
class YearAtAGlance:
    mean: NationalMean
    national: pd.Series  # the total's national row: median, n, …
    missing: list[str]  # codes of the provinces without a total
    cards: dict[str, ProvinceYear]  # by the plan province's code (from 2025: its new province's figures)
    best: pd.DataFrame
    lowest: pd.DataFrame


@per_build
def year_at_a_glance(store: PapiStore, lang: str, year: int, codes: tuple[str, ...]) -> YearAtAGlance:
    """The year's national mean beside PAPI's, median and N, the provinces without data, the cards of `codes`, the
    five best and five lowest."""
    table = store.table("ranked_scores")
    nat = store.table("national")
    return YearAtAGlance(
        mean=national_mean(table, store.published_means, year),
        national=nat[(nat["dimension"] == "total") & (nat["year"] == year)].iloc[0],
        missing=without_data(table, year),
        # a plan province's card from 2025 is the new province it is part of (papi_data.eras)
        cards={code: province_year(table, key_in_year(store.provinces, code, year) or code, year) for code in codes},
        best=leaders(table, year, best=True),
        lowest=leaders(table, year, best=False),
    )


@per_build
def home_status_of(store: PapiStore, lang: str, code: str) -> tuple[str, list[str], list[str]] | None:
    """A province's newest plan: its document's label, each target's status line and the shrinking margins' warnings."""
    return home_status(store, store.table("plan_evaluation"), plan_ref_of(lang), code, lang)


def fill_first_view(lang: str) -> None:
    """The home page's first view (the newest year, the plan provinces' cards) made ahead: the server does it before it
    answers (server/warm.py), since home is where most visits start."""
    year = store(lang).years[-1]
    year_at_a_glance(lang, year, PLAN_PROVINCES)
    changes_between(lang, year, year - 1)
    citation_of(lang, (year,))
    for code in PLAN_PROVINCES:
        home_status_of(lang, code)

"""The store as the pages see it, loaded once per build and shared by every session: the build made its ranks,
groups, changes, statistics, ranges and verdicts (papi_data/derived.py); pages select rows, and cache what they make
from them per build and language with `per_build`. Cached objects are shared by all sessions and never changed in
place; every entry is keyed by the store's version (folder and build id), so a rebuild is a new entry."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from papi_data.citation import citation
from papi_data.store.keeper import keeper
from papi_data.store.load import PapiStore, StoreUnavailable, load_store
from papi_data.store.paths import store_dir
from ui.core import state
from ui.core.labels import Labels, build_labels
from ui.core.metrics import Metrics, build_metrics
from ui.core.plan_status import PlanRef, plan_ref
from ui.core.store_notices import show_store_problem

T = TypeVar("T")
P = ParamSpec("P")
Version = tuple[str, str]  # the store's folder, and the id of its live build ("" when there is none)


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(version: Version) -> PapiStore:
    folder, build = version
    served, state = keeper(Path(folder)).get()
    if served is not None and served.manifest.get("build_id") == build:
        return served
    if not build:
        raise StoreUnavailable("missing", state.fault or "no build can be served")
    return load_store(Path(folder), build)  # the keeper moved on meanwhile; this build is verified as it loads


def _version() -> Version:
    """The store's folder and the build served: the live one, or the last good one (papi_data.store.keeper)."""
    return str(store_dir()), keeper(store_dir()).get()[1].build or ""


_MAKERS: dict[str, Callable[..., Any]] = {}


@st.cache_resource(show_spinner=False, max_entries=2048)
def _made(version: Version, maker: str, lang: str, args: tuple[Any, ...]) -> Any:
    return _MAKERS[maker](_store(version), lang, *args)


# Reads go through a plain LRU first (a tuple's hash): st.cache_resource hashes arguments its own way on every call,
# ~1–2 ms a read, ~50 reads a profile run. Same objects; the store's LRU keeps the build last read.
_made_read = lru_cache(maxsize=2048)(_made)
_store_read = lru_cache(maxsize=1)(_store)


def per_build(make: Callable[Concatenate[PapiStore, str, P], T]) -> Callable[Concatenate[str, P], T]:
    """`make(store, lang, *args)` cached once per store build, language and arguments (hashable), as `read(lang,
    *args)`: how a page package keeps its words and figures for a view (ui/<page>/data.py)."""
    name = f"{make.__module__}.{make.__qualname__}"
    _MAKERS[name] = make

    def read(lang: str, /, *args: P.args, **kwargs: P.kwargs) -> T:
        assert not kwargs, "per_build readers take positional arguments"
        return _read(_made_read, lang, name, lang, args)

    return read


def fill(lang: str) -> None:
    """Every per-build value of the language alone (metrics, labels, …) made now, before the server answers."""
    for name, make in _MAKERS.items():
        if len(inspect.signature(make).parameters) == 2:  # (store, lang)
            _read(_made_read, lang, name, lang, ())


def _read(cached: Callable[..., T], lang: str, *args: object) -> T:
    """A cached reader's value, or the visitor's notice that the store cannot be served (and the run stops). A build
    that newer builds removed while it was being read is not a problem: the live one is read instead."""
    for _ in range(3):
        version = _version()
        try:
            return cached(version, *args)
        except StoreUnavailable:
            if _version() == version:
                break
    show_store_problem(lang)
    state.stop()


def store(lang: str) -> PapiStore:
    return _read(_store_read, lang)


def scores_table(lang: str) -> pd.DataFrame:
    """Every score with its rank, N, group and change (or why none), with the province names."""
    return store(lang).table("ranked_scores")


def subdimension_table(lang: str) -> pd.DataFrame:
    """The sub-dimension scores as metrics (papi_data.subdimensions.metric_rows), ranked, with their change."""
    return store(lang).table("ranked_subdimensions")


def rank_ranges_table(lang: str) -> pd.DataFrame:
    """The total's plausible rank ranges of every year with published intervals (papi_data.uncertainty)."""
    return store(lang).table("rank_ranges")


def group_bands(lang: str) -> pd.DataFrame:
    """The rank span of each PAPI group of the total in each year."""
    return store(lang).table("group_bands")


def plan_evaluation(lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every plan target's verdict per target year (other readings: `reading` ≠ "main"), and the counting checks."""
    return store(lang).table("plan_evaluation"), store(lang).table("plan_checks")


@per_build
def citation_of(found: PapiStore, lang: str, years: tuple[int, ...]) -> str:
    """The source line of the reports of `years` (papi_data.citation), once per store and set of years."""
    return citation(found.report_partners, found.partners, years, lang)


@per_build
def metrics(found: PapiStore, lang: str) -> Metrics:
    """Every metric with its names, years and scales (ui.core.metrics.Metrics)."""
    return build_metrics(found.dimensions, found.subdimensions, found.subdimension_periods, max(found.years))


@per_build
def labels(found: PapiStore, lang: str) -> Labels:
    return build_labels(found, metrics(lang), lang)


@per_build
def plan_ref_of(found: PapiStore, lang: str) -> PlanRef:
    """The names the plans' words are made from (ui.core.plan_status.PlanRef)."""
    return plan_ref(found, metrics(lang))

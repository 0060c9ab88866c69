"""Fixtures for the data-layer unit tests.

Nothing here ever writes to the real store in papi_data/built/: every build goes to a pytest temporary folder, and
PAPI_STORE_DIR is pointed at a throw-away folder for each test so that a forgotten `target`/`--store` cannot reach it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import papi_data.build
from papi_data.build import assemble, build
from papi_data.plans.measures import plan_table
from papi_data.ranking import with_ranks
from papi_data.stats import with_change
from papi_data.store.load import PapiStore, load_store
from papi_data.store.paths import SOURCES_DIR
from ui.core.metrics import build_metrics
from ui.core.plan_status import PlanRef, plan_ref


@pytest.fixture(autouse=True)
def _default_store_is_temporary(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Safety net: the default store location (used when no target is given) is a temporary folder."""
    monkeypatch.setenv("PAPI_STORE_DIR", str(tmp_path_factory.mktemp("default") / "store-must-not-be-written"))


@pytest.fixture(scope="session")
def pristine_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the real sources into a temporary folder. Tests must not modify it: copy it first."""
    target = tmp_path_factory.mktemp("pristine") / "store"
    build(SOURCES_DIR, target=target)
    return target


@pytest.fixture(scope="session")
def real_store(pristine_store: Path) -> PapiStore:
    return load_store(pristine_store)


@pytest.fixture(scope="session")
def ranked(real_store: PapiStore) -> pd.DataFrame:
    """The real scores with rank, n, group and change, as the app computes them. Read-only."""
    return with_change(with_ranks(real_store.scores))


@pytest.fixture(scope="session")
def plan_rows(real_store: PapiStore) -> pd.DataFrame:
    """Totals, dimensions and sub-dimensions with ranks, as the plans and the planner read them. Read-only."""
    return plan_table(real_store.scores, real_store.subdimension_scores, real_store.subdimension_periods)


@pytest.fixture(scope="session")
def ref(real_store: PapiStore) -> PlanRef:
    """The names the plans' words are made from, as the app builds them."""
    catalogue = build_metrics(
        real_store.dimensions, real_store.subdimensions, real_store.subdimension_periods, max(real_store.years)
    )
    return plan_ref(real_store, catalogue)


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A private copy of papi_data/sources that a test may edit."""
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, copy)
    return copy


@pytest.fixture
def good_store(tmp_path: Path, pristine_store: Path) -> Path:
    """A copy of the pristine store, alone in its parent folder (tmp_path/out/store), that a test may build over."""
    target = tmp_path / "out" / "store"
    shutil.copytree(pristine_store, target)
    return target


@pytest.fixture
def without_derived_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build reads and checks every source but derives no table (papi_data.derived is about half a build's time;
    the pristine store's tests check it): for a test of one source rule, not of the derived tables."""
    monkeypatch.setattr(papi_data.build, "derive", lambda tables: {})


@pytest.fixture
def source_tables(without_derived_tables: None) -> Callable[..., dict[str, pd.DataFrame]]:
    """assemble() without the derived tables, writing nothing: that a good edit is accepted and read as it should."""
    return assemble

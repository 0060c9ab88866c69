"""Fixtures for the data-layer unit tests.

Nothing here ever writes to the real store in papi_data/built/: every build goes to a pytest temporary folder, and
PAPI_STORE_DIR is pointed at a throw-away folder for each test so that a forgotten `target`/`--store` cannot reach it.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import papi_data.build
from papi_data.build import assemble
from papi_data.plans.measures import plan_table
from papi_data.ranking import with_ranks
from papi_data.stats import with_change
from papi_data.store.load import PapiStore, load_store
from papi_data.store.paths import SOURCES_DIR
from papi_data.store.problems import SourceProblem
from papi_data.store.readers.reference import (
    DIMENSIONS_FILE,
    MERGER_FILE,
    PROVINCES_FILE,
    REGIONS_FILE,
    read_dimensions,
    read_provinces,
    read_regions,
)
from papi_data.store.readers.scores import SCORES_FILE, read_scores
from ui.core.metrics import build_metrics
from ui.core.plan_status import PlanRef, plan_ref


@pytest.fixture(autouse=True)
def _default_store_is_temporary(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Safety net: the default store location (used when no target is given) is a temporary folder."""
    monkeypatch.setenv("PAPI_STORE_DIR", str(tmp_path_factory.mktemp("default") / "store-must-not-be-written"))


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


# A CUT of the real sources (not data of its own): three provinces in the years the scores rules' tests edit.
CUT_PROVINCES = ["Hà Nội", "Bắc Ninh", "Đà Nẵng"]
CUT_YEARS = ["2011", "2017", "2018", "2019", "2020", "2021"]


def _cut(source: Path, target: Path, keep: Callable[[dict[str, str]], bool]) -> None:
    """`source`'s header and the rows `keep` accepts, written as csv writes them (the sources' own convention)."""
    with source.open(encoding="utf-8", newline="") as read, target.open("w", encoding="utf-8", newline="") as write:
        rows = csv.DictReader(read)
        out = csv.DictWriter(write, fieldnames=rows.fieldnames or [], lineterminator="\n")
        out.writeheader()
        out.writerows(row for row in rows if keep(row))


def scores_problems(sources: Path) -> list[SourceProblem]:
    """What the reference readers and the scores reader report on `sources`, in the build's order (assemble)."""
    problems: list[SourceProblem] = []
    regions = read_regions(sources, problems)
    dimensions = read_dimensions(sources, problems)
    provinces = read_provinces(sources, regions, problems)
    if not problems:
        read_scores(sources, provinces, dimensions, problems, last_year=int(max(CUT_YEARS)))
    return problems


@pytest.fixture(scope="session")
def scores_cut(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CUT of papi_data/sources, made once: the reference tables and the scores file, its provinces and scores
    limited to CUT_PROVINCES in CUT_YEARS (a year's scores must hold every province of the provinces file). The
    scores rules' tests break it instead of a 7 MB copy; the cut itself reads without a problem."""
    cut = tmp_path_factory.mktemp("cut") / "sources"
    cut.mkdir()
    for name in (REGIONS_FILE, DIMENSIONS_FILE, MERGER_FILE):
        shutil.copy(SOURCES_DIR / name, cut / name)
    _cut(SOURCES_DIR / PROVINCES_FILE, cut / PROVINCES_FILE, lambda row: row["name_vi"] in CUT_PROVINCES)
    _cut(
        SOURCES_DIR / SCORES_FILE,
        cut / SCORES_FILE,
        lambda row: row["province_name_vi"] in CUT_PROVINCES and row["year"] in CUT_YEARS,
    )
    assert scores_problems(cut) == []
    return cut


@pytest.fixture
def scores_cut_copy(tmp_path: Path, scores_cut: Path) -> Path:
    """A private copy of the cut that a test may edit."""
    return Path(shutil.copytree(scores_cut, tmp_path / "sources"))


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

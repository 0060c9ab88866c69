"""Plans at a glance: the order plans are listed in, each province's newest plan, status counts, a plan's count per
year ("2/5 đạt"), where a margin is shrinking, and the old provinces that form a merged one. Reads the output of
papi_data.plans.evaluate.evaluate (main readings only: another reading never counts)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pandas as pd

from papi_data.cells import as_float, as_int, as_str
from papi_data.plans.evaluate import MAIN


def _issued(plans: pd.DataFrame) -> pd.Series:
    """The day a plan was issued, or the first day of its period where the source gives none (for ordering only)."""
    starts = [dt.date(int(y), 1, 1) for y in plans["period_start"]]
    return pd.Series([d if isinstance(d, dt.date) else s for d, s in zip(plans["issued_on"], starts, strict=True)])


def plan_order(plans: pd.DataFrame) -> pd.DataFrame:
    """The plans as pages list them: by province code, then oldest first (period, then date of issue)."""
    keyed = plans.assign(_issued=_issued(plans).to_numpy())
    return keyed.sort_values(["province_code", "period_start", "_issued", "id"], ignore_index=True).drop(
        columns="_issued"
    )


def by_recency(plans: pd.DataFrame) -> list[str]:
    """Plan ids from the oldest to the newest: by the start of the period, then the date of issue."""
    keyed = plans.assign(_issued=_issued(plans).to_numpy())
    return [str(i) for i in keyed.sort_values(["period_start", "_issued", "id"])["id"]]


def main_rows(evaluation: pd.DataFrame) -> pd.DataFrame:
    return evaluation[evaluation["reading"] == MAIN]


class YearCount(NamedTuple):
    """A plan's targets in one target year: how many were achieved, of how many, how many await a result, and how
    many have no data (PAPI published none for them: never counted as missed)."""

    year: int
    achieved: int
    total: int
    pending: int
    no_data: int = 0


def plan_counts(evaluation: pd.DataFrame, plan_id: str) -> list[YearCount]:
    """The plan's count per target year, oldest first."""
    rows = main_rows(evaluation)
    rows = rows[rows["plan_id"] == plan_id]
    out = []
    for year, part in rows.groupby("target_year", sort=True):
        out.append(
            YearCount(
                int(str(year)),
                int((part["status"] == "achieved").sum()),
                len(part),
                int((part["status"] == "pending").sum()),
                int((part["status"] == "no_data").sum()),
            )
        )
    return out


class Shrinking(NamedTuple):
    """A target still met, by a smaller margin than at its previous result."""

    target_id: str
    province_code: str
    gap_unit: str
    before_year: int
    before_gap: float
    after_year: int
    after_gap: float


def shrinking_margins(evaluation: pd.DataFrame) -> list[Shrinking]:
    """Targets achieved in their latest result year by a smaller margin than in their previous result year (years
    without a result skipped: Bắc Ninh 2023 → 2024 across 2021–2022 without data)."""
    rows = main_rows(evaluation)
    rows = rows[rows["status"].isin(["achieved", "missed"]) & rows["gap_unit"].isin(["points", "places"])]
    out = []
    for target_id, part in rows.sort_values("target_year").groupby("target_id", sort=False):
        if len(part) < 2:
            continue
        before, after = part.iloc[-2], part.iloc[-1]
        if after["status"] == "achieved" and before["status"] == "achieved" and after["gap"] < before["gap"]:
            out.append(
                Shrinking(
                    str(target_id),
                    as_str(after["province_code"]),
                    as_str(after["gap_unit"]),
                    as_int(before["target_year"]),
                    as_float(before["gap"]),
                    as_int(after["target_year"]),
                    as_float(after["gap"]),
                )
            )
    return out


def latest_rows(evaluation: pd.DataFrame, plan_id: str, latest: int) -> pd.DataFrame:
    """Per target of a plan: the row of its latest published target year, or of its first pending one where none is
    published yet; and the first pending year after a published one. In the plan's target order."""
    rows = main_rows(evaluation)
    rows = rows[rows["plan_id"] == plan_id]
    keep = []
    for _, part in rows.groupby("target_id", sort=False):
        published = part[part["target_year"] <= latest]
        pending = part[part["target_year"] > latest]
        if not published.empty:
            keep.append(published.index[-1])
        if not pending.empty:
            keep.append(pending.index[0])
    return rows.loc[keep]


def merged_with(provinces: pd.DataFrame, code: str) -> list[str]:
    """The old provinces that form `code`'s province since 1 July 2025, `code` first (just `code` if none joined)."""
    new = provinces.loc[provinces["code"] == code, "code_2025"].iloc[0]
    members = provinces.loc[provinces["code_2025"] == new, "code"].tolist()
    return [code, *sorted(c for c in members if c != code)]

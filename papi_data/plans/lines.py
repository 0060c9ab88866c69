"""The lines the plans page draws for a rank or group target, made by the build (papi_data.derived): the province's
rank and N per year (nationally, or among the target's set of provinces) and the group bands behind it (none for a
rank among a set: PAPI's groups are national). The charts select a target's rows; they compute no rank."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from papi_data.cells import str_list
from papi_data.plans.measures import ranks_among
from papi_data.plans.rules import COUNTING_RULES
from papi_data.ranking import group_bands
from papi_data.store.schema import TOTAL

RANK_COLUMNS = ["target_id", "year", "rank", "n"]
BAND_COLUMNS = ["target_id", "year", "group", "first_rank", "last_rank", "lowest_score"]


class Line(NamedTuple):
    """A target drawn as a rank line (a rank or a group; not a score, not a counting rule)."""

    target_id: str
    province_code: str
    metric: str  # what the line ranks: the total for a total's rank or group
    among: list[str] | None  # the target's set of provinces, if it has one


def rank_lines(targets: pd.DataFrame) -> list[Line]:
    drawn = targets[~targets["rule"].isin(COUNTING_RULES) & ~targets["metric"].str.endswith("_score")]
    return [
        Line(
            str(t.id),
            str(t.province_code),
            TOTAL if str(t.metric).startswith("total_") else str(t.dimension),
            str_list(t.among_provinces) if isinstance(t.among_provinces, list | tuple | np.ndarray) else None,
        )
        for t in drawn.itertuples()
    ]


def target_ranks(targets: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Per rank line and year: the province's rank and N (`table`: papi_data.plans.measures.plan_table). A year with
    no row has no data; among a set, N is how many of the set had a score, and the rank is null where the province
    had none."""
    parts = []
    for line in rank_lines(targets):
        code, metric, among = line.province_code, line.metric, line.among
        if among is None:
            part = table.loc[(table["province_code"] == code) & (table["dimension"] == metric), ["year", "rank", "n"]]
        else:
            rows = table[(table["dimension"] == metric) & table["province_code"].isin(among)]  # once, not per year
            ranks = {int(y): ranks_among(rows, int(y), metric, among) for y in sorted(rows["year"].unique())}
            part = pd.DataFrame(
                [(y, r.get(code), len(r)) for y, r in ranks.items() if r], columns=["year", "rank", "n"]
            )
        parts.append(part.assign(target_id=line.target_id))
    return _stacked(parts, RANK_COLUMNS)


def target_bands(targets: pd.DataFrame, table: pd.DataFrame, total_bands: pd.DataFrame) -> pd.DataFrame:
    """Per rank line not among a set: the group bands of its metric by year (papi_data.ranking.group_bands; the
    total's are `total_bands`, the build's group_bands table)."""
    parts = [
        (total_bands if line.metric == TOTAL else group_bands(table, line.metric)).assign(target_id=line.target_id)
        for line in rank_lines(targets)
        if line.among is None
    ]
    return _stacked(parts, BAND_COLUMNS)


def _stacked(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat([p[columns] for p in parts], ignore_index=True)

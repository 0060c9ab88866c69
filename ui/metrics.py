"""The metrics a page can show (the total or a dimension) and how they are named and scaled."""

from __future__ import annotations

import pandas as pd

from papi_data.cells import as_int
from papi_data.schema import TOTAL, total_range
from papi_data.subdimensions import is_subdimension
from ui.i18n import t
from ui.url_state import Param, choice


def metric_ids(dimensions: pd.DataFrame) -> list[str]:
    return [TOTAL, *dimensions["id"]]


def metric_param(dimensions: pd.DataFrame) -> Param:
    return Param("metric", TOTAL, choice(metric_ids(dimensions)))


def metric_name(
    metric: str, dimensions: pd.DataFrame, lang: str, short: bool = False, subdimensions: pd.DataFrame | None = None
) -> str:
    """ "D5 Public Administrative Procedures" (short: "D5 Procedures"); a sub-dimension (given `subdimensions`) as
    "Land Use Rights Certificates (D5)"."""
    if metric == TOTAL:
        return t("total", lang)
    if is_subdimension(metric) and subdimensions is not None:
        names = dict(zip(subdimensions["id"], subdimensions[f"name_{lang}"], strict=True))
        return f"{names[metric]} (D{metric.split('.')[0].removeprefix('d')})"
    column = ("short_" if short else "name_") + lang
    names = dict(zip(dimensions["id"], zip(dimensions["order"], dimensions[column], strict=True), strict=True))
    order, name = names[metric]  # plain dict: this runs dozens of times a page run
    return f"D{order} {name}"


def metric_scale(metric: str, year: int, lang: str) -> str:
    """The scale the metric is on in that year: 1–10 for a dimension; 6–60 or 8–80 for the total."""
    low, high = (1, 10) if metric != TOTAL else map(int, total_range(year))
    return t("scale", lang, low=low, high=high)


def first_year(metric: str, dimensions: pd.DataFrame) -> int:
    if metric == TOTAL:
        return int(dimensions["first_year"].min())
    return as_int(dimensions.set_index("id").at[metric, "first_year"])

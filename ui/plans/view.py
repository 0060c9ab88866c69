"""The plans page's view: its filters and the plan shown, with the rule that keeps the plan among those the filters
keep."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from papi_data.plans.evaluate import STATUSES
from ui.core.i18n import t
from ui.core.url_state import Notice, Param, ViewSpec, choice
from ui.core.views import ALL, province_names
from ui.plans.content import PlansIndex


@dataclass(frozen=True)
class PlansView:
    province: str  # a province code, or ALL
    region: str  # a region id, or ALL
    status: str  # a status, or ALL: plans with at least one target-year in it
    plan: str


def plan_filters(index: PlansIndex, regions: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The provinces with a plan (in the plans' order) and their regions (in the regions' order): the filters'
    choices besides ALL."""
    codes = list(dict.fromkeys(index.plans["province_code"]))
    planned = {index.region_of[c] for c in codes}
    return codes, [r for r in regions.sort_values("order")["region_id"] if r in planned]


def plans_shown(index: PlansIndex, view: PlansView) -> list[str]:
    """The ids of the plans the filters keep, oldest first."""
    return [
        plan_id
        for plan_id in index.recent
        if view.province in (ALL, index.province_of[plan_id])
        and view.region in (ALL, index.region_of[index.province_of[plan_id]])
        and view.status in (ALL, *index.statuses.get(plan_id, set()))
    ]


def plans_spec(index: PlansIndex, provinces: pd.DataFrame, regions: pd.DataFrame, lang: str) -> ViewSpec[PlansView]:
    """The plans page's view. The default plan is the newest of all, and when the filters leave out the link's plan,
    the newest plan they keep."""
    names = province_names(provinces, lang)
    codes, planned_regions = plan_filters(index, regions)
    region_names = dict(zip(regions["region_id"], regions[f"name_{lang}"], strict=True))

    def check(view: PlansView) -> tuple[PlansView, list[Notice]]:
        kept = plans_shown(index, view)
        if not kept or view.plan in kept:
            return view, []
        other = view.province not in (ALL, index.province_of[view.plan])
        return replace(view, plan=kept[-1]), [
            Notice("plan", "plan_other_province" if other else "plan_filtered", kept[-1])
        ]

    return ViewSpec(
        PlansView,
        (
            Param(
                "province",
                ALL,
                choice([ALL, *codes]),
                show=lambda c: t("plan_all_provinces", lang) if c == ALL else names[c],
            ),
            Param(
                "region",
                ALL,
                choice([ALL, *planned_regions]),
                show=lambda r: t("plan_all_regions", lang) if r == ALL else region_names[r],
            ),
            Param(
                "status",
                ALL,
                choice([ALL, *STATUSES]),
                show=lambda v: t("plan_all_statuses", lang) if v == ALL else t("status_" + v, lang),
            ),
            Param("plan", index.recent[-1], choice(index.recent), show=index.documents.__getitem__),
        ),
        check,
    )

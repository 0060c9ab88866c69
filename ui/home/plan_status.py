"""The home page's plan status: a province's newest plan, each target's latest result (✔/✘ with the margin) or
pending year (○), and a warning per target still met by a shrinking margin. Plain text, Markdown-escaped."""

from __future__ import annotations

import pandas as pd

from papi_data.cells import int_or_none, str_or_none
from papi_data.plans.rules import COUNTING_RULES, metric_parts
from papi_data.plans.summary import Shrinking, by_recency, latest_rows, shrinking_margins
from papi_data.store.load import PapiStore
from ui.core.i18n import t
from ui.core.numbers import fmt_number
from ui.core.plan_status import STATUS_ICONS, PlanRef, document_label, gap_text


def _short(row: pd.Series, ref: PlanRef, lang: str) -> str:
    """What a target reads, in a word or two: "thứ hạng", "điểm", "nhóm", "lĩnh vực yếu"."""
    rule = str(row["rule"])
    if rule in COUNTING_RULES:
        return t("plan_short_" + rule, lang)
    what = t("plan_read_" + metric_parts(str(row["metric"]))[1], lang)
    dimension = str_or_none(row["dimension"])
    return what if dimension in (None, "total") else f"{what} {ref.name(str(dimension), lang)}"


def home_status(
    store: PapiStore, evaluation: pd.DataFrame, ref: PlanRef, code: str, lang: str
) -> tuple[str, list[str], list[str]] | None:
    """A province's newest plan for the home page: its document's label, each target's status line (`home_lines`) and
    a warning per target still met by a shrinking margin; None where the province has no plan."""
    plans = store.plans[store.plans["province_code"] == code]
    if plans.empty:
        return None
    plan_id = by_recency(plans)[-1]
    plan = plans[plans["id"] == plan_id].iloc[0]
    lines = home_lines(evaluation, plan_id, ref, lang, max(store.years))
    mine = evaluation[evaluation["province_code"] == code]
    warnings = [shrinking_text(shrinking, evaluation, ref, lang) for shrinking in shrinking_margins(mine)]
    return document_label(plan, lang), lines, warnings


def home_lines(evaluation: pd.DataFrame, plan_id: str, ref: PlanRef, lang: str, latest_year: int) -> list[str]:
    """A plan's status for the home page: per target its latest result (✔/✘ with the margin) and its next pending
    year (○)."""
    lines = []
    for _, row in latest_rows(evaluation, plan_id, latest_year).iterrows():
        status = str(row["status"])
        if status in ("achieved", "missed") and not pd.isna(row["gap"]):
            detail = gap_text(row, lang)
        else:
            detail = t("status_" + status, lang).lower()
        lines.append(f"{STATUS_ICONS[status]} {int(row['target_year'])} · {_short(row, ref, lang)}: {detail}")
    return lines


def shrinking_text(shrinking: Shrinking, evaluation: pd.DataFrame, ref: PlanRef, lang: str) -> str:
    """ "Bắc Ninh: vẫn nhóm cao nhất, nhưng khoảng cách giảm từ 1,74 (2023) xuống 0,75 điểm (2024)"."""
    names = ref.provinces.set_index("code")[f"name_{lang}"]
    row = evaluation[
        (evaluation["target_id"] == shrinking.target_id) & (evaluation["target_year"] == shrinking.after_year)
    ].iloc[0]
    group = str_or_none(row["target_group"])
    places = shrinking.gap_unit == "places"
    values = {
        "name": names[shrinking.province_code],
        "before": int_or_none(shrinking.before_gap) if places else fmt_number(shrinking.before_gap, lang),
        "after": int_or_none(shrinking.after_gap) if places else fmt_number(shrinking.after_gap, lang),
        "first": shrinking.before_year,
        "second": shrinking.after_year,
    }
    if group is not None:
        name = t("group_" + group, lang)
        return t("plan_shrinking_group", lang, group=name[0].lower() + name[1:] if lang == "vi" else name, **values)
    return t("plan_shrinking_places" if places else "plan_shrinking_points", lang, **values)

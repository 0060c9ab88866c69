"""Plans at a glance in words: the overview table, a plan's count per year and the old provinces of a merged one.
Plain text, Markdown-escaped where a page renders Markdown (the home page's plan status: ui/home/plan_status.py)."""

from __future__ import annotations

import pandas as pd

from papi_data.plans.measures import NO_STANDING, Standing
from papi_data.plans.summary import YearCount, main_rows
from ui.core.i18n import t, tn
from ui.core.numbers import fmt_number
from ui.core.plan_status import (
    PlanRef,
    document_label,
    fairness_text,
    md,
    result_text,
    status_label,
    target_text,
)


def overview(plans: pd.DataFrame, evaluation: pd.DataFrame, ref: PlanRef, lang: str, latest_year: int) -> pd.DataFrame:
    """One row per target and target year (main readings), in the evaluation's order, Markdown-escaped. The status
    column holds the icon and the word; `status_of` (not shown) keeps the status id for colouring."""
    names = ref.provinces.set_index("code")[f"name_{lang}"]
    plan_rows = plans.set_index("id")
    keys = ("col_province", "plan_col_document", "plan_col_target", "plan_col_year", "plan_col_status")
    columns = [t(k, lang) for k in (*keys, "plan_col_result", "plan_col_fair")]
    rows = []
    for _, row in main_rows(evaluation).iterrows():
        plan, target = plan_rows.loc[row["plan_id"]], ref.targets.loc[row["target_id"]]
        result = result_text(row, ref, lang, latest_year)
        if row["boundary_changed"]:
            result += " · " + t("plan_boundary_short", lang)
        rows.append(
            {
                columns[0]: md(names[row["province_code"]]),
                columns[1]: md(document_label(plan, lang)),
                columns[2]: md(target_text(target, ref, lang)),
                columns[3]: str(row["target_year"]),
                columns[4]: status_label(row["status"], lang),
                columns[5]: md(result),
                columns[6]: md(fairness_text(row, ref, lang)),
                "status_of": row["status"],
            }
        )
    return pd.DataFrame(rows, columns=[*columns, "status_of"])


def count_text(count: YearCount, lang: str) -> str:
    """ "2021: 0/6 đạt" / "2021: 0 of 6 achieved", with how many still await their result; targets without data are
    counted apart, never among those missed ("2021: không có dữ liệu" where none has any)."""
    with_data = count.total - count.no_data
    if not with_data:
        return t("plan_count_no_data_year", lang, year=count.year)
    text = t("plan_count", lang, year=count.year, achieved=count.achieved, total=with_data)
    if count.no_data:
        text += " · " + t("plan_count_no_data", lang, n=count.no_data)
    if count.pending:
        text += " · " + tn("plan_count_pending", lang, count.pending, n=count.pending)
    return text


def members_lines(
    members: list[str], standing: dict[tuple[int, str, str], Standing], year: int, ref: PlanRef, lang: str
) -> list[str]:
    """Each old province of a merged one with its own total that year (never a merged score)."""
    names = ref.provinces.set_index("code")[f"name_{lang}"]
    lines = []
    for code in members:
        own = standing.get((year, code, "total"), NO_STANDING)
        if own.score is None or own.rank is None or own.group is None:
            lines.append(t("plan_member_no_data", lang, name=names[code], year=year))
            continue
        lines.append(
            t(
                "plan_member",
                lang,
                name=names[code],
                year=year,
                score=fmt_number(own.score, lang),
                rank=t("rank_of", lang, rank=own.rank, n=own.n),
                group=t("group_" + own.group, lang),
            )
        )
    return lines

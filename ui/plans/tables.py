"""Plans at a glance in words: the overview table, a plan's count per year, the old provinces of a merged one, and the
home page's plan status with its shrinking margins. Plain text, Markdown-escaped where a page renders Markdown."""

from __future__ import annotations

import pandas as pd

from papi_data.cells import int_or_none, str_or_none
from papi_data.plans.measures import NO_STANDING, Standing
from papi_data.plans.rules import COUNTING_RULES, metric_parts
from papi_data.plans.summary import Shrinking, YearCount, by_recency, latest_rows, main_rows, shrinking_margins
from papi_data.store.load import PapiStore
from ui.core.i18n import t, tn
from ui.core.numbers import fmt_number
from ui.core.plan_status import (
    STATUS_ICONS,
    PlanRef,
    document_label,
    fairness_text,
    gap_text,
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
    year (◔)."""
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

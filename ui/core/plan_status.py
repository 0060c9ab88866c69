"""Plans versus results in words: status icons and labels, each target, result, fair comparison and other reading as a
sentence.

Everything here returns plain text (Markdown-escaped where a page renders it as Markdown); nothing from plans.yaml or
the URL ever reaches HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from papi_data.cells import float_or_none, int_or_none, str_or_none
from papi_data.plans.evaluate import (
    NO_BASELINE,
    NO_RESULT,
    NONE_SELECTED,
    NOT_PUBLISHED,
    SCALE_CHANGE,
    SET_CHANGE,
    UNREACHABLE,
)
from papi_data.plans.rules import metric_parts
from papi_data.store.load import PapiStore
from papi_data.store.schema import GROUPS, TOTAL
from ui.core.i18n import t, tn
from ui.core.metrics import Metrics
from ui.core.numbers import MINUS, fmt_change, fmt_number

# Plain symbols, not emoji (an intranet PC may have no emoji font), each in the page's font (Streamlit's Source Sans 3)
# and in the fonts the app installs for charts and exports (tests/unit/test_glyphs.py).
STATUS_ICONS = {"achieved": "✔", "missed": "✘", "no_data": "—", "pending": "○"}
# st.markdown's colours, for badges and cell backgrounds; the icon and the word carry the meaning for colour-blind
# readers.
STATUS_BADGES = {"achieved": "green", "missed": "red", "no_data": "gray", "pending": "orange"}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not strftime's %B, which follows the server's locale
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


class PlanRef(NamedTuple):
    """The store's tables the words are made from: names of metrics, provinces, regions, and the targets by id."""

    metrics: Metrics
    provinces: pd.DataFrame
    regions: pd.DataFrame
    targets: pd.DataFrame  # indexed by id

    def name(self, metric: str, lang: str, short: bool = True) -> str:
        return self.metrics.name(metric, lang, short=short)

    def among(self, target_id: str, lang: str) -> str:
        """The name of the set a target ranks among: its region's, or the set's own ("các tỉnh Tây Bắc")."""
        target = self.targets.loc[target_id]
        region = str_or_none(target["among_region"])
        if region is None:
            return str(target[f"among_name_{lang}"])
        names = dict(zip(self.regions["region_id"], self.regions[f"name_{lang}"], strict=True))
        return t("plan_region_named", lang, region=names[region])


def plan_ref(store: PapiStore, metrics: Metrics) -> PlanRef:
    """The words' reference from the store."""
    targets = store.targets.set_index("id", drop=False)
    return PlanRef(metrics, store.provinces, store.regions, targets)


def md(text: str) -> str:
    """Text shown literally by st.markdown / st.table: every Markdown (and Streamlit directive) character escaped."""
    return _MARKDOWN.sub(r"\\\1", text)


def date_text(day: dt.date, lang: str) -> str:
    """26/5/2023 in Vietnamese, 26 May 2023 in English."""
    return f"{day.day}/{day.month}/{day.year}" if lang == "vi" else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def status_label(status: str, lang: str) -> str:
    return f"{STATUS_ICONS[status]} {t('status_' + status, lang)}"


def status_badge(status: str, lang: str) -> str:
    """The status as a coloured Streamlit Markdown badge, icon and word inside."""
    return f":{STATUS_BADGES[status]}-badge[{status_label(status, lang)}]"


def years_text(years: Sequence[int]) -> str:
    """2020–2025 for a run of years, else 2022, 2026."""
    years = sorted(int(y) for y in years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def metric_phrase(metric: str, dimension: object, ref: PlanRef, lang: str) -> str:
    """What a target measures: "tổng hợp" / "total", a dimension's or a sub-dimension's name."""
    which = str_or_none(dimension)
    if metric.startswith("total_") or which is None:
        return t("plan_total_phrase", lang)
    return ref.name(which, lang)


def target_text(target: pd.Series, ref: PlanRef, lang: str) -> str:
    """The target as a sentence built from its rule (the quote or summary says it in the document's words)."""
    what = metric_parts(target["metric"])[1]
    values = {
        "metric": metric_phrase(target["metric"], target["dimension"], ref, lang),
        "years": years_text(target["target_years"]),
        "base": int_or_none(target["baseline_year"]) or "",
    }
    rule = target["rule"]
    if rule in ("better_than_baseline", "not_worse_than_baseline"):
        key = "better" if rule == "better_than_baseline" else "not_worse"
        return t(f"plan_desc_{key}_{what}", lang, **values)
    if rule in ("rise_at_least", "rank_at_most"):
        return t(f"plan_desc_{rule}", lang, k=int(target["k"]), **values)
    if rule == "rank_within_at_most":
        return t("plan_desc_rank_within", lang, k=int(target["k"]), among=ref.among(target["id"], lang), **values)
    if rule == "score_at_least":
        return t("plan_desc_score_at_least", lang, x=fmt_number(target["value"], lang), **values)
    if rule == "group_at_least":
        return t("plan_desc_group_at_least", lang, group=group_floor_text(target["group"], lang), **values)
    if rule == "dimensions_meeting":
        return _meeting_text(target, ref, lang, values)
    return t("plan_desc_" + rule, lang, **values)


def group_floor_text(group: str, lang: str) -> str:
    """ "Nhóm trung bình cao trở lên"; the best group alone (nothing is better)."""
    name = t("group_" + group, lang)
    return name if group == GROUPS[0] else t("plan_or_better", lang, group=name)


def _meeting_text(target: pd.Series, ref: PlanRef, lang: str, values: dict) -> str:
    """ "Ít nhất 7 lĩnh vực tăng điểm so với 2020 và thuộc Nhóm cao nhất trở lên, năm 2021"."""
    conditions = []
    if bool(target["rise"]) and not pd.isna(target["rise"]):
        conditions.append(t("plan_meeting_rise", lang, base=values["base"]))
    if str_or_none(target["group"]) is not None:
        conditions.append(t("plan_meeting_group", lang, group=group_floor_text(target["group"], lang)))
    condition = t("plan_and", lang).join(conditions)
    level = metric_parts(target["metric"])[0]
    dimension = str_or_none(target["dimension"])
    if level == "subdimension":
        which = t("plan_meeting_subdims_of", lang, n=int(target["count"]), dimension=ref.name(str(dimension), lang))
    elif dimension is not None:
        return t("plan_meeting_one", lang, dimension=ref.name(dimension, lang), condition=condition, **values)
    else:
        which = t("plan_meeting_dims", lang, n=int(target["count"]))
    return t("plan_desc_dimensions_meeting", lang, which=which, condition=condition, years=values["years"])


def gap_text(row: pd.Series, lang: str) -> str:
    """The signed gap in words: "thiếu 4 bậc" / "4 places short", "hơn 1,04 điểm" / "1.04 points ahead"."""
    gap = row["gap"]
    if row["gap_unit"] == "places":
        places = int(gap)
        if places == 0:
            return t("plan_gap_zero_places", lang)
        side = "ahead" if places > 0 else "short"
        return tn(f"plan_gap_places_{side}", lang, abs(places), x=abs(places))
    if row["gap_unit"] == "dimensions":
        counted = row["value_n"]
        if pd.isna(counted) or int(counted) == int(row["threshold"]):
            return t("plan_result_dimensions", lang, value=int(row["value"]), of=int(row["threshold"]))
        return t(
            "plan_result_dimensions_of", lang, value=int(row["value"]), of=int(counted), need=int(row["threshold"])
        )
    kind = "floor" if row["metric"].endswith("_group") else "points"
    if gap == 0:
        if kind == "floor":
            return t("plan_gap_on_floor", lang)
        return t("plan_gap_equal" if row["comparator"] == ">" else "plan_gap_zero_places", lang)
    return t(f"plan_gap_{kind}_{'ahead' if gap > 0 else 'short'}", lang, x=fmt_number(abs(gap), lang))


def _score_of(row: pd.Series, ref: PlanRef, lang: str) -> str:
    """Which score a target reads, in words: PAPI may publish some of a province-year's scores and not others
    (Bắc Ninh 2022: four dimensions, no total), so "no score" must say which."""
    if str(row["metric"]).startswith("total") or row["dimension"] == TOTAL:
        return t("plan_what_total", lang)
    if isinstance(row["dimension"], str):
        return t("plan_what_dimension", lang, dimension=ref.name(row["dimension"], lang))
    return t("plan_what_dimensions", lang)


def result_text(row: pd.Series, ref: PlanRef, lang: str, latest_year: int) -> str:
    """The measured value, the target and the gap: "hạng 15/61, mục tiêu ≤ 11: thiếu 4 bậc"."""
    status, reason = row["status"], row["reason"]
    base = int_or_none(row["baseline_year"]) or ""
    year = int(row["target_year"])
    if reason == SCALE_CHANGE:
        return t("plan_reason_scale_change", lang, base=base, year=year)
    if reason == SET_CHANGE:  # both figures shown, each in its own era, never one against the other
        if row["gap_unit"] != "places":  # a merged province's score: another territory than its baseline's
            return t("plan_reason_set_change_score", lang, year=year, now=fmt_number(float_or_none(row["value"]), lang))
        then = t("rank_of", lang, rank=int_or_none(row["baseline_rank"]), n=int_or_none(row["baseline_n"]))
        now = t("rank_of", lang, rank=int_or_none(row["value"]), n=int_or_none(row["value_n"]))
        return t("plan_reason_set_change", lang, base=base, year=year, then=then, now=now)
    if reason == NO_BASELINE:
        return t("plan_reason_no_baseline", lang, base=base)
    if reason == NO_RESULT and (row["gap_unit"] != "dimensions" or pd.isna(row["value"])):
        return t("plan_reason_no_result", lang, what=_score_of(row, ref, lang), year=year)
    if reason == UNREACHABLE:
        return t("plan_reason_unreachable", lang)
    if reason == NONE_SELECTED:
        return t(f"plan_reason_none_selected_{row['rule']}", lang, base=base)
    target = _threshold_text(row, lang)
    if status == "pending" or reason == NOT_PUBLISHED:
        return t("plan_reason_pending", lang, year=year, latest=latest_year) + (f" · {target}" if target else "")
    if row["gap_unit"] == "dimensions":
        text = gap_text(row, lang)
        failed = row["failed_dimensions"]
        if isinstance(failed, list) and failed:
            text += " · " + t("plan_failed", lang, names=", ".join(ref.name(d, lang) for d in failed))
        return text + (" · " + t("plan_reason_some_missing", lang) if reason == NO_RESULT else "")
    if row["gap_unit"] == "places":
        value = t("rank_of", lang, rank=int(row["value"]), n=int(row["value_n"]))
        if row["rule"] == "rank_within_at_most":
            value = t("plan_rank_among", lang, rank=value, among=ref.among(row["target_id"], lang))
    elif row["metric"].endswith("_group"):
        rank = t("rank_of", lang, rank=int(row["rank"]), n=int(row["n"]))
        value = (
            f"{t('group_' + row['group'], lang)} ({rank}, {t('plan_points', lang, x=fmt_number(row['value'], lang))})"
        )
    else:
        value = t("plan_points", lang, x=fmt_number(row["value"], lang))
    return f"{value}, {target}: {gap_text(row, lang)}"


def _threshold_text(row: pd.Series, lang: str) -> str:
    """ "mục tiêu ≤ 11" / "target > 41.78" / "target: Best performers or better"; "" when not known yet."""
    if row["metric"].endswith("_group") and row["gap_unit"] != "dimensions" and not pd.isna(row["target_group"]):
        best = row["target_group"] == GROUPS[0]  # "best or better" would read oddly
        return t("plan_target_group" + ("_best" if best else ""), lang, group=t("group_" + row["target_group"], lang))
    if pd.isna(row["threshold"]) or row["gap_unit"] == "dimensions":
        return ""
    value = str(int(row["threshold"])) if row["gap_unit"] == "places" else fmt_number(row["threshold"], lang)
    return t("plan_target_value", lang, op=row["comparator"], value=value)


def fairness_text(row: pd.Series, ref: PlanRef, lang: str) -> str:
    """The fair comparison beside a verdict: "45 → 9 trong cùng 60 tỉnh có dữ liệu cả 2020 và 2021" for a rank or
    group, "+1,04; cả nước +1,01 (2023 → 2024)" for a score; "" where there is none."""
    if pd.isna(row["fair_year"]):
        return ""
    before, after = int(row["fair_year"]), int(row["target_year"])
    if not pd.isna(row["fair_n"]):
        among = ""
        if row["rule"] == "rank_within_at_most":
            among = " " + t("plan_fair_among", lang, among=ref.among(row["target_id"], lang))
        return t(
            "plan_fair_ranks",
            lang,
            before=int(row["fair_rank_before"]),
            after=int(row["fair_rank_after"]),
            n=int(row["fair_n"]),
            first=before,
            second=after,
            among=among,
        )
    return t(
        "plan_fair_score",
        lang,
        change=fmt_change(row["fair_change"], lang),
        national=fmt_change(row["fair_national_change"], lang),
        first=before,
        second=after,
    )


def reading_text(row: pd.Series, ref: PlanRef, lang: str, latest_year: int) -> str:
    """Another reading of a target, as a sentence: "Theo thứ hạng: ✘ Hạng 41/61, mục tiêu ≤ 35: thiếu 6 bậc"."""
    if row["reading"] == "metric":
        how = t("plan_reading_metric", lang, metric=t("plan_read_" + metric_parts(row["metric"])[1], lang))
    else:
        how = t("plan_reading_baseline", lang, base=int(row["baseline_year"]))
    return f"{how}: {status_label(row['status'], lang)} · {result_text(row, ref, lang, latest_year)}"


def what_it_takes(row: pd.Series, ref: PlanRef, lang: str) -> list[str]:
    """For a missed or pending rank or group target: the points needed and the furthest parts, as sentences."""
    if pd.isna(row["reference_year"]):
        return []
    year = int(row["reference_year"])
    lines = []
    needed = row["points_needed"]
    metric = metric_phrase(row["metric"], row["dimension"], ref, lang)
    if not pd.isna(needed):
        key = "plan_takes_met" if needed <= 0 else "plan_takes_points"
        lines.append(t(key, lang, year=year, x=fmt_number(abs(needed), lang), metric=metric))
    far = row["far_dimensions"]
    if isinstance(far, list) and far:
        items = [
            f"{ref.name(d, lang)} ({MINUS}{fmt_number(g, lang)})" for d, g in zip(far, row["far_gaps"], strict=True)
        ]
        lines.append(t("plan_takes_far", lang, year=year, items="; ".join(items)))
    return lines


def boundary_text(code: str, year: int, provinces: pd.DataFrame, lang: str) -> str:
    """Why a 2025 (or later) result is not the same province: the merger of 1 July 2025."""
    by_code = provinces.set_index("code")
    new_code = by_code.at[code, "code_2025"]
    others = by_code[(by_code["code_2025"] == new_code) & (by_code.index != code)][f"name_{lang}"].tolist()
    return t(
        "plan_boundary",
        lang,
        name=by_code.at[code, f"name_{lang}"],
        new=by_code.at[code, f"name_2025_{lang}"],
        others=", ".join(others),
        year=year,
    )


def document_label(plan: pd.Series, lang: str) -> str:
    """ "Kế hoạch 157/KH-UBND"; where the source names no number, the kind and the plan's first year."""
    kind = t("plan_kind_" + plan["kind"], lang)
    if not pd.isna(plan["document_number"]):
        return f"{kind} {plan['document_number']}"
    return t("plan_doc_unnumbered", lang, kind=kind, year=plan["period_start"])

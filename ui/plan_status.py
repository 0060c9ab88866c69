"""Plans versus results in words: status icons and labels, each target and result as a sentence, the overview table.

Everything here returns plain text (Markdown-escaped where a page renders it as Markdown); nothing from plans.yaml or
the URL ever reaches HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import pandas as pd

from papi_data.plans import NO_BASELINE, NO_RESULT, NONE_SELECTED, NOT_PUBLISHED, SCALE_CHANGE, UNREACHABLE
from papi_data.schema import GROUPS, TOTAL
from ui.i18n import t, tn
from ui.metrics import metric_name
from ui.numbers import MINUS, fmt_number

# Plain symbols, not emoji: they render in the fonts every office PC has (an intranet PC may have no emoji font).
STATUS_ICONS = {"achieved": "✔", "missed": "✘", "no_data": "◌", "pending": "◔"}
STATUS_BADGES = {"achieved": "green", "missed": "red", "no_data": "gray", "pending": "orange"}  # st.markdown colours
# Cell backgrounds: light enough for black text; the icon and the word carry the meaning for colour-blind readers.
STATUS_COLOURS = {"achieved": "#d9f0d3", "missed": "#fddbc7", "no_data": "#eeeeee", "pending": "#fff2cc"}
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


def metric_phrase(metric: str, dimension: str | None, dimensions: pd.DataFrame, lang: str) -> str:
    """What a target measures: "điểm tổng hợp" / "total score", or a dimension's name."""
    if metric.startswith("total_") or dimension is None or pd.isna(dimension):
        return t("plan_total_phrase", lang)
    return metric_name(dimension, dimensions, lang, short=True)


def target_text(target: pd.Series, dimensions: pd.DataFrame, lang: str) -> str:
    """The target as a sentence built from its rule (the quote says it in the document's words)."""
    what = target["metric"].split("_", 1)[1]
    values = {
        "metric": metric_phrase(target["metric"], target["dimension"], dimensions, lang),
        "years": years_text(target["target_years"]),
        "base": "" if pd.isna(target["baseline_year"]) else int(target["baseline_year"]),
    }
    rule = target["rule"]
    if rule == "better_than_baseline":
        return t(f"plan_desc_better_{what}", lang, **values)
    if rule == "rise_at_least":
        return t("plan_desc_rise", lang, k=int(target["k"]), **values)
    if rule == "stay_in_group":
        return t("plan_desc_stay", lang, group=t("group_" + target["group"], lang), **values)
    return t("plan_desc_" + rule, lang, **values)


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
        return t("plan_result_dimensions", lang, value=int(row["value"]), of=int(row["threshold"]))
    kind = "floor" if row["metric"].endswith("_group") else "points"
    if gap == 0:
        return t("plan_gap_on_floor" if kind == "floor" else "plan_gap_equal", lang)
    return t(f"plan_gap_{kind}_{'ahead' if gap > 0 else 'short'}", lang, x=fmt_number(abs(gap), lang))


def _score_of(row: pd.Series, dimensions: pd.DataFrame, lang: str) -> str:
    """Which score a target reads, in words: PAPI may publish some of a province-year's scores and not others
    (Bắc Ninh 2022: four dimensions, no total), so "no score" must say which."""
    if str(row["metric"]).startswith("total") or row["dimension"] == TOTAL:
        return t("plan_what_total", lang)
    if isinstance(row["dimension"], str):
        return t("plan_what_dimension", lang, dimension=metric_name(row["dimension"], dimensions, lang, short=True))
    return t("plan_what_dimensions", lang)


def result_text(row: pd.Series, dimensions: pd.DataFrame, lang: str, latest_year: int) -> str:
    """The measured value, the target and the gap: "hạng 15/61, mục tiêu ≤ 11: thiếu 4 bậc"."""
    status, reason = row["status"], row["reason"]
    base = "" if pd.isna(row["baseline_year"]) else int(row["baseline_year"])
    year = int(row["target_year"])
    if reason == SCALE_CHANGE:
        return t("plan_reason_scale_change", lang, base=base, year=year)
    if reason == NO_BASELINE:
        return t("plan_reason_no_baseline", lang, base=base)
    if reason == NO_RESULT and (row["gap_unit"] != "dimensions" or pd.isna(row["value"])):
        return t("plan_reason_no_result", lang, what=_score_of(row, dimensions, lang), year=year)
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
            text += " · " + t(
                "plan_failed", lang, names=", ".join(metric_name(d, dimensions, lang, short=True) for d in failed)
            )
        return text + (" · " + t("plan_reason_some_missing", lang) if reason == NO_RESULT else "")
    if row["gap_unit"] == "places":
        value = t("rank_of", lang, rank=int(row["value"]), n=int(row["n"]))
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


def what_it_takes(row: pd.Series, dimensions: pd.DataFrame, lang: str) -> list[str]:
    """For a missed or pending rank or group target: the points needed and the furthest dimensions, as sentences."""
    if pd.isna(row["reference_year"]):
        return []
    year = int(row["reference_year"])
    lines = []
    needed = row["points_needed"]
    metric = metric_phrase(row["metric"], row["dimension"], dimensions, lang)
    if not pd.isna(needed):
        key = "plan_takes_met" if needed <= 0 else "plan_takes_points"
        lines.append(t(key, lang, year=year, x=fmt_number(abs(needed), lang), metric=metric))
    far = row["far_dimensions"]
    if isinstance(far, list) and far:
        items = [
            f"{metric_name(d, dimensions, lang, short=True)} ({MINUS}{fmt_number(g, lang)})"
            for d, g in zip(far, row["far_gaps"], strict=True)
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
    """ "Kế hoạch 157/KH-UBND"; where the article names no number, the kind and the plan's first year."""
    kind = t("plan_kind_" + plan["kind"], lang)
    if not pd.isna(plan["document_number"]):
        return f"{kind} {plan['document_number']}"
    return t("plan_doc_unnumbered", lang, kind=kind, year=plan["period_start"])


def overview(
    plans: pd.DataFrame,
    targets: pd.DataFrame,
    evaluation: pd.DataFrame,
    provinces: pd.DataFrame,
    dimensions: pd.DataFrame,
    lang: str,
    latest_year: int,
) -> pd.DataFrame:
    """One row per target and target year, in the plans' order, Markdown-escaped for st.table. The status column
    holds the icon and the word; `status_of` (not shown) keeps the status id for colouring."""
    names = provinces.set_index("code")[f"name_{lang}"]
    plan_rows = plans.set_index("id")
    target_rows = targets.set_index("id")
    columns = [t(k, lang) for k in ("col_province", "plan_col_document", "plan_col_target", "plan_col_year")]
    rows = []
    for _, row in evaluation.iterrows():
        plan, target = plan_rows.loc[row["plan_id"]], target_rows.loc[row["target_id"]]
        result = result_text(row, dimensions, lang, latest_year)
        if row["boundary_changed"]:
            result += " · " + t("plan_boundary_short", lang)
        rows.append(
            {
                columns[0]: md(names[row["province_code"]]),
                columns[1]: md(document_label(plan, lang)),
                columns[2]: md(target_text(target, dimensions, lang)),
                columns[3]: str(row["target_year"]),
                t("plan_col_status", lang): status_label(row["status"], lang),
                t("plan_col_result", lang): md(result),
                "status_of": row["status"],
            }
        )
    return pd.DataFrame(rows)


def style_overview(frame: pd.DataFrame, lang: str) -> pd.io.formats.style.Styler:
    """The overview with each status cell coloured (the icon and word stay: colour is never the only signal)."""
    status = t("plan_col_status", lang)
    colours = frame["status_of"].map(STATUS_COLOURS)
    shown = frame.drop(columns="status_of")
    return shown.style.apply(lambda _: [f"background-color: {c}" for c in colours], subset=[status]).hide(axis="index")

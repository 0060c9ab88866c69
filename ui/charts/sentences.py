"""One sentence per chart, in the reader's language, from plain numbers by fixed templates (ui/core/strings/moved.py):
shown under the chart, used as its accessible description, and put in the slide's notes, the deck and the brief.

Nothing here is generated freely: every sentence is a template filled with figures rounded half up at the shown
precision (ui.core.numbers), so a superlative is decided on the figures a reader sees (two parts both shown as
+0,30 are tied, and both are named).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from papi_data.decompose import Change, Part
from papi_data.numbers import round_half_up
from papi_data.plans.planner import Answer
from ui.core.i18n import t, tn
from ui.core.numbers import fmt_change, fmt_number
from ui.core.plan_status import PlanRef, result_text

Label = Callable[[str], str]  # a metric id → its name in the reader's language ("D6 Cung ứng dịch vụ công")


def _names(names: Sequence[str], lang: str) -> str:
    """ "A", "A và B", "A, B và C" (English: "A and B", "A, B and C")."""
    if len(names) == 1:
        return names[0]
    return t("sentence_and", lang, first=", ".join(names[:-1]), last=names[-1])


def _largest(parts: Sequence[Part], label: Label, lang: str) -> tuple[str, str]:
    """The parts tied for the largest move, named, and the move they share: ("D6 …", "−0,28"); tied parts share it
    in words ("cùng −0,13" / "−0.13 each")."""
    by = fmt_change(parts[0].change, lang)
    return _names([label(p.metric) for p in parts], lang), by if len(parts) == 1 else t("sentence_tied", lang, by=by)


def moves(change: Change, label: Label, part: str, lang: str) -> str:
    """What moved, from the parts shown: the largest fall and the largest rise, or that every part rose (fell), or
    that none changed. `part` is the key of the parts' noun ("part_dimension", "part_subdimension")."""
    k = len(change.parts)
    shown = [round_half_up(p.change, 2) for p in change.parts]
    up, down = sum(v > 0 for v in shown), sum(v < 0 for v in shown)
    noun = tn(part, lang, k)
    if up == 0 and down == 0:
        return t("sentence_none_moved", lang, part=tn(part, lang, 1))
    rise = _largest(change.largest(1), label, lang) if up else ("", "")
    fall = _largest(change.largest(-1), label, lang) if down else ("", "")
    if up and down:
        return t("sentence_rise_fall", lang, fall=fall[0], fall_by=fall[1], rise=rise[0], rise_by=rise[1])
    if up == k:
        return t("sentence_all_rose", lang, k=k, part=noun, rise=rise[0], rise_by=rise[1])
    if down == k:
        return t("sentence_all_fell", lang, k=k, part=noun, fall=fall[0], fall_by=fall[1])
    if up:
        return t("sentence_only_rise", lang, up=up, k=k, part=noun, rise=rise[0], rise_by=rise[1])
    return t("sentence_only_fall", lang, down=down, k=k, part=noun, fall=fall[0], fall_by=fall[1])


def gap_sentence(change: Change, name: str, metric_name: str, lang: str) -> str:
    """Why a change is not shown, in words ("Không so sánh 2018 với 2017: …")."""
    return t(
        f"moved_gap_{change.gap}",
        lang,
        name=name,
        year=change.year,
        base=change.base,
        metric=metric_name,
        dimension=metric_name,
    )


def change_sentence(change: Change, name: str, rank: int | None, n: int, label: Label, lang: str) -> str:
    """ "Hà Nội 2024: 43,77 điểm (−0,19 so với 2023), hạng 29/61; giảm nhiều nhất ở D6 … (−0,28), tăng nhiều nhất
    ở D3 … (+0,09)." `rank` of `n` is the total's rank that year among every province with a total; where the
    comparison is not made, the reason."""
    if change.gap is not None or change.after is None:
        return gap_sentence(change, name, t("moved_total_word", lang), lang)
    return t(
        "sentence_change",
        lang,
        name=name,
        year=change.year,
        score=fmt_number(change.after, lang),
        change=fmt_change(change.change, lang),
        base=change.base,
        rank=t("sentence_rank", lang, rank=rank, n=n) if rank is not None else "",
        moves=moves(change, label, "part_dimension", lang),
    )


def sub_change_sentence(change: Change, name: str, dimension: str, label: Label, lang: str) -> str:
    """A dimension's change split into its sub-dimensions, or why it is not split."""
    if change.gap is not None or change.after is None:
        return gap_sentence(change, name, dimension, lang)
    return t(
        "sentence_sub_change",
        lang,
        name=name,
        year=change.year,
        dimension=dimension,
        score=fmt_number(change.after, lang),
        change=fmt_change(change.change, lang),
        base=change.base,
        moves=moves(change, label, "part_subdimension", lang),
    )


def rank_move(base_rank: int, rank: int, lang: str) -> str:
    """ "lên 3 bậc" / "up 3 places", "up 1 place", "giữ nguyên" / "unchanged" (rank 1 is best)."""
    if rank == base_rank:
        return t("rank_same", lang)
    k = abs(base_rank - rank)
    return tn("rank_up" if rank < base_rank else "rank_down", lang, k, k=k)


def radar_sentence(name: str, year: int, scores: dict[str, float | None], label: Label, lang: str) -> str:
    """The radar in words: the highest and the lowest dimension (ties named together) and the dimensions without
    data, counted apart."""
    present, top, low = _ends(scores)
    if not present:
        return t("sentence_radar_empty", lang, name=name, year=year)
    missing = len(scores) - len(present)
    return t(
        "sentence_radar",
        lang,
        name=name,
        year=year,
        **_ends_words(present, top, low, lang, label),
        missing=tn("sentence_radar_missing", lang, missing, k=missing) if missing else "",
    )


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)


def rank_rows(history: pd.DataFrame) -> list[tuple[int, int | None, int]]:
    """The rank history as (year, rank or None, N) for its sentence."""
    return [
        (int(y), None if pd.isna(r) else int(r), 0 if pd.isna(n) else int(n))
        for y, r, n in zip(history["year"], history["rank"], history["n"], strict=True)
    ]


def rank_history_sentence(name: str, year: int, history: Sequence[tuple[int, int | None, int]], lang: str) -> str:
    """The rank history in words: this year's rank of N, the best and the lowest rank and their years, and the years
    without a total. `history` is (year, rank or None, N) for every year shown."""
    ranked = [(y, r, n) for y, r, n in history if r is not None]
    if not ranked:
        return t("sentence_rank_history_empty", lang, name=name)
    best = min(r for _, r, _ in ranked)
    worst = max(r for _, r, _ in ranked)
    now = next(((r, n) for y, r, n in ranked if y == year), None)
    gaps = [y for y, r, _ in history if r is None]
    latest_year, latest_rank, latest_n = ranked[-1] if now is None else (year, *now)
    return tn(
        "sentence_rank_history",
        lang,
        len(ranked),
        name=name,
        rank=latest_rank,
        n=latest_n,
        year=latest_year,
        best=best,
        best_years=_years([y for y, r, _ in ranked if r == best]),
        worst=worst,
        worst_years=_years([y for y, r, _ in ranked if r == worst]),
        k=len(ranked),
        missing=t("sentence_rank_history_missing", lang, years=_years(gaps)) if gaps else "",
    )


def movers_sentence(
    year: int, base: int, rising: Sequence[Change], falling: Sequence[Change], names: dict[str, str], lang: str
) -> str:
    """The map's biggest movers in words: "2024 so với 2023: tăng nhiều nhất Đà Nẵng (+8,11), …"."""

    def listed(changes: Sequence[Change]) -> str:
        if not changes:
            return t("sentence_movers_none", lang)
        return _names([f"{names[c.code]} ({fmt_change(c.change, lang)})" for c in changes], lang)

    return t("sentence_movers", lang, year=year, base=base, rise=listed(rising), fall=listed(falling))


def _ends(scores: dict[str, float | None]) -> tuple[dict[str, float], float, float]:
    """The scores with data rounded half up as shown, the highest and the lowest of them (ties decided as shown)."""
    shown = {k: round_half_up(v, 2) for k, v in scores.items() if v is not None and v == v}  # NaN is no data
    return shown, max(shown.values(), default=0.0), min(shown.values(), default=0.0)


def _ends_words(
    shown: dict[str, float], top: float, low: float, lang: str, label: Label = lambda key: key
) -> dict[str, str]:
    """The highest and the lowest in words for a template: `top`/`low` (ties named together) and their scores."""
    return {
        "top": _names([label(k) for k, v in shown.items() if v == top], lang),
        "top_score": fmt_number(top, lang),
        "low": _names([label(k) for k, v in shown.items() if v == low], lang),
        "low_score": fmt_number(low, lang),
    }


def map_sentence(year: int, metric: str, scores: dict[str, float | None], lang: str) -> str:
    """The choropleth in words: the year, the metric, how many provinces have data, the highest and the lowest (ties
    named together) with their scores, and how many have none (never counted as 0). `scores`: province name → score
    or None, every province of the map."""
    shown, top, low = _ends(scores)
    if not shown:
        return t("sentence_map_empty", lang, year=year, metric=metric)
    missing = len(scores) - len(shown)
    return t(
        "sentence_map",
        lang,
        year=year,
        metric=metric,
        count=tn("sentence_provinces_with_data", lang, len(shown), n=len(shown)),
        **_ends_words(shown, top, low, lang),
        missing=tn("sentence_map_missing", lang, missing, k=missing) if missing else "",
    )


def ranking_sentence(year: int, metric: str, scores: dict[str, float | None], lang: str) -> str:
    """The ranking in words: who leads and who trails (ties named together) and the gap between them, as shown."""
    shown, top, low = _ends(scores)
    if not shown:
        return t("sentence_map_empty", lang, year=year, metric=metric)
    return t(
        "sentence_ranking",
        lang,
        year=year,
        metric=metric,
        **_ends_words(shown, top, low, lang),
        gap=fmt_number(top - low, lang),
        count=tn("sentence_provinces_with_data", lang, len(shown), n=len(shown)),
    )


def trend_sentence(panel: dict, name: str, lang: str) -> str:
    """A trend panel (ui.charts.profile_charts.trend_panel) in words: the latest value with data and its change on
    the previous year with data in the same part (same scale, definition and province set), or why there is none,
    and the national mean that year. `name`: the province."""
    metric = " ".join(panel["name"].replace("<br>", " ").split())
    points = [
        (i, year, value, mean)
        for i, part in enumerate(panel["parts"])
        for year, value, mean in zip(part["years"], part["values"], part["mean"], strict=True)
        if value is not None
    ]
    if not points:
        return t("sentence_trend_empty", lang, name=name, metric=metric)
    i, year, value, mean = points[-1]
    earlier = [(y, v) for j, y, v, _ in points[:-1] if j == i]
    if earlier:
        versus = t("sentence_trend_change", lang, change=fmt_change(value - earlier[-1][1], lang), base=earlier[-1][0])
    elif points[0][0] < i:  # data before a break in the line only
        versus = t("sentence_trend_break", lang, year=panel["parts"][i]["years"][0])
    else:
        versus = t("sentence_trend_first", lang)
    return t(
        "sentence_trend",
        lang,
        name=name,
        metric=metric,
        year=year,
        score=fmt_number(value, lang),
        versus=versus,
        mean=t("sentence_trend_mean", lang, mean=fmt_number(mean, lang)) if mean is not None else "",
    )


def scatter_sentence(year: int, x: str, y: str, n: int, r: float | None, lang: str) -> str:
    """The explorer's scatter in words: how many provinces have both metrics, and Pearson's r where it is defined."""
    fit = t("sentence_scatter_r", lang, r=fmt_number(r, lang)) if r is not None else t("sentence_scatter_no_r", lang)
    return t(
        "sentence_scatter", lang, year=year, x=x, y=y, count=tn("sentence_provinces_with_data", lang, n, n=n), fit=fit
    )


def slope_sentence(metric: str, start: int, end: int, changes: dict[str, float], lang: str) -> str:
    """The explorer's slope chart in words: the largest rise and the largest fall between two years (ties as shown),
    or none. `changes`: province name → change."""
    shown, top, low = _ends(dict(changes))

    def named(value: float, sign: int) -> str:
        if value * sign <= 0:
            return t("sentence_movers_none", lang)
        return f"{_names([k for k, v in shown.items() if v == value], lang)} ({fmt_change(value, lang)})"

    return t(
        "sentence_slope",
        lang,
        metric=metric,
        start=start,
        end=end,
        count=tn("sentence_provinces_with_data", lang, len(shown), n=len(shown)),
        rise=named(top, 1),
        fall=named(low, -1),
    )


def plan_sentence(province: str, metric: str, results: pd.DataFrame, ref: PlanRef, lang: str, latest: int) -> str:
    """A plan target's chart in words: each target year's verdict and the measured value against the target, in the
    words of the plans' table (ui.core.plan_status.result_text). `results`: the target's evaluation rows shown."""
    years = "; ".join(
        t(
            "sentence_plan_year",
            lang,
            year=int(row["target_year"]),
            status=t(f"status_{row['status']}", lang),
            result=result_text(row, ref, lang, latest),
        )
        for _, row in results.iterrows()
    )
    return t("sentence_plan", lang, province=province, metric=metric, years=years)


def planner_sentence(province: str, answer: Answer, lang: str) -> str:
    """The planner's ladder in words: the province's score and rank, and the score the goal needs with the
    provinces passed and tied on the way, or that it is met already, or beyond the scale."""
    if answer.target_score is None or answer.target_score > answer.scale[1]:  # a score goal above the scale's top
        goal = t("sentence_planner_beyond", lang)
    elif answer.needed is None or round_half_up(answer.needed, 2) <= 0:
        goal = t("sentence_planner_met", lang, target=fmt_number(answer.target_score, lang))
    else:
        tied = int(answer.passes["tied"].sum())
        goal = t(
            "sentence_planner_need",
            lang,
            target=fmt_number(answer.target_score, lang),
            needed=fmt_change(answer.needed, lang),
            passed=tn("sentence_provinces", lang, len(answer.passes) - tied, n=len(answer.passes) - tied),
            tied=tn("sentence_planner_tied", lang, tied, n=tied) if tied else "",
        )
    rank = t("sentence_rank", lang, rank=answer.rank, n=answer.n) if answer.rank is not None else ""
    score = fmt_number(answer.score, lang)
    return t("sentence_planner", lang, province=province, year=answer.year, score=score, rank=rank, goal=goal)

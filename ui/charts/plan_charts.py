"""Plans versus results: one chart per target. Rank and group targets: the rank line over PAPI's group bands with the
target band; score targets: baseline, result and threshold; dimension targets: small multiples, one per dimension."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial

import numpy as np
import pandas as pd

from papi_data.cells import as_float, as_int, as_str, bool_or_none, float_or_none, int_or_none
from papi_data.plans.rules import COUNTING_RULES
from papi_data.store.schema import GROUPS, TOTAL, era
from papi_data.subdimensions import is_subdimension
from ui.charts.common import Chart
from ui.charts.frame import Frame, base_layout
from ui.charts.palette import (
    CLEAR,
    GRID,
    GROUP_COLOURS,
    LEGEND_BACKGROUND,
    MEAN_LINE,
    MUTED,
    RESULT_LINE,
    TARGET,
    WHITE,
    rgba,
)
from ui.charts.palette import STATUS_COLOURS as STATUS_MARK_COLOURS
from ui.charts.sentences import plan_sentence
from ui.core.i18n import t
from ui.core.metrics import metric_scale
from ui.core.numbers import fmt_change, fmt_number
from ui.core.plan_status import STATUS_ICONS, PlanRef, gap_text, metric_phrase, status_label, target_text

CONTEXT_YEARS = 3  # years drawn before the baseline, so a chart shows where the province came from


def _layout(frame: Frame, lang: str, height: int) -> dict:
    layout = base_layout(frame, lang, height=height, left=frame.px(70), right=30, below=frame.px(40), legend="below")
    layout["legend"]["font"] = {"size": frame.px(12)}
    layout["legend"]["traceorder"] = "normal"  # one row: a legend group is otherwise stacked in a column
    layout["hovermode"] = "closest"
    return layout


def _rectangles(spans: list[tuple[float, float, float, float]]) -> tuple[list, list]:
    """x and y of closed rectangles (x0, x1, y0, y1) separated by gaps, for one filled scatter trace."""
    xs: list = []
    ys: list = []
    for x0, x1, y0, y1 in spans:
        xs += [x0, x1, x1, x0, x0, None]
        ys += [y0, y0, y1, y1, y0, None]
    return xs, ys


def rank_figure(
    series: pd.DataFrame,
    bands: pd.DataFrame,
    rows: pd.DataFrame,
    *,
    band_bottoms: dict[int, int],
    baseline: tuple[int, int, int] | None,
    lang: str,
    frame: Frame,
    height: int | None = None,
) -> dict:
    """The province's rank per year (`series`: year, rank, n; no rank where no data) over the group bands (`bands`
    from papi_data.ranking.group_bands), the target band (ranks 1 … band_bottoms[year]) in each target year, and
    each target year's status beside its result. `rows` are the target's evaluation rows."""
    years = sorted(series["year"])
    traces: list[dict] = []
    for group in GROUPS:
        part = bands[bands["group"] == group]
        xs, ys = _rectangles(
            [
                (y - 0.5, y + 0.5, f - 0.5, last + 0.5)
                for y, f, last in zip(part["year"], part["first_rank"], part["last_rank"], strict=True)
            ]
        )
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "fill": "toself",
                "fillcolor": rgba(GROUP_COLOURS[group], 0.13),
                "line": {"width": 0},
                "mode": "lines",
                "hoverinfo": "skip",
                "name": t("group_" + group, lang),
            }
        )
    xs, ys = _rectangles([(y - 0.42, y + 0.42, 0.5, bottom + 0.5) for y, bottom in sorted(band_bottoms.items())])
    traces.append(
        {
            "type": "scatter",
            "x": xs,
            "y": ys,
            "fill": "toself",
            "fillcolor": CLEAR,
            "fillpattern": {"shape": "/", "fgcolor": TARGET, "size": 8, "solidity": 0.15},
            "line": {"color": TARGET, "width": 1.5, "dash": "dash"},
            "mode": "lines",
            "hoverinfo": "skip",
            "name": t("plan_target_band", lang),
        }
    )
    ranks = [None if pd.isna(r) else int(r) for r in series["rank"]]
    labels = [
        t("no_data", lang) if r is None else t("rank_of", lang, rank=r, n=int(n))
        for r, n in zip(ranks, series["n"], strict=True)
    ]
    traces.append(
        {
            "type": "scatter",
            "x": years,
            "y": ranks,
            "mode": "lines+markers",
            "line": {"color": RESULT_LINE, "width": 2.5},
            "marker": {"size": 8, "color": RESULT_LINE},
            "connectgaps": False,
            "text": labels,
            "hovertemplate": "%{x}: %{text}<extra></extra>",
            "name": frame.title.split(":")[0],
        }
    )
    most = int(max([*series["n"].dropna(), *bands["last_rank"], 1]))  # the lowest rank drawn
    annotations: list[dict] = []
    shapes: list[dict] = []
    for _, row in rows.iterrows():
        year = int(row["target_year"])
        colour = STATUS_MARK_COLOURS[row["status"]]
        # the rank the rule compared (among a set, for rank_within_at_most); a group's rule compares a score
        compared = row["value"] if row["gap_unit"] == "places" else row["rank"]
        rank = compared if row["status"] in ("achieved", "missed") else None
        if rank is not None and not pd.isna(rank):
            traces.append(
                {
                    "type": "scatter",
                    "x": [year],
                    "y": [int(rank)],
                    "mode": "markers",
                    "marker": {"size": 16, "color": colour, "line": {"color": WHITE, "width": 2}},
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
            bottom = band_bottoms.get(year)
            if bottom is not None and row["gap_unit"] == "places":  # the gap as a dotted line from the band's edge
                traces.append(
                    {
                        "type": "scatter",
                        "x": [year, year],
                        "y": [bottom + 0.5, int(rank)],
                        "mode": "lines",
                        "line": {"color": colour, "width": 2, "dash": "dot"},
                        "hoverinfo": "skip",
                        "showlegend": False,
                    }
                )
            text = status_label(row["status"], lang)
            if row["gap_unit"] == "places" and not pd.isna(row["gap"]):  # a group's gap is told beside the chart
                text += f": {gap_text(row, lang)}"  # (and an unreachable rank has none)
            annotations.append(_note(year, int(rank), text, colour, frame, down=rank < most / 2, ax=30))
        else:
            shapes.append(_column(year, row["status"]))
            annotations.append(_column_label(year, row["status"], lang, frame))
    if baseline is not None:
        year, rank, n = baseline
        traces.append(
            {
                "type": "scatter",
                "x": [year],
                "y": [rank],
                "mode": "markers",
                "marker": {"size": 16, "color": CLEAR, "line": {"color": RESULT_LINE, "width": 2.5}},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
        label = t("plan_baseline_mark", lang, year=year, value=t("rank_of", lang, rank=rank, n=n))
        annotations.append(_note(year, rank, label, RESULT_LINE, frame, down=rank < most / 2, ax=-30))
    layout = _layout(frame, lang, height or 520)
    layout["annotations"] += annotations
    layout["shapes"] = shapes
    layout["xaxis"] = {"tickmode": "array", "tickvals": years, "range": [years[0] - 0.6, years[-1] + 0.6]}
    layout["yaxis"] = {
        "range": [most + 1, 0],  # reversed: rank 1 at the top
        "tickvals": list(range(1, most + 1)) if most <= 15 else [1, *range(10, most + 1, 10)],  # a small set: each
        "title": {"text": t("plan_axis_rank", lang)},
        "zeroline": False,
    }
    return {"data": traces, "layout": layout}


def _column(year: int, status: str) -> dict:
    """A year with no result to draw (no data, or not published yet): a shaded column over the whole plot."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": year - 0.45,
        "x1": year + 0.45,
        "y0": 0,
        "y1": 1,
        "fillcolor": rgba(STATUS_MARK_COLOURS[status], 0.15),
        "line": {"width": 0},
        "layer": "below",
    }


def _column_label(year: int, status: str, lang: str, frame: Frame) -> dict:
    return {
        "x": year,
        "y": 0.5,
        "xref": "x",
        "yref": "paper",
        "text": status_label(status, lang),
        "textangle": -90,
        "showarrow": False,
        "font": {"size": frame.px(13), "color": MUTED},
    }


def _note(x: float, y: float, text: str, colour: str, frame: Frame, *, down: bool = False, ax: int = 0) -> dict:
    """A label tied to a point by a short line, drawn above it or (`down`) below it."""
    return {
        "x": x,
        "y": y,
        "text": text,
        "showarrow": True,
        "arrowhead": 0,
        "arrowcolor": colour,
        "ax": ax,
        "ay": 38 if down else -38,
        "yanchor": "top" if down else "bottom",
        "font": {"size": frame.px(12), "color": colour},
        "bgcolor": LEGEND_BACKGROUND,
    }


def score_figure(
    series: pd.DataFrame,
    means: pd.DataFrame,
    rows: pd.DataFrame,
    *,
    baseline: tuple[int, float] | None,
    lang: str,
    frame: Frame,
    axis_title: str,
    height: int | None = None,
) -> dict:
    """The province's score per year of one scale era (`series`: year, score) beside the national mean (`means`:
    year, mean), the threshold in each target year, and the gap from it to the result."""
    years = sorted(series["year"])
    scores = [None if pd.isna(s) else round(float(s), 4) for s in series["score"]]
    traces: list[dict] = [
        {
            "type": "scatter",
            "x": list(means["year"]),
            "y": [round(float(m), 4) for m in means["mean"]],
            "mode": "lines",
            "line": {"color": MEAN_LINE, "dash": "dash", "width": 1.5},
            "name": t("national_mean", lang),
            "hovertemplate": "%{x}: %{y:.2f}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": years,
            "y": scores,
            "mode": "lines+markers",
            "line": {"color": RESULT_LINE, "width": 2.5},
            "marker": {"size": 8, "color": RESULT_LINE},
            "connectgaps": False,
            "name": frame.title.split(":")[0],
            "hovertemplate": "%{x}: %{y:.2f}<extra></extra>",
        },
    ]
    annotations: list[dict] = []
    shapes: list[dict] = []
    for _, row in rows.iterrows():
        year = int(row["target_year"])
        colour = STATUS_MARK_COLOURS[row["status"]]
        if not pd.isna(row["threshold"]):
            traces.append(
                {
                    "type": "scatter",
                    "x": [year - 0.4, year + 0.4],
                    "y": [round(float(row["threshold"]), 4)] * 2,
                    "mode": "lines",
                    "line": {"color": TARGET, "width": 2, "dash": "dash"},
                    "name": t("plan_col_target", lang),
                    "legendgroup": "target",
                    "showlegend": bool(year == rows["target_year"].iloc[0]),
                    "hoverinfo": "skip",
                }
            )
            threshold = t("plan_target_value", lang, op=row["comparator"], value=fmt_number(row["threshold"], lang))
            annotations.append(
                {
                    "x": year - 0.42,
                    "y": round(float(row["threshold"]), 4),
                    "text": threshold,
                    "xanchor": "right",
                    "showarrow": False,
                    "font": {"size": frame.px(12), "color": TARGET},
                }
            )
        if row["status"] in ("achieved", "missed"):
            value = round(float(row["value"]), 4)
            traces.append(
                {
                    "type": "scatter",
                    "x": [year, year],
                    "y": [round(float(row["threshold"]), 4), value],
                    "mode": "lines+markers",
                    "line": {"color": colour, "width": 2, "dash": "dot"},
                    "marker": {"size": [0, 16], "color": colour},
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
            text = f"{status_label(row['status'], lang)}: {fmt_change(row['gap'], lang)}"
            annotations.append(_note(year, value, text, colour, frame, ax=30))
        else:
            shapes.append(_column(year, row["status"]))
            annotations.append(_column_label(year, row["status"], lang, frame))
    if baseline is not None:
        year, score = baseline
        label = t("plan_baseline_mark", lang, year=year, value=fmt_number(score, lang))
        annotations.append(_note(year, round(score, 4), label, RESULT_LINE, frame, down=True, ax=-30))
    layout = _layout(frame, lang, height or 460)
    layout["annotations"] += annotations
    layout["shapes"] = shapes
    layout["xaxis"] = {"tickmode": "array", "tickvals": years, "range": [years[0] - 0.6, years[-1] + 0.6]}
    layout["yaxis"] = {"title": {"text": axis_title}, "tickformat": ".1f", "gridcolor": GRID}
    return {"data": traces, "layout": layout}


def dimension_figure(
    checks: pd.DataFrame, ref: PlanRef, *, pending: bool, lang: str, frame: Frame, height: int | None = None
) -> dict:
    """Small multiples, one per dimension the rule looks at (`checks` from papi_data.plans.evaluate.dimension_checks
    for one
    target and year): the province's score in the baseline and target year, and the national mean of each (or, for
    a rule with a group, that group's lowest score). `pending`: the target year is not published yet."""
    count = max(len(checks), 1)
    cols = min(4, count)
    rows_n = math.ceil(count / cols)
    gap_x, gap_y = 0.07, 0.16
    width = (1 - gap_x * (cols - 1)) / cols
    panel_height = (1 - gap_y * (rows_n - 1)) / rows_n
    traces: list[dict] = []
    layout = _layout(frame, lang, height or 170 + 260 * rows_n)
    for i, c in enumerate(checks.itertuples()):
        axis = "" if i == 0 else str(i + 1)
        col, row = i % cols, i // cols
        x0 = col * (width + gap_x)
        y1 = 1 - row * (panel_height + gap_y)
        ok = bool_or_none(c.ok)
        status = "pending" if pending else "no_data" if ok is None else "achieved" if ok else "missed"
        colour = STATUS_MARK_COLOURS[status]
        base_year = int_or_none(c.baseline_year)
        x = [str(base_year or ""), str(c.target_year)] if base_year else [str(c.target_year)]
        values = [float_or_none(c.baseline_score), float_or_none(c.score)][-len(x) :]
        floor = float_or_none(c.floor)
        if floor is not None:  # the group's lowest score is what the dimension must reach; the mean is not asked
            means = [None, floor][-len(x) :]
        else:
            means = [float_or_none(c.baseline_mean), float_or_none(c.mean)][-len(x) :]
        traces.append(
            {
                "type": "scatter",
                "x": x,
                "y": [None if v is None else round(v, 4) for v in values],
                "mode": "lines+markers+text",
                "line": {"color": colour, "width": 2.5},
                "marker": {"size": 12, "color": [RESULT_LINE, colour]},
                "text": [fmt_number(v, lang) for v in values],
                "textposition": "middle right",
                "cliponaxis": False,
                "xaxis": "x" + axis,
                "yaxis": "y" + axis,
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
        traces.append(
            {
                "type": "scatter",
                "x": x,
                "y": [None if m is None else round(m, 4) for m in means],
                "mode": "markers",
                "marker": {"symbol": "line-ew-open", "size": 26, "color": MEAN_LINE, "line": {"width": 3}},
                "xaxis": "x" + axis,
                "yaxis": "y" + axis,
                "name": t("plan_group_floor" if floor is not None else "national_mean", lang),
                "showlegend": i == 0,
                "hovertemplate": "%{x}: %{y:.2f}<extra></extra>",
            }
        )
        known = [v for v in [*values, *means] if v is not None] or [0.0]
        layout[f"xaxis{axis}"] = {
            "domain": [x0, x0 + width],
            "anchor": "y" + axis,
            "type": "category",
            "range": [-0.5, len(x) - 0.1],
        }
        layout[f"yaxis{axis}"] = {
            "domain": [y1 - panel_height, y1],
            "anchor": "x" + axis,
            "range": [min(known) - 0.3, max(known) + 0.3],
            "tickformat": ".1f",
            "gridcolor": GRID,
        }
        label = f"{STATUS_ICONS[status]} {ref.name(as_str(c.dimension), lang)}"
        layout["annotations"].append(
            {
                "text": f"<b>{label}</b>",
                "x": x0,
                "y": y1 + 0.02,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": frame.px(13), "color": colour if status != "no_data" else MUTED},
            }
        )
    layout["margin"]["t"] += frame.px(40)  # the panels' names above the first row
    return {"data": traces, "layout": layout}


def _series(rows: pd.DataFrame, years: range, column: str) -> pd.DataFrame:
    """`column` (rank or score) and N per year of `years` from a line's rows (one per year); a year without data keeps
    its row."""
    mine = rows.set_index("year")
    out = pd.DataFrame({"year": list(years)})
    out[column] = out["year"].map(mine[column]).astype("float64")
    out["n"] = out["year"].map(mine["n"]).astype("float64")
    return out


def _scale_span(table: pd.DataFrame, metric: str, year: int, lang: str) -> tuple[str, set[int]]:
    """The scale of a metric in `year` as text, and the years on that same scale (a sub-dimension's segment; every
    year for the others, whose eras are handled by the caller)."""
    if not is_subdimension(metric):
        return metric_scale(metric, year, lang), set(range(int(table["year"].min()), int(table["year"].max()) + 1))
    rows = table[table["dimension"] == metric].drop_duplicates("year").set_index("year")
    known = year if year in rows.index else int(rows.index.max())
    low, high = as_float(rows.at[known, "scale_low"]), as_float(rows.at[known, "scale_high"])
    scale = t("scale", lang, low=fmt_number(low, lang), high=fmt_number(high, lang))
    return scale, {int(y) for y in rows.index[rows["segment"] == rows.at[known, "segment"]]}


def target_figures(
    target: pd.Series,
    results: pd.DataFrame,
    checks: pd.DataFrame,
    table: pd.DataFrame,
    ranks: pd.DataFrame,
    bands: pd.DataFrame,
    national: pd.DataFrame,
    ref: PlanRef,
    names: pd.Series,
    lang: str,
    latest: int,
    doc: str,
    frame: Frame,
    cite: Callable[[Iterable[int]], str],
) -> list[tuple[str, Chart]]:
    """(widget key, chart) for a target: the rank line (rank and group targets; among its set for a rank among
    a set), the score line, or small multiples for each target year of a counting rule (none for a year whose rule
    selected no dimension).

    `results` are the target's evaluation rows (main reading), `checks` papi_data.plans.evaluate.dimension_checks,
    `table` papi_data.plans.measures.plan_table, `ranks` and `bands` every rank line's rows and group bands
    (papi_data.plans.lines.target_ranks and target_bands), `national` papi_data.stats.national of `table`, `ref` the
    names (ui.core.plan_status.PlanRef), `names` province names by code, `doc` the document's label (escaped for
    plotly), `frame` the page's frame (its link; titles are set here) and `cite` the source line of the years a chart
    shows."""
    code, years = target["province_code"], [int(y) for y in target["target_years"]]
    base = None if pd.isna(target["baseline_year"]) else int(target["baseline_year"])
    metric = metric_phrase(target["metric"], target["dimension"], ref, lang)
    if target["rule"] in COUNTING_RULES:
        return _counting_figures(target, results, checks, ref, names, lang, doc, frame, cite, (metric, latest))
    dimension = TOTAL if target["metric"].startswith("total_") else str(target["dimension"])
    first = max(int(table["year"].min()), min(years + ([base] if base else [])) - CONTEXT_YEARS)
    span = range(first, max([*years, latest]) + 1)
    summary = target_text(target, ref, lang)
    if target["metric"].endswith("_score"):
        scale, same = _scale_span(table, dimension, min(years[0], latest), lang)
        span_years = [y for y in span if y >= era(years[0]) and (y in same or y > latest)]  # never two scales
        mine = table[(table["province_code"] == code) & (table["dimension"] == dimension)]
        series = _series(mine, range(span_years[0], span.stop), "score")
        series = series[series["year"].isin(span_years)]
        base_score = None if base is None else float_or_none(series.set_index("year")["score"].get(base))
        chart = Chart(
            partial(
                score_figure,
                series,
                national[(national["dimension"] == dimension) & national["year"].isin(span_years)],
                results,
                baseline=None if base is None or base_score is None else (base, base_score),
                lang=lang,
                axis_title=f"{ref.name(dimension, lang, short=False)} ({scale})",
            ),
            replace(
                frame,
                source=cite(span_years),
                title=t("plan_chart_score_title", lang, province=names[code], metric=metric),
                subtitle=t("plan_chart_score_subtitle", lang, target=summary, doc=doc),
            ),
            plan_sentence(names[code], metric, results, ref, lang, latest),
        )
        return [(f"chart_{target['id']}", chart)]
    among = _listed(target["among_provinces"])
    target_ranks = {as_int(r.target_year): int_or_none(r.target_rank) for r in results.itertuples()}
    series = _series(ranks[ranks["target_id"] == target["id"]], span, "rank")
    shown_bands = bands[bands["target_id"] == target["id"]]  # none among a set: PAPI's groups are national
    if among is not None:
        title = t("plan_chart_rank_among_title", lang, province=names[code], among=ref.among(target["id"], lang))
    else:
        title = t("plan_chart_rank_title", lang, province=names[code], metric=metric)
    first_result = results.iloc[0]
    baseline = None
    if base is not None and not pd.isna(first_result["baseline_rank"]):
        baseline = (base, int(first_result["baseline_rank"]), int(first_result["baseline_n"]))
    chart = Chart(
        partial(
            rank_figure,
            series,
            shown_bands[shown_bands["year"].isin(span)],
            results,
            band_bottoms={year: rank for year, rank in target_ranks.items() if rank is not None},
            baseline=baseline,
            lang=lang,
        ),
        replace(
            frame,
            source=cite(span),
            title=title,
            subtitle=t("plan_chart_rank_subtitle", lang, target=summary, doc=doc),
        ),
        plan_sentence(names[code], metric, results, ref, lang, latest),
    )
    return [(f"chart_{target['id']}", chart)]


def _listed(value: object) -> list[str] | None:
    return [str(v) for v in value] if isinstance(value, list | tuple | np.ndarray) else None


def _counting_figures(
    target: pd.Series,
    results: pd.DataFrame,
    checks: pd.DataFrame,
    ref: PlanRef,
    names: pd.Series,
    lang: str,
    doc: str,
    frame: Frame,
    cite: Callable[[Iterable[int]], str],
    said: tuple[str, int],
) -> list[tuple[str, Chart]]:
    """Small multiples for each target year of a counting rule; `said` is the metric's phrase and the latest year
    PAPI published, for each chart's sentence."""
    code = target["province_code"]
    base = None if pd.isna(target["baseline_year"]) else int(target["baseline_year"])
    meeting = target["rule"] == "dimensions_meeting"
    figures: list[tuple[str, Chart]] = []
    for row in results.itertuples():
        year = as_int(row.target_year)
        mine = checks[(checks["target_id"] == target["id"]) & (checks["target_year"] == year)]
        if mine.empty:
            continue
        if meeting:
            title = t("plan_chart_meeting_title", lang, province=names[code], year=year)
            subtitle = t("plan_chart_meeting_subtitle", lang, target=target_text(target, ref, lang), doc=doc)
        else:
            which = t(f"plan_which_{target['rule']}", lang)
            title = t("plan_chart_dims_title", lang, province=names[code], which=which, base=base)
            subtitle = t("plan_chart_dims_subtitle", lang, base=base, year=year, doc=doc)
        chart = Chart(
            partial(dimension_figure, mine, ref, pending=as_str(row.status) == "pending", lang=lang),
            replace(frame, source=cite([base, year] if base else [year]), title=title, subtitle=subtitle),
            plan_sentence(names[code], said[0], results[results["target_year"] == year], ref, lang, said[1]),
        )
        figures.append((f"chart_{target['id']}_{year}", chart))
    return figures

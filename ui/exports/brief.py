"""A one-page province brief (A4, PDF) for officials to print: the total, rank of N, group and change; the radar; the
rank over the last eight years; the dimensions furthest from the best; the province's plan targets; sources and date.

`brief_facts` gathers the figures from the store's tables (pure); `brief_html` lays them out as a print page (pure);
`brief_pdf` renders the two charts as SVG and prints the page with the server's shared Chromium. Chromium's
print-to-PDF is used because it shapes Vietnamese exactly as the app's own browser does, with the system's fonts
(Liberation Sans, DejaVu Sans), and keeps every word as text (selectable, searchable, read back by pdftotext); the
charts stay vectors.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from functools import partial

import pandas as pd

from papi_data.cells import float_or_none
from papi_data.overview import province_year
from papi_data.plans.evaluate import MAIN
from papi_data.profile import dimension_profile, frontier, rank_history
from papi_data.store.load import PapiStore
from papi_data.store.schema import TOTAL
from papi_data.subdimensions import furthest_from_best, subdimension_profile
from ui.charts.common import Chart
from ui.charts.frame import Canvas, Frame
from ui.charts.profile_charts import radar_axis_label, radar_figure, rank_history_figure
from ui.charts.sentences import radar_sentence, rank_history_sentence, rank_rows
from ui.core.i18n import t
from ui.core.metrics import metric_name, metric_scale
from ui.core.numbers import fmt_change, fmt_number
from ui.core.plan_status import PlanRef, date_text, document_label, result_text, status_label, target_text
from ui.exports.renderer import Renderer

TREND_YEARS = 8
FURTHEST = 3
RADAR = Canvas(width=420, height=320, scale=0.8)
TREND = Canvas(width=700, height=215, scale=0.8)


@dataclass(frozen=True)
class PlanLine:
    status: str  # achieved, missed, no_data, pending
    year: int
    document: str
    target: str
    result: str


@dataclass(frozen=True)
class BriefFacts:
    """Everything the brief says, in the reader's language, numbers formatted as the app shows them."""

    lang: str
    province: str
    year: int
    score: str  # "43,77" or "không có dữ liệu"
    scale: str  # "thang 8–80"
    rank: str  # "Hạng 29/61", or "" without data
    rank_range: str  # "có thể từ 8 đến 26" where PAPI published intervals, else ""
    group: str
    change: str  # "−0,34 so với 2023" or the reason there is none
    furthest: list[str]  # "D7 Quản trị môi trường: 3,21 (cao nhất 5,60; cách −2,39)"
    plans: list[PlanLine]
    source: str
    link: str
    made: str  # the date, as the reader writes it
    radar: Chart
    trend: Chart
    furthest_sub: list[str] = field(default_factory=list)


def published_rank_range(store: PapiStore, code: str, year: int) -> tuple[int, int] | None:
    """The ranks a province could plausibly hold given the 90% intervals PAPI published (2019, 2022, 2023; the build's
    rank_ranges, papi_data.uncertainty), or None where PAPI published none for it that year: a range is never
    invented."""
    ranges = store.table("rank_ranges")
    hit = ranges[(ranges["year"] == year) & (ranges["province_code"] == code) & ranges["best"].notna()]
    return None if hit.empty else (int(hit["best"].iloc[0]), int(hit["worst"].iloc[0]))


def furthest_subdimensions(store: PapiStore, code: str, year: int, lang: str) -> list[str]:
    """The sub-dimensions furthest from the best province (relative to each one's scale), as lines; none in a year
    without sub-dimension scores."""
    table = store.table("ranked_subdimensions")
    profile = subdimension_profile(table, store.subdimensions, store.subdimension_periods, code, year)
    far = furthest_from_best(profile, FURTHEST)
    return [
        t(
            "brief_furthest_line",
            lang,
            metric=str(row[f"name_{lang}"]),
            score=fmt_number(row["score"], lang),
            best=fmt_number(row["best"], lang),
            gap=fmt_change(row["gap_to_best"], lang),
        )
        for _, row in far.iterrows()
    ]


def brief_facts(
    store: PapiStore,
    table: pd.DataFrame,
    national: pd.DataFrame,
    bands: pd.DataFrame,
    evaluation: pd.DataFrame,
    ref: PlanRef,
    *,
    code: str,
    name: str,
    year: int,
    lang: str,
    frame: Frame,
    made: dt.date,
) -> BriefFacts:
    """The brief's figures for a province and year. `table` is the pages' scores table (ranks, groups, change),
    `national` papi_data.stats.national, `bands` the total's group bands, `evaluation` the plans' evaluation (its
    main readings are shown), `ref` the plans' names (ui.core.plan_status.PlanRef); `frame` carries the page's source
    line
    and link."""
    dimensions = store.dimensions
    card = province_year(table, code, year)
    metrics = [d for d, first in zip(dimensions["id"], dimensions["first_year"], strict=True) if year >= first]
    best = frontier(table, year)
    profile = dimension_profile(table, code, year, metrics, best).set_index("dimension")
    means = national[(national["year"] == year)].set_index("dimension")["mean"]
    spread = published_rank_range(store, code, year) if card.has_data else None
    if not card.has_data:
        change = ""
    elif card.change is None:
        change = t("change_undefined", lang, year=year - 1)
    else:
        change = f"{fmt_change(card.change, lang)} {t('change_vs_prev', lang, year=year - 1)}"
    behind = profile[profile["score"].notna() & (profile["gap_to_best"] < 0)].sort_values("gap_to_best")
    furthest = [
        t(
            "brief_furthest_line",
            lang,
            metric=metric_name(str(m), dimensions, lang, short=True),
            score=fmt_number(row["score"], lang),
            best=fmt_number(row["best"], lang),
            gap=fmt_change(row["gap_to_best"], lang),
        )
        for m, row in behind.head(FURTHEST).iterrows()
    ]
    axes = [radar_axis_label(*metric_name(m, dimensions, lang, short=True).split(" ", 1)) for m in metrics]
    series: list[dict] = [
        {"name": f"{name} {year}", "values": [float_or_none(profile.at[m, "score"]) for m in metrics]},
        {"name": t("national_mean", lang), "values": [float_or_none(means.get(m)) for m in metrics]},
        {"name": t("best_on_dimension", lang), "values": [float_or_none(profile.at[m, "best"]) for m in metrics]},
    ]
    for one, style in zip(series, ("province", "national", "frontier"), strict=True):
        one["style"] = style
    history = rank_history(table, code)
    recent = history[history["year"].between(year - TREND_YEARS + 1, year)]
    no_frame = Frame("")
    return BriefFacts(
        lang=lang,
        province=name,
        year=year,
        score=fmt_number(card.score, lang),
        scale=metric_scale(TOTAL, year, lang),
        rank=t("rank_of", lang, rank=card.rank, n=card.n) if card.has_data else "",
        rank_range=t("brief_rank_range", lang, best=spread[0], worst=spread[1]) if spread else "",
        group=t("group_" + card.group, lang) if card.group else t("no_data", lang),
        change=change,
        furthest=furthest,
        furthest_sub=furthest_subdimensions(store, code, year, lang),
        plans=_plan_lines(evaluation, store.plans, store.targets, ref, code, year, int(table["year"].max()), lang),
        source=frame.source,
        link=frame.link,
        made=date_text(made, lang),
        radar=Chart(
            partial(radar_figure, axes, series, lang=lang),
            no_frame,
            radar_sentence(
                name,
                year,
                {m: float_or_none(profile.at[m, "score"]) for m in metrics},
                partial(metric_name, dimensions=dimensions, lang=lang, short=True),
                lang,
            ),
        ),
        trend=Chart(
            partial(
                rank_history_figure,
                recent,
                bands[bands["year"].isin(recent["year"])],
                lang=lang,
                province_name=name,
            ),
            no_frame,
            rank_history_sentence(name, year, rank_rows(recent), lang),
        ),
    )


def _plan_lines(
    evaluation: pd.DataFrame,
    plans: pd.DataFrame,
    targets: pd.DataFrame,
    ref: PlanRef,
    code: str,
    year: int,
    latest: int,
    lang: str,
) -> list[PlanLine]:
    """Each of the province's plan targets for its target years up to the brief's year (or its first, if later).
    `latest` is the latest year PAPI published."""
    rows = evaluation[(evaluation["province_code"] == code) & (evaluation["reading"] == MAIN)]
    by_plan = plans.set_index("id")
    lines = []
    for target_id, own in rows.groupby("target_id", sort=False):
        shown = own[own["target_year"] <= year]
        shown = shown if len(shown) else own.head(1)
        for _, row in shown.iterrows():
            lines.append(
                PlanLine(
                    status=str(row["status"]),
                    year=int(row["target_year"]),
                    document=document_label(by_plan.loc[row["plan_id"]], lang),
                    target=target_text(targets[targets["id"] == target_id].iloc[0], ref, lang),
                    result=result_text(row, ref, lang, latest),
                )
            )
    return lines


def _text(value: str) -> str:
    """Chart-style text (with <br>) as escaped HTML."""
    return "<br>".join(html.escape(part) for part in re.split(r"<br\s*/?>", value))


def _svg(data: bytes) -> str:
    text = data.decode("utf-8")
    return text[text.index("<svg") :]


STYLE = """
@page { size: A4; margin: 12mm 13mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; color: #222; font-size: 10pt;
  line-height: 1.3; }
header { border-bottom: 2px solid #08519c; padding-bottom: 4pt; margin-bottom: 8pt; }
header .kicker { color: #555; font-size: 9.5pt; }
h1 { font-size: 20pt; margin: 2pt 0 0; }
h2 { font-size: 11pt; margin: 8pt 0 3pt; color: #08519c; }
.figures { display: flex; gap: 8pt; }
.figure { flex: 1; border: 1px solid #ddd; border-radius: 4pt; padding: 5pt 7pt; }
.figure .label { color: #555; font-size: 9pt; }
.figure .value { font-size: 14pt; font-weight: bold; }
.figure .note { font-size: 9pt; color: #444; }
.row { display: flex; gap: 10pt; align-items: flex-start; }
.row > .chart { flex: 0 0 auto; width: min-content; }  /* the chart's width: its sentence wraps under it */
.chart .note, .note { font-size: 9pt; color: #444; margin: 3pt 0 0; }
.row > .text { flex: 1; }
ul { margin: 2pt 0; padding-left: 14pt; }
li { margin-bottom: 3pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
td, th { border-top: 1px solid #ddd; padding: 2pt 4pt; text-align: left; vertical-align: top; }
footer { margin-top: 8pt; border-top: 1px solid #ccc; padding-top: 4pt; font-size: 8.5pt; color: #555;
  overflow-wrap: anywhere; }
svg { display: block; }
"""


def brief_html(facts: BriefFacts, radar_svg: bytes, trend_svg: bytes) -> str:
    """The print page: one A4 sheet."""
    lang = facts.lang
    e = html.escape
    rank_note = f'<div class="note">{e(facts.rank_range)}</div>' if facts.rank_range else ""
    figures = [
        (t("brief_score", lang), facts.score, f'<div class="note">{e(facts.scale)}</div>'),
        (t("col_rank", lang), facts.rank or t("no_data", lang), rank_note),
        (t("col_group", lang), facts.group, ""),
        (t("col_change", lang), facts.change or t("no_data", lang), ""),
    ]
    cards = "".join(
        f'<div class="figure"><div class="label">{e(label)}</div><div class="value">{e(value)}</div>{note}</div>'
        for label, value, note in figures
    )
    furthest = "".join(f"<li>{e(line)}</li>" for line in facts.furthest) or f"<li>{e(t('brief_none', lang))}</li>"
    sub = "".join(f"<li>{e(line)}</li>" for line in facts.furthest_sub)
    sub_part = f"<h2>{e(t('brief_furthest_sub', lang))}</h2><ul>{sub}</ul>" if sub else ""
    if facts.plans:
        rows = "".join(
            f"<tr><td>{e(status_label(p.status, lang))}</td><td>{p.year}</td><td>{e(p.document)}: {e(p.target)}</td>"
            f"<td>{e(p.result)}</td></tr>"
            for p in facts.plans
        )
        head = "".join(
            f"<th>{e(t(k, lang))}</th>"
            for k in ("plan_col_status", "plan_col_year", "plan_col_target", "plan_col_result")
        )
        plans = f"<h2>{e(t('brief_plans', lang))}</h2><table><tr>{head}</tr>{rows}</table>"
    else:
        plans = ""
    first = facts.year - TREND_YEARS + 1
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{e(facts.province)} · PAPI {facts.year}</title>
<style>{STYLE}</style></head>
<body>
<header><div class="kicker">{e(t("app_title", lang))} · {e(t("brief_kind", lang))}</div>
<h1>{e(t("profile_heading", lang, name=facts.province, year=facts.year))}</h1></header>
<section class="figures">{cards}</section>
<div class="row">
<div class="chart"><h2>{e(t("radar_heading", lang, name=facts.province, year=facts.year))}</h2>{_svg(radar_svg)}
<p class="note">{e(facts.radar.sentence)}</p></div>
<div class="text"><h2>{e(t("brief_furthest", lang))}</h2><ul>{furthest}</ul>{sub_part}</div>
</div>
<h2>{e(t("brief_trend", lang, first=first, last=facts.year))}</h2>
{_svg(trend_svg)}
<p class="note">{e(facts.trend.sentence)}</p>
{plans}
<footer>{_text(facts.source)}<br>{e(t("brief_made", lang, date=facts.made))} · {e(facts.link)}</footer>
</body></html>"""


def brief_pdf(facts: BriefFacts, renderer: Renderer) -> bytes:
    radar, trend = (
        renderer.image(chart.figure(canvas), "svg", canvas.width or 0, canvas.height or 0)
        for chart, canvas in ((facts.radar, RADAR), (facts.trend, TREND))
    )
    return renderer.pdf(brief_html(facts, radar, trend))

"""One chart of every type the app draws, built from the real store as the pages build them (with a long link in the
frame, as a real view has): for the export tests and the export benchmark."""

from __future__ import annotations

from functools import partial

import pandas as pd

from geo import loader, static_files
from papi_data.citation import citation
from papi_data.explore import Filters, apply_filters
from papi_data.overview import year_metric
from papi_data.plans.evaluate import dimension_checks, evaluate
from papi_data.profile import frontier, rank_history
from papi_data.ranking import group_bands, with_ranks
from papi_data.stats import national, with_change
from papi_data.store.load import PapiStore
from papi_data.store.schema import TOTAL
from ui.charts.choropleth import hover_texts, map_figure
from ui.charts.common import Chart
from ui.charts.explorer_charts import regions_chart, scatter_chart, slope_chart
from ui.charts.frame import Frame, source_line
from ui.charts.plan_charts import target_figures
from ui.charts.profile_charts import (
    metric_panel,
    radar_axis_label,
    radar_figure,
    rank_history_figure,
    total_panels,
    trend_panel_figure,
)
from ui.charts.ranking_bar import ranking_figure
from ui.core.i18n import t
from ui.core.labels import build_labels
from ui.core.metrics import build_metrics, metric_name
from ui.core.plan_status import PlanRef, plan_ref

YEAR = 2024
LINK = (
    "http://papi.intranet.example.vn:8501/kham-pha?lang={lang}&years=2018-2024&metrics=total,d1_participation"
    "&regions=red_river_delta&groups=best,high_average&scores=1.0-10.0&q=ha%20noi&base=2018&chart=scatter"
)


def scores_table(store: PapiStore) -> pd.DataFrame:
    names = store.provinces[["code", "name_vi", "name_en", "region_id"]].rename(columns={"code": "province_code"})
    return with_change(with_ranks(store.scores)).merge(names, on="province_code", how="left")


def lines(rows: pd.DataFrame) -> dict[str, dict[int, float]]:
    """One metric's rows as the profile's trends read them (ui/profile/data.py): column → year → value, none where
    missing."""
    return {
        column: {int(y): float(v) for y, v in zip(rows["year"], rows[column], strict=True) if not pd.isna(v)}
        for column in ("score", "mean", "q25", "q75", "min", "max")
        if column in rows
    }


def plan_names(store: PapiStore) -> PlanRef:
    """The plans' names as the app makes them (ui/core/data.py)."""
    return plan_ref(store, build_metrics(store.dimensions, store.subdimensions, store.subdimension_periods, YEAR))


def charts(store: PapiStore, lang: str) -> dict[str, Chart]:
    """Every chart type, by name: map, ranking, radar, a dimension's trend, the total's, rank history, the explorer's
    three and the plans' three."""
    table = scores_table(store)
    nat = national(store.scores)
    bands = group_bands(table)
    names = store.provinces.set_index("code")[f"name_{lang}"]
    link = LINK.format(lang=lang)

    def cite(years: int | list[int]) -> str:
        return citation(store.report_partners, store.partners, years, lang)

    def frame(title: str, subtitle: str = "", with_map: bool = False) -> Frame:
        return Frame(title, subtitle, source_line(cite(YEAR), lang, with_map), link)

    rows = year_metric(table, store.provinces, YEAR, TOTAL)
    scale = t("scale", lang, low=8, high=80)
    out: dict[str, Chart] = {
        "map": Chart(
            partial(
                map_figure,
                rows,
                f"/app/static/{static_files.provinces_63_url_path()}",  # as the page names it; exports put it inline
                hover_texts(rows, lang, with_2025=True),
                lang=lang,
                colour_by_group=True,
                colorbar_title=scale,
                selected="01",
                outlines_2025=loader.borders_34(),
                archipelagos=loader.archipelago_labels(),
            ),
            frame(
                t("map_heading", lang, year=YEAR),
                t("map_subtitle", lang, metric=t("total", lang), scale=scale, n=61, total=63),
                True,
            ),
        ),
        "ranking": Chart(
            partial(ranking_figure, rows, lang=lang, colour_by_group=False, highlight={"01", "79", "27"}),
            frame(t("ranking_heading", lang, year=YEAR), f"{t('total', lang)} ({scale})"),
        ),
    }
    name = names["01"]
    metrics = list(store.dimensions["id"])
    best = frontier(table, YEAR).set_index("dimension")["best"]
    mine = table[(table["year"] == YEAR) & (table["province_code"] == "01")].set_index("dimension")["score"]
    means = nat[nat["year"] == YEAR].set_index("dimension")["mean"]
    axes = [radar_axis_label(*metric_name(m, store.dimensions, lang, short=True).split(" ", 1)) for m in metrics]
    series = [
        {"name": f"{name} {YEAR}", "values": [float(mine[m]) for m in metrics], "style": "province"},
        {"name": names["79"], "values": [5.0] * len(metrics), "style": "compare"},
        {"name": t("national_mean", lang), "values": [float(means[m]) for m in metrics], "style": "national"},
        {"name": t("best_on_dimension", lang), "values": [float(best[m]) for m in metrics], "style": "frontier"},
    ]
    out["radar"] = Chart(
        partial(radar_figure, axes, series, lang=lang), frame(t("radar_heading", lang, name=name, year=YEAR))
    )
    national_by = dict(tuple(nat.groupby("dimension")))
    mine_by = dict(tuple(table[table["province_code"] == "01"].groupby("dimension")))
    years = sorted(table["year"].unique())
    panels = [
        metric_panel(
            lines(national_by[m]),
            lines(mine_by[m]),
            [y for y in years if y >= first],
            metric_name(m, store.dimensions, lang, short=True),
        )
        for m, first in zip(store.dimensions["id"], store.dimensions["first_year"], strict=True)
    ]
    out["trend"] = Chart(
        partial(trend_panel_figure, panels[0], lang=lang, province_name=name), frame(panels[0]["name"], name)
    )
    total = total_panels(lines(national_by[TOTAL]), lines(mine_by[TOTAL]), years, lang)[-1]
    out["total"] = Chart(partial(trend_panel_figure, total, lang=lang, province_name=name), frame(total["name"], name))
    out["rank_history"] = Chart(
        partial(rank_history_figure, rank_history(table, "01"), bands, lang=lang, province_name=name),
        frame(t("rank_heading", lang, name=name), t("rank_subtitle", lang)),
    )
    labels = build_labels(
        store, build_metrics(store.dimensions, store.subdimensions, store.subdimension_periods, YEAR), lang
    )
    shown = apply_filters(table, store.provinces, Filters(years=(2018, YEAR)))
    blank = frame("")
    for key, (chart, _) in {
        "scatter": scatter_chart(shown, "d1_participation", "d4_control_of_corruption", YEAR, labels, lang, blank),
        "regions": regions_chart(shown, TOTAL, YEAR, labels, lang, blank),
        "slope": slope_chart(shown, TOTAL, 2018, YEAR, labels, lang, blank),
    }.items():
        assert chart is not None, key
        out[key] = chart
    evaluation = evaluate(store.targets, table, YEAR, store.provinces)
    checks = dimension_checks(store.targets, table, YEAR, nat)
    # A rank target, a group target, a score target and a dimension rule: the plans page's three kinds of chart.
    for kind, target_id in (
        ("plan_rank", "hn-157-rank-2023"),
        ("plan_group", "bn-176-best-group-2020-2025"),
        ("plan_score", "hcm-2024-total-score"),
        ("plan_dimensions", "hn-441-weak-dims-2022"),
    ):
        target = store.targets[store.targets["id"] == target_id].iloc[0]
        results = evaluation[evaluation["target_id"] == target_id]
        (_, out[kind]), *_ = target_figures(
            target,
            results,
            checks,
            table,
            store.table("target_ranks"),
            store.table("target_bands"),
            nat,
            plan_names(store),
            names,
            lang,
            YEAR,
            "KH 157/KH-UBND",
            blank,
            lambda years: source_line(cite(list(years)), lang),
        )
    return out

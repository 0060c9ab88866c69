"""The province profile's sections: the radar's series, the dimension table with the total's plausible rank, the
sub-dimensions of each dimension (table and trends, opened one dimension at a time), where the province is furthest
from the best, and the trends over the years with the provinces it is compared with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from papi_data.cells import as_float, as_int, as_str, str_list
from papi_data.eras import MERGER_YEAR, SET_34, SET_63, former, split_by_set
from papi_data.store.schema import TOTAL
from ui.charts.common import Chart
from ui.charts.profile_charts import (
    radar_height_beyond_width,
    rank_history_figure,
    segmented_panel,
    total_panels,
    trend_panel_figure,
)
from ui.charts.sentences import rank_history_sentence, rank_rows, trend_sentence
from ui.core import certainty, data, shell, state
from ui.core.i18n import t, tn
from ui.core.metrics import TRANSLATED_MARK, Metrics
from ui.core.numbers import change_text, fmt_change, fmt_number, fmt_plain
from ui.profile import data as profile_data

NAME_WIDTH = 28  # characters of a sub-dimension's name on one line of a trend panel's title (a phone's width)
# A small multiple's width: a phone's column holds one; a wider screen as many as fit side by side, the rest wrap to
# the next row (its text is wrapped to this width, so none is cut whatever the screen).
PANEL_PX = 300
FURTHEST = 3  # sub-dimensions in "where it is furthest from the best"


def radar_chart(radar: Chart, filename: str) -> None:
    """The radar: in present mode the screen's height, its words beside it; else as tall as its column is wide plus
    what its margins and legend take (ui/core/app.css reads --beyond), so that no empty band stands above the circle."""
    if shell.present():
        shell.chart(radar, "radar", filename, phone=True)
        return
    figure = radar.figure(shell.canvas())
    with st.container(key="radar_fill"):
        st.html(f"<style>.stApp .st-key-radar_fill {{ --beyond: {radar_height_beyond_width(figure)}px; }}</style>")
        shell.chart(radar, "radar", filename, figure=figure, height="stretch")


@dataclass(frozen=True)
class Profile:
    """What every section needs: the province, the year, the provinces it is compared with, the reader's language."""

    code: str
    year: int
    others: tuple[str, ...]
    names: dict[str, str]  # province code → name in `lang`
    years: list[int]
    lang: str
    linked: tuple[str, ...] = ()  # the provinces of the other era it is linked to (papi_data.eras), drawn beside it

    @property
    def name(self) -> str:
        return self.names[self.code]


def radar_series(
    best: pd.DataFrame, metrics: list[str], p: Profile, other_year: int, overlays: tuple[bool, bool]
) -> list[dict]:
    """The radar's series: the province, the same province in another year, the provinces compared with, and the
    national mean and the best score on each dimension when their overlays are on (`overlays`). A dimension without a
    score is None, never 0."""
    lang = p.lang

    def scores_of(province: str, in_year: int) -> list[float | None]:
        lines = profile_data.province_series(lang, province)
        return [lines.get(m, {}).get("score", {}).get(in_year) for m in metrics]

    series = [{"name": f"{p.name} {p.year}", "values": scores_of(p.code, p.year), "style": "province"}]
    if other_year:
        series.append(
            {"name": f"{p.name} {other_year}", "values": scores_of(p.code, other_year), "style": "other_year"}
        )
    series += [{"name": p.names[o], "values": scores_of(o, p.year), "style": "compare"} for o in p.others]
    show_mean, show_best = overlays
    if show_mean:
        national = profile_data.national_series(lang)
        values = [national[m]["mean"][p.year] for m in metrics]
        series.append({"name": t("national_mean", lang), "values": values, "style": "national"})
    if show_best:
        tops = best.set_index("dimension")["best"]
        values = [float(tops[m]) for m in metrics]
        series.append({"name": t("best_on_dimension", lang), "values": values, "style": "frontier"})
    return series


def dimension_table(catalogue: Metrics, p: Profile) -> None:
    """Score, rank of N, group, change (or why there is none), gap to the best and the best province per dimension
    and for the total; under it, how sure the total's rank is."""
    lang = p.lang
    profile = profile_data.dimension_profile_of(lang, p.code, p.year)
    frame = pd.DataFrame(
        {
            t("col_dimension", lang): [catalogue.name(m, lang, short=True) for m in profile["dimension"]],
            t("col_score", lang): [fmt_number(v, lang) for v in profile["score"]],
            t("col_rank", lang): [
                t("no_data", lang) if pd.isna(r) else _rank_text(int(r), int(n), m, p)
                for r, n, m in zip(profile["rank"], profile["n"], profile["dimension"], strict=True)
            ],
            t("col_group", lang): [
                t("no_data", lang) if pd.isna(g) else t("group_" + g, lang) for g in profile["group"]
            ],
            t("col_change", lang): [
                change_text(c, g, p.year, lang) for c, g in zip(profile["change"], profile["change_gap"], strict=True)
            ],
            t("col_gap_best", lang): [fmt_change(v, lang) for v in profile["gap_to_best"]],
            t("col_best_province", lang): [", ".join(p.names[c] for c in cs) for cs in profile["best_codes"]],
        }
    )
    st.dataframe(frame, hide_index=True, key="profile_table")
    st.caption(certainty.total_rank_text(p.code, p.name, p.year, p.lang))


def _rank_text(rank: int, n: int, metric: str, p: Profile) -> str:
    """ "12/61", or where the rank rests on a difference below the published precision, the near-tie it is in:
    "12/61 (sát nút: hạng 11–13, chênh tới 0,0074 điểm)"."""
    tie = profile_data.near_ties_of(p.lang, p.code, p.year).get(metric)
    if tie is None:
        return f"{rank}/{n}"
    first, last, gap = tie
    return t("rank_near_tie", p.lang, rank=rank, n=n, first=first, last=last, gap=fmt_number(gap, p.lang, 4))


def _sub_name(metric: str, number: str, catalogue: Metrics, lang: str) -> str:
    name = catalogue.names[metric, lang] + (f" {TRANSLATED_MARK}" if catalogue.is_translated(metric, lang) else "")
    return f"{number} {name}"


def furthest(catalogue: Metrics, p: Profile) -> None:
    """The sub-dimensions where the province is furthest behind the best province, relative to each scale."""
    lang = p.lang
    behind = profile_data.furthest_of(lang, p.code, p.year, FURTHEST)
    if behind.empty:
        return
    st.markdown(f"**{t('furthest_heading', lang, name=p.name, year=p.year)}**", help=t("furthest_help", lang))
    lines = []
    for _, r in behind.iterrows():
        scale = t(
            "scale",
            lang,
            low=fmt_plain(as_float(r["scale_low"]), lang),
            high=fmt_plain(as_float(r["scale_high"]), lang),
        )
        lines.append(
            "- "
            + t(
                "furthest_line",
                lang,
                name=_sub_name(as_str(r["subdimension"]), as_str(r["number"]), catalogue, lang),
                score=fmt_number(as_float(r["score"]), lang),
                best=fmt_number(as_float(r["best"]), lang),
                leaders=", ".join(p.names[c] for c in str_list(r["best_codes"])),
                gap=fmt_number(-as_float(r["gap_to_best"]), lang),
                share=fmt_number(-100 * as_float(r["gap_share"]), lang, 0),
                scale=scale,
                rank=as_int(r["rank"]),
                n=as_int(r["n"]),
            )
        )
    st.markdown("\n".join(lines))


def subdimensions(subs: pd.DataFrame, metrics: list[str], catalogue: Metrics, p: Profile) -> None:
    """One expander per dimension of the year; an open one (its state is in the URL) shows the sub-dimensions: the
    province against the national mean and the best province, and each one's trend with the provinces compared."""
    lang = p.lang
    st.subheader(t("subdims_heading", lang, year=p.year))
    furthest(catalogue, p)
    mine = profile_data.province_series(lang, p.code)
    by_dimension = dict(tuple(subs.groupby("dimension")))
    for dimension in metrics:
        rows = by_dimension.get(dimension, subs.iloc[:0])
        lines = mine.get(dimension, {})
        score = lines.get("score", {}).get(p.year)
        figure = (
            t("no_data", lang)
            if score is None
            else f"{fmt_number(score, lang)} · "
            + t("rank_of", lang, rank=int(lines["rank"][p.year]), n=int(lines["n"][p.year]))
        )
        label = f"**{catalogue.name(dimension, lang)}**: {figure} · {tn('subdims_count', lang, len(rows), k=len(rows))}"
        section = state.member_widget(st.expander, "open", dimension, label)
        if section.open:
            with section:
                _subdimension_section(dimension, rows, catalogue, p)


def _subdimension_section(dimension: str, rows: pd.DataFrame, catalogue: Metrics, p: Profile) -> None:
    lang = p.lang
    frame = pd.DataFrame(
        {
            t("col_number", lang): rows["number"].tolist(),
            t("col_subdimension", lang): [
                catalogue.names[m, lang] + (f" {TRANSLATED_MARK}" if catalogue.is_translated(m, lang) else "")
                for m in rows["subdimension"]
            ],
            t("col_score", lang): [fmt_number(v, lang) for v in rows["score"]],
            t("col_rank", lang): [
                t("no_data", lang) if pd.isna(r) else f"{int(r)}/{n}"
                for r, n in zip(rows["rank"], rows["n"], strict=True)
            ],
            t("col_group", lang): [t("no_data", lang) if pd.isna(g) else t("group_" + g, lang) for g in rows["group"]],
            t("national_mean", lang): [fmt_number(v, lang) for v in rows["national_mean"]],
            t("col_best", lang): [fmt_number(v, lang) for v in rows["best"]],
            t("col_best_province", lang): [", ".join(p.names[c] for c in cs) for cs in rows["best_codes"]],
            t("col_gap_best", lang): [fmt_change(v, lang) for v in rows["gap_to_best"]],
        }
    )
    st.dataframe(frame, hide_index=True, key=f"subdims_{dimension}")
    scales = sorted(set(zip(rows["scale_low"], rows["scale_high"], strict=True)))
    notes = [
        t("subdims_scale", lang, scale=", ".join(f"{fmt_plain(lo, lang)}–{fmt_plain(hi, lang)}" for lo, hi in scales))
    ]
    if any(catalogue.is_translated(m, lang) for m in rows["subdimension"]):
        notes.append(t("translated_note", lang, mark=TRANSLATED_MARK))
    st.caption(" ".join(notes))
    national = profile_data.national_series(lang)
    compared = [(p.names[o], profile_data.province_series(lang, o)) for o in p.others]
    mine = profile_data.province_series(lang, p.code)
    panels = []
    for metric, number in zip(rows["subdimension"], rows["number"], strict=True):
        parts = catalogue.segment_years(metric, p.years)
        others = [(name, lines.get(metric, {})) for name, lines in compared]
        name = _wrapped(_sub_name(metric, number, catalogue, lang))
        panels.append(segmented_panel(national.get(metric, {}), mine.get(metric, {}), parts, name, others))
    trend_panels(
        panels,
        heading=t("subdims_trend_heading", lang, name=p.name, dimension=catalogue.name(dimension, lang)),
        legend=t("subdims_trend_subtitle", lang),
        p=p,
        key=f"subdims_trend_{dimension}",
        filename=f"papi-{p.code}-{catalogue.number(dimension, p.year)}-subdimension",
    )


def _wrapped(text: str) -> str:
    """A panel heading on at most two lines."""
    if len(text) <= NAME_WIDTH:
        return text
    cut = text.rfind(" ", 0, NAME_WIDTH)
    return text[:cut] + "<br>" + text[cut + 1 :]


def trends(catalogue: Metrics, p: Profile) -> None:
    """The dimensions and the total over the years (with the provinces compared and the total's published
    intervals), and the rank history with its plausible ranges."""
    lang = p.lang
    national = profile_data.national_series(lang)
    mine = profile_data.province_series(lang, p.code)
    shown = [*p.others, *(c for c in p.linked if c not in p.others)]  # the other era's: own lines, never merged
    compared = [(p.names[o], profile_data.province_series(lang, o)) for o in shown]
    dims = catalogue.dimensions
    panels = [
        segmented_panel(
            national[m],
            mine.get(m, {}),
            split_by_set([y for y in p.years if y >= first]),
            catalogue.name(m, lang, short=True),
            [(name, lines.get(m, {})) for name, lines in compared],
        )
        for m, first in zip(dims["id"], dims["first_year"], strict=True)
    ]
    legend = t("trends_subtitle", lang, name=p.name)
    if compared:
        legend += t("trends_compared", lang, names=", ".join(name for name, _ in compared))
    trend_panels(
        panels, heading=t("trends_heading", lang, name=p.name), legend=legend, p=p, key="trend", filename="trend"
    )
    others = [(name, lines.get(TOTAL, {})) for name, lines in compared]
    trend_panels(
        total_panels(national[TOTAL], mine.get(TOTAL, {}), p.years, lang, others),
        heading=t("totals_heading", lang, name=p.name),
        legend=f"{t('totals_subtitle', lang)}. {legend}",
        p=p,
        key="total",
        filename="total",
    )
    ranges = data.rank_ranges_table(lang)
    shell.chart(
        Chart(
            partial(
                rank_history_figure,
                profile_data.rank_history_of(lang, p.code),
                data.group_bands(lang),
                lang=lang,
                province_name=p.name,
                ranges=ranges[ranges["province_code"] == p.code],
            ),
            shell.frame(t("rank_heading", lang, name=p.name), t("rank_subtitle", lang), lang, p.years),
            rank_history_sentence(p.name, p.year, rank_rows(profile_data.rank_history_of(lang, p.code)), lang),
        ),
        "rank_history",
        f"papi-{p.code}-rank",
    )


def trend_panels(
    panels: Sequence[dict],
    *,
    heading: str,
    legend: str,
    p: Profile,
    key: str,
    filename: str,
) -> None:
    """Small multiples under one heading: a figure per metric, PANEL_PX wide, in rows that wrap; the heading and the
    line saying what the line, the dashes and the band are, once for all the panels."""
    st.markdown(f"**{heading}**")
    st.caption(legend)
    with st.container(horizontal=True, wrap=True, gap="medium"):
        for i, panel in enumerate(panels):
            with st.container(width=PANEL_PX):
                years = [y for part in panel["parts"] for y in part["years"]]
                frame = shell.frame(panel["name"], p.name, p.lang, years)
                figure = Chart(
                    partial(trend_panel_figure, panel, lang=p.lang, province_name=p.name),
                    frame,
                    trend_sentence(panel, p.name, p.lang),
                )
                shell.chart(figure, f"{key}_{i}", f"papi-{p.code}-{filename}-{i + 1}", width=PANEL_PX)


def other_era_notice(provinces: pd.DataFrame, code: str, year: int, names: dict[str, str], lang: str) -> bool:
    """Where the province did not exist in the year's survey (a former province from 2025, a new one before): say so
    and offer the provinces that stand for it then. Returns whether it said so."""
    in_set = provinces.loc[provinces["code"] == code, "province_set"].iloc[0] == (
        SET_63 if year < MERGER_YEAR else SET_34
    )
    if in_set:
        return False
    others = profile_data.linked_of(lang, code)
    key = "other_era_former" if year >= MERGER_YEAR else "other_era_new"
    st.info(t(key, lang, name=names[code], year=year, others=", ".join(names[o] for o in others)), icon="ℹ️")
    for other in others:
        st.button(
            t("open_profile_of", lang, name=names[other]),
            on_click=state.set_value,
            args=("province", other),
            key=f"era_{other}",
            icon=":material/arrow_forward:",
        )
    return True


def since_2025(provinces: pd.DataFrame, code: str, codes_by_name: Sequence[str], lang: str) -> None:
    """Which province it belongs to since 1 July 2025, and a button to each former province merged with it; for a
    province of the 34, the former provinces it was formed from."""
    st.subheader(t("profile_section_since_2025", lang))
    by_code = provinces.set_index("code")
    if by_code.at[code, "province_set"] != SET_63:
        formed = [str(by_code.at[c, f"name_{lang}"]) for c in former(provinces, code)]
        st.markdown(t("formed_from", lang, names=", ".join(formed)))
        st.caption(t("merger_note", lang))
        return
    codes_by_name = [c for c in codes_by_name if by_code.at[c, "province_set"] == SET_63]
    new_code_of = by_code["code_2025"].to_dict()
    name = by_code.at[code, f"name_{lang}"]
    partners = [c for c in codes_by_name if c != code and new_code_of[c] == new_code_of[code]]
    if not partners:
        st.markdown(t("merger_same", lang, name=name))
    else:
        st.markdown(t("merger_into", lang, name=name, new=by_code.at[code, f"name_2025_{lang}"]))
        for partner in partners:  # a button, not a page link: the page is already open, so its URL is not reread
            st.button(
                t("open_profile_of", lang, name=by_code.at[partner, f"name_{lang}"]),
                on_click=state.set_value,
                args=("province", partner),
                key=f"partner_{partner}",
                icon=":material/arrow_forward:",
            )
    st.caption(t("merger_note", lang))

"""Each page's view: the typed state a page reads, built from its URL parameters (ui/core/url_state.py).

A page asks `ui.core.state.view(spec)` for its view and gets a frozen dataclass back; the specs here say which
parameters a
page has, their defaults, the limits a link must respect (the same as the page's widgets) and how a notice names a
value. Pure: they are built from the store's tables and the reader's language, so tests can build them too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from papi_data.eras import MERGER_YEAR, SET_63
from papi_data.plans.planner import GOALS
from papi_data.store.schema import DIMENSION_RANGE, EIGHT_DIMENSION_YEAR, GROUPS, TOTAL, era
from papi_data.text import nfc
from ui.core.i18n import DEFAULT_LANG, LANGS, t
from ui.core.metrics import Metrics
from ui.core.numbers import fmt_number
from ui.core.url_state import (
    Notice,
    Param,
    ViewSpec,
    choice,
    choices,
    decimal,
    decimal_range,
    dump_choices,
    dump_decimal,
    dump_flag,
    dump_range,
    flag,
    int_choice,
    int_range,
    nearest_int,
    text,
)

LANG_LABELS = {"vi": "Tiếng Việt", "en": "English"}
MAX_COMPARE = 4  # provinces on the profile's radar beside the province itself
MAX_QUERY = 200  # characters of the explorer's province search
ALL = "all"
COLOURINGS = ("scale", "groups")
EXPLORER_CHARTS = ("table", "scatter", "regions", "slope")


def _on_off(lang: str) -> Callable[[bool], str]:
    return lambda on: t("value_on" if on else "value_off", lang)


def _years_text(years: Sequence[int]) -> str:
    first, last = years
    return str(first) if first == last else f"{first}–{last}"


# --- Shared by every page ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LangView:
    lang: str


LANG_SPEC = ViewSpec(
    LangView, (Param("lang", DEFAULT_LANG, choice(LANGS), show=lambda lang: LANG_LABELS[lang], shared=True),)
)


def year_param(years: Sequence[int]) -> Param:
    """The survey year, one for every page: the latest by default."""
    return Param("year", max(years), int_choice(years), shared=True)


@dataclass(frozen=True)
class YearView:
    year: int


def year_spec(years: Sequence[int]) -> ViewSpec[YearView]:
    """The home page's view: only the year."""
    return ViewSpec(YearView, (year_param(years),))


def province_names(provinces: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(provinces["code"], provinces[f"name_{lang}"], strict=True))


def era_names(provinces: pd.DataFrame, lang: str, mark_former: bool = False) -> dict[str, str]:
    """Province names with their era where the store holds both sets: a province of the 34 is "Tây Ninh (từ 2025)",
    never confused with the former Tây Ninh; with `mark_former`, a former province that shares its name with a new
    one is "Tây Ninh (đến 2024)" (a list that shows both, such as the sidebar's search)."""
    sets = provinces["province_set"]
    if sets.nunique() < 2:
        return province_names(provinces, lang)
    new_names = set(provinces.loc[sets != SET_63, f"name_{lang}"])
    since, until = t("since_year", lang, year=MERGER_YEAR), t("until_year", lang, year=MERGER_YEAR - 1)
    return {
        str(c): f"{n} ({since})" if s != SET_63 else f"{n} ({until})" if mark_former and n in new_names else str(n)
        for c, n, s in zip(provinces["code"], provinces[f"name_{lang}"], sets, strict=True)
    }


# --- Map -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapView:
    year: int
    metric: str
    colour: str
    fit: bool  # the continuous colours span this year's scores only, not every year's on the scale
    show2025: bool
    province: str | None


def map_spec(years: Sequence[int], metrics: Metrics, provinces: pd.DataFrame, lang: str) -> ViewSpec[MapView]:
    names = province_names(provinces, lang)
    return ViewSpec(
        MapView,
        (
            year_param(years),
            _metric_param("metric", TOTAL, metrics.ids, metrics, lang),
            Param("colour", "scale", choice(COLOURINGS), show=lambda c: t(f"colour_{c}", lang)),
            Param("fit", False, flag, dump_flag, show=_on_off(lang)),
            Param("show2025", False, flag, dump_flag, show=_on_off(lang)),
            Param("province", None, choice(names), show=names.__getitem__),
        ),
    )


def _metric_param(name: str, default: str, options: Sequence[str], metrics: Metrics, lang: str) -> Param:
    """A metric: the total, a dimension or a sub-dimension (its concept id, e.g. "d5.land_titles")."""
    return Param(name, default, choice(options), show=lambda m: metrics.name(m, lang))


# --- Profile -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileView:
    year: int
    province: str
    compare: tuple[str, ...]
    compare_year: int  # 0: none (a year of the same scale era, for the radar)
    mean: bool
    best: bool
    open: tuple[str, ...]  # the dimensions whose sub-dimensions are open
    base: int = 0  # "What moved": the year compared with (0: the latest earlier year on the same scale)
    split: str = ""  # "What moved": the dimension split into its sub-dimensions ("": none)


def _named_codes_param(name: str, names: dict[str, str]) -> Param:
    """A list of codes among `names` (provinces, dimensions), none by default, shown by their names."""
    return Param(name, (), choices(names), ",".join, show=lambda codes: ", ".join(names[c] for c in codes))


def _optional_year_param(name: str, years: Sequence[int], lang: str) -> Param:
    """A year among `years`, or 0 for none (the default)."""
    return Param(
        name,
        0,
        int_choice(years),
        lambda y: str(y) if y else "",
        show=lambda y: str(y) if y else t("notice_none", lang),
    )


def comparable(codes: Sequence[str], province: str) -> list[str]:
    """The provinces of `codes` a province's radar can be compared with: every other (the province itself is always
    drawn). The one place this rule lives: the view's check and the page's list both read it."""
    return [c for c in codes if c != province]


def profile_spec(
    years: Sequence[int], provinces: pd.DataFrame, dimensions: pd.DataFrame, lang: str
) -> ViewSpec[ProfileView]:
    names = province_names(provinces, lang)
    dimension_names = dict(zip(dimensions["id"], dimensions[f"name_{lang}"], strict=True))

    def check(view: ProfileView) -> tuple[ProfileView, list[Notice]]:
        notices = []
        if view.province in view.compare:
            view = replace(view, compare=tuple(comparable(view.compare, view.province)))
            notices.append(Notice("compare", "compare_self", view.compare))
        if len(view.compare) > MAX_COMPARE:  # as many as the widget takes
            view = replace(view, compare=view.compare[:MAX_COMPARE])
            notices.append(Notice("compare", "too_many", view.compare))
        other = view.compare_year
        if other and (other == view.year or era(other) != era(view.year)):
            view = replace(view, compare_year=0)
            notices.append(Notice("compare_year", "other_era", 0))
        if view.base and (view.base >= view.year or era(view.base) != era(view.year)):
            view = replace(view, base=0)
            notices.append(Notice("base", "other_era", 0))
        return view, notices

    return ViewSpec(
        ProfileView,
        (
            year_param(years),
            Param("province", "01", choice(names), show=names.__getitem__),
            _named_codes_param("compare", names),
            _optional_year_param("compare_year", years, lang),
            Param("mean", True, flag, dump_flag, show=_on_off(lang)),
            Param("best", True, flag, dump_flag, show=_on_off(lang)),
            _named_codes_param("open", dimension_names),
            _optional_year_param("base", years, lang),
            Param("split", "", choice(dimension_names), str, show=lambda d: dimension_names.get(d, "")),
        ),
        check,
    )


# --- Planner -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannerView:
    province: str
    metric: str  # "total", a dimension or a sub-dimension measured in the latest year
    goal: str  # rank | group | score
    k: int
    group: str
    score: float | None  # None: the page's default for the province and metric


def planner_spec(
    provinces: pd.DataFrame,
    metrics: Sequence[str],
    metric_label: Callable[[str], str],
    scale_of: Callable[[str], tuple[float, float]],
    default_score: Callable[[str, str], float],
    most: int,
    lang: str,
) -> ViewSpec[PlannerView]:
    """The planner's goal: any province, a metric of the latest year, rank ≤ k (1 … `most`), a group or better, or a
    score of at least x on the metric's scale. A score outside the metric's scale (a link's, or one left from another
    metric) is replaced by `default_score(province, metric)`."""
    names = province_names(provinces, lang)

    def check(view: PlannerView) -> tuple[PlannerView, list[Notice]]:
        low, high = scale_of(view.metric)
        if view.score is None:
            return replace(view, score=default_score(view.province, view.metric)), []
        if not low <= view.score <= high:
            fixed = default_score(view.province, view.metric)
            return replace(view, score=fixed), [Notice("score", "out_of_range", fixed)]
        return view, []

    return ViewSpec(
        PlannerView,
        (
            Param("province", "01" if "01" in names else next(iter(names)), choice(names), show=names.__getitem__),
            Param("metric", TOTAL, choice(metrics), show=metric_label),
            Param("goal", "rank", choice(GOALS), show=lambda g: t(f"planner_goal_{g}", lang)),
            Param("k", 10, nearest_int(range(1, most + 1))),
            Param("group", GROUPS[0], choice(GROUPS), show=lambda g: t("group_" + g, lang)),
            Param("score", None, decimal(0, 100, 2), dump_decimal, show=lambda x: fmt_number(x, lang)),
        ),
        check,
    )


# --- Explorer ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExplorerView:
    """A researcher's filters (see papi_data.explore.Filters) and the base year of the change column."""

    years: tuple[int, int]
    metrics: tuple[str, ...]
    regions: tuple[str, ...]
    groups: tuple[str, ...]
    scores: tuple[float, float]
    q: str
    base: int


def explorer_spec(years: Sequence[int], metrics: Metrics, regions: pd.DataFrame, lang: str) -> ViewSpec[ExplorerView]:
    region_names = dict(zip(regions["region_id"], regions[f"name_{lang}"], strict=True))

    def listed(label: Callable[[str], str]) -> Callable[[Sequence[str]], str]:
        return lambda items: ", ".join(label(i) for i in items) if items else t("ex_all", lang)

    return ViewSpec(
        ExplorerView,
        (
            Param(
                "years",
                (EIGHT_DIMENSION_YEAR, years[-1]),
                int_range(years[0], years[-1]),
                dump_range,
                show=_years_text,
            ),
            Param(
                "metrics",
                (),
                choices(metrics.ids),
                dump_choices,
                show=listed(lambda m: metrics.name(m, lang)),
            ),
            Param("regions", (), choices(region_names), dump_choices, show=listed(region_names.__getitem__)),
            Param("groups", (), choices(GROUPS), dump_choices, show=listed(lambda g: t("group_" + g, lang))),
            Param(
                "scores",
                DIMENSION_RANGE,
                decimal_range(*DIMENSION_RANGE, decimals=1),
                dump_range,
                show=lambda r: "–".join(fmt_number(v, lang, 1) for v in r),
            ),
            Param("q", "", text(MAX_QUERY, nfc)),
            Param("base", EIGHT_DIMENSION_YEAR, nearest_int(years)),
        ),
    )


@dataclass(frozen=True)
class ExplorerChartView:
    """The explorer's chart and its choices, which depend on the filters (their metrics and years)."""

    chart: str
    x: str
    y: str
    chart_year: int
    chart_metric: str
    start: int
    end: int


def explorer_chart_spec(
    filters: ExplorerView, years: Sequence[int], metrics: Metrics, lang: str
) -> ViewSpec[ExplorerChartView]:
    shown = list(filters.metrics) or list(metrics.headline)
    first, last = filters.years
    span = [y for y in years if first <= y <= last]
    axes = [m for m in shown if m != TOTAL] or shown
    slope_metric = TOTAL if TOTAL in shown else shown[0]
    start = next(y for y in span if slope_metric != TOTAL or era(y) == era(last))
    return ViewSpec(
        ExplorerChartView,
        (
            Param("chart", "table", choice(EXPLORER_CHARTS), show=lambda v: t(f"ex_view_{v}", lang)),
            _metric_param("x", axes[0], shown, metrics, lang),
            _metric_param("y", axes[min(1, len(axes) - 1)], shown, metrics, lang),
            Param("chart_year", last, int_choice(span)),
            _metric_param("chart_metric", slope_metric, shown, metrics, lang),
            Param("start", start, int_choice(span)),
            Param("end", last, int_choice(span)),
        ),
    )


# --- Present mode (every page) -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PresentView:
    present: bool


# Written only when on ("present=1"), so an ordinary link stays as it was; a link copied in present mode opens in it.
PRESENT_SPEC = ViewSpec(PresentView, (Param("present", False, flag, lambda on: "1" if on else "", shared=True),))


# --- Embed mode (Streamlit's own `embed=true`, read from st.context) -----------------------------------------------
EMBED_PAGES = ("ban-do", "ho-so-tinh", "ke-hoach")  # the pages a portal may embed; their chart images by URL below
EMBED_IMAGES = {"ban-do": ("map", ("year", "metric", "province")), "ho-so-tinh": ("radar", ("year", "province"))}

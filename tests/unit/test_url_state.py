"""The URL's parameters: each parser's rules, the notices a link gets, old names, and every page's view written to the
URL and read back unchanged."""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd
import pytest

from papi_data.plans.planner import default_value, year_scores
from papi_data.plans.summary import by_recency, plan_order
from papi_data.store.load import PapiStore
from ui.core.metrics import build_metrics
from ui.core.url_state import (
    RENAMED,
    Corrected,
    Notice,
    Param,
    ViewSpec,
    choices,
    decimal,
    decimal_range,
    dump_choices,
    dump_range,
    dump_view,
    int_range,
    nearest_int,
    parse_params,
    parse_view,
    text,
)
from ui.core.views import (
    LANG_SPEC,
    MAX_COMPARE,
    ExplorerView,
    explorer_chart_spec,
    explorer_spec,
    map_spec,
    planner_spec,
    profile_spec,
    year_spec,
)
from ui.plans.content import PlansIndex
from ui.plans.view import plans_spec


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2018-2024", (2018, 2024)),
        ("2020", (2020, 2020)),
        ("2024-2018", Corrected((2018, 2024), "reversed")),
        ("2005-2030", Corrected((2011, 2024))),  # beyond the data: the nearest years
        ("2030", Corrected((2024, 2024))),
        ("2030-2020", Corrected((2020, 2024))),  # reversed and beyond: said as out of range
        ("abc", None),
        ("2018-2020-2022", None),
        ("-2018", None),
        ("٢٠١٨", None),  # digits, but not ASCII ones
    ],
)
def test_year_range(raw: str, expected: object) -> None:
    assert int_range(2011, 2024)(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4.5-7", (4.5, 7.0)),
        ("1-10", (1.0, 10.0)),
        ("0-12", Corrected((1.0, 10.0))),  # off the 1–10 scale
        ("8-3", Corrected((3.0, 8.0), "reversed")),
        ("4.57-6", Corrected((4.6, 6.0))),  # onto the slider's 0.1 steps
        ("nan-5", None),
        ("inf-5", None),
        ("1e1-5", None),
    ],
)
def test_score_range(raw: str, expected: object) -> None:
    assert decimal_range(1.0, 10.0, decimals=1)(raw) == expected


def test_lists_and_nearest_year() -> None:
    parse = choices(["red_river_delta", "southeast"])
    assert parse("southeast,red_river_delta") == ("southeast", "red_river_delta")
    assert parse("all") == () and parse("") == ()
    assert parse("southeast,atlantis") == Corrected(("southeast",), "unknown_items")
    assert parse("southeast,southeast") == Corrected(("southeast",), "unknown_items")  # a repeat is dropped too
    assert parse("atlantis") is None
    assert dump_choices(()) == "all" and dump_choices(["a", "b"]) == "a,b"
    assert dump_range((1.0, 10.0)) == "1-10" and dump_range((4.5, 7.0)) == "4.5-7"
    assert dump_range((2018, 2024)) == "2018-2024"
    nearest = nearest_int(range(2011, 2025))
    assert (nearest("2019"), nearest("1999"), nearest("2099"), nearest("x")) == (
        2019,
        Corrected(2011),
        Corrected(2024),
        None,
    )


def test_a_list_longer_than_its_widget_takes_is_cut() -> None:
    parse = choices(["a", "b", "c", "d", "e"], max_items=4)
    assert parse("a,b,c,d") == ("a", "b", "c", "d")
    assert parse("e,a,b,c,d") == Corrected(("e", "a", "b", "c"), "too_many")


def test_free_text_is_normalised_and_held_to_its_box() -> None:
    parse = text(5)
    assert parse("  abc ") == "abc"
    assert parse("abcdefgh") == Corrected("abcde", "too_long")


def test_notices_name_what_was_not_taken_as_it_is() -> None:
    specs = [Param("years", (2018, 2024), int_range(2011, 2024), dump_range), Param("base", 2018, nearest_int([2018]))]
    values, notices = parse_params({"years": "2024-2011", "base": "2018"}, specs)
    assert values == {"years": (2011, 2024), "base": 2018}
    assert notices == [Notice("years", "reversed", (2011, 2024))]
    values, notices = parse_params({"years": "soon"}, specs)
    assert values == {"years": (2018, 2024)} and notices == [Notice("years", "invalid", (2018, 2024))]
    values, notices = parse_params({"base": "9" * 300}, specs)
    assert values == {"base": 2018} and notices == [Notice("base", "too_long", 2018)]


def test_old_names_still_open_the_view_and_the_new_name_wins() -> None:
    spec = [Param("compare_year", 0, nearest_int([2019, 2020]))]
    assert parse_params({"vs": "2020"}, spec) == ({"compare_year": 2020}, [])
    assert parse_params({"vs": "2020", "compare_year": "2019"}, spec) == ({"compare_year": 2019}, [])
    assert set(RENAMED) & set(RENAMED.values()) == set()  # no chains: an old name is never also a new one


def test_a_view_must_have_one_field_per_parameter() -> None:
    @dataclasses.dataclass(frozen=True)
    class Two:
        a: int
        b: int

    with pytest.raises(ValueError, match="differ"):
        ViewSpec(Two, (Param("a", 0, int),))


# --- every page's view: written, then read back the same ------------------------------------------------------------


def _index(store: PapiStore, lang: str, statuses: dict[str, set[str]]) -> PlansIndex:
    """The plans' index with made-up statuses (the filters' rules do not depend on which they are)."""
    labels = {str(p): str(p) for p in store.plans["id"]}
    return PlansIndex(
        plans=plan_order(store.plans),
        recent=tuple(by_recency(store.plans)),
        province_of=dict(zip(store.plans["id"], store.plans["province_code"], strict=True)),
        region_of=dict(zip(store.provinces["code"], store.provinces["region_id"], strict=True)),
        statuses=statuses,
        labels=labels,
        documents=labels,
    )


def _specs(store: PapiStore, lang: str, plan_rows: pd.DataFrame) -> dict[str, ViewSpec[Any]]:
    statuses = {"bn-2020-kh176": {"achieved", "no_data", "pending"}, "hn-2023-kh157": {"missed"}}
    scores = year_scores(plan_rows, 2024)
    metrics = list(scores.scores)
    filters = ExplorerView(
        years=(2015, 2024),
        metrics=("total", "d1_participation"),
        regions=(),
        groups=(),
        scores=(1, 10),
        q="",
        base=2018,
    )
    catalogue = build_metrics(store.dimensions, store.subdimensions, store.subdimension_periods, max(store.years))
    return {
        "lang": LANG_SPEC,
        "home": year_spec(store.years),
        "map": map_spec(store.years, catalogue, store.provinces, lang),
        "profile": profile_spec(store.years, store.provinces, store.dimensions, lang),
        "plans": plans_spec(_index(store, lang, statuses), store.provinces, store.regions, lang),
        "planner": planner_spec(
            store.provinces,
            metrics,
            str,
            scores.scales.__getitem__,
            lambda code, metric: default_value(scores, code, metric),
            63,
            lang,
        ),
        "explorer": explorer_spec(store.years, catalogue, store.regions, lang),
        "explorer_chart": explorer_chart_spec(filters, store.years, catalogue, lang),
    }


def _examples(spec: ViewSpec[Any]) -> list[Any]:
    """The defaults, and a view with every parameter at another valid value where one exists."""
    changed = {}
    for param in spec.params:
        for candidate in _candidates(param):
            if candidate != param.default and param.parse(param.dump(candidate)) == candidate:
                changed[param.name] = candidate
                break
    return [spec.defaults, spec.build(changed)[0]]


def _candidates(param: Param) -> list[Any]:
    return {
        "lang": ["en"],
        "year": [2019],
        "metric": ["d7.water_quality"],
        "colour": ["groups"],
        "fit": [True],
        "show2025": [True],
        "province": ["48", "all", "27"],
        "compare": [("79", "27")],
        "compare_year": [2022],
        "mean": [False],
        "best": [False],
        "open": [("d5_public_admin_procedures", "d7_environmental_governance")],
        "plan": ["bn-2020-kh176"],
        "region": ["red_river_delta"],
        "status": ["missed"],
        "goal": ["score"],
        "k": [5],
        "group": ["high_average"],
        "score": [7.5],
        "years": [(2011, 2017)],
        "metrics": [("total", "d2_transparency", "d2.access_to_information")],
        "regions": [("southeast",)],
        "groups": [("best", "poor")],
        "scores": [(4.5, 7.0)],
        "q": ["ha noi, hcm"],
        "base": [2018, 2011],
        "split": ["d5_public_admin_procedures"],
        "chart": ["slope"],
        "x": ["d1_participation", "total"],
        "y": ["total"],
        "chart_year": [2016],
        "chart_metric": ["d1_participation"],
        "start": [2016],
        "end": [2020],
    }[param.name]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_view_reads_back_from_the_url_it_writes(
    real_store: PapiStore, plan_rows: pd.DataFrame, lang: str
) -> None:
    for name, spec in _specs(real_store, lang, plan_rows).items():
        for view in _examples(spec):
            written = dump_view(view, spec)
            assert all(isinstance(v, str) and v for v in written.values()), name
            assert parse_view(written, spec) == (view, []), name


def test_every_parameter_has_another_value_to_try(real_store: PapiStore, plan_rows: pd.DataFrame) -> None:
    """So the round trip above exercises more than the defaults (a new parameter needs a candidate)."""
    for spec in _specs(real_store, "vi", plan_rows).values():
        defaults, changed = _examples(spec)
        assert all(getattr(defaults, p.name) != getattr(changed, p.name) for p in spec.params), spec.view.__name__


def test_profile_rules_across_parameters(real_store: PapiStore) -> None:
    spec = profile_spec(real_store.years, real_store.provinces, real_store.dimensions, "vi")
    view, notices = parse_view({"province": "79", "compare": "79,27,48,31"}, spec)
    assert view.compare == ("27", "48", "31") and [n.reason for n in notices] == ["compare_self"]
    view, notices = parse_view({"year": "2024", "compare_year": "2015"}, spec)  # 6–60 beside 8–80: no
    assert view.compare_year == 0 and [n.reason for n in notices] == ["other_era"]
    assert len(parse_view({"compare": "01,79,27,48,31,92"}, spec)[0].compare) == MAX_COMPARE


def test_a_sub_dimension_is_a_metric_a_link_can_name(real_store: PapiStore, plan_rows: pd.DataFrame) -> None:
    specs = _specs(real_store, "vi", plan_rows)
    view, notices = parse_view({"metric": "d5.land_titles"}, specs["map"])
    assert view.metric == "d5.land_titles" and notices == []
    view, notices = parse_view({"metric": "d5.no_such_thing"}, specs["map"])
    assert view.metric == "total" and [n.reason for n in notices] == ["invalid"]
    view, notices = parse_view({"metrics": "d7_environmental_governance,d7.water_quality"}, specs["explorer"])
    assert view.metrics == ("d7_environmental_governance", "d7.water_quality") and notices == []


def test_open_dimensions_of_the_profile_in_a_link(real_store: PapiStore) -> None:
    spec = profile_spec(real_store.years, real_store.provinces, real_store.dimensions, "vi")
    view, notices = parse_view({"open": "d7_environmental_governance,d5.land_titles"}, spec)
    assert view.open == ("d7_environmental_governance",) and [n.reason for n in notices] == ["unknown_items"]


def test_decimal_parser() -> None:
    parse = decimal(0, 100, 2)
    assert parse("45.333") == 45.33 and parse("7") == 7.0
    assert parse("120") == Corrected(100) and parse("-1") is None and parse("4e1") is None and parse("") is None


def test_plans_filters_pick_the_newest_plan_they_keep(real_store: PapiStore) -> None:
    statuses = {"hn-2021-rise-5": {"achieved"}, "hn-2023-kh157": {"missed"}, "hn-2022-tb441": {"missed"}}
    spec = plans_spec(_index(real_store, "vi", statuses), real_store.provinces, real_store.regions, "vi")
    assert spec.defaults.plan == "tayninh-2025-kh315"  # the newest of all (24/7/2025)
    view, notices = parse_view({"province": "01", "status": "missed", "plan": "hn-2021-rise-5"}, spec)
    assert view.plan == "hn-2023-kh157" and [n.reason for n in notices] == ["plan_filtered"]
    view, notices = parse_view({"province": "27", "plan": "hcm-2024-papi"}, spec)
    assert view.plan == "bn-2020-kh176" and [n.reason for n in notices] == ["plan_other_province"]
    view, notices = parse_view({"region": "southeast", "plan": "hn-2021-rise-5"}, spec)
    assert view.plan == "tayninh-2025-kh315" and [n.reason for n in notices] == ["plan_filtered"]


def test_planner_score_outside_the_metric_scale_is_replaced(real_store: PapiStore, plan_rows: pd.DataFrame) -> None:
    scores = year_scores(plan_rows, 2024)
    spec = planner_spec(
        real_store.provinces,
        list(scores.scores),
        str,
        scores.scales.__getitem__,
        lambda code, metric: default_value(scores, code, metric),
        63,
        "en",
    )
    view, notices = parse_view({"metric": "d4_control_of_corruption", "score": "45"}, spec)
    assert view.score == default_value(scores, "01", "d4_control_of_corruption") <= 10
    assert [n.reason for n in notices] == ["out_of_range"]
    view, notices = parse_view({"goal": "rank", "k": "99"}, spec)
    assert view.k == 63 and [n.reason for n in notices] == ["out_of_range"]
    assert parse_view({}, spec)[0].score == default_value(scores, "01", "total")

"""Read the provinces' PAPI plans (plans.yaml) and check every field before anything reaches the store.

A problem names the file, the line of the offending value (or of its mapping when a field is missing), the field and
the reason, like the CSV sources do.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import yaml

from papi_data.cells import as_float, as_int
from papi_data.eras import MERGER_YEAR, SET_34, sets_of
from papi_data.plans.rules import (
    COUNTING_RULES,
    METRICS,
    PARAMETERS,
    REREADABLE_RULES,
    RULES,
    metric_parts,
    needs_baseline,
)
from papi_data.store.problems import SourceProblem, read_source_text
from papi_data.store.schema import DIMENSION_RANGE, GROUPS, TABLES, total_range
from papi_data.text import nfc

PLANS_FILE = "plans.yaml"
PLAN_HORIZON = 10  # a target may lie this many years beyond the latest published year (it evaluates as pending)

KINDS = ("ke_hoach", "thong_bao", "chi_thi", "quyet_dinh", "bao_cao", "other")

PLAN_FIELDS = (
    "id",
    "province_code",
    "document_number",
    "kind",
    "issuer",
    "issued_on",
    "period",
    "title_vi",
    "title_en",
    "source_url",
    "seed_file",
    "summary_vi",
    "summary_en",
    "targets",
)
# A quoted plan's article as the reader meets it: its headline and outlet word for word from the seed file, and the
# date the article carries (left out or null where the seed gives none).
PLAN_OPTIONAL = ("article_title", "article_outlet", "article_date")
TARGET_FIELDS = (  # every target writes these (null where there is no value)
    "id",
    "metric",
    "dimension",
    "rule",
    "baseline_year",
    "target_years",
    "quote_vi",
    "interpretation_vi",
    "interpretation_en",
)
# ... and, where its rule takes them, these (left out or null otherwise).
TARGET_OPTIONAL = (*PARAMETERS, "other_metric", "other_baselines")
PARAMETER_HELP = {
    "k": "a whole number of places or a rank",
    "value": "a score on the metric's scale",
    "group": "best, high_average, low_average or poor",
    "among": "a region id, or {name_vi, name_en, provinces}",
    "count": "how many dimensions at least",
    "rise": "true or false",
}
PLAN_COLUMNS = TABLES["plans"].names  # the store's columns, in the schema's order
TARGET_COLUMNS = TABLES["targets"].names
SEEDS_DIR = "seeds"  # the articles the plans were read from, beside plans.yaml
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Mapping(dict):
    """A YAML mapping that remembers its own line and the line of each value (1-based)."""

    line: int
    lines: dict[str, int]
    repeated: list[tuple[str, int]]


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        """No aliases (`*name`): a few nested ones expand into billions of values (a "billion laughs" file)."""
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed here", mark)
        return super().compose_node(parent, index)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    out = _Mapping()
    out.line, out.lines, out.repeated = node.start_mark.line + 1, {}, []
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        if key in out:  # plain YAML keeps the last value silently; an editor's slip must not vanish like that
            out.repeated.append((key, key_node.start_mark.line + 1))
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = value_node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Checker:
    """Collects problems for one mapping, each at the line of the field concerned."""

    def __init__(self, mapping: _Mapping, problems: list[SourceProblem]):
        self.m = mapping
        self.problems = problems

    def bad(self, field: str | None, reason: str) -> None:
        line = self.m.lines.get(field, self.m.line) if field else self.m.line
        self.problems.append(SourceProblem(PLANS_FILE, line, field, reason))

    def fields(self, required: Iterable[str], optional: Iterable[str] = ()) -> bool:
        """Every required field present once and no unknown one; False when something is missing (skip the rest).
        An optional field left out reads as null."""
        required, optional = tuple(required), tuple(optional)
        allowed = (*required, *optional)
        for key, line in self.m.repeated:
            self.problems.append(SourceProblem(PLANS_FILE, line, key, "field given twice"))
        for key in self.m:
            if key not in allowed:
                self.bad(key, f"unknown field (expected: {', '.join(allowed)})")
        for key in optional:
            self.m.setdefault(key, None)
        missing = [f for f in required if f not in self.m]
        if missing:
            self.bad(None, f"missing field(s): {', '.join(missing)} (write null where there is no value)")
        return not missing

    def text(self, field: str, optional: bool = False) -> str | None:
        value = self.m[field]
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.bad(field, "must be a non-empty text" + (" or null" if optional else ""))
            return None
        return nfc(value)

    def choice(self, field: str, options: Iterable[str], what: str) -> str | None:
        options = tuple(options)
        value = self.m[field]
        if value not in options:
            self.bad(field, f"unknown {what} {value!r} (one of: {', '.join(map(str, options))})")
            return None
        return value

    def year(self, field: str, value: Any, bounds: tuple[int, int]) -> int | None:
        if not isinstance(value, int) or isinstance(value, bool):
            self.bad(field, f"not a year: {value!r}")
            return None
        if not bounds[0] <= value <= bounds[1]:
            self.bad(
                field,
                f"{value} is outside {bounds[0]}–{bounds[1]} (the data's first year to {PLAN_HORIZON} "
                "years after the latest published year)",
            )
            return None
        return value


def _date(value: Any) -> dt.date | bool | None:
    """A YAML date (or its text) as a date; None for null; False when it is not a date."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else False
    except ValueError:
        return False


def _article(seeds: Path, name: str | None, c: _Checker) -> str | None:
    """The text of a plan's article in papi_data/sources/seeds/ (NFC); None, reported, when it cannot be read."""
    if name is None:
        return None
    unreadable: list[SourceProblem] = []
    text = read_source_text(seeds / name, unreadable) if Path(name).name == name else None
    if text is None:
        why = unreadable[0].reason if unreadable else "not a file name"
        c.bad("seed_file", f"no article {name!r} in {SEEDS_DIR}/ ({why})")
        return None
    return unicodedata.normalize("NFC", text)


class _Period(NamedTuple):
    first: int
    last: int
    low: float
    high: float
    size: int  # sub-dimensions in the dimension in these years


class _Reference(NamedTuple):
    """What a plan is checked against: the store's reference tables and the years of the data."""

    provinces: dict[str, str]  # code → its province set (papi_data.eras: the 63, or the 34 keyed "n" + code)
    regions: dict[str, list[str]]  # region id → its provinces' codes, of both sets
    dimensions: dict[str, int]  # dimension id → first year measured
    subdimensions: dict[str, tuple[str, list[_Period]]]  # sub-dimension id → (its dimension, its periods)
    bounds: tuple[int, int]  # the years a plan may name
    latest: int  # the latest year with data

    def subdimension_periods(self, dimension: str) -> list[_Period]:
        return [p for dim, periods in self.subdimensions.values() if dim == dimension for p in periods]


def _period_in(periods: list[_Period], year: int, latest: int) -> _Period | None:
    """The period covering `year`; for a year after the data, the period still running in the latest year."""
    for period in periods:
        if period.first <= year <= period.last or (year > latest and period.last == latest):
            return period
    return None


def _check_plan(plan: Any, ref: _Reference, seeds: Path, problems: list[SourceProblem]) -> tuple[dict | None, list]:
    if not isinstance(plan, _Mapping):
        problems.append(SourceProblem(PLANS_FILE, None, "plans", f"each plan must be a mapping, not {plan!r}"))
        return None, []
    c = _Checker(plan, problems)
    if not c.fields(PLAN_FIELDS, PLAN_OPTIONAL):
        return None, []
    before = len(problems)
    plan_id = plan["id"]
    if not isinstance(plan_id, str) or not _ID.match(plan_id):
        c.bad("id", f"not a slug of lower-case letters, digits and hyphens: {plan_id!r}")
    code = plan["province_code"]
    if not isinstance(code, str):
        c.bad("province_code", f'write the GSO code as quoted text, e.g. "01", not {code!r}')
    elif code not in ref.provinces:
        c.bad("province_code", f'unknown province code {code!r} (a province of the 34 is n + its code, e.g. "n80")')
    kind = c.choice("kind", KINDS, "kind")
    number, issuer = c.text("document_number", optional=True), c.text("issuer")
    title_vi, title_en = c.text("title_vi"), c.text("title_en")
    url = c.text("source_url", optional=True)
    if url is not None and not re.match(r"^https?://\S+$", url):
        c.bad("source_url", f"not a web address (http:// or https://): {url!r}")
    # A plan is quoted from an article in seeds/ (each target's quote checked word for word), or summarised in our
    # words from a source address (the article is not in the project, so nothing can be quoted).
    seed_file = c.text("seed_file", optional=True)
    summary = {lang: c.text(f"summary_{lang}", optional=True) for lang in ("vi", "en")}
    article = _article(seeds, seed_file, c)
    if seed_file is not None:
        for lang, text in summary.items():
            if text is not None:
                c.bad(f"summary_{lang}", "a plan quoted from its article (seed_file) has no summary: write null")
    else:
        for lang, text in summary.items():
            if text is None:
                c.bad(f"summary_{lang}", "a plan without seed_file is summarised: give the summary in both languages")
        if plan["source_url"] is None:
            c.bad("source_url", "a summarised plan needs the address of its source")
    article_names = {field: c.text(field, optional=True) for field in ("article_title", "article_outlet")}
    for field, text in article_names.items():
        if text is not None and seed_file is None:
            c.bad(field, "only a plan quoted from its article (seed_file) names the article: write null")
        elif text is not None and article is not None and text not in article:
            c.bad(field, "not word for word in the plan's article (seed_file)")
    article_date = _date(plan["article_date"])
    if article_date is False:
        c.bad("article_date", f"not a date YYYY-MM-DD (or null): {plan['article_date']!r}")
    elif article_date is not None and seed_file is None:
        c.bad("article_date", "only a plan quoted from its article (seed_file) dates the article: write null")
    issued = _date(plan["issued_on"])
    if issued is False:
        c.bad("issued_on", f"not a date YYYY-MM-DD (or null): {plan['issued_on']!r}")
    period = plan["period"]
    first = last = None
    if not (isinstance(period, list) and len(period) == 2):
        c.bad("period", f"must be [first year, last year], not {period!r}")
    else:
        first, last = (c.year("period", y, ref.bounds) for y in period)
        if first is not None and last is not None and first > last:
            c.bad("period", f"first year {first} is after last year {last}")
    if isinstance(code, str) and ref.provinces.get(code) == SET_34 and first is not None and first < MERGER_YEAR:
        c.bad("period", f"{code} is a province of the 34, which exist from {MERGER_YEAR}: the period starts in {first}")
    targets = plan["targets"]
    if not isinstance(targets, list) or not targets:
        c.bad("targets", "a plan needs at least one target")
        targets = []
    quoted = seed_file is not None
    rows = [
        row
        for target in targets
        if (row := _check_target(target, plan_id, code, ref, quoted, article, plan.lines["targets"], problems))
    ]
    if len(problems) > before:
        return None, []
    record = {
        "id": plan_id,
        "province_code": code,
        "document_number": number,
        "kind": kind,
        "issuer": issuer,
        "issued_on": issued,
        "period_start": first,
        "period_end": last,
        "title_vi": title_vi,
        "title_en": title_en,
        "source_url": url,
        "seed_file": seed_file,
        **article_names,
        "article_date": article_date,
        "summary_vi": summary["vi"],
        "summary_en": summary["en"],
        "source_file": PLANS_FILE,
        "source_line": plan.line,
    }
    return record, rows


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Among(NamedTuple):
    region: str | None
    provinces: list[str]
    name_vi: str | None
    name_en: str | None


def _check_among(c: _Checker, value: Any, code: str, ref: _Reference) -> _Among | None:
    """A GSO region id, or {name_vi, name_en, provinces: [codes]} for a set such as the Tây Bắc provinces."""
    if isinstance(value, str):
        if value not in ref.regions:
            c.bad("among", f"unknown region {value!r} (one of: {', '.join(ref.regions)})")
            return None
        mine = ref.provinces.get(code)
        among = _Among(value, [p for p in ref.regions[value] if ref.provinces[p] == mine], None, None)
    elif isinstance(value, _Mapping):
        sub = _Checker(value, c.problems)
        if not sub.fields(("name_vi", "name_en", "provinces")):
            return None
        names = sub.text("name_vi"), sub.text("name_en")
        codes = value["provinces"]
        if not isinstance(codes, list) or not all(isinstance(p, str) for p in codes):
            sub.bad("provinces", 'must be a list of quoted GSO codes, e.g. ["10", "15"]')
            return None
        unknown = [p for p in codes if p not in ref.provinces]
        if unknown:
            sub.bad("provinces", f"unknown province code(s) {unknown}")
        elif len({ref.provinces[p] for p in [*codes, code] if p in ref.provinces}) > 1:
            sub.bad("provinces", "the provinces of one set only (the 63, or the 34 from 2025), as the plan's province")
            return None
        if len(set(codes)) != len(codes) or len(codes) < 2:
            sub.bad("provinces", "needs at least two provinces, each once")
        if unknown or None in names or len(set(codes)) != len(codes) or len(codes) < 2:
            return None
        among = _Among(None, list(codes), names[0], names[1])
    else:
        c.bad("among", "a region id or a mapping {name_vi, name_en, provinces}")
        return None
    if code not in among.provinces:
        c.bad("among", f"the plan's province {code!r} is not in the set it is ranked among")
        return None
    return among


def _check_parameters(
    c: _Checker, rule: str, level: str | None, dimension: Any, years: list[int], code: str, ref: _Reference
) -> _Among | None:
    """Each parameter the rule takes is given and valid, and no other is; returns the set of `among`, if any."""
    spec = RULES[rule]
    target = c.m
    for name in PARAMETERS:
        given = target[name] is not None
        if name in spec.required and not given:
            c.bad(name, f"rule {rule} needs {name} ({PARAMETER_HELP[name]})")
        elif given and name not in (*spec.required, *spec.optional):
            c.bad(name, f"rule {rule} takes no {name}: leave it out or write null")
    among = None
    if target["among"] is not None and "among" in spec.required:
        among = _check_among(c, target["among"], code, ref)
    k = target["k"]
    if k is not None and "k" in spec.required:
        # a rank among all provinces is among the year's set: "top N" in 2025 is among the 34 (where they are known)
        sets = {ref.provinces.get(code), *(SET_34 for y in years if y >= MERGER_YEAR)}
        counts = [n for s in sets if (n := sum(p == s for p in ref.provinces.values()))]
        most = len(among.provinces) if among else min(counts, default=0)
        if not _whole(k) or not 1 <= k <= most:
            c.bad("k", f"{rule} needs k, a whole number from 1 to {most}, not {k!r}")
    if target["group"] is not None and "group" in (*spec.required, *spec.optional):
        c.choice("group", GROUPS, "group")
    value = target["value"]
    if value is not None and "value" in spec.required:
        if not isinstance(value, int | float) or isinstance(value, bool):
            c.bad("value", f"not a number: {value!r}")
        else:
            for year in years:
                low, high = _scale(level, dimension, year, ref)
                if low is not None and high is not None and not low <= value <= high:
                    c.bad("value", f"{value} is outside the scale {low:g}–{high:g} of {year}")
    rise = target["rise"]
    if rise is not None and not isinstance(rise, bool):
        c.bad("rise", f"true or false, not {rise!r}")
    if rule == "dimensions_meeting":
        if rise is not True and target["group"] is None:
            c.bad("rule", "dimensions_meeting needs rise: true, a group, or both (what each dimension must meet)")
        count = target["count"]
        for year in years:
            most = _how_many(level, dimension, year, ref)
            if count is not None and (not _whole(count) or not 1 <= count <= most):
                c.bad("count", f"a whole number from 1 to {most} (the dimensions counted in {year}), not {count!r}")
                break
    return among


def _scale(level: str | None, dimension: Any, year: int, ref: _Reference) -> tuple[float | None, float | None]:
    """The scale a metric is on in a year (None where the metric is not known)."""
    if level == "total":
        return total_range(year)
    if level == "dimension":
        return DIMENSION_RANGE
    if isinstance(dimension, str) and dimension in ref.subdimensions:
        period = _period_in(ref.subdimensions[dimension][1], year, ref.latest)
        if period:
            return period.low, period.high
    return None, None


def _how_many(level: str | None, dimension: Any, year: int, ref: _Reference) -> int:
    """How many dimensions (or sub-dimensions of `dimension`) a counting rule counts in a year."""
    if level == "subdimension":
        period = _period_in(ref.subdimension_periods(str(dimension)), year, ref.latest)
        return period.size if period else 0
    if dimension is not None:
        return 1
    return sum(1 for first in ref.dimensions.values() if first <= year)


def _check_dimension(
    c: _Checker, rule: str, level: str, dimension: Any, years: list[int | None], ref: _Reference
) -> None:
    """`dimension` fits the metric's level and the rule, and is measured in every year named."""
    if RULES[rule].selects:
        if dimension is not None:
            c.bad("dimension", f"rule {rule} picks the dimensions itself: write null")
        return
    if level == "total":
        if dimension is not None:
            c.bad("dimension", "a total_* metric takes no dimension: write null")
        return
    counting = rule in COUNTING_RULES
    if dimension is None:
        if not counting:
            c.bad("dimension", f"a {level}_* metric needs a {level} id")
        elif level == "subdimension":
            c.bad("dimension", "dimensions_meeting on sub-dimensions needs the dimension whose sub-dimensions count")
        return
    is_dimension = level == "dimension" or (level == "subdimension" and counting)
    known = ref.dimensions if is_dimension else ref.subdimensions
    if dimension not in known:
        what = "dimension" if is_dimension else "sub-dimension"
        c.bad("dimension", f"unknown {what} {dimension!r} (one of: {', '.join(known)})")
        return
    if is_dimension:
        first = ref.dimensions[dimension]
        for field in ("baseline_year", "target_years"):
            early = [y for y in _years_of(c.m[field]) if y < first]
            if early:
                c.bad(field, f"{dimension} is not measured before {first} (year(s) {early})")
        return
    periods = ref.subdimensions[dimension][1]
    for field in ("baseline_year", "target_years"):
        unmeasured = [y for y in _years_of(c.m[field]) if _period_in(periods, y, ref.latest) is None]
        if unmeasured:
            c.bad(field, f"{dimension} is not measured in {unmeasured}")


def _years_of(value: Any) -> list[int]:
    items = value if isinstance(value, list) else [value]
    return [y for y in items if _whole(y)]


def _check_rereadings(c: _Checker, rule: str, metric: str, baseline: Any, years: list[int], ref: _Reference) -> None:
    """`other_metric` and `other_baselines`: the same rule read on another metric of the same level, or from other
    plausible baseline years (a source without a date), shown beside the verdict without setting it."""
    other, bases = c.m["other_metric"], c.m["other_baselines"]
    if (other is not None or bases is not None) and rule not in REREADABLE_RULES:
        c.bad("other_metric" if other is not None else "other_baselines", f"rule {rule} is read one way only")
        return
    if other is not None:
        if other not in RULES[rule].metrics or other == metric:
            c.bad("other_metric", f"{other!r} is not another metric that {rule} reads")
        elif metric_parts(other)[0] != metric_parts(metric)[0]:
            c.bad("other_metric", f"{other} is not on the same level as {metric}")
    if bases is not None:
        if not isinstance(bases, list) or not bases:
            c.bad("other_baselines", f"must be a list of years, not {bases!r}")
            return
        checked = [c.year("other_baselines", y, ref.bounds) for y in bases]
        if baseline in checked or len(set(checked)) != len(checked):
            c.bad("other_baselines", "each year once, and not the baseline_year itself")
        late = [b for b in checked if b is not None and any(y <= b for y in years)]
        if late:
            c.bad("other_baselines", f"{late} not before every target year")


def _check_target(
    target: Any,
    plan_id: str,
    code: str,
    ref: _Reference,
    quoted: bool,
    article: str | None,
    list_line: int,
    problems: list[SourceProblem],
) -> dict | None:
    """One target's row, or None with its problems recorded. `quoted`: the plan quotes its article (`article`)."""
    if not isinstance(target, _Mapping):
        problems.append(SourceProblem(PLANS_FILE, list_line, "targets", f"each target must be a mapping: {target!r}"))
        return None
    c = _Checker(target, problems)
    if not c.fields(TARGET_FIELDS, TARGET_OPTIONAL):
        return None
    before = len(problems)
    target_id = target["id"]
    if not isinstance(target_id, str) or not _ID.match(target_id):
        c.bad("id", f"not a slug of lower-case letters, digits and hyphens: {target_id!r}")
    metric = c.choice("metric", METRICS, "metric")
    rule = c.choice("rule", RULES, "rule")
    years = target["target_years"]
    if not isinstance(years, list) or not years:
        c.bad("target_years", f"must be a list of years, not {years!r}")
        years = []
    years = [c.year("target_years", y, ref.bounds) for y in years]
    if len(set(years)) != len(years):
        c.bad("target_years", "a year is listed twice")
    known_years = [y for y in years if y is not None]
    dimension = target["dimension"]
    among = None
    if metric and rule:
        level = metric_parts(metric)[0]
        if metric not in RULES[rule].metrics:
            takes = ", ".join(sorted(RULES[rule].metrics))
            c.bad("metric", f"rule {rule} does not apply to {metric} (it takes {takes})")
        else:
            _check_dimension(c, rule, level, dimension, years, ref)
            among = _check_parameters(c, rule, level, dimension, known_years, code, ref)
    baseline = target["baseline_year"]
    needs = rule is not None and needs_baseline(rule, target["rise"] is True)
    if baseline is None and needs:
        c.bad("baseline_year", f"rule {rule} compares with a baseline year")
    elif baseline is not None and not needs and rule is not None:
        c.bad("baseline_year", f"rule {rule} takes no baseline year: write null")
    elif baseline is not None:
        baseline = c.year("baseline_year", baseline, ref.bounds)
        later = [y for y in known_years if baseline is not None and y <= baseline]
        if later:
            c.bad("baseline_year", f"baseline {baseline} is not before target year(s) {later}")
    if metric and rule:
        _check_rereadings(c, rule, metric, baseline, known_years, ref)
    if ref.provinces.get(code) == SET_34:  # a province of the 34 has figures from 2025 only
        for field, named in (("target_years", known_years), ("baseline_year", [baseline] if _whole(baseline) else [])):
            early = [y for y in named if y < MERGER_YEAR]
            if early:
                c.bad(field, f"{code} is a province of the 34, with figures from {MERGER_YEAR}: not {early}")

    quote = target["quote_vi"]
    if not quoted:
        if quote is not None:
            c.bad("quote_vi", "a summarised plan (no seed_file) quotes nothing: write null and summarise the plan")
    elif not isinstance(quote, str) or not quote.strip():
        c.bad("quote_vi", "every target needs the exact Vietnamese sentence that states it")
    elif unicodedata.normalize("NFC", quote) != quote:
        c.bad("quote_vi", "the quote is not NFC-normalised (copy it again from the article, or normalise it)")
    elif article is not None and quote not in article:
        c.bad("quote_vi", "the quote is not word for word in the plan's article (seed_file)")
    reading = {lang: c.text(f"interpretation_{lang}", optional=True) for lang in ("vi", "en")}
    if (reading["vi"] is None) != (reading["en"] is None) and len(problems) == before:
        c.bad(
            "interpretation_en" if reading["en"] is None else "interpretation_vi", "give the reading in both languages"
        )
    if len(problems) > before:
        return None
    bases = target["other_baselines"]
    return {
        "id": target_id,
        "plan_id": plan_id,
        "province_code": code,
        "metric": metric,
        "dimension": dimension,
        "rule": rule,
        "k": target["k"],
        "group": target["group"],
        "value": None if target["value"] is None else float(target["value"]),
        "among_region": among.region if among else None,
        "among_provinces": among.provinces if among else None,
        "among_name_vi": among.name_vi if among else None,
        "among_name_en": among.name_en if among else None,
        "count": target["count"],
        "rise": target["rise"],
        "baseline_year": baseline,
        "target_years": sorted(years),
        "other_metric": target["other_metric"],
        "other_baselines": None if bases is None else sorted(bases),
        "quote_vi": quote,
        "interpretation_vi": reading["vi"],
        "interpretation_en": reading["en"],
        "source_file": PLANS_FILE,
        "source_line": target.line,
    }


def _reference(
    provinces: pd.DataFrame,
    dimensions: pd.DataFrame,
    subdimensions: pd.DataFrame,
    periods: pd.DataFrame,
    years: Iterable[int],
) -> _Reference:
    known = sorted({int(y) for y in years})
    regions: dict[str, list[str]] = {}
    for code, region in zip(provinces["code"], provinces["region_id"], strict=True):
        regions.setdefault(str(region), []).append(str(code))
    parent = dict(zip(subdimensions["id"], subdimensions["dimension"], strict=True))
    spans: dict[str, list[_Period]] = {}
    for row in periods.itertuples():
        period = _Period(
            as_int(row.first_year),
            as_int(row.last_year),
            as_float(row.scale_low),
            as_float(row.scale_high),
            as_int(row.n_in_dimension),
        )
        spans.setdefault(str(row.subdimension), []).append(period)
    return _Reference(
        provinces=dict(zip(provinces["code"], sets_of(provinces), strict=True)),
        regions=regions,
        dimensions={str(d): int(y) for d, y in zip(dimensions["id"], dimensions["first_year"], strict=True)},
        subdimensions={s: (str(parent[s]), spans[s]) for s in spans if s in parent},
        bounds=(known[0], known[-1] + PLAN_HORIZON),
        latest=known[-1],
    )


def read_plans(
    sources: Path,
    provinces: pd.DataFrame,
    dimensions: pd.DataFrame,
    subdimensions: pd.DataFrame,
    periods: pd.DataFrame,
    years: Iterable[int],
    problems: list[SourceProblem],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The plans and their targets (one row each; list columns for years and provinces). `years` are the scores'
    years; `subdimensions` and `periods` the sub-dimension reference, which a sub-dimension target is checked on."""
    ref = _reference(provinces, dimensions, subdimensions, periods, years)
    empty = pd.DataFrame(columns=PLAN_COLUMNS), pd.DataFrame(columns=TARGET_COLUMNS)
    text = read_source_text(sources / PLANS_FILE, problems)
    if text is None:
        return empty
    try:
        document = yaml.load(text, Loader=_Loader)  # a SafeLoader: no Python objects
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        problems.append(SourceProblem(PLANS_FILE, line, None, f"not valid YAML: {getattr(err, 'problem', err)}"))
        return empty
    if not isinstance(document, _Mapping) or not isinstance(document.get("plans"), list):
        problems.append(SourceProblem(PLANS_FILE, None, "plans", "the file must hold a list under `plans:`"))
        return empty
    for key in document:
        if key != "plans":
            problems.append(SourceProblem(PLANS_FILE, document.lines[key], key, "unknown top-level field"))
    plans, targets = [], []
    for plan in document["plans"]:
        record, rows = _check_plan(plan, ref, sources / SEEDS_DIR, problems)
        if record:
            plans.append(record)
            targets.extend(rows)
    for rows in (plans, targets):
        seen: dict[str, int] = {}
        for row in rows:
            if row["id"] in seen:
                reason = f"id {row['id']!r} already used at line {seen[row['id']]}"
                problems.append(SourceProblem(PLANS_FILE, row["source_line"], "id", reason))
            seen.setdefault(row["id"], row["source_line"])
    out_plans = pd.DataFrame(plans, columns=PLAN_COLUMNS)
    out_targets = pd.DataFrame(targets, columns=TARGET_COLUMNS)
    for frame, columns in ((out_plans, ["period_start", "period_end"]), (out_targets, ["k", "count", "baseline_year"])):
        for column in columns:
            frame[column] = frame[column].astype("Int16")
    out_targets["value"] = out_targets["value"].astype("float64")
    out_targets["rise"] = out_targets["rise"].astype("boolean")
    out_targets["target_years"] = out_targets["target_years"].map(lambda ys: [int(y) for y in ys])
    return out_plans, out_targets

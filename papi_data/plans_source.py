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
from typing import Any

import pandas as pd
import yaml

from papi_data.problems import SourceProblem, read_source_text
from papi_data.schema import GROUPS, TABLES
from papi_data.text import nfc

PLANS_FILE = "plans.yaml"
PLAN_HORIZON = 10  # a target may lie this many years beyond the latest published year (it evaluates as pending)

KINDS = ("ke_hoach", "thong_bao", "chi_thi", "quyet_dinh", "bao_cao", "other")
METRICS = ("total_score", "total_rank", "total_group", "dimension_score", "dimension_rank", "dimension_group")
RULES = ("better_than_baseline", "rise_at_least", "stay_in_group", "weak_dimensions_improve", "strong_dimensions_hold")
# Which metrics each rule reads; a pairing outside this makes no sense (e.g. "rise k places" of a score).
RULE_METRICS = {
    "better_than_baseline": set(METRICS),
    "rise_at_least": {"total_rank", "dimension_rank"},
    "stay_in_group": {"total_group", "dimension_group"},
    "weak_dimensions_improve": {"dimension_score"},
    "strong_dimensions_hold": {"dimension_score"},
}
SELECTING_RULES = ("weak_dimensions_improve", "strong_dimensions_hold")  # the rule picks the dimensions itself

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
    "targets",
)
TARGET_FIELDS = (
    "id",
    "metric",
    "dimension",
    "rule",
    "k",
    "group",
    "baseline_year",
    "target_years",
    "quote_vi",
    "interpretation_vi",
    "interpretation_en",
)
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

    def fields(self, allowed: Iterable[str]) -> bool:
        """Every field present once and no unknown one; False when something is missing (skip the rest)."""
        allowed = tuple(allowed)
        for key, line in self.m.repeated:
            self.problems.append(SourceProblem(PLANS_FILE, line, key, "field given twice"))
        for key in self.m:
            if key not in allowed:
                self.bad(key, f"unknown field (expected: {', '.join(allowed)})")
        missing = [f for f in allowed if f not in self.m]
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


def _check_plan(
    plan: Any,
    provinces: set[str],
    dimensions: dict[str, int],
    bounds: tuple[int, int],
    seeds: Path,
    problems: list[SourceProblem],
) -> tuple[dict | None, list[dict]]:
    if not isinstance(plan, _Mapping):
        problems.append(SourceProblem(PLANS_FILE, None, "plans", f"each plan must be a mapping, not {plan!r}"))
        return None, []
    c = _Checker(plan, problems)
    if not c.fields(PLAN_FIELDS):
        return None, []
    before = len(problems)
    plan_id = plan["id"]
    if not isinstance(plan_id, str) or not _ID.match(plan_id):
        c.bad("id", f"not a slug of lower-case letters, digits and hyphens: {plan_id!r}")
    code = plan["province_code"]
    if not isinstance(code, str):
        c.bad("province_code", f'write the GSO code as quoted text, e.g. "01", not {code!r}')
    elif code not in provinces:
        c.bad("province_code", f"unknown province code {code!r}")
    kind = c.choice("kind", KINDS, "kind")
    number, issuer = c.text("document_number", optional=True), c.text("issuer")
    title_vi, title_en = c.text("title_vi"), c.text("title_en")
    seed_file = c.text("seed_file", optional=True)
    article = _article(seeds, seed_file, c)
    url = c.text("source_url", optional=True)
    if url is not None and not re.match(r"^https?://\S+$", url):
        c.bad("source_url", f"not a web address (http:// or https://): {url!r}")
    issued = _date(plan["issued_on"])
    if issued is False:
        c.bad("issued_on", f"not a date YYYY-MM-DD (or null): {plan['issued_on']!r}")
    period = plan["period"]
    first = last = None
    if not (isinstance(period, list) and len(period) == 2):
        c.bad("period", f"must be [first year, last year], not {period!r}")
    else:
        first, last = (c.year("period", y, bounds) for y in period)
        if first is not None and last is not None and first > last:
            c.bad("period", f"first year {first} is after last year {last}")
    targets = plan["targets"]
    if not isinstance(targets, list) or not targets:
        c.bad("targets", "a plan needs at least one target")
        targets = []
    rows = [
        row
        for target in targets
        if (row := _check_target(target, plan_id, code, dimensions, bounds, article, plan.lines["targets"], problems))
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
        "source_file": PLANS_FILE,
        "source_line": plan.line,
    }
    return record, rows


def _check_target(
    target: Any,
    plan_id: str,
    code: str,
    dimensions: dict[str, int],
    bounds: tuple[int, int],
    article: str | None,
    list_line: int,
    problems: list[SourceProblem],
) -> dict | None:
    """One target's row, or None with its problems recorded. `article`: the plan's article, which holds the quote."""
    if not isinstance(target, _Mapping):
        problems.append(SourceProblem(PLANS_FILE, list_line, "targets", f"each target must be a mapping: {target!r}"))
        return None
    c = _Checker(target, problems)
    if not c.fields(TARGET_FIELDS):
        return None
    before = len(problems)
    target_id = target["id"]
    if not isinstance(target_id, str) or not _ID.match(target_id):
        c.bad("id", f"not a slug of lower-case letters, digits and hyphens: {target_id!r}")
    metric = c.choice("metric", METRICS, "metric")
    rule = c.choice("rule", RULES, "rule")
    dimension = target["dimension"]
    if dimension is not None and dimension not in dimensions:
        c.bad("dimension", f"unknown dimension {dimension!r} (one of: {', '.join(dimensions)})")
    if metric and rule:
        if metric not in RULE_METRICS[rule]:
            c.bad(
                "metric", f"rule {rule} does not apply to {metric} (it takes {', '.join(sorted(RULE_METRICS[rule]))})"
            )
        elif rule in SELECTING_RULES and dimension is not None:
            c.bad("dimension", f"rule {rule} picks the dimensions itself: write null")
        elif rule not in SELECTING_RULES and metric.startswith("dimension_") and dimension is None:
            c.bad("dimension", f"{metric} needs a dimension id")
        elif metric.startswith("total_") and dimension is not None:
            c.bad("dimension", f"{metric} takes no dimension: write null")
    k = target["k"]
    if rule == "rise_at_least":
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            c.bad("k", f"rise_at_least needs k, a whole number of places ≥ 1, not {k!r}")
    elif k is not None:
        c.bad("k", "only rise_at_least takes k: write null")
    group = target["group"]
    if rule == "stay_in_group":
        c.choice("group", GROUPS, "group")
    elif group is not None:
        c.bad("group", "only stay_in_group takes a group: write null")

    years = target["target_years"]
    if not isinstance(years, list) or not years:
        c.bad("target_years", f"must be a list of years, not {years!r}")
        years = []
    years = [c.year("target_years", y, bounds) for y in years]
    if len(set(years)) != len(years):
        c.bad("target_years", "a year is listed twice")
    baseline = target["baseline_year"]
    needs_baseline = rule is not None and rule != "stay_in_group"
    if baseline is None and needs_baseline:
        c.bad("baseline_year", f"rule {rule} compares with a baseline year")
    elif baseline is not None and not needs_baseline and rule is not None:
        c.bad("baseline_year", f"rule {rule} takes no baseline year: write null")
    elif baseline is not None:
        baseline = c.year("baseline_year", baseline, bounds)
        later = [y for y in years if y is not None and baseline is not None and y <= baseline]
        if later:
            c.bad("baseline_year", f"baseline {baseline} is not before target year(s) {later}")
    first = dimensions.get(dimension) if isinstance(dimension, str) else None
    for field, values in (("baseline_year", [baseline]), ("target_years", years)):
        early = [y for y in values if first and isinstance(y, int) and y < first]
        if early:
            c.bad(field, f"{dimension} is not measured before {first} (year(s) {early})")

    quote = target["quote_vi"]
    if not isinstance(quote, str) or not quote.strip():
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
    return {
        "id": target_id,
        "plan_id": plan_id,
        "province_code": code,
        "metric": metric,
        "dimension": dimension,
        "rule": rule,
        "k": k,
        "group": group,
        "baseline_year": baseline,
        "target_years": sorted(years),
        "quote_vi": quote,
        "interpretation_vi": reading["vi"],
        "interpretation_en": reading["en"],
        "source_file": PLANS_FILE,
        "source_line": target.line,
    }


def read_plans(
    sources: Path,
    provinces: pd.DataFrame,
    dimensions: pd.DataFrame,
    years: Iterable[int],
    problems: list[SourceProblem],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The plans and their targets (one row each; `target_years` a list). `years` are the scores' years."""
    years = sorted(set(years))
    bounds = (min(years), max(years) + PLAN_HORIZON)
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
    known = set(provinces["code"])
    first_year = dict(zip(dimensions["id"], dimensions["first_year"], strict=True))
    plans, targets = [], []
    for plan in document["plans"]:
        record, rows = _check_plan(plan, known, first_year, bounds, sources / SEEDS_DIR, problems)
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
    for frame, columns in ((out_plans, ["period_start", "period_end"]), (out_targets, ["k", "baseline_year"])):
        for column in columns:
            frame[column] = frame[column].astype("Int16")
    out_targets["target_years"] = out_targets["target_years"].map(lambda ys: [int(y) for y in ys])
    return out_plans, out_targets

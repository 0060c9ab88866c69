"""plans.yaml into the store: the real plans, every rejection rule (file, line, field, reason; the old store kept), and
the README's recipe for adding a province's plan.

Edits are made to a private copy of papi_data/sources (the `sources_copy` fixture); they are synthetic breakages.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest

from papi_data.build import assemble, build, main
from papi_data.plans.evaluate import evaluate
from papi_data.plans.source import PLANS_FILE, read_plans
from papi_data.ranking import with_ranks
from papi_data.store.load import PapiStore, load_store
from papi_data.store.paths import SOURCES_DIR
from papi_data.store.problems import SourceProblem, SourceRejected
from tests.unit.test_build import tree_digest

SEEDS = SOURCES_DIR / "seeds"  # the articles the plans were read from
QUOTED = ["hn-2023-kh157", "hn-2022-tb441", "hcm-2024-papi", "hn-2021-rise-5", "bn-2020-kh176"]
SUMMARISED = [
    "laocai-2021-kh246",
    "kontum-2021-tu",
    "nghean-2019-tu",
    "tayninh-2021-da",
    "laichau-2025-kh1331",
    "caobang-2025-kh2163",
    "tayninh-2025-kh315",
]
PLAN_IDS = QUOTED + SUMMARISED


def line_of(path: Path, text: str) -> int:
    """The line holding `text`, which must occur exactly once in the file."""
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line]
    assert len(lines) == 1, (text, lines)
    return lines[0]


def edit(path: Path, old: str, new: str, after: str | None = None) -> int:
    """Replace the one occurrence of `old` (the first after the line holding `after`, if given); returns its line."""
    content = path.read_text(encoding="utf-8")
    start = 0 if after is None else content.index(after)
    if after is None:
        assert content.count(old) == 1, old
    at = content.index(old, start)
    path.write_text(content[:at] + new + content[at + len(old) :], encoding="utf-8")
    return content[:at].count("\n") + 1


# --- the real file ---------------------------------------------------------------------------------------------------


def test_real_plans_and_targets(real_store: PapiStore) -> None:
    plans, targets = real_store.plans, real_store.targets
    assert plans["id"].tolist() == PLAN_IDS
    assert targets.groupby("plan_id", sort=False).size().to_dict() == {
        "hn-2023-kh157": 1,
        "hn-2022-tb441": 1,
        "hcm-2024-papi": 3,
        "hn-2021-rise-5": 1,
        "bn-2020-kh176": 1,
        "laocai-2021-kh246": 6,
        "kontum-2021-tu": 1,
        "nghean-2019-tu": 1,
        "tayninh-2021-da": 1,
        "laichau-2025-kh1331": 1,
        "caobang-2025-kh2163": 2,
        "tayninh-2025-kh315": 1,
    }
    assert real_store.manifest["rows"]["plans"] == 12 and real_store.manifest["rows"]["targets"] == 20
    hn = plans.set_index("id").loc["hn-2023-kh157"]
    assert (hn["province_code"], hn["document_number"], hn["kind"]) == ("01", "157/KH-UBND", "ke_hoach")
    assert hn["issued_on"] == dt.date(2023, 5, 26)
    assert (hn["period_start"], hn["period_end"]) == (2023, 2023)
    bn = targets.set_index("id").loc["bn-176-best-group-2020-2025"]
    assert list(bn["target_years"]) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert (bn["rule"], bn["group"], bn["province_code"]) == ("group_at_least", "best", "27")
    assert pd.isna(bn["baseline_year"]) and pd.isna(bn["k"])
    rise = targets.set_index("id").loc["hn-2021-rise-5-rank"]
    assert (rise["rule"], int(rise["k"]), int(rise["baseline_year"])) == ("rise_at_least", 5, 2020)


def test_every_row_points_at_its_line(real_store: PapiStore) -> None:
    path = SOURCES_DIR / PLANS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    for frame in (real_store.plans, real_store.targets):
        assert set(frame["source_file"]) == {PLANS_FILE}
        for row in frame.itertuples():
            assert lines[row.source_line - 1].strip() == f"- id: {row.id}", row.id


def test_quotes_are_exact_substrings_of_their_seed(real_store: PapiStore) -> None:
    seeds = real_store.plans.set_index("id")["seed_file"]
    for row in real_store.targets[real_store.targets["plan_id"].isin(QUOTED)].itertuples():
        article = (SEEDS / seeds[row.plan_id]).read_text(encoding="utf-8")
        assert row.quote_vi in article, row.id
        assert unicodedata.normalize("NFC", row.quote_vi) == row.quote_vi
    for row in real_store.plans[real_store.plans["id"].isin(QUOTED)].itertuples():
        for named in (row.article_title, row.article_outlet):
            assert pd.isna(named) or named in (SEEDS / row.seed_file).read_text(encoding="utf-8"), row.id
        if pd.notna(row.source_url):
            assert row.source_url in (SEEDS / row.seed_file).read_text(encoding="utf-8"), row.id


def test_readings_are_in_both_languages_or_neither(real_store: PapiStore) -> None:
    targets = real_store.targets
    assert (targets["interpretation_vi"].isna() == targets["interpretation_en"].isna()).all()
    assert targets.loc[targets["plan_id"].isin(QUOTED), "interpretation_vi"].notna().all()  # every quote is vague


# --- rejections ------------------------------------------------------------------------------------------------------


class Expect(NamedTuple):
    line: int | None
    field: str | None
    words: str


BN = "- id: bn-176-best-group-2020-2025"  # anchors for edits of one target among several alike
HN_RISE = "- id: hn-2021-rise-5-rank"


def _unknown_province(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, 'province_code: "27"', 'province_code: "99"'), "province_code", "unknown")


def _unquoted_province_code(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, 'province_code: "79"', "province_code: 79"), "province_code", "quoted text")


def _unknown_metric(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "metric: total_group", "metric: total_happiness", after=BN)
    return Expect(line, "metric", "unknown metric 'total_happiness'")


def _unknown_rule(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "rule: rise_at_least", "rule: rise_a_lot", after=HN_RISE)
    return Expect(line, "rule", "unknown rule 'rise_a_lot'")


def _rule_on_the_wrong_metric(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "metric: total_group", "metric: total_score", after=BN)
    return Expect(line, "metric", "rule group_at_least does not apply to total_score")


def _unknown_group(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, "group: best", "group: top", after=BN), "group", "unknown group 'top'")


def _unknown_dimension(s: Path) -> Expect:
    path = s / PLANS_FILE
    edit(
        path,
        "metric: total_rank\n        dimension: null\n        rule: rise_at_least",
        "metric: dimension_rank\n        dimension: d9_happiness\n        rule: rise_at_least",
        after=HN_RISE,
    )
    return Expect(line_of(path, "d9_happiness"), "dimension", "unknown dimension 'd9_happiness'")


def _dimension_metric_without_dimension(s: Path) -> Expect:
    path = s / PLANS_FILE
    line = edit(
        path,
        "metric: total_rank\n        dimension: null\n        rule: rise_at_least",
        "metric: dimension_rank\n        dimension: null\n        rule: rise_at_least",
        after=HN_RISE,
    )
    return Expect(line + 1, "dimension", "a dimension_* metric needs a dimension id")


def _e_governance_before_2018(s: Path) -> Expect:
    path = s / PLANS_FILE
    edit(
        path,
        "metric: total_rank\n        dimension: null\n        rule: rise_at_least",
        "metric: dimension_rank\n        dimension: d8_e_governance\n        rule: rise_at_least",
        after=HN_RISE,
    )
    line = edit(
        path,
        "baseline_year: 2020\n        target_years: [2021]",
        "baseline_year: 2016\n        target_years: [2021]",
        after=HN_RISE,
    )
    return Expect(line, "baseline_year", "d8_e_governance is not measured before 2018")


def _year_before_the_data(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "target_years: [2020, 2021,", "target_years: [2010, 2021,")
    return Expect(line, "target_years", "2010 is outside 2011–2034")


def _year_beyond_the_horizon(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "2023, 2024, 2025]", "2023, 2024, 2040]", after=BN)
    return Expect(line, "target_years", "2040 is outside 2011–2034")


def _baseline_after_target(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "baseline_year: 2022", "baseline_year: 2023")
    return Expect(line, "baseline_year", "baseline 2023 is not before target year(s) [2023]")


def _group_rule_with_baseline(s: Path) -> Expect:
    path = s / PLANS_FILE
    line = edit(path, "group: best\n        baseline_year: null", "group: best\n        baseline_year: 2019", after=BN)
    return Expect(line + 1, "baseline_year", "takes no baseline year")


def _rise_without_k(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, "k: 5", "k: null"), "k", "rise_at_least needs k")


def _empty_quote(s: Path) -> Expect:
    slug = "ha-noi-phan-dau-chi-so-papi-duoc-cai-thien-tang-it-nhat-5-bac-vao-nam-2021"
    return Expect(edit(s / PLANS_FILE, f'quote_vi: "{slug}"', 'quote_vi: " "'), "quote_vi", "exact Vietnamese sentence")


def _missing_quote(s: Path) -> Expect:
    path = s / PLANS_FILE
    content = path.read_text(encoding="utf-8")
    quote = next(ln for ln in content.splitlines(keepends=True) if 'quote_vi: "ha-noi-phan-dau' in ln)
    target_line = line_of(path, "- id: hn-2021-rise-5-rank")
    path.write_text(content.replace(quote, ""), encoding="utf-8")
    return Expect(target_line, None, "missing field(s): quote_vi")


def _quote_not_in_the_article(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "cải thiện thứ hạng Chỉ số PAPI", "cải thiện mạnh thứ hạng Chỉ số PAPI")
    return Expect(line, "quote_vi", "not word for word in the plan's article")


def _article_missing(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, 'seed_file: "000_767cc3d581214d55.txt"', 'seed_file: "../../etc/passwd"')
    return Expect(line, "seed_file", "no article")


def _article_title_not_in_the_article(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, 'article_outlet: "Hà Nội portal"', 'article_outlet: "Báo Hà Nội mới"')
    return Expect(line, "article_outlet", "not word for word in the plan's article")


def _article_named_on_a_summarised_plan(s: Path) -> Expect:
    new = 'seed_file: null\n    article_title: "Lào Cai"'
    line = edit(s / PLANS_FILE, "seed_file: null", new, after="- id: laocai-2021-kh246")
    return Expect(line + 1, "article_title", "only a plan quoted from its article")


def _bad_article_date(s: Path) -> Expect:
    return Expect(
        edit(s / PLANS_FILE, "article_date: 2023-06-08", "article_date: 08/06/2023"), "article_date", "not a date"
    )


def _decomposed_quote(s: Path) -> Expect:
    path = s / PLANS_FILE
    quote = "Đồng thời, hỗ trợ duy trì bền vững"
    return Expect(edit(path, quote, unicodedata.normalize("NFD", quote)), "quote_vi", "not NFC")


def _misspelt_field(s: Path) -> Expect:
    path = s / PLANS_FILE
    line = edit(path, 'interpretation_en: "“The group', 'interpretation_eng: "“The group')
    return Expect(line, "interpretation_eng", "unknown field")


def _field_given_twice(s: Path) -> Expect:
    path = s / PLANS_FILE
    line = edit(path, "k: 5\n", "k: 5\n        k: 6\n")
    return Expect(line + 1, "k", "field given twice")


def _duplicate_target_id(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "- id: hcm-2024-weak-dims-improve", "- id: hcm-2024-strong-dims-hold")
    return Expect(line, "id", "already used at line")


def _duplicate_plan_id(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, "- id: hn-2022-tb441", "- id: hn-2023-kh157"), "id", "already used at line")


def _bad_date(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, "issued_on: 2023-05-26", "issued_on: 26/5/2023"), "issued_on", "not a date")


def _bad_source_url(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, 'source_url: "https://congluan.vn', 'source_url: "congluan.vn')
    return Expect(line, "source_url", "not a web address")


def _unknown_kind(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, "kind: thong_bao", "kind: memo"), "kind", "unknown kind 'memo'")


def _broken_yaml(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "    period: [2020, 2025]", "    period: [2020, 2025")
    return Expect(line + 1, None, "not valid YAML")


PLAN_REJECTIONS: list[Callable[[Path], Expect]] = [
    _unknown_province,
    _unquoted_province_code,
    _unknown_metric,
    _unknown_rule,
    _rule_on_the_wrong_metric,
    _unknown_group,
    _unknown_dimension,
    _dimension_metric_without_dimension,
    _e_governance_before_2018,
    _year_before_the_data,
    _year_beyond_the_horizon,
    _baseline_after_target,
    _group_rule_with_baseline,
    _rise_without_k,
    _empty_quote,
    _quote_not_in_the_article,
    _article_missing,
    _article_title_not_in_the_article,
    _article_named_on_a_summarised_plan,
    _bad_article_date,
    _missing_quote,
    _decomposed_quote,
    _misspelt_field,
    _field_given_twice,
    _duplicate_target_id,
    _duplicate_plan_id,
    _bad_date,
    _bad_source_url,
    _unknown_kind,
    _broken_yaml,
]


def plan_problems(sources: Path, store: PapiStore) -> list[SourceProblem]:
    """The problems the build's plan reader finds in `sources`, against the real store's tables."""
    problems: list[SourceProblem] = []
    s = store
    read_plans(sources, s.provinces, s.dimensions, s.subdimensions, s.subdimension_periods, s.years, problems)
    return problems


@pytest.mark.parametrize("break_plans", PLAN_REJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_rejected_plan_names_line_field_and_reason(
    break_plans: Callable[[Path], Expect], sources_copy: Path, real_store: PapiStore
) -> None:
    """Every rule, through the reader at fault (what the build runs on plans.yaml); the store is left as it was by a
    rejected build, checked below on a full-size store."""
    expect = break_plans(sources_copy)
    problems = plan_problems(sources_copy, real_store)
    hits = [p for p in problems if (p.file, p.line, p.column) == (PLANS_FILE, *expect[:2])]
    assert len(hits) == 1, problems
    assert expect.words in hits[0].reason, hits[0]


def test_rejected_plan_stops_the_build_and_keeps_the_store(sources_copy: Path, good_store: Path) -> None:
    expect = _unknown_province(sources_copy)
    before = tree_digest(good_store)
    with pytest.raises(SourceRejected) as rejected:
        build(sources_copy, target=good_store)
    hits = [p for p in rejected.value.problems if (p.file, p.line, p.column) == (PLANS_FILE, *expect[:2])]
    assert len(hits) == 1, rejected.value.problems
    assert expect.words in hits[0].reason, hits[0]
    assert tree_digest(good_store) == before
    assert sorted(p.name for p in good_store.parent.iterdir()) == ["store"]


@pytest.mark.parametrize("break_plans", [_missing_quote])
def test_rejected_plan_by_cli_names_file_line_and_field(
    break_plans: Callable[[Path], Expect], sources_copy: Path, good_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expect = break_plans(sources_copy)
    before = tree_digest(good_store)
    assert main(["--sources", str(sources_copy), "--store", str(good_store)]) == 1
    err = capsys.readouterr().err
    field = "" if expect.field is None else re.escape(f" [{expect.field}]")
    assert re.search(rf"^{PLANS_FILE}:{expect.line}{field}: .*{re.escape(expect.words)}", err, re.MULTILINE), err
    assert tree_digest(good_store) == before


def test_missing_plans_file_is_reported(sources_copy: Path) -> None:
    (sources_copy / PLANS_FILE).unlink()
    with pytest.raises(SourceRejected) as rejected:
        assemble(sources_copy)
    assert [(p.file, p.line, p.reason) for p in rejected.value.problems] == [(PLANS_FILE, None, "file is missing")]


def test_every_plan_problem_is_reported_in_one_run(sources_copy: Path) -> None:
    expected = [_unknown_province(sources_copy), _unknown_rule(sources_copy), _bad_date(sources_copy)]
    with pytest.raises(SourceRejected) as rejected:
        assemble(sources_copy)
    found = {(p.line, p.column) for p in rejected.value.problems}
    assert {(e.line, e.field) for e in expected} <= found


def test_future_target_year_and_text_date_are_accepted(
    sources_copy: Path, source_tables: Callable[[Path], dict[str, pd.DataFrame]]
) -> None:
    """A target after the latest published year is allowed (it evaluates as pending); a quoted date is a date."""
    path = sources_copy / PLANS_FILE
    edit(path, "target_years: [2023]", "target_years: [2023, 2026]")
    edit(path, "issued_on: 2023-05-26", 'issued_on: "2023-05-26"')
    tables = source_tables(sources_copy)
    assert list(tables["targets"].set_index("id").at["hn-157-rank-2023", "target_years"]) == [2023, 2026]
    assert tables["plans"].set_index("id").at["hn-2023-kh157", "issued_on"] == dt.date(2023, 5, 26)


# --- the README's recipe: add another province's plan, rebuild, see it evaluated --------------------------------------

NEW_PLAN = """
  - id: dn-2022-test
    province_code: "48"
    document_number: "1/KH-TEST"
    kind: ke_hoach
    issuer: "UBND thành phố Đà Nẵng (kế hoạch thử nghiệm)"
    issued_on: 2022-03-01
    period: [2022, 2026]
    title_vi: "Kế hoạch thử nghiệm"
    title_en: "A test plan"
    source_url: "https://example.org/ke-hoach-thu-nghiem"
    seed_file: null
    summary_vi: "Tăng ít nhất 3 bậc so với năm 2021."
    summary_en: "Rise at least 3 places on 2021."
    targets:
      - id: dn-2022-test-rank
        metric: total_rank
        dimension: null
        rule: rise_at_least
        k: 3
        baseline_year: 2021
        target_years: [2022, 2026]
        quote_vi: null
        interpretation_vi: null
        interpretation_en: null
"""


def test_readme_recipe_adds_a_plan_that_is_evaluated(sources_copy: Path, tmp_path: Path) -> None:
    """A synthetic plan for Đà Nẵng (code 48), summarised from a made-up address, appended to a copy of plans.yaml
    as the README describes."""
    with (sources_copy / PLANS_FILE).open("a", encoding="utf-8") as handle:
        handle.write(NEW_PLAN)
    target = tmp_path / "store"
    assert main(["--sources", str(sources_copy), "--store", str(target)]) == 0
    store = load_store(target)
    assert store.plans["id"].tolist() == [*PLAN_IDS, "dn-2022-test"]
    table = with_ranks(store.scores)
    result = evaluate(store.targets, table, max(store.years), store.provinces).set_index(["target_id", "target_year"])
    totals = table[(table["province_code"] == "48") & (table["dimension"] == "total")].set_index("year")
    base, now = int(totals.at[2021, "rank"]), int(totals.at[2022, "rank"])
    row = result.loc[("dn-2022-test-rank", 2022)]
    assert (row["baseline_value"], row["value"], row["threshold"]) == (base, now, base - 3)
    assert row["status"] == ("achieved" if now <= base - 3 else "missed")
    assert result.loc[("dn-2022-test-rank", 2026), "status"] == "pending"
    assert len(result) == 29 + 2


# --- the general rules and summarised plans: each rejection, read by read_plans alone (no store is built) -------------

LC = "- id: laocai-2021-kh246"
LC_SCORE = "- id: laocai-2021-score"
LC_TAY_BAC = "- id: laocai-2021-first-in-tay-bac"
LC_REGION = "- id: laocai-2021-top-3-in-region"
LC_DIMS = "- id: laocai-2021-seven-dimensions"
NGHE_AN = "- id: nghean-2019-not-worse"


def _summary_without_source(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, 'source_url: "https://kontumtv.vn', "source_url: null # ", after="- id: kontum")
    return Expect(line, "source_url", "a summarised plan needs the address of its source")


def _summary_in_one_language(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, 'summary_en: "By the end of 2021', 'summary_en: null # "', after="- id: kontum")
    return Expect(line, "summary_en", "give the summary in both languages")


def _summarised_plan_with_a_quote(s: Path) -> Expect:
    return Expect(
        edit(s / PLANS_FILE, "quote_vi: null", 'quote_vi: "tăng 10 bậc"', after="- id: kontum-2021-rise-10"),
        "quote_vi",
        "a summarised plan (no seed_file) quotes nothing",
    )


def _quoted_plan_with_a_summary(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "summary_vi: null", 'summary_vi: "Tóm tắt"', after="- id: hn-2023-kh157")
    return Expect(line, "summary_vi", "a plan quoted from its article (seed_file) has no summary")


def _score_without_value(s: Path) -> Expect:
    edit(s / PLANS_FILE, "        value: 45.33\n", "", after=LC_SCORE)
    return Expect(line_of(s / PLANS_FILE, LC_SCORE), "value", "rule score_at_least needs value")


def _score_off_the_scale(s: Path) -> Expect:
    return Expect(edit(s / PLANS_FILE, "value: 45.33", "value: 85"), "value", "85 is outside the scale 8–80 of 2021")


def _unknown_region(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "among: northern_midlands_mountains", "among: tay_bac")
    return Expect(line, "among", "unknown region 'tay_bac'")


def _set_without_the_province(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, 'provinces: ["10", "15",', 'provinces: ["15",')
    return Expect(line - 2, "among", "the plan's province '10' is not in the set")  # the set's first line


def _set_with_an_unknown_province(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, 'provinces: ["10", "15",', 'provinces: ["10", "99",')
    return Expect(line, "provinces", "unknown province code(s) ['99']")


def _k_beyond_the_set(s: Path) -> Expect:
    # the Northern Midlands and Mountains have 14 provinces
    return Expect(edit(s / PLANS_FILE, "k: 3\n", "k: 15\n", after=LC_REGION), "k", "a whole number from 1 to 14")


def _a_parameter_the_rule_does_not_take(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "k: 1\n", "k: 1\n        value: 3\n", after=LC_TAY_BAC)
    return Expect(line + 1, "value", "rule rank_within_at_most takes no value")


def _meeting_without_a_condition(s: Path) -> Expect:
    path = s / PLANS_FILE
    edit(path, "        rise: true\n", "", after=LC_DIMS)
    edit(path, "        group: best\n", "", after=LC_DIMS)
    line = line_of(path, LC_DIMS) + 3  # the rule's line
    return Expect(line, "rule", "dimensions_meeting needs rise: true, a group, or both")


def _count_beyond_the_dimensions(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "count: 7", "count: 9", after=LC_DIMS)
    return Expect(line, "count", "a whole number from 1 to 8")


def _sub_dimension(s: Path, sub: str) -> int:
    """Lào Cai's score target read on a sub-dimension instead of the total; returns the line of its metric."""
    old = "metric: total_score\n        dimension: null"
    return edit(s / PLANS_FILE, old, f"metric: subdimension_score\n        dimension: {sub}", after=LC_SCORE)


def _unknown_sub_dimension(s: Path) -> Expect:
    return Expect(_sub_dimension(s, "d5.x") + 1, "dimension", "unknown sub-dimension 'd5.x'")


def _sub_dimension_not_measured(s: Path) -> Expect:
    line = _sub_dimension(s, "d5.construction_permits")
    edit(s / PLANS_FILE, "value: 45.33", "value: 2")
    return Expect(line + 5, "target_years", "d5.construction_permits is not measured in [2021]")


def _other_metric_of_another_level(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "other_metric: total_score", "other_metric: dimension_score", after=NGHE_AN)
    return Expect(line, "other_metric", "not on the same level")


def _other_baseline_after_the_target(s: Path) -> Expect:
    return Expect(
        edit(s / PLANS_FILE, "other_baselines: [2019]", "other_baselines: [2021]"),
        "other_baselines",
        "[2021] not before every target year",
    )


def _other_reading_of_a_group_floor(s: Path) -> Expect:
    line = edit(s / PLANS_FILE, "group: best\n", "group: best\n        other_metric: total_rank\n", after=BN)
    return Expect(line + 1, "other_metric", "rule group_at_least is read one way only")


RULE_REJECTIONS: list[Callable[[Path], Expect]] = [
    _summary_without_source,
    _summary_in_one_language,
    _summarised_plan_with_a_quote,
    _quoted_plan_with_a_summary,
    _score_without_value,
    _score_off_the_scale,
    _unknown_region,
    _set_without_the_province,
    _set_with_an_unknown_province,
    _k_beyond_the_set,
    _a_parameter_the_rule_does_not_take,
    _meeting_without_a_condition,
    _count_beyond_the_dimensions,
    _unknown_sub_dimension,
    _sub_dimension_not_measured,
    _other_metric_of_another_level,
    _other_baseline_after_the_target,
    _other_reading_of_a_group_floor,
]


@pytest.mark.parametrize("break_plans", RULE_REJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_rejected_rule_names_line_and_field(
    break_plans: Callable[[Path], Expect], sources_copy: Path, real_store: PapiStore
) -> None:
    expect = break_plans(sources_copy)
    problems: list[SourceProblem] = []
    s = real_store
    plans, _ = read_plans(
        sources_copy, s.provinces, s.dimensions, s.subdimensions, s.subdimension_periods, s.years, problems
    )
    hits = [p for p in problems if (p.file, p.line, p.column) == (PLANS_FILE, *expect[:2])]
    assert len(hits) == 1, problems
    assert expect.words in hits[0].reason, hits[0]
    assert len(plans) == len(PLAN_IDS) - 1  # the broken plan is left out, the others read


def test_summarised_plans_are_the_rows_of_plans_more(real_store: PapiStore) -> None:
    """Each summarised plan is a row of plans_more.csv (its provenance): id, province, number, date, address and the
    summaries word for word (the CSV's issued_on 2019-01-01 stands for the year only, and a draft discussed on a day
    was not issued on it: those two are null)."""
    rows = pd.read_csv(SOURCES_DIR / "plans_more.csv", dtype=str, keep_default_na=False).set_index("plan_key")
    plans = real_store.plans.set_index("id")
    assert sorted(rows.index) == sorted(SUMMARISED)
    for plan_id, row in rows.iterrows():
        plan = plans.loc[plan_id]
        assert plan["province_code"] == row["province_code"], plan_id
        assert plan["source_url"] == row["source_url"], plan_id
        assert (plan["summary_vi"], plan["summary_en"]) == (row["what_it_commits_vi"], row["what_it_commits_en"])
        assert pd.isna(plan["seed_file"])
        number = row["document"] if row["document"][:1].isdigit() else None
        assert (None if pd.isna(plan["document_number"]) else plan["document_number"]) == number, plan_id
        issued = None if pd.isna(plan["issued_on"]) else plan["issued_on"].isoformat()
        assert issued == (None if plan_id in ("nghean-2019-tu", "tayninh-2021-da") else row["issued_on"]), plan_id
    targets = real_store.targets[real_store.targets["plan_id"].isin(SUMMARISED)]
    assert targets["quote_vi"].isna().all()

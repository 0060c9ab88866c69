"""The plans page's content, made once per store build and language: every plan's card and every target's verdicts,
fair comparisons, other readings and what it would take, as Markdown-escaped text; the index the filters read; the
overview table as Markdown. A page run then only lays these out (cached per build: ui/plans/data.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from papi_data.cells import str_or_none
from papi_data.eras import MERGER_YEAR
from papi_data.plans.evaluate import MAIN, STATUSES
from papi_data.plans.measures import standings
from papi_data.plans.summary import by_recency, main_rows, merged_with, plan_counts, plan_order
from papi_data.store.load import PapiStore
from papi_data.store.schema import TOTAL
from ui.core.i18n import t
from ui.core.plan_status import (
    STATUS_BADGES,
    PlanRef,
    boundary_text,
    date_text,
    document_label,
    fairness_text,
    md,
    reading_text,
    result_text,
    status_badge,
    target_text,
    what_it_takes,
    years_text,
)
from ui.plans.tables import count_text, members_lines, overview


@dataclass(frozen=True)
class Verdict:
    text: str  # the status badge, the year and the result
    fair: str  # the fair comparison, or ""
    boundary: str  # why a 2025 result is another province's, or ""


@dataclass(frozen=True)
class TargetContent:
    id: str
    heading: str
    quote: str | None  # a quoted plan's sentence
    reading: str | None  # our reading
    verdicts: tuple[Verdict, ...]
    others: tuple[str, ...]  # other readings
    takes: tuple[str, ...]  # what it would take


@dataclass(frozen=True)
class PlanContent:
    id: str
    title: str
    title_vi: str | None  # the Vietnamese title under an English one
    facts: str
    summary: str | None  # a summarised plan's text
    counts: str
    source_url: str | None
    summary_source: str | None  # the address, said as the summary's source
    article: str | None  # a quoted plan's article: headline, outlet, date (never its file's name)
    members: str | None  # the old provinces of a merged one, with their own figures
    targets: tuple[TargetContent, ...]


@dataclass(frozen=True)
class PlansIndex:
    """What the filters and the plan chooser read: the plans in order, by recency, their provinces, regions,
    statuses and labels."""

    plans: pd.DataFrame  # ordered by province, then oldest first
    recent: tuple[str, ...]  # oldest to newest
    province_of: dict[str, str]
    region_of: dict[str, str]  # by province code
    statuses: dict[str, set[str]]
    labels: dict[str, str]  # "Hà Nội · Kế hoạch 157/KH-UBND"
    documents: dict[str, str]  # "Kế hoạch 157/KH-UBND"


def plans_index(store: PapiStore, evaluation: pd.DataFrame, lang: str) -> PlansIndex:
    plans = plan_order(store.plans)
    names = store.provinces.set_index("code")[f"name_{lang}"]
    documents = {str(p["id"]): document_label(p, lang) for _, p in plans.iterrows()}
    return PlansIndex(
        plans=plans,
        recent=tuple(by_recency(plans)),
        province_of=dict(zip(plans["id"], plans["province_code"], strict=True)),
        region_of=dict(zip(store.provinces["code"], store.provinces["region_id"], strict=True)),
        statuses={str(k): set(v) for k, v in main_rows(evaluation).groupby("plan_id")["status"]},
        labels={i: f"{names[c]} · {documents[i]}" for i, c in zip(plans["id"], plans["province_code"], strict=True)},
        documents=documents,
    )


def plan_contents(
    store: PapiStore, ref: PlanRef, evaluation: pd.DataFrame, table: pd.DataFrame, lang: str
) -> dict[str, PlanContent]:
    """Every plan's content by id. `table`: the scores with ranks (for a merged province's old parts)."""
    latest = max(store.years)
    last_own = min(latest, MERGER_YEAR - 1)  # a merged province's former parts: their last year of own figures
    totals = table[table["year"].isin([latest, last_own]) & (table["dimension"] == TOTAL)]
    standing = standings(totals, store.provinces["code"])
    out = {}
    for _, plan in store.plans.iterrows():
        plan_id = str(plan["id"])
        rows = evaluation[evaluation["plan_id"] == plan_id]
        targets = store.targets[store.targets["plan_id"] == plan_id]
        out[plan_id] = _plan(plan, rows, targets, standing, ref, lang, latest)
    return out


def _plan(
    plan: pd.Series,
    rows: pd.DataFrame,
    targets: pd.DataFrame,
    standing: dict,
    ref: PlanRef,
    lang: str,
    latest: int,
) -> PlanContent:
    names = ref.provinces.set_index("code")[f"name_{lang}"]

    def not_given(value: object) -> str:
        text = str_or_none(value)
        return t("plan_not_given", lang) if text is None else md(text)

    issued = None if pd.isna(plan["issued_on"]) else date_text(plan["issued_on"], lang)
    facts = [
        (t("col_province", lang), md(names[plan["province_code"]])),
        (t("plan_kind", lang), t("plan_kind_" + plan["kind"], lang)),
        (t("plan_doc_number", lang), not_given(plan["document_number"])),
        (t("plan_issuer", lang), md(plan["issuer"])),
        (t("plan_issued_on", lang), not_given(issued)),
        (t("plan_period", lang), years_text(range(plan["period_start"], plan["period_end"] + 1))),
    ]
    summarised = pd.isna(plan["seed_file"])
    url = str_or_none(plan["source_url"])
    members = None
    if rows["boundary_changed"].any():
        last_own = min(latest, MERGER_YEAR - 1)  # beside a 2025 verdict, the former provinces' own 2024 figures
        lines = members_lines(merged_with(ref.provinces, plan["province_code"]), standing, last_own, ref, lang)
        members = t("plan_members_heading", lang) + "\n\n" + "\n".join(f"- {md(line)}" for line in lines)
    return PlanContent(
        id=str(plan["id"]),
        title=md(plan[f"title_{lang}"]),
        title_vi=None if lang == "vi" else md(plan["title_vi"]),
        facts="  \n".join(f"**{label}:** {value}" for label, value in facts),
        summary=f"**{t('plan_summary_heading', lang)}**  \n{md(plan[f'summary_{lang}'])}" if summarised else None,
        counts=" · ".join(f"**{count_text(c, lang)}**" for c in plan_counts(rows, str(plan["id"]))),
        source_url=url,
        summary_source=t("plan_summary_source", lang, url=md(url)) if summarised and url else None,
        article=None if summarised else _article(plan, lang),
        members=members,
        targets=tuple(
            _target(number, target, rows[rows["target_id"] == target["id"]], ref, lang, latest)
            for number, (_, target) in enumerate(targets.iterrows(), start=1)
        ),
    )


def _article(plan: pd.Series, lang: str) -> str:
    """“Headline” · outlet · date, as the article gives them; the parts it does not give are left out."""
    title = str_or_none(plan["article_title"])
    outlet = str_or_none(plan["article_outlet"])
    parts = [t("plan_article_untitled", lang) if title is None else f"“{md(title)}”"]
    parts += [] if outlet is None else [md(outlet)]
    parts += [] if pd.isna(plan["article_date"]) else [date_text(plan["article_date"], lang)]
    return f"**{t('plan_article', lang)}:** " + " · ".join(parts)


def _target(number: int, target: pd.Series, rows: pd.DataFrame, ref: PlanRef, lang: str, latest: int) -> TargetContent:
    results = rows[rows["reading"] == MAIN]
    verdicts = []
    for _, row in results.iterrows():
        fair = fairness_text(row, ref, lang)
        boundary = boundary_text(row["province_code"], row["target_year"], ref.provinces, lang)
        verdicts.append(
            Verdict(
                text=f"{status_badge(row['status'], lang)} **{row['target_year']}**: "
                f"{md(result_text(row, ref, lang, latest))}",
                fair=f"{t('plan_col_fair', lang)}: {md(fair)}" if fair else "",
                boundary=md(boundary) if row["boundary_changed"] else "",
            )
        )
    reading = str_or_none(target[f"interpretation_{lang}"])
    quote = str_or_none(target["quote_vi"])
    return TargetContent(
        id=str(target["id"]),
        heading=md(t("plan_target_heading", lang, i=number, text=target_text(target, ref, lang))),
        quote=None if quote is None else "> " + md(quote),
        reading=None if reading is None else f"**{t('plan_our_reading', lang)}:** {md(reading)}",
        verdicts=tuple(verdicts),
        others=tuple(md(reading_text(row, ref, lang, latest)) for _, row in rows[rows["reading"] != MAIN].iterrows()),
        takes=tuple(md(line) for i in results.index for line in what_it_takes(results.loc[i], ref, lang)),
    )


def overview_markdown(frame: pd.DataFrame) -> str:
    """ui.plans.tables.overview as a Markdown table (its cells are escaped already), each status on its colour
    (the icon and the word stay: colour is never the only signal)."""
    columns = [c for c in frame.columns if c != "status_of"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for values, status in zip(frame[columns].itertuples(index=False), frame["status_of"], strict=True):
        cells = [str(v) for v in values]
        cells[4] = f":{STATUS_BADGES[status]}-background[{cells[4]}]"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def overview_for(
    index: PlansIndex, evaluation: pd.DataFrame, shown: list[str], status: str, ref: PlanRef, lang: str, latest: int
) -> pd.DataFrame:
    """The overview's rows for the plans shown (and the status chosen, unless "all"), in the plans' order."""
    rows = main_rows(evaluation)
    rows = rows[rows["plan_id"].isin(set(shown))]
    if status in STATUSES:
        rows = rows[rows["status"] == status]
    order = {plan_id: i for i, plan_id in enumerate(index.plans["id"])}
    rows = rows.sort_values("plan_id", key=lambda s: s.map(order), kind="stable")
    return overview(index.plans, rows, ref, lang, latest)

"""The report `python -m papi_data.build --check` prints for each year's file, so the data team checks a new year's
figures before the app shows them: provinces found and missing against the year's set, names not matched, values off
the scale, totals that are not the sum of their dimensions, the national mean and the five best and lowest; for a
year's sub-dimension file, the sub-dimensions that do not add up to their dimension."""

from __future__ import annotations

from papi_data.eras import province_set
from papi_data.store.readers.year_scores import YearCheck
from papi_data.store.schema import SUBDIMENSION_SUM_TOLERANCE, TOTAL

TOP = 5


def format_report(checks: list[YearCheck]) -> str:
    """The report of every year's file, or a line saying there is none."""
    if not checks:
        return "No papi_scores_<year>.csv file in the sources: nothing new to check."
    return "\n\n".join(_one(check) for check in checks)


SUMS = {
    "scores": "Totals not the sum of their dimensions (±0.01)",
    "subdimensions": f"Sub-dimensions not adding up to their dimension (±{SUBDIMENSION_SUM_TOLERANCE:g})",
}


def _one(check: YearCheck) -> str:
    names = check.names
    what = "provinces" if check.kind == "scores" else "provinces with dimension scores"
    lines = [
        f"== {check.file}: {check.year}, the {province_set(check.year)} provinces ==",
        f"Provinces found: {len(check.found)}/{len(check.expected)}" + ("" if check.kind == "scores" else f" ({what})"),
    ]
    lines.extend(f"Note: {note}" for note in check.notes)
    if check.partners:  # cited with every figure of the year: a carried-over list says "assumed" wherever cited
        lines.append(f"Report partners: {check.partners}")
    if check.missing:
        lines.append(f"Missing ({len(check.missing)}): " + ", ".join(names[c] for c in check.missing))
    for title, problems in (
        ("Names not matched", check.unmatched),
        ("Values outside the scale", check.out_of_scale),
        (SUMS[check.kind], check.bad_totals),
        ("Other problems", check.other),
    ):
        lines.append(f"{title}: {len(problems) or 'none'}")
        lines.extend(f"  {p}" for p in problems)
    if check.kind != "scores":
        return "\n".join(lines)
    totals = check.rows[(check.rows["dimension"] == TOTAL) & check.rows["score"].notna()]
    if totals.empty:
        lines.append("No total with a score: no national mean, no ranking.")
        return "\n".join(lines)
    lines.append(f"National mean of the total: {totals['score'].mean():.2f} (unweighted, {len(totals)} provinces)")
    ordered = totals.sort_values(["score", "province_code"], ascending=[False, True])
    for title, rows in (("Top five", ordered.head(TOP)), ("Bottom five", ordered.tail(TOP).iloc[::-1])):
        lines.append(
            f"{title}: " + "; ".join(f"{names[str(r.province_code)]} {r.score:.2f}" for r in rows.itertuples())
        )
    return "\n".join(lines)

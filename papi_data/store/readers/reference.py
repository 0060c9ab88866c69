"""The reference tables: provinces (keyed by GSO code), regions, dimensions, and the 2025 merger."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from papi_data.cells import as_str, str_list
from papi_data.eras import SET_34, SET_63, new_key
from papi_data.store.problems import SourceProblem, read_csv_rows
from papi_data.text import name_key, nfc

PROVINCES_FILE = "provinces_63.csv"
REGIONS_FILE = "regions.csv"
DIMENSIONS_FILE = "dimensions.csv"
MERGER_FILE = "province_mapping_63_to_34.csv"


def read_regions(sources: Path, problems: list[SourceProblem]) -> pd.DataFrame:
    rows = []
    for line, r in read_csv_rows(sources / REGIONS_FILE, ["region_id", "order", "name_vi", "name_en"], problems):
        order = int(r["order"]) if r["order"].isdigit() else None
        if order is None:  # reported; the region is still known, so provinces in it are not reported again
            problems.append(SourceProblem(REGIONS_FILE, line, "order", f"not a whole number: {r['order']!r}"))
        rows.append(
            {"region_id": r["region_id"], "order": order, "name_vi": nfc(r["name_vi"]), "name_en": r["name_en"]}
        )
    return pd.DataFrame(rows, columns=["region_id", "order", "name_vi", "name_en"])


def read_dimensions(sources: Path, problems: list[SourceProblem]) -> pd.DataFrame:
    columns = ["id", "order", "name_vi", "name_en", "short_vi", "short_en", "first_year"]
    rows = []
    for line, r in read_csv_rows(sources / DIMENSIONS_FILE, columns, problems):
        try:
            rows.append(
                {**{c: nfc(r[c]) for c in columns}, "order": int(r["order"]), "first_year": int(r["first_year"])}
            )
        except ValueError:
            problems.append(SourceProblem(DIMENSIONS_FILE, line, "order/first_year", "not a whole number"))
    return pd.DataFrame(rows, columns=columns).sort_values("order", ignore_index=True)


def read_provinces(sources: Path, regions: pd.DataFrame, problems: list[SourceProblem]) -> pd.DataFrame:
    """Provinces with their region and the 2025 province they now belong to. Aliases are filled in by the build."""
    merger = {
        r["old_code"]: r
        for _, r in read_csv_rows(
            sources / MERGER_FILE, ["old_code", "old_name_vi", "new_code", "new_name_vi", "new_name_en"], problems
        )
    }
    region_names = regions.set_index("region_id")
    rows = []
    for line, r in read_csv_rows(sources / PROVINCES_FILE, ["code", "name_vi", "name_en", "region_id"], problems):
        code = r["code"]
        if r["region_id"] not in region_names.index:
            problems.append(SourceProblem(PROVINCES_FILE, line, "region_id", f"unknown region {r['region_id']!r}"))
            continue
        if code not in merger:
            problems.append(SourceProblem(PROVINCES_FILE, line, "code", f"code {code!r} is not in {MERGER_FILE}"))
            continue
        new = merger[code]
        old_name = nfc(new["old_name_vi"])
        rows.append(
            {
                "code": code,
                "name_vi": nfc(r["name_vi"]),
                "name_en": r["name_en"],
                "aliases": [old_name] if old_name != nfc(r["name_vi"]) else [],
                "region_id": r["region_id"],
                "region_vi": region_names.at[r["region_id"], "name_vi"],
                "region_en": region_names.at[r["region_id"], "name_en"],
                "code_2025": new["new_code"],
                "name_2025_vi": nfc(new["new_name_vi"]),
                "name_2025_en": new["new_name_en"],
                "province_set": SET_63,
                "gso_code": code,
            }
        )
    provinces = pd.DataFrame(rows)
    if len(provinces) and provinces["code"].duplicated().any():
        for code in provinces.loc[provinces["code"].duplicated(), "code"]:
            problems.append(SourceProblem(PROVINCES_FILE, None, "code", f"code {code} appears more than once"))
    return provinces


def new_provinces(sources: Path, provinces: pd.DataFrame, problems: list[SourceProblem]) -> pd.DataFrame:
    """The 34 provinces of 1 July 2025 as rows of the provinces table, keyed `n` + their GSO code (papi_data.eras).

    Names and codes are the mapping's `new_*`. A new province's region is that of the former province whose name it
    carries (else whose code it keeps): the six regions are the 63-province era's, and no finer rule is published.
    Their `code_2025`/`name_2025_*` are empty: they are the 2025 provinces.
    """
    columns = ["old_code", "new_code", "new_name_vi", "new_name_en"]
    by_code = provinces.set_index("code")
    seen: dict[str, dict] = {}
    for line, r in read_csv_rows(sources / MERGER_FILE, columns, problems):
        if r["old_code"] not in by_code.index:
            problems.append(SourceProblem(MERGER_FILE, line, "old_code", f"unknown province code {r['old_code']!r}"))
            continue
        old = by_code.loc[r["old_code"]]
        entry = seen.setdefault(r["new_code"], {"name_vi": nfc(r["new_name_vi"]), "name_en": r["new_name_en"]})
        if entry["name_vi"] != nfc(r["new_name_vi"]):
            problems.append(SourceProblem(MERGER_FILE, line, "new_name_vi", f"code {r['new_code']} named twice"))
        named = name_key(as_str(old["name_vi"])) == name_key(entry["name_vi"])
        if named or ("region_id" not in entry and r["old_code"] == r["new_code"]):
            entry.update(region_id=old["region_id"], region_vi=old["region_vi"], region_en=old["region_en"])
        entry.setdefault("fallback", (old["region_id"], old["region_vi"], old["region_en"]))
    rows = []
    for gso, entry in sorted(seen.items()):
        fallback = entry.pop("fallback")
        region = dict(zip(["region_id", "region_vi", "region_en"], fallback, strict=True))
        rows.append(
            {
                "code": new_key(gso),
                "name_vi": entry["name_vi"],
                "name_en": entry["name_en"],
                "aliases": [],
                **{k: entry.get(k, region[k]) for k in region},
                "code_2025": None,
                "name_2025_vi": None,
                "name_2025_en": None,
                "province_set": SET_34,
                "gso_code": gso,
            }
        )
    return pd.DataFrame(rows, columns=list(provinces.columns))


def name_resolver(provinces: pd.DataFrame) -> dict[str, str]:
    """Map every known spelling's key (official name and aliases) to its GSO code."""
    keys: dict[str, str] = {}
    for row in provinces.itertuples():
        for name in [as_str(row.name_vi), as_str(row.name_en), *str_list(row.aliases)]:
            keys[name_key(name)] = as_str(row.code)
    return keys

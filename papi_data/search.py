"""Find provinces by what people type: without diacritics, in any case, by alias or initials ("HCM", "brvt")."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from papi_data.text import collation_key, fold, name_key

# What people call some provinces besides their names (the store's aliases are the names the sources used): the old
# name of Hồ Chí Minh City and the abbreviations in common use. Matched like names, so "sai gon", "SG" and "brvt" work.
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "01": ("HN",),
    "31": ("HP",),
    "46": ("Huế", "TT Huế"),
    "48": ("ĐN",),
    "66": ("Daklak",),
    "67": ("Daknong",),
    "77": ("BRVT", "Vũng Tàu"),
    "79": ("Sài Gòn", "Saigon", "SG", "TP HCM", "HCMC"),
}


def _initials(name: str) -> str:
    return "".join(word[0] for word in name_key(name).replace("-", " ").split())


def _names(row: pd.Series) -> list[str]:
    return [row["name_vi"], row["name_en"], *row["aliases"], *COMMON_NAMES.get(row["code"], ())]


def _keys(row: pd.Series) -> list[str]:
    names = _names(row)
    keys = {name_key(n) for n in names} | {fold(n) for n in names}
    return sorted(keys | {k.replace(" ", "").replace("-", "") for k in keys})  # "daklak", "vungtau" typed as one word


def search_provinces(provinces: pd.DataFrame, query: str, limit: int = 10) -> list[str]:
    """Province codes matching `query`, best first: exact name, then name prefix, word prefix, initials, substring.

    "ha noi" → Hà Nội; "HCM", "tp hcm" and "sai gon" → TP. Hồ Chí Minh; "brvt" → Bà Rịa - Vũng Tàu; "bac ninh" → Bắc
    Ninh; an empty query → nothing.
    """
    q = name_key(query).replace(".", " ").strip()
    if not q:
        return []
    compact = q.replace(" ", "").replace("-", "")
    scored: list[tuple[int, bytes, str]] = []
    for _, row in provinces.iterrows():
        keys = _keys(row)
        initials = {_initials(n) for n in [row["name_vi"], *row["aliases"]]}
        if q in keys:
            score = 0
        elif any(k.startswith(q) for k in keys):
            score = 1
        elif any(w.startswith(q) for k in keys for w in k.split()):
            score = 2
        elif compact in initials or any(compact == "tp" + i for i in initials):
            score = 3
        elif any(q in k for k in keys):
            score = 4
        else:
            continue
        scored.append((score, collation_key(row["name_vi"]), row["code"]))
    return [code for _, _, code in sorted(scored)[:limit]]


def picked_codes(provinces: pd.DataFrame, picked: Sequence[str], allowed: Sequence[str]) -> list[str]:
    """A province box's choices as codes: a code of `allowed` stays; text typed in the box ("ha noi", "brvt") becomes
    its best hit among `allowed`; text with no such hit, and a province already chosen, are left out."""
    codes: list[str] = []
    for item in picked:
        hits = [item] if item in allowed else search_provinces(provinces, item, limit=len(provinces))
        code = next((c for c in hits if c in allowed), None)
        if code is not None and code not in codes:
            codes.append(code)
    return codes

"""Every province's total change between two years, read from the build's table (papi_data.decompose.changes_of) once
per store build and pair of years and shared by the pages that show it: the profile's "what moved", the map's biggest
movers, home's cards."""

from __future__ import annotations

from papi_data.decompose import Change, changes_of
from papi_data.store.load import PapiStore
from ui.core.data import per_build


@per_build
def changes_between(store: PapiStore, lang: str, year: int, base: int) -> dict[str, Change]:
    """Every province's total change from `base` to `year`, by province code (`gap` says why where there is none)."""
    codes = sorted(store.scores["province_code"].unique())
    return changes_of(store.table("total_changes"), codes, year, base)

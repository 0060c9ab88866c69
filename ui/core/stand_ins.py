"""The province that stands for another in a year of the other set (papi_data.eras), looked up once per build: the
map's selection and the plan provinces' links ask on every run."""

from __future__ import annotations

from papi_data.eras import MERGER_YEAR, key_in_year, province_set
from papi_data.store.load import PapiStore
from ui.core.data import per_build


@per_build
def _stand_ins(store: PapiStore, lang: str) -> dict[tuple[str, str], str | None]:
    """(province code, province set) → the province that stands for it in a year of that set (papi_data.eras): a
    page asks on every run, and each answer filters the provinces table."""
    years = {province_set(year): year for year in (MERGER_YEAR - 1, MERGER_YEAR)}
    return {
        (code, s): key_in_year(store.provinces, code, y) for code in store.provinces["code"] for s, y in years.items()
    }


def stand_in(lang: str, code: str, year: int) -> str | None:
    """The province that stands for `code` in `year` (papi_data.eras.key_in_year), looked up once per build."""
    return _stand_ins(lang).get((code, province_set(year)))

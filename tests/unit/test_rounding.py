"""One rounding rule (half up at the shown precision, papi_data.numbers.round_half_up) for every shown number: the
explorer's grid rounds its columns with round_half_up_array, which must equal round_half_up on every cell type the
app shows (scores of the total, dimensions and sub-dimensions, changes against the previous year and a base year,
published intervals)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from papi_data.explore import explorer_table, with_base_change
from papi_data.numbers import round_half_up, round_half_up_array
from papi_data.ranking import with_ranks
from papi_data.stats import with_change
from papi_data.store.load import PapiStore
from papi_data.subdimensions import metric_rows
from ui.core.numbers import fmt_number
from ui.explorer.panel import SHOWN_TO_2, shown


@pytest.mark.parametrize(
    ("value", "expected"), [(0.625, 0.63), (2.675, 2.68), (-0.125, -0.13), (0.0049, 0.0), (-1.005, -1.01)]
)
def test_halves_round_up_on_the_decimal_as_written(value: float, expected: float) -> None:
    assert round_half_up(value) == expected
    assert round_half_up_array(np.array([value]))[0] == expected


def test_missing_stays_missing() -> None:
    out = round_half_up_array(np.array([np.nan, 1.234]))
    assert np.isnan(out[0]) and out[1] == 1.23
    column = shown(pd.Series(pd.array([None, 0.625], dtype="Float64")))
    assert column.isna().tolist() == [True, False] and column.iloc[1] == 0.63


def test_every_shown_cell_type_rounds_as_the_profile_does(real_store: PapiStore) -> None:
    """The sweep: every score, change, base change and interval bound in the store's explorer table."""
    scores = with_change(with_ranks(real_store.scores))
    subs = with_change(with_ranks(metric_rows(real_store.subdimension_scores, real_store.subdimension_periods)))
    table = explorer_table(scores, subs, real_store.uncertainty)
    checked = 0
    for base in (2011, 2018, 2021):
        based = with_base_change(table, base)
        for column in ("score", "change", "change_base", "ci90_low", "ci90_high"):
            values = based[column].to_numpy(dtype=float, na_value=np.nan)
            values = values[~np.isnan(values)]
            expected = np.array([round_half_up(v, 2) for v in values])
            assert np.array_equal(round_half_up_array(values), expected), column
            checked += len(values)
    assert checked > 100_000
    assert set(SHOWN_TO_2) == {"score", "change_prev", "change_base", "ci90_low", "ci90_high"}


def test_khanh_hoa_2021_voluntary_contributions_shows_0_63_everywhere(real_store: PapiStore) -> None:
    """The audit's case: 0.625 was 0,62 in the explorer (pandas' half to even) and 0,63 on the profile."""
    subs = real_store.subdimension_scores
    row = subs[
        (subs["year"] == 2021)
        & (subs["province_code"] == "56")
        & (subs["subdimension"] == "d1.voluntary_contributions")
    ]
    value = float(row["score"].iloc[0])
    assert value == 0.625
    assert shown(pd.Series([value])).iloc[0] == 0.63 and fmt_number(value, "vi") == "0,63"

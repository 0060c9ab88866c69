"""Typed reads of one pandas value (papi_data/cells.py): every missing form is None, anything unexpected is refused."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from papi_data.cells import (
    as_float,
    as_int,
    as_str,
    bool_or_none,
    float_or_none,
    int_list,
    int_or_none,
    str_list,
    str_or_none,
)

MISSING = [None, float("nan"), np.nan, np.float64("nan"), pd.NA]


@pytest.mark.parametrize("missing", MISSING)
def test_every_missing_form_is_none(missing: object) -> None:
    assert float_or_none(missing) is None
    assert int_or_none(missing) is None
    assert str_or_none(missing) is None


@pytest.mark.parametrize("missing", [None, pd.NA])
def test_a_missing_yes_or_no_is_none(missing: object) -> None:
    assert bool_or_none(missing) is None


@pytest.mark.parametrize("reader", [as_float, as_int, as_str])
@pytest.mark.parametrize("missing", MISSING)
def test_a_required_value_that_is_missing_is_an_error(reader: Callable[[object], object], missing: object) -> None:
    with pytest.raises(ValueError, match="required"):
        reader(missing)


def test_numbers_come_back_as_python_types() -> None:
    assert float_or_none(np.float64(43.77)) == 43.77
    assert type(float_or_none(np.float64(43.77))) is float
    assert float_or_none(np.int16(7)) == 7.0
    assert int_or_none(np.int16(2018)) == 2018
    assert type(int_or_none(np.int16(2018))) is int
    assert int_or_none(15.0) == 15  # a rank in a float column (NaN where missing)
    assert as_int(np.int64(63)) == 63


def test_values_from_real_columns() -> None:
    frame = pd.DataFrame(
        {
            "rank": pd.array([3, None], dtype="Int16"),
            "group": pd.array(["best", None], dtype="string"),
            "name": pd.Series(["Hà Nội", None], dtype="str"),
            "ok": pd.array([True, None], dtype="boolean"),
        }
    )
    first, second = frame.itertuples()
    assert (int_or_none(first.rank), str_or_none(first.group), str_or_none(first.name)) == (3, "best", "Hà Nội")
    assert bool_or_none(first.ok) is True
    assert [int_or_none(second.rank), str_or_none(second.group), str_or_none(second.name)] == [None, None, None]
    assert bool_or_none(second.ok) is None


@pytest.mark.parametrize(
    ("reader", "value"),
    [
        (float_or_none, "43,77"),
        (int_or_none, "2018"),
        (str_or_none, 2018),
        (bool_or_none, 1),
        (float_or_none, pd.Timestamp("2024-01-01")),
    ],
)
def test_a_value_of_another_kind_is_refused(reader: Callable[[object], object], value: object) -> None:
    with pytest.raises(TypeError, match="expected"):
        reader(value)


def test_list_cells() -> None:
    assert int_list(np.array([2020, 2021], dtype="int16")) == [2020, 2021]
    assert str_list(["Hà Nội", "Ha Noi"]) == ["Hà Nội", "Ha Noi"]
    assert int_list(()) == []
    with pytest.raises(TypeError, match="list"):
        int_list("2020")
    with pytest.raises(ValueError, match="required"):
        int_list([2020, None])

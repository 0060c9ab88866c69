"""One value read out of a pandas row (`itertuples`, `iterrows`, `.iloc[i]`) as the Python type the code means.

pandas-stubs types such a value as any scalar pandas knows (a Timestamp, a Period, ...), and a missing one comes as
None, NaN or pd.NA depending on the column's dtype. Each reader names what the column holds, turns every missing form
into None and refuses anything else, so the code after it is typed and never takes NaN for a number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TypeVar

import numpy as np
import pandas as pd

_NUMBERS = (int, float, np.integer, np.floating)
_T = TypeVar("_T")


def _absent(value: object) -> bool:
    """None or pd.NA: the missing forms that are not a float NaN."""
    return value is None or value is pd.NA


def bool_or_none(value: object) -> bool | None:
    """A yes/no (a nullable "boolean" column); None where missing."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if _absent(value):
        return None
    raise TypeError(f"expected True or False, got {value!r}")


def float_or_none(value: object) -> float | None:
    """A number (score, gap, mean); None where missing."""
    if isinstance(value, _NUMBERS):
        return None if math.isnan(value) else float(value)
    if _absent(value):
        return None
    raise TypeError(f"expected a number, got {value!r}")


def int_or_none(value: object) -> int | None:
    """A whole number (year, rank, count), also from a float column; None where missing."""
    if isinstance(value, int | np.integer):
        return int(value)
    number = float_or_none(value)
    return None if number is None else int(number)


def str_or_none(value: object) -> str | None:
    """A text; None where missing (NaN in pandas' str columns, pd.NA or None in others)."""
    if isinstance(value, str):
        return value
    if _absent(value) or (isinstance(value, float) and math.isnan(value)):
        return None
    raise TypeError(f"expected a text, got {value!r}")


def _present(value: _T | None, raw: object) -> _T:
    if value is None:
        raise ValueError(f"a value is required here, got {raw!r}")
    return value


def as_float(value: object) -> float:
    """A number that must be there."""
    return _present(float_or_none(value), value)


def as_int(value: object) -> int:
    """A whole number that must be there."""
    return _present(int_or_none(value), value)


def as_str(value: object) -> str:
    """A text that must be there."""
    return _present(str_or_none(value), value)


def _items(value: object) -> Iterable[object]:
    if not isinstance(value, list | tuple | np.ndarray):
        raise TypeError(f"expected a list, got {value!r}")
    return value


def int_list(value: object) -> list[int]:
    """A list cell of whole numbers (a Parquet list column reads as a numpy array)."""
    return [as_int(v) for v in _items(value)]


def str_list(value: object) -> list[str]:
    """A list cell of texts."""
    return [as_str(v) for v in _items(value)]

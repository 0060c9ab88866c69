"""Display rounding: half away from zero on the number as written (−0.125 → −0.13, 2.675 → 2.68), in one place.

Python's round() and "%.2f" round half to even on the binary value, so 0.125 shows as 0.12 and 2.675 as 2.67 (its
binary value is 2.67499…). People, and PAPI's own tables, round the decimal number half up. Every displayed figure, and
the press comparison's "agrees to the printed decimals", goes through `round_half_up`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np


def round_half_up(value: float, digits: int = 2) -> float:
    """`value` rounded half away from zero to `digits` decimals, reading it as its shortest decimal form (repr).

    The result formats exactly with f"{x:.{digits}f}", so a formatter can call this first and format as before.
    NaN and infinities are returned unchanged.
    """
    number = Decimal(repr(float(value)))
    if not number.is_finite():
        return float(value)
    return float(number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def round_half_up_array(values: np.ndarray, digits: int = 2) -> np.ndarray:
    """`round_half_up` over an array, equal to it value by value (NaN stays NaN), for a table's display columns.

    Scaling and flooring is exact wherever the scaled value is not within float noise of a half; the few values that
    are (0.625 → 62.5, 2.675 → 267.4999…) go through `round_half_up` itself, so the two never disagree.
    """
    number = np.asarray(values, dtype=float)
    scale = 10.0**digits
    scaled = np.abs(number) * scale
    with np.errstate(invalid="ignore"):
        out = np.sign(number) * np.floor(scaled + 0.5) / scale
        near_half = np.isfinite(number) & (np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    out[near_half] = [round_half_up(v, digits) for v in number[near_half]]
    return out

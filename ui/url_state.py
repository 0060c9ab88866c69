"""What the URL carries (page aside): each parameter's name, default and parser. Pure, so the rules are testable."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_PARAM_LENGTH = 200  # longer values are never valid; no parser needs to look at them


@dataclass(frozen=True)
class Param:
    """A URL parameter: `parse` returns the value, or None when the text is not valid."""

    name: str
    default: Any
    parse: Callable[[str], Any]
    dump: Callable[[Any], str] = field(default=str)


def choice(options: Iterable[str]) -> Callable[[str], str | None]:
    allowed = frozenset(options)
    return lambda text: text if text in allowed else None


def int_choice(options: Iterable[int]) -> Callable[[str], int | None]:
    allowed = frozenset(options)

    def parse(text: str) -> int | None:
        return int(text) if text.isascii() and text.isdigit() and int(text) in allowed else None

    return parse


def parse_params(raw: Mapping[str, str], specs: Sequence[Param]) -> tuple[dict[str, Any], list[Param], list[Param]]:
    """Values for the parameters present in `raw`, the specs whose text was invalid (given their default), and the
    specs whose text was corrected to the nearest valid value (see `Corrected` below).

    Parameters absent from `raw` are left out, so the caller keeps what the session already had.
    """
    values: dict[str, Any] = {}
    invalid: list[Param] = []
    corrected: list[Param] = []
    for spec in specs:
        text = raw.get(spec.name)
        if text is None:
            continue
        value = spec.parse(text) if len(text) <= MAX_PARAM_LENGTH else None
        if value is None:
            invalid.append(spec)
            value = spec.default
        elif isinstance(value, Corrected):
            corrected.append(spec)
            value = value.value
        values[spec.name] = value
    return values, invalid, corrected


def dump_params(values: Mapping[str, Any], specs: Sequence[Param]) -> dict[str, str]:
    """The URL text of every spec's current value (written always, so a shared link pins the view); a value that
    dumps to "" (an empty list, no selection) is left out."""
    texts = {spec.name: spec.dump(values[spec.name]) for spec in specs if values.get(spec.name) is not None}
    return {name: text for name, text in texts.items() if text != ""}


def flag(text: str) -> bool | None:
    """ "1"/"0" in the URL."""
    return {"1": True, "0": False}.get(text)


def dump_flag(value: bool) -> str:
    return "1" if value else "0"


# --- Values a link may carry a little wrong ---------------------------------------------------------------------------
# A parser may answer `Corrected(value)` for text it can read but not take as it is (a reversed range, a number off the
# scale, an unknown item in a list): `value` is the nearest valid value, which parse_params takes and reports, so the
# page can say so. Only a link's text is ever corrected: the state
# writes canonical text back, which parses as it is. Use correcting parsers only for bounds that do not change within
# a session (the state keeps any value its parser does not reject).

ALL = "all"  # a list parameter's text for "no restriction" (the empty tuple)
_INT = re.compile(r"\d{1,6}", re.ASCII)
_DECIMAL = re.compile(r"\d{1,6}(\.\d{1,6})?", re.ASCII)


@dataclass(frozen=True)
class Corrected:
    value: Any


def choices(options: Iterable[str]) -> Callable[[str], tuple[str, ...] | Corrected | None]:
    """A comma-separated list of `options`, or "all" (or nothing) for the empty tuple. Unknown or repeated items are
    dropped as a correction; text with no known item is not valid."""
    allowed = frozenset(options)

    def parse(text: str) -> tuple[str, ...] | Corrected | None:
        if text in ("", ALL):
            return ()
        asked = text.split(",")
        known = tuple(dict.fromkeys(item for item in asked if item in allowed))
        if not known:
            return None
        return known if len(known) == len(asked) else Corrected(known)

    return parse


def dump_choices(values: Sequence[str]) -> str:
    return ",".join(values) if values else ALL


def _bounded_range(
    pattern: re.Pattern, number: Callable[[str], float], low: float, high: float, decimals: int | None = None
) -> Callable:
    def parse(text: str) -> tuple | Corrected | None:
        parts = text.split("-")
        if len(parts) > 2 or not all(pattern.fullmatch(part) for part in parts):
            return None
        first, last = number(parts[0]), number(parts[-1])
        value = tuple(
            min(max(end if decimals is None else round(end, decimals), low), high)
            for end in (min(first, last), max(first, last))
        )
        return value if value == (first, last) else Corrected(value)

    return parse


def int_range(low: int, high: int) -> Callable[[str], tuple[int, int] | Corrected | None]:
    """ "2018-2024", or one number for both ends. A reversed range is put in order and ends outside [low, high] are
    moved to the nearest bound, as corrections."""
    return _bounded_range(_INT, int, low, high)


def decimal_range(low: float, high: float, decimals: int) -> Callable[[str], tuple[float, float] | Corrected | None]:
    """ "4.5-7" (no sign, no exponent), corrected like `int_range` and rounded to `decimals` (a slider's steps)."""
    return _bounded_range(_DECIMAL, float, low, high, decimals)


def dump_range(value: Sequence[float]) -> str:
    return "-".join(f"{end:g}" for end in value)


def nearest_int(options: Iterable[int]) -> Callable[[str], int | Corrected | None]:
    """One of `options`; another whole number is corrected to the nearest option (the smaller one on a tie)."""
    allowed = sorted(options)

    def parse(text: str) -> int | Corrected | None:
        if not _INT.fullmatch(text):
            return None
        asked = int(text)
        return asked if asked in allowed else Corrected(min(allowed, key=lambda option: (abs(option - asked), option)))

    return parse

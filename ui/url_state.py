"""What the URL carries (page aside): each parameter's name, default and parser. Pure, so the rules are testable."""

from __future__ import annotations

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


def parse_params(raw: Mapping[str, str], specs: Sequence[Param]) -> tuple[dict[str, Any], list[Param]]:
    """Values for the parameters present in `raw`, and the specs whose text was invalid (given their default).

    Parameters absent from `raw` are left out, so the caller keeps what the session already had.
    """
    values: dict[str, Any] = {}
    invalid: list[Param] = []
    for spec in specs:
        text = raw.get(spec.name)
        if text is None:
            continue
        value = spec.parse(text) if len(text) <= MAX_PARAM_LENGTH else None
        if value is None:
            invalid.append(spec)
            value = spec.default
        values[spec.name] = value
    return values, invalid


def dump_params(values: Mapping[str, Any], specs: Sequence[Param]) -> dict[str, str]:
    """The URL text of every spec's current value (written always, so a shared link pins the view)."""
    return {spec.name: spec.dump(values[spec.name]) for spec in specs if values.get(spec.name) is not None}


def flag(text: str) -> bool | None:
    """ "1"/"0" in the URL."""
    return {"1": True, "0": False}.get(text)


def dump_flag(value: bool) -> str:
    return "1" if value else "0"

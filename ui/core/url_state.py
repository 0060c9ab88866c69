"""What the URL carries (page aside): each parameter's name, default and parser, and the typed view a page reads.

Pure, so the rules are testable without Streamlit: `parse_view` turns a link's query into a page's view and the notices
the page shows about it; `dump_view` turns a view back into the query the URL shows. What is written parses back to
the same view (tests/unit/test_url_state.py checks it for every page).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

MAX_PARAM_LENGTH = 200  # longer values are never valid; no parser needs to look at them

# Parameters renamed since links were first shared: old name → new name. A link with the old name still opens the
# same view (the new name wins when a link carries both); the URL is then rewritten with the new name.
RENAMED: dict[str, str] = {"vs": "compare_year", "view": "chart", "from": "start", "to": "end"}


@dataclass(frozen=True)
class Corrected:
    """A parser's answer for text it can read but not take as it is: `value` is the nearest valid value and `reason`
    says why (a key of the notices: reversed, out_of_range, unknown_items, too_many)."""

    value: Any
    reason: str = "out_of_range"


@dataclass(frozen=True)
class Param:
    """A URL parameter: `parse` returns the value, a `Corrected` value, or None when the text is not valid.

    `show` names a value in a notice as a reader knows it ("Hà Nội", not "01"); `shared` parameters (the language,
    the year) hold one value for every page, the others one value per page.
    """

    name: str
    default: Any
    parse: Callable[[str], Any]
    dump: Callable[[Any], str] = field(default=str)
    show: Callable[[Any], str] | None = None
    shared: bool = False

    def label(self, value: Any) -> str:
        return self.show(value) if self.show else self.dump(value)


@dataclass(frozen=True)
class Notice:
    """What a page says about one parameter of a link: `reason` (invalid, too_long, reversed, out_of_range,
    unknown_items, too_many, or a page rule's own reason) and the value it used instead."""

    param: str
    reason: str
    value: Any


V = TypeVar("V", bound="DataclassInstance")


@dataclass(frozen=True)
class ViewSpec(Generic[V]):
    """A page's view: a frozen dataclass whose fields are its parameters, in order.

    `check` applies the rules that tie parameters together (a province cannot be compared with itself): it returns
    the view as it must be and a notice for each value it changed.
    """

    view: type[V]
    params: tuple[Param, ...]
    check: Callable[[V], tuple[V, list[Notice]]] | None = None

    def __post_init__(self) -> None:
        names = [f.name for f in dataclasses.fields(self.view)]
        if names != [p.name for p in self.params]:
            raise ValueError(f"{self.view.__name__}: fields {names} differ from the parameters")

    def build(self, values: Mapping[str, Any]) -> tuple[V, list[Notice]]:
        """The view of `values` (a default for any missing), after the page's rules."""
        view = self.view(**{p.name: values.get(p.name, p.default) for p in self.params})
        return self.check(view) if self.check else (view, [])

    @property
    def defaults(self) -> V:
        return self.build({})[0]


def renamed(raw: Mapping[str, str]) -> dict[str, str]:
    """The query with old parameter names replaced by their new ones (RENAMED)."""
    out = dict(raw)
    for old, new in RENAMED.items():
        if old in out:
            value = out.pop(old)
            out.setdefault(new, value)
    return out


def parse_params(raw: Mapping[str, str], specs: Sequence[Param]) -> tuple[dict[str, Any], list[Notice]]:
    """Values for the parameters present in `raw` (old names included) and a notice for each that was not taken as
    it is. Parameters absent from `raw` are left out, so the caller keeps what the session already had."""
    raw = renamed(raw)
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for spec in specs:
        text = raw.get(spec.name)
        if text is None:
            continue
        if len(text) > MAX_PARAM_LENGTH:
            values[spec.name] = spec.default
            notices.append(Notice(spec.name, "too_long", spec.default))
            continue
        value = spec.parse(text)
        if value is None:
            value = spec.default
            notices.append(Notice(spec.name, "invalid", value))
        elif isinstance(value, Corrected):
            notices.append(Notice(spec.name, value.reason, value.value))
            value = value.value
        values[spec.name] = value
    return values, notices


def parse_view(raw: Mapping[str, str], spec: ViewSpec[V]) -> tuple[V, list[Notice]]:
    """A link's view of a page, every missing parameter at its default, and the notices about it."""
    values, notices = parse_params(raw, spec.params)
    view, checked = spec.build(values)
    return view, notices + checked


def dump_params(values: Mapping[str, Any], specs: Sequence[Param]) -> dict[str, str]:
    """The URL text of every spec's current value (written always, so a shared link pins the view); a value that
    dumps to "" (an empty list, no selection) is left out."""
    texts = {spec.name: spec.dump(values[spec.name]) for spec in specs if values.get(spec.name) is not None}
    return {name: text for name, text in texts.items() if text != ""}


def dump_view(view: DataclassInstance, spec: ViewSpec[Any]) -> dict[str, str]:
    return dump_params({p.name: getattr(view, p.name) for p in spec.params}, spec.params)


# --- Parsers ------------------------------------------------------------------------------------------------------
# A parser returns the value, `Corrected(value, reason)` for text it can read but not take as it is, or None. Only a
# link's text is ever corrected: the state writes canonical text back, which parses as it is. Use correcting parsers
# only for bounds that do not change within a session (the state keeps any value its parser does not reject).

ALL = "all"  # a list parameter's text for "no restriction" (the empty tuple)
_INT = re.compile(r"\d{1,6}", re.ASCII)
_DECIMAL = re.compile(r"\d{1,6}(\.\d{1,6})?", re.ASCII)


def choice(options: Iterable[str]) -> Callable[[str], str | None]:
    allowed = frozenset(options)
    return lambda text: text if text in allowed else None


def int_choice(options: Iterable[int]) -> Callable[[str], int | None]:
    allowed = frozenset(options)

    def parse(text: str) -> int | None:
        return int(text) if _INT.fullmatch(text) and int(text) in allowed else None

    return parse


def flag(text: str) -> bool | None:
    """ "1"/"0" in the URL."""
    return {"1": True, "0": False}.get(text)


def dump_flag(value: bool) -> str:
    return "1" if value else "0"


def choices(
    options: Iterable[str], max_items: int | None = None
) -> Callable[[str], tuple[str, ...] | Corrected | None]:
    """A comma-separated list of `options`, or "all" (or nothing) for the empty tuple. Unknown or repeated items are
    dropped and a list longer than `max_items` is cut to its first items, as corrections; text with no known item is
    not valid."""
    allowed = frozenset(options)

    def parse(text: str) -> tuple[str, ...] | Corrected | None:
        if text in ("", ALL):
            return ()
        asked = text.split(",")
        known = tuple(dict.fromkeys(item for item in asked if item in allowed))
        if not known:
            return None
        if max_items is not None and len(known) > max_items:
            return Corrected(known[:max_items], "too_many")
        return known if len(known) == len(asked) else Corrected(known, "unknown_items")

    return parse


def dump_choices(values: Sequence[str]) -> str:
    return ",".join(values) if values else ALL


def _bounded_range(
    pattern: re.Pattern, number: Callable[[str], float], low: float, high: float, decimals: int | None = None
) -> Callable[[str], tuple | Corrected | None]:
    def parse(text: str) -> tuple | Corrected | None:
        parts = text.split("-")
        if len(parts) > 2 or not all(pattern.fullmatch(part) for part in parts):
            return None
        first, last = number(parts[0]), number(parts[-1])
        value = tuple(
            min(max(end if decimals is None else round(end, decimals), low), high)
            for end in (min(first, last), max(first, last))
        )
        if value == (first, last):
            return value
        return Corrected(value, "reversed" if first > last and value == (last, first) else "out_of_range")

    return parse


def int_range(low: int, high: int) -> Callable[[str], tuple[int, int] | Corrected | None]:
    """ "2018-2024", or one number for both ends. A reversed range is put in order and ends outside [low, high] are
    moved to the nearest bound, as corrections."""
    return _bounded_range(_INT, int, low, high)


def decimal_range(low: float, high: float, decimals: int) -> Callable[[str], tuple[float, float] | Corrected | None]:
    """ "4.5-7" (no sign, no exponent), corrected like `int_range` and rounded to `decimals` (a slider's steps)."""
    return _bounded_range(_DECIMAL, float, low, high, decimals)


def decimal(low: float, high: float, decimals: int) -> Callable[[str], float | Corrected | None]:
    """ "45.33" (no sign, no exponent), rounded to `decimals`; outside [low, high] moved to the nearest bound, as a
    correction."""

    def parse(text: str) -> float | Corrected | None:
        if not _DECIMAL.fullmatch(text):
            return None
        value = round(float(text), decimals)
        bounded = min(max(value, low), high)
        return value if bounded == value else Corrected(bounded)

    return parse


def dump_decimal(value: float) -> str:
    return f"{value:g}"


def dump_range(value: Sequence[float]) -> str:
    return "-".join(f"{end:g}" for end in value)


def nearest_int(options: Iterable[int]) -> Callable[[str], int | Corrected | None]:
    """One of `options`; another whole number is corrected to the nearest option (the smaller one on a tie)."""
    allowed = sorted(options)

    def parse(text: str) -> int | Corrected | None:
        if not _INT.fullmatch(text):
            return None
        asked = int(text)
        if asked in allowed:
            return asked
        return Corrected(min(allowed, key=lambda option: (abs(option - asked), option)))

    return parse


def text(max_length: int, normalise: Callable[[str], str] = str.strip) -> Callable[[str], str | Corrected]:
    """Free text as a text box takes it: normalised, and cut to the box's `max_length` as a correction."""

    def parse(raw: str) -> str | Corrected:
        value = normalise(raw)
        return value if len(value) <= max_length else Corrected(value[:max_length], "too_long")

    return parse

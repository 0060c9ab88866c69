"""A request's query, read and checked: every parameter known to the endpoint, within the limits, each value one the
store has. Anything else is a BadRequest that names the parameter, the value (only where it holds no markup) and what
is allowed, in the reader's language (`lang`, else the browser's Accept-Language, else Vietnamese).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence

from papi_data.store.schema import GROUPS

MAX_QUERY = 2048  # characters of the whole query string
MAX_PARAMS = 16  # key=value pairs
MAX_VALUE = 300  # characters of one value
MAX_ITEMS = 70  # items of a comma-separated list (63 provinces and a few more)
SHOWN_VALUE = 60  # characters of a bad value echoed back
LANGS = ("vi", "en")
STATUSES = ("achieved", "missed", "no_data", "pending")
WIDTH = (300, 2400)
HEIGHT = (200, 1600)
_PLAIN = re.compile(r"^[\w .,:+\-–]*$")  # what a value may hold to be echoed: no markup, no control characters
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$")
_CODE = re.compile(r"^\d{2}$")

MESSAGES = {
    "unknown_parameter": {
        "vi": "Tham số «{parameter}» không được dùng ở địa chỉ này.",
        "en": "The parameter '{parameter}' is not used at this address.",
    },
    "too_long": {
        "vi": "Giá trị của «{parameter}» quá dài (tối đa {limit} ký tự).",
        "en": "The value of '{parameter}' is too long (at most {limit} characters).",
    },
    "query_too_long": {
        "vi": "Chuỗi truy vấn quá dài (tối đa {limit} ký tự).",
        "en": "The query string is too long (at most {limit} characters).",
    },
    "too_many": {
        "vi": "Quá nhiều tham số (tối đa {limit}).",
        "en": "Too many parameters (at most {limit}).",
    },
    "too_many_items": {
        "vi": "«{parameter}» liệt kê quá nhiều giá trị (tối đa {limit}).",
        "en": "'{parameter}' lists too many values (at most {limit}).",
    },
    "bad_value": {
        "vi": "Giá trị không hợp lệ cho «{parameter}».",
        "en": "Not a valid value for '{parameter}'.",
    },
    "not_found": {
        "vi": "Không có địa chỉ này trong API. Xem /api/v1/openapi.json.",
        "en": "No such address in the API. See /api/v1/openapi.json.",
    },
    "unavailable": {
        "vi": "Kho dữ liệu chưa sẵn sàng; thử lại sau ít phút.",
        "en": "The data store is not available; try again in a few minutes.",
    },
    "render_failed": {
        "vi": "Không tạo được ảnh biểu đồ lúc này; thử lại sau.",
        "en": "The chart image could not be made just now; try again later.",
    },
}


class BadRequest(Exception):
    """A 400 (or `status`) answer: what was wrong, in words and as fields a script can read."""

    def __init__(
        self,
        code: str,
        parameter: str = "",
        value: str | None = None,
        allowed: str = "",
        status: int = 400,
        **extra: object,
    ) -> None:
        super().__init__(code)
        self.code, self.parameter, self.value, self.allowed, self.status = code, parameter, value, allowed, status
        self.extra = extra

    def body(self, lang: str) -> dict:
        message = MESSAGES[self.code][lang if lang in LANGS else "vi"].format(parameter=self.parameter, **self.extra)
        error: dict[str, object] = {"code": self.code, "message": message}
        if self.parameter:
            error["parameter"] = self.parameter
        if self.value is not None:
            shown = shown_value(self.value)
            error["value"] = shown
            if shown is None:
                error["value_note"] = "not shown: it holds characters no valid value has"
        if self.allowed:
            error["allowed"] = self.allowed
        return {"error": error}


def shown_value(value: str) -> str | None:
    """The value as it may be echoed: NFC, cut to SHOWN_VALUE characters; None when it holds markup or control
    characters (never echoed, whatever the reader does with the answer)."""
    text = unicodedata.normalize("NFC", value)
    if not _PLAIN.match(text):
        return None
    return text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE] + "…"


def reader_lang(query: Mapping[str, str], accept_language: str = "") -> str:
    """The language of an answer's words: `lang` when valid, else the first of Accept-Language we speak, else vi."""
    if query.get("lang") in LANGS:
        return query["lang"]
    for part in accept_language.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "vi"


def checked(items: Sequence[tuple[str, str]], raw_length: int, allowed: Sequence[str]) -> dict[str, str]:
    """The query as one value per parameter (a repeated key's values joined by commas), within the limits, every key
    known to the endpoint."""
    if raw_length > MAX_QUERY:
        raise BadRequest("query_too_long", limit=MAX_QUERY)
    if len(items) > MAX_PARAMS:
        raise BadRequest("too_many", limit=MAX_PARAMS)
    out: dict[str, str] = {}
    for key, value in items:
        if key not in allowed:
            raise BadRequest("unknown_parameter", "" if shown_value(key) is None else key, allowed=", ".join(allowed))
        if len(value) > MAX_VALUE:
            raise BadRequest("too_long", key, limit=MAX_VALUE)
        if any(unicodedata.category(c) == "Cc" for c in value):  # no valid value holds a control character
            raise BadRequest("bad_value", key, value, "text without control characters")
        out[key] = f"{out[key]},{value}" if key in out else value
    return out


def _items(query: Mapping[str, str], name: str) -> list[str]:
    parts = [unicodedata.normalize("NFC", p).strip() for p in query.get(name, "").split(",")]
    parts = [p for p in parts if p]
    if len(parts) > MAX_ITEMS:
        raise BadRequest("too_many_items", name, limit=MAX_ITEMS)
    return parts


def years(query: Mapping[str, str], known: Sequence[int], name: str = "year") -> tuple[int, int]:
    """`2018` or `2018-2024` within the store's years; the whole span when absent."""
    span = f"{known[0]}–{known[-1]}"
    raw = query.get(name)
    if raw is None or not raw.strip():
        return known[0], known[-1]
    found = _YEARS.match(raw)
    if not found:
        raise BadRequest("bad_value", name, raw, f"one year or a range within {span}, e.g. 2024 or 2018-2024")
    first = int(found.group(1))
    last = int(found.group(2) or first)
    if not known[0] <= first <= last <= known[-1]:
        raise BadRequest("bad_value", name, raw, f"years within {span}, the first not after the last")
    return first, last


def one_year(query: Mapping[str, str], known: Sequence[int]) -> int:
    """A single year (a chart's), the latest when absent."""
    raw = query.get("year")
    if raw is None or not raw.strip():
        return known[-1]
    stripped = raw.strip()
    if not stripped.isascii() or not stripped.isdigit() or int(stripped) not in known:
        raise BadRequest("bad_value", "year", raw, f"one year within {known[0]}–{known[-1]}")
    return int(stripped)


def choices(query: Mapping[str, str], name: str, allowed: Sequence[str], hint: str = "") -> tuple[str, ...]:
    """A comma-separated list of ids, each one of `allowed`; () when absent."""
    chosen = _items(query, name)
    for item in chosen:
        if item not in allowed:
            raise BadRequest("bad_value", name, item, hint or ", ".join(allowed))
    return tuple(dict.fromkeys(chosen))


def choice(query: Mapping[str, str], name: str, allowed: Sequence[str], default: str, hint: str = "") -> str:
    picked = choices(query, name, allowed, hint)
    if len(picked) > 1:
        raise BadRequest("bad_value", name, query[name], f"one of: {hint or ', '.join(allowed)}")
    return picked[0] if picked else default


def provinces(
    query: Mapping[str, str], codes: Collection[str], named: Callable[[str], str | None], name: str = "province"
) -> tuple[str, ...] | None:
    """Province codes (`01`) or names without diacritics (`ha noi`, `hcm`: `named` finds the best match), each naming
    one province; None when absent (every province)."""
    parts = _items(query, name)
    if not parts:
        return None
    found = []
    for part in parts:
        code = part if _CODE.match(part) and part in codes else named(part)
        if code is None:
            raise BadRequest("bad_value", name, part, "two-digit province codes or names (see /api/v1/provinces)")
        found.append(code)
    return tuple(dict.fromkeys(found))


def size(query: Mapping[str, str], name: str, bounds: tuple[int, int], default: int) -> int:
    raw = query.get(name)
    if raw is None or not raw.strip():
        return default
    stripped = raw.strip()
    if not stripped.isascii() or not stripped.isdigit() or not bounds[0] <= int(stripped) <= bounds[1]:
        raise BadRequest("bad_value", name, raw, f"a whole number of pixels, {bounds[0]}–{bounds[1]}")
    return int(stripped)


def groups(query: Mapping[str, str]) -> tuple[str, ...]:
    return choices(query, "group", GROUPS)

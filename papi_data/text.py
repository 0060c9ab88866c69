"""Text rules: NFC for everything stored, and a diacritics-free key for matching names typed by people."""

from __future__ import annotations

import re
import unicodedata

_PREFIXES = re.compile(r"^(thanh pho\s+|tp\.\s*|tp\s+|tinh\s+)")
_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


def nfc(text: str) -> str:
    """Vietnamese text in its composed form, so equal names compare equal and render the same."""
    return unicodedata.normalize("NFC", text.strip())


def fold(text: str) -> str:
    """Lower-case, diacritics-free, single-spaced key: "Hà Nội" and "ha  noi" both give "ha noi"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def name_key(name: str) -> str:
    """Key for resolving a province name across sources: folded, without "Tỉnh"/"TP."/"Thành phố", one dash form."""
    key = _DASHES.sub(" - ", fold(name))
    return _PREFIXES.sub("", key)

"""Text rules: NFC for everything stored, a diacritics-free key for matching names typed by people, and Vietnamese
alphabetical order for lists of names."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

import icu  # PyICU: the Unicode collation algorithm with CLDR's Vietnamese tailoring

_PREFIXES = re.compile(r"^(thanh pho\s+|tp\.\s*|tp\s+|tinh\s+)")
_TITLE = re.compile(r"^(thành phố|tp\.?|tỉnh)\s*", re.IGNORECASE)  # "TP. Hồ Chí Minh" is found under H
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


@functools.cache
def _vietnamese() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi"))


def collation_key(name: str) -> bytes:
    """Sort key in Vietnamese alphabetical order (ICU's "vi" collation, CLDR's rules): a < ă < â < b … d < đ …
    o < ô < ơ … u < ư, a tone after its base letter: Bà Rịa - Vũng Tàu, Bạc Liêu, Bắc Giang; Hà Tĩnh, Hải Dương.
    A leading "TP." / "Thành phố" / "Tỉnh" is not part of the name."""
    return bytes(_vietnamese().getSortKey(_TITLE.sub("", nfc(name))))


def by_name(codes: Iterable[str], names: Mapping[str, str]) -> list[str]:
    """`codes` in the Vietnamese order of their `names` (lists people pick a province from; downloads stay by code)."""
    return sorted(codes, key=lambda code: collation_key(names[code]))

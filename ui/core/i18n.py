"""Every user-facing string in both languages, and `t` to read one. Vietnamese is the default; text is kept NFC.

The strings live in ui/strings/, one module per page (common.py for what pages share), and the long prose in Markdown
files there, one per language (`about.vi.md`, `about.en.md`). tests/unit/test_strings.py checks the catalogue: both
languages for every key with the same placeholders, NFC text, and no key that the code never uses.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from ui.core.strings import about, common, explorer, moved, planner, plans, profile
from ui.core.strings import map as map_page

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
STRINGS_DIR = Path(__file__).resolve().parent / "strings"


def _merge(*catalogues: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for catalogue in catalogues:
        repeated = merged.keys() & catalogue.keys()
        if repeated:
            raise ValueError(f"string keys defined twice: {sorted(repeated)}")
        merged |= catalogue
    return merged


STRINGS = _merge(
    common.STRINGS,
    map_page.STRINGS,
    profile.STRINGS,
    plans.STRINGS,
    planner.STRINGS,
    explorer.STRINGS,
    about.STRINGS,
    moved.STRINGS,
)


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang`, with `values` filled in, NFC-normalised."""
    return _fill(STRINGS[key][_lang(lang)], values)


def tn(key: str, lang: str, quantity: float, **values: object) -> str:
    """As `t`, for a string about `quantity` things: a key may carry a singular form for a language that has one
    (`"en_one"`: "{x} place short" beside "{x} places short"), used when `quantity` is 1. Vietnamese nouns do not
    inflect, so "vi" needs none."""
    lang = _lang(lang)
    forms = STRINGS[key]
    return _fill(forms.get(f"{lang}_one", forms[lang]) if quantity == 1 else forms[lang], values)


def _lang(lang: str) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def _fill(text: str, values: dict[str, object]) -> str:
    return unicodedata.normalize("NFC", text.format(**values) if values else text)


@cache
def prose(name: str, lang: str) -> str:
    """A Markdown text of ui/strings/ in `lang` (`name.vi.md`), NFC-normalised; placeholders are the caller's."""
    lang = lang if lang in LANGS else DEFAULT_LANG
    return unicodedata.normalize("NFC", (STRINGS_DIR / f"{name}.{lang}.md").read_text(encoding="utf-8"))

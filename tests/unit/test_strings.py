"""The string catalogue: both languages for every key with the same placeholders, NFC text, every key used somewhere
in the code, and the prose files present in both languages."""

from __future__ import annotations

import ast
import string
import unicodedata
from pathlib import Path

import pytest

from ui.core.i18n import LANGS, STRINGS, STRINGS_DIR, prose
from ui.core.strings.plotly import PLOTLY_VI

ROOT = Path(__file__).resolve().parents[2]
CODE = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    singular = {f"{lang}_one" for lang in LANGS}
    for key, texts in STRINGS.items():
        assert set(LANGS) <= set(texts) <= set(LANGS) | singular, key
        assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1, key
        assert all(text.strip() for text in texts.values()), key


def test_every_string_is_nfc() -> None:
    for key, texts in STRINGS.items():
        for lang, text in texts.items():
            assert unicodedata.is_normalized("NFC", text), (key, lang)


def test_plotly_dictionary_is_nfc_and_complete() -> None:
    """plotly's toolbar words in Vietnamese: every entry NFC, and the toolbar buttons the charts show all there."""
    for english, vietnamese in PLOTLY_VI.items():
        assert unicodedata.is_normalized("NFC", vietnamese) and vietnamese.strip(), english
    toolbar = {"Download plot as a PNG", "Download plot as a png", "Zoom in", "Zoom out", "Pan", "Reset", "Autoscale"}
    assert toolbar <= set(PLOTLY_VI)


def _literals_and_prefixes() -> tuple[set[str], set[tuple[str, str]]]:
    """Every string constant in the app's code, and the (prefix, suffix) of keys built at run time: `t("group_" + g)`
    or `t(f"store_{reason}_title")`."""
    literals: set[str] = set()
    patterns: set[tuple[str, str]] = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                left = node.left
                if isinstance(left, ast.Constant) and isinstance(left.value, str) and left.value.endswith("_"):
                    patterns.add((left.value, ""))
            elif isinstance(node, ast.JoinedStr) and node.values:
                first, last = node.values[0], node.values[-1]
                prefix = first.value if isinstance(first, ast.Constant) else ""
                suffix = last.value if isinstance(last, ast.Constant) and len(node.values) > 1 else ""
                if str(prefix).endswith("_") or str(suffix).startswith("_"):  # how the code builds keys
                    patterns.add((str(prefix), str(suffix)))
    return literals, patterns


def test_no_key_is_unused() -> None:
    literals, patterns = _literals_and_prefixes()
    unused = [
        key
        for key in STRINGS
        if key not in literals
        and not any(p and key.startswith(p) and key.endswith(s) and len(key) > len(p) + len(s) for p, s in patterns)
    ]
    assert unused == []


@pytest.mark.parametrize("name", sorted({p.name.split(".")[0] for p in STRINGS_DIR.glob("*.md")}))
def test_prose_in_both_languages_nfc_with_the_same_placeholders(name: str) -> None:
    texts = {lang: prose(name, lang) for lang in LANGS}
    assert all(text.strip() for text in texts.values())
    assert placeholders(texts["vi"]) == placeholders(texts["en"])
    for lang in LANGS:
        raw = (STRINGS_DIR / f"{name}.{lang}.md").read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", raw), (name, lang)

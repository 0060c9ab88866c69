"""AppTest: the home page's plan status for Hà Nội, TP. Hồ Chí Minh and Bắc Ninh (their newest plans) and the warning
where a margin is shrinking, in both languages."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import find, open_app


def card(at, code: str) -> str:
    block = find(at.main, f"card_{code}")
    assert block is not None, code
    return re.sub(r"\\(.)", r"\1", "\n".join(e.value for e in [*block.markdown, *block.warning]))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            {
                "01": ["Kế hoạch 157/KH-UBND", "✘ 2023 · thứ hạng: thiếu 4 bậc"],
                "79": ["✔ 2024 · điểm: hơn 1,04 điểm", "✘ 2024 · lĩnh vực mạnh: 2/4 lĩnh vực đạt"],
                "27": [
                    "Kế hoạch 176/KH-UBND",
                    "✔ 2024 · nhóm: cao hơn điểm thấp nhất của nhóm 0,75 điểm",
                    "○ 2025 · nhóm: chưa có kết quả",
                    "Bắc Ninh: vẫn nhóm cao nhất, nhưng khoảng cách giảm từ 1,74 (2023) xuống 0,75 điểm (2024).",
                ],
            },
        ),
        (
            "en",
            {
                "01": ["Plan 157/KH-UBND", "✘ 2023 · rank: 4 places short"],
                "79": ["✔ 2024 · score: 1.04 points ahead"],
                "27": [
                    "Bac Ninh: still in Best performers, but the margin fell from 1.74 (2023) to 0.75 points (2024)."
                ],
            },
        ),
    ],
)
def test_plan_status_on_the_first_screen(lang: str, expected: dict[str, list[str]]) -> None:
    at = open_app(lang=lang)
    assert not at.exception
    for code, lines in expected.items():
        shown = card(at, code)
        for line in lines:
            assert line in shown, (code, line)
    assert "khoảng cách giảm" not in card(at, "01") and "margin fell" not in card(at, "79")  # only where it shrank

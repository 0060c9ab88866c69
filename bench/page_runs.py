"""Server time per page run: the median of 20 AppTest reruns of each page after a warm-up.

python -m bench.page_runs

Targets: issue 20's 60 ms for home, map, profile (sections closed), plans and planner, on a quiet machine; 150 ms
(issue 12) for the heavier views."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from bench.common import report, timed
from harness.apptest import open_app

PAGE_MS = 60  # issue 20
PAGES: dict[str, tuple[str | None, dict[str, str], float | None]] = {
    "home (Tổng quan)": (None, {}, PAGE_MS),
    "about (Giới thiệu)": ("pages/about.py", {}, None),
    "map (Bản đồ)": ("pages/map.py", {}, PAGE_MS),
    "profile (Hồ sơ tỉnh)": ("pages/profile.py", {"province": "27"}, PAGE_MS),
    "profile, two dimensions' sub-dimensions open, one province compared": (
        "pages/profile.py",
        {
            "province": "01",
            "year": "2023",
            "open": "d5_public_admin_procedures,d7_environmental_governance",
            "compare": "79",
        },
        150,
    ),
    "plans (Kế hoạch và kết quả)": ("pages/plans.py", {"plan": "hcm-2024-papi"}, PAGE_MS),
    # every plan loaded (12 plans, 20 targets); Lào Cai's has six targets and six charts, the most of any plan
    "plans (Kế hoạch và kết quả), default plan": ("pages/plans.py", {}, 150),
    "plans (Kế hoạch và kết quả), Lào Cai 2021": ("pages/plans.py", {"plan": "laocai-2021-kh246"}, 150),
    "plans (Kế hoạch và kết quả), TP.HCM 2024": ("pages/plans.py", {"plan": "hcm-2024-papi"}, 150),
    "planner (Đặt mục tiêu), Hà Nội rank ≤ 10": ("pages/planner.py", {}, PAGE_MS),
    "planner (Đặt mục tiêu), Lào Cai D4 best group": (
        "pages/planner.py",
        {"province": "10", "metric": "d4_control_of_corruption", "goal": "group", "group": "best"},
        150,
    ),
}


def page_app(page: str | None, params: dict[str, str]) -> AppTest:
    at = open_app(page, **params)
    assert not at.exception, at.exception
    return at


def main(runs: int = 20) -> None:
    for name, (page, params, target) in PAGES.items():
        at = page_app(page, params)
        report(f"server time per run: {name}", timed(at.run, runs), target)


if __name__ == "__main__":
    main()

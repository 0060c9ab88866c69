"""A plan's count per year keeps its no-data targets apart: Bắc Ninh's 2021 and 2022 (no total published) read "no
data", never "0/1 achieved"."""

from __future__ import annotations

import pandas as pd

from papi_data.plans.evaluate import evaluate
from papi_data.plans.summary import YearCount, plan_counts
from papi_data.store.load import PapiStore
from ui.core.plan_status import gap_text
from ui.plans.tables import count_text


def test_no_data_years_are_not_counted_as_missed(real_store: PapiStore, plan_rows: pd.DataFrame) -> None:
    evaluation = evaluate(real_store.targets, plan_rows, max(real_store.years), real_store.provinces)
    counts = {c.year: c for c in plan_counts(evaluation, "bn-2020-kh176")}
    assert counts[2021].no_data == counts[2021].total and counts[2022].no_data == counts[2022].total
    assert count_text(counts[2021], "vi") == "2021: không có dữ liệu"
    assert count_text(counts[2022], "en") == "2022: no data"
    assert count_text(counts[2023], "vi").startswith("2023: ") and "không có dữ liệu" not in count_text(
        counts[2023], "vi"
    )


def test_a_year_with_some_targets_without_data_counts_them_apart() -> None:
    count = YearCount(2022, achieved=1, total=4, pending=0, no_data=1)
    assert count_text(count, "vi") == "2022: 1/3 đạt · 1 không có dữ liệu"
    assert count_text(count, "en") == "2022: 1 of 3 achieved · 1 without data"
    assert count_text(YearCount(2025, 0, 2, 2), "en") == "2025: 0 of 2 achieved · 2 pending"


def test_a_count_reads_over_the_dimensions_listed(real_store: PapiStore, plan_rows: pd.DataFrame) -> None:
    """Lào Cai 2021: at least seven of the eight dimensions counted; none met it: "0/8 … (cần ít nhất 7)"."""
    evaluation = evaluate(real_store.targets, plan_rows, max(real_store.years), real_store.provinces)
    row = evaluation[evaluation["target_id"] == "laocai-2021-seven-dimensions"].iloc[0]
    assert (row["value"], row["value_n"], row["threshold"]) == (0, 8, 7)
    assert gap_text(row, "vi") == "0/8 lĩnh vực đạt (cần ít nhất 7)"
    assert gap_text(row, "en") == "0 of 8 dimensions met it (at least 7 needed)"

"""Names in the reader's language by id, looked up many times a run: metrics, regions, provinces."""

from __future__ import annotations

from dataclasses import dataclass

from papi_data.store import PapiStore
from ui.metrics import metric_ids, metric_name


@dataclass(frozen=True)
class Labels:
    """Metrics (full and short names), regions (in their order), provinces, and each province's region's name."""

    metric: dict[str, str]
    short: dict[str, str]
    region: dict[str, str]
    province: dict[str, str]
    province_region: dict[str, str]


def build_labels(store: PapiStore, lang: str) -> Labels:
    regions = store.regions.sort_values("order").set_index("region_id")[f"name_{lang}"]
    provinces = store.provinces.set_index("code")
    metrics = metric_ids(store.dimensions)
    return Labels(
        metric={m: metric_name(m, store.dimensions, lang) for m in metrics},
        short={m: metric_name(m, store.dimensions, lang, short=True) for m in metrics},
        region={str(k): str(v) for k, v in regions.items()},
        province={str(k): str(v) for k, v in provinces[f"name_{lang}"].items()},
        province_region={str(k): str(v) for k, v in provinces["region_id"].map(regions).items()},
    )

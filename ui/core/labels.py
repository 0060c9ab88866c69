"""Names in the reader's language by id, looked up many times a run: metrics, regions, provinces."""

from __future__ import annotations

from dataclasses import dataclass

from papi_data.store.load import PapiStore
from ui.core.metrics import Metrics


@dataclass(frozen=True)
class Labels:
    """Metrics (full and short names, in picker order: each dimension followed by its sub-dimensions), regions (in
    their order), provinces, and each province's region's name; `metrics` for scales and years."""

    lang: str
    metrics: Metrics
    metric: dict[str, str]
    short: dict[str, str]
    region: dict[str, str]
    province: dict[str, str]
    province_region: dict[str, str]

    def scale(self, metric: str, year: int) -> str:
        """ "thang 8–80", "thang 0,33–3,33": the metric's scale in that year."""
        return self.metrics.scale_text(metric, year, self.lang)


def build_labels(store: PapiStore, metrics: Metrics, lang: str) -> Labels:
    regions = store.regions.sort_values("order").set_index("region_id")[f"name_{lang}"]
    provinces = store.provinces.set_index("code")
    return Labels(
        lang=lang,
        metrics=metrics,
        metric={m: metrics.name(m, lang, mark=True) for m in metrics.ids},
        short={m: metrics.name(m, lang, short=True) for m in metrics.ids},
        region={str(k): str(v) for k, v in regions.items()},
        province={str(k): str(v) for k, v in provinces[f"name_{lang}"].items()},
        province_region={str(k): str(v) for k, v in provinces["region_id"].map(regions).items()},
    )

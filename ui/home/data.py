"""The home page's plan status, once per store build, language and province."""

from __future__ import annotations

from papi_data.store.load import PapiStore
from ui.core.data import per_build, plan_ref_of
from ui.home.plan_status import home_status


@per_build
def home_status_of(store: PapiStore, lang: str, code: str) -> tuple[str, list[str], list[str]] | None:
    """A province's newest plan: its document's label, each target's status line and the shrinking margins' warnings."""
    return home_status(store, store.table("plan_evaluation"), plan_ref_of(lang), code, lang)

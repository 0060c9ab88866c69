"""The Cite and Embed buttons in every page's toolbar, and embed mode (AppTest on the real app)."""

from __future__ import annotations

import pytest
from streamlit.runtime.context import ContextProxy

from tests.app.conftest import open_app


def codes(at) -> list[str]:
    return [str(c.value) for c in at.code]


@pytest.mark.parametrize(
    ("page", "params", "years"),
    [
        ("pages/map.py", {"year": "2023"}, "2023"),
        ("pages/explorer.py", {"years": "2018-2024", "metrics": "total"}, "2018–2024"),
        ("pages/about.py", {}, "2011–2024"),
    ],
)
def test_every_page_cites_its_view_in_three_forms(page: str, params: dict, years: str) -> None:
    at = open_app(page, lang="en", **params)
    plain, apa, bibtex = codes(at)[:3]
    assert plain.startswith(f"PAPI {years} — CECODES") and "PAPI Dashboard" in plain and "accessed" in plain
    assert f"({years})." in apa and "Retrieved" in apa
    assert bibtex.startswith("@misc{papi") and "author = {" in bibtex


def test_the_map_offers_its_iframe_and_its_image_by_url() -> None:
    at = open_app("pages/map.py", lang="vi", year="2022", metric="d4_control_of_corruption")
    iframe = next(c for c in codes(at) if c.startswith("<iframe"))
    assert "embed=true" in iframe and "year=2022" in iframe and 'style="border:0"' in iframe
    image = next(c for c in codes(at) if "/api/v1/charts/" in c)
    assert "/api/v1/charts/map.png?year=2022&metric=d4_control_of_corruption&lang=vi" in image


def test_the_explorer_offers_no_embed() -> None:
    at = open_app("pages/explorer.py", lang="en")
    assert not any(c.startswith("<iframe") for c in codes(at))


def test_embed_mode_shows_the_chart_its_controls_and_the_source_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit's `embed=true` (st.context.is_embedded; AppTest cannot set it, so it is set here)."""
    monkeypatch.setattr(ContextProxy, "is_embedded", property(lambda self: True))
    at = open_app("pages/map.py", lang="en", year="2024")
    assert not at.exception
    assert not at.title  # no page title
    assert "w_present" not in [toggle.key for toggle in at.toggle]  # no toolbar but the controls
    assert not at.code  # no cite or embed popover
    assert at.get("plotly_chart")  # the chart
    assert any("Source: PAPI" in str(c.value) for c in at.caption)  # the source line


def test_embed_mode_is_for_the_map_profile_and_plans_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ContextProxy, "is_embedded", property(lambda self: True))
    at = open_app("pages/explorer.py", lang="en")
    assert at.title and "w_present" in [toggle.key for toggle in at.toggle]


@pytest.mark.parametrize(("lang", "heading"), [("vi", "### Dữ liệu mở"), ("en", "### Open data")])
def test_the_about_page_shows_the_open_data_api_with_examples(lang: str, heading: str) -> None:
    at = open_app("pages/about.py", lang=lang)
    section = next(str(m.value) for m in at.markdown if str(m.value).startswith(heading))
    assert "/api/v1/scores.csv?year=2024&metric=total" in section  # curl
    assert 'pd.read_csv("' in section and 'dtype={"province_code": str}' in section  # pandas
    assert 'colClasses = c(province_code = "character")' in section  # R
    assert "{base}" not in section

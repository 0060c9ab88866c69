"""AppTest: the home and about pages for every year and both languages, bad links, and a missing store."""

from __future__ import annotations

import json

import pytest

from papi_data.schema import SCHEMA_VERSION
from tests.app.conftest import open_app

YEARS = list(range(2011, 2025))
PLAN_NAMES = {"vi": ["Hà Nội", "TP. Hồ Chí Minh", "Bắc Ninh"], "en": ["Ha Noi", "Ho Chi Minh City", "Bac Ninh"]}


def texts(at) -> str:
    return "\n".join(e.value for e in [*at.markdown, *at.caption, *at.warning, *at.error, *at.title, *at.subheader])


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("year", YEARS)
def test_home_every_year_and_language(year: int, lang: str) -> None:
    at = open_app(year=str(year), lang=lang)
    assert not at.exception
    assert at.title[0].value.startswith(f"PAPI {year}")
    assert [m.label for m in at.metric][3:] == PLAN_NAMES[lang]
    assert len(at.dataframe) == 2
    assert at.query_params["year"] == str(year) and at.query_params["lang"] == lang


def test_home_2024_hanoi_card_in_both_languages() -> None:
    at = open_app()  # defaults: Vietnamese, latest year
    hanoi = at.metric[3]
    assert (hanoi.label, hanoi.value, hanoi.delta) == ("Hà Nội", "43,77", "-0,19")
    assert "Hạng 29/61" in texts(at)
    at.sidebar.segmented_control[0].set_value("en").run()
    assert at.metric[3].value == "43.77"
    assert "Rank 29 of 61" in texts(at)
    assert at.query_params["lang"] == "en"


def test_home_shows_no_data_not_zero() -> None:
    at = open_app(year="2021")
    bac_ninh = at.metric[5]
    assert bac_ninh.label == "Bắc Ninh" and bac_ninh.value == "không có dữ liệu"
    assert "Không có dữ liệu năm 2021: Quảng Ninh, Bắc Giang, Bắc Ninh." in texts(at)
    assert at.metric[2].value == "60/63"


def test_total_change_not_shown_across_the_2018_scale_change() -> None:
    at = open_app(year="2018", lang="en")
    assert all(m.delta == "" for m in at.metric[3:])
    assert "no comparison with 2017" in texts(at)


@pytest.mark.parametrize("params", [{"year": "1999"}, {"year": "abc"}, {"lang": "fr"}, {"year": "<script>x</script>"}])
def test_bad_link_falls_back_with_a_notice(params: dict[str, str]) -> None:
    at = open_app(**params)
    assert not at.exception
    name = next(iter(params))
    assert len([w for w in at.warning if f"“{name}”" in w.value]) == 1  # (Bắc Ninh's plan warns of its margin too)
    assert "<script>" not in texts(at)
    assert at.query_params["year"] == "2024" and at.query_params["lang"] == "vi"


def test_year_choice_moves_into_the_url() -> None:
    at = open_app()
    at.sidebar.selectbox[0].select(2019).run()
    assert at.query_params["year"] == "2019"
    assert at.title[0].value.startswith("PAPI 2019")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_about_page(lang: str, store) -> None:
    at = open_app("pages/about.py", lang=lang)
    assert not at.exception
    dims, missing = at.dataframe[0].value, at.dataframe[1].value
    assert len(dims) == 8
    assert len(missing) == 13  # province-years with any score missing, per PROVENANCE.md
    assert "Open Development Mekong" in texts(at)
    assert f"{store.manifest['rows']['scores']}" in texts(at)


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_unreadable_store_explains_how_to_rebuild(damage: str, tmp_path, monkeypatch) -> None:
    store_dir = tmp_path / "store"
    if damage == "corrupt":
        store_dir.mkdir()
        manifest = {"schema_version": SCHEMA_VERSION, "build_id": "damaged"}
        (store_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        (store_dir / "scores.parquet").write_bytes(b"not parquet")
    monkeypatch.setenv("PAPI_STORE_DIR", str(store_dir))
    for page in [None, "pages/about.py"]:
        at = open_app(page)
        assert not at.exception
        assert at.error and at.error[0].value in {"Chưa có kho dữ liệu", "Kho dữ liệu bị hỏng"}
        assert "make store" in at.code[0].value

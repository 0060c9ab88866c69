"""The province search forgives missing diacritics, case, prefixes and initials."""

from __future__ import annotations

import pytest

from papi_data.search import picked_codes, search_provinces
from papi_data.store.load import load_store


@pytest.fixture(scope="module")
def provinces():
    return load_store().provinces


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("ha noi", "01"),
        ("HA NOI", "01"),
        ("Hà Nội", "01"),
        ("HCM", "79"),
        ("tp hcm", "79"),
        ("TPHCM", "79"),
        ("Hồ Chí Minh", "79"),
        ("ho chi minh city", "79"),
        ("bac ninh", "27"),
        ("brvt", "77"),
        ("hue", "46"),
        ("can tho", "92"),
        ("sai gon", "79"),
        ("Sài Gòn", "79"),
        ("saigon", "79"),
        ("SG", "79"),
        ("hn", "01"),
        ("vung tau", "77"),
        ("daklak", "66"),
        ("dak lak", "66"),
    ],
)
def test_finds_the_province(provinces, query: str, first: str) -> None:
    assert search_provinces(provinces, query)[0] == first


def test_several_matches_are_all_returned_and_no_match_is_empty(provinces) -> None:
    assert set(search_provinces(provinces, "dak")) == {"66", "67"}
    assert len(search_provinces(provinces, "quang")) == 6
    assert search_provinces(provinces, "xyz") == []
    assert search_provinces(provinces, "   ") == []


def test_a_province_box_takes_typed_text_as_its_best_hit(provinces) -> None:
    allowed = [c for c in provinces["code"] if c != "27"]  # the profile's own province is not offered
    assert picked_codes(provinces, ["ha noi"], allowed) == ["01"]
    assert picked_codes(provinces, ["01", "sai gon", "xyz", "HN", "bac ninh", "brvt"], allowed) == ["01", "79", "77"]
    assert picked_codes(provinces, [], allowed) == []

"""Chart images by URL: drawn by the pages' recipes with their frame (title, source line, the page's link), rendered
by the exports' browser (Debian's Chromium), made once per view however many ask at the same time."""

from __future__ import annotations

import html
import re
import struct
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.testclient import TestClient

from server.api import charts, endpoints
from server.api.cache import OnceCache


def svg_words(svg: str) -> str:
    """The SVG's text as a reader sees it: its lines joined by spaces, entities decoded (a long line is drawn as several
    `tspan`s, wrapped where the column ends)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", svg)).split())


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def fresh_images() -> Iterator[None]:
    charts.images.clear()
    endpoints.forget()
    yield
    charts.images.clear()
    endpoints.forget()


def test_map_image_has_its_frame(client: TestClient, fresh_images: None) -> None:
    answer = client.get("/api/v1/charts/map.svg?year=2024&lang=en&province=48")
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/svg+xml"
    words = svg_words(answer.text)
    assert "PAPI map, 2024" in words
    assert "Source: PAPI 2024 — CECODES, RTA & UNDP (2024 partners assumed, not documented), papi.org.vn" in words
    assert "http://testserver/ban-do?lang=en&year=2024&province=48&metric=total" in words.replace(" ", "")
    assert answer.headers["etag"].strip('"') and 'rel="cite-as"' in answer.headers["link"]


@pytest.mark.parametrize(
    ("kind", "query"),
    [("ranking", "year=2023&province=hcm"), ("radar", "province=bac%20ninh&year=2022"), ("trend", "province=48")],
)
def test_each_chart_as_png_at_the_size_asked(client: TestClient, fresh_images: None, kind: str, query: str) -> None:
    answer = client.get(f"/api/v1/charts/{kind}.png?{query}&width=800&height=500")
    assert answer.status_code == 200, answer.text
    assert png_size(answer.content) == (800, 500)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("metric=d7_environmental_governance&year=2015", "year"),
        ("width=99999", "width"),
        ("height=abc", "height"),
        ("province=01,79", "province"),
        ("year=2018-2024", "year"),
    ],
)
def test_a_bad_chart_request_is_a_json_400(client: TestClient, query: str, parameter: str) -> None:
    answer = client.get(f"/api/v1/charts/map.png?{query}")
    assert answer.status_code == 400
    assert answer.json()["error"]["parameter"] == parameter


def test_radar_takes_no_subdimension(client: TestClient, fresh_images: None) -> None:
    answer = client.get("/api/v1/charts/radar.svg?metric=d5.land_titles")
    assert answer.status_code == 400 and "dimension" in answer.json()["error"]["allowed"]


def test_concurrent_requests_for_one_image_render_it_once(
    client: TestClient, fresh_images: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    class Slow:
        def image(self, figure: dict, fmt: str, width: int, height: int) -> bytes:
            calls.append(width)
            started.set()
            assert release.wait(30)
            return b"<svg>one</svg>"

    monkeypatch.setattr("server.api.charts.renderer.shared", Slow)
    url = "/api/v1/charts/ranking.svg?year=2020&width=640"
    with ThreadPoolExecutor(6) as pool:
        first = pool.submit(client.get, url)
        assert started.wait(30)
        others = [pool.submit(client.get, url) for _ in range(5)]
        release.set()
        answers = [first.result(), *(o.result() for o in others)]
    assert [a.content for a in answers] == [b"<svg>one</svg>"] * 6
    assert calls == [640]
    assert client.get(url).content == b"<svg>one</svg>" and calls == [640]  # later: from memory


def test_the_image_memory_is_bounded() -> None:
    memory = OnceCache(max_entries=2, max_bytes=10)
    for i in range(4):
        memory.get(i, lambda i=i: bytes([i]) * 3)
    assert memory.made == 4 and memory.get(3, lambda: b"new") == bytes([3]) * 3
    assert memory.get(0, lambda: b"again") == b"again"  # the oldest went
    memory.get("big", lambda: b"x" * 11)  # larger than the memory: answered, not kept
    assert memory.get("big", lambda: b"y") == b"y"

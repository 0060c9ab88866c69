"""A server that cannot serve data leaves the rotation while the other serves (issue 24, readiness): app1 is given a
store whose every build is damaged, so its readiness (/healthz) answers 503 from the start; HAProxy, which checks it,
sends every visitor to app2, app1's own visitors (their cookie names app1) included. Sessions speak Streamlit's
protocol (bench/sessions.py); no browser."""

from __future__ import annotations

import shutil
import time
import urllib.request
from pathlib import Path

from deploy.cluster import readiness, running_cluster
from harness.server import free_port
from harness.sessions import Session, run_sync
from papi_data.store.paths import BUILDS, store_dir

DETECTION_LIMIT_S = 15


def served_by(url: str, cookie: str | None) -> tuple[int, str | None]:
    """The status of the home page through the proxy, and the server cookie the proxy set (None: it kept the one
    sent)."""
    request = urllib.request.Request(url + "/?lang=en", headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        set_cookie = response.headers.get("Set-Cookie") or ""
        return response.status, set_cookie.split(";")[0] or None


def test_a_server_that_cannot_serve_data_leaves_the_rotation(tmp_path: Path) -> None:
    broken = tmp_path / "store"
    shutil.copytree(store_dir(), broken)
    for scores in (broken / BUILDS).glob("*/scores.parquet"):
        scores.write_bytes(scores.read_bytes()[:1000])  # every build damaged: nothing good to fall back on
    with running_cluster(2, port=free_port(8740, 8790), own={1: {"PAPI_STORE_DIR": str(broken)}}) as cluster:
        assert readiness(cluster.server_url(1)) == 503 and readiness(cluster.server_url(2)) == 200
        deadline = time.monotonic() + DETECTION_LIMIT_S
        while served_by(cluster.url, "PAPI_SERVER=app1")[1] != "PAPI_SERVER=app2":
            assert time.monotonic() < deadline, "HAProxy kept app1 in the rotation"
            time.sleep(0.5)  # polling for HAProxy's health checks (every 2 s, down after 2 failures)
        for cookie in [None, "PAPI_SERVER=app1", None, "PAPI_SERVER=app1", "PAPI_SERVER=app2"]:
            status, assigned = served_by(cluster.url, cookie)
            assert status == 200 and assigned in (None, "PAPI_SERVER=app2") and (cookie or assigned), assigned

        async def a_visitor_of_app1() -> None:
            async with Session(cluster.url, cookie="PAPI_SERVER=app1") as session:
                run = await session.run("ban-do", "year=2020&lang=en")
                assert run.ok and not run.problem, run.problem
                assert session.response_cookie == "PAPI_SERVER=app2"

        run_sync(a_visitor_of_app1())
        log = (cluster.run / "app1.log").read_text(encoding="utf-8")
        assert log.count("store unavailable: serving nothing; corrupt: scores.parquet") == 1
        assert "Traceback" not in log

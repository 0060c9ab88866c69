"""Two app servers behind HAProxy under supervisord on loopback, as `make cluster N=2` starts them: a download made
in a session is served through the proxy (the file lives in the memory of the server that made it); when one server
is killed, supervisord starts it again, the proxy sends everyone to the live one meanwhile, and the other server and
its sessions are never touched. Sessions speak Streamlit's protocol (harness/sessions.py); no browser."""

from __future__ import annotations

import os
import signal
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest

from deploy.cluster import Cluster, ready, running_cluster
from harness.server import free_port
from harness.sessions import Session, run_sync

DETECTION_S = 5  # HAProxy's health checks: every 2 s, down after 2 failures
RESTART_LIMIT_S = 15
REQUEST_EVERY_S = 0.2


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with running_cluster(2, port=free_port(block=3)) as running:  # the proxy, then its two servers
        yield running


def fetch(url: str, cookie: str | None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def test_a_download_made_in_a_session_completes_through_the_proxy(cluster: Cluster) -> None:
    async def scenario() -> tuple[str | None, str]:
        async with Session(cluster.url) as session:
            run = await session.run("kham-pha", "lang=en&years=2020-2024")
            assert run.ok and len(run.downloads) == 5, run  # CSV, Excel, Parquet and the two data packages
            return session.response_cookie, await session.download(run.downloads[0])

    cookie, media = run_sync(scenario())
    assert cookie and media.startswith("/media/")
    for _ in range(4):  # always the server that made it, whatever the balancing would pick
        status, body = fetch(cluster.url + media, cookie)
        assert status == 200 and body.startswith("\ufeff".encode()) and b"province_code" in body.split(b"\n")[0]


class Visitor(threading.Thread):
    """Requests the home page through the proxy every REQUEST_EVERY_S, recording (time, status or error)."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.answers: list[tuple[float, int | str]] = []
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            started = time.monotonic()
            try:
                self.answers.append((started, fetch(self.url + "/?lang=en", None)[0]))
            except OSError as err:
                self.answers.append((started, type(err).__name__))
            self.done.wait(max(0.0, REQUEST_EVERY_S - (time.monotonic() - started)))


def test_a_killed_server_is_restarted_and_no_one_else_notices(cluster: Cluster) -> None:
    async def open_one_on_each() -> tuple[dict[str, Session], list[Session]]:
        sessions: dict[str, Session] = {}
        opened: list[Session] = []
        while len(sessions) < 2 and len(opened) < 8:
            session = await Session(cluster.url).__aenter__()
            opened.append(session)
            assert (await session.run("", "year=2020")).ok
            sessions.setdefault(session.response_cookie or "", session)
        assert sorted(sessions) == ["PAPI_SERVER=app1", "PAPI_SERVER=app2"]
        return sessions, opened

    async def scenario() -> None:
        sessions, opened = await open_one_on_each()
        survivor_pid = cluster.pid(2)
        visitor = Visitor(cluster.url)
        visitor.start()
        killed_at = time.monotonic()
        os.killpg(cluster.pid(1), signal.SIGKILL)
        back = None
        while time.monotonic() - killed_at < RESTART_LIMIT_S + 5:
            if ready(cluster.server_url(1)):
                back = time.monotonic() - killed_at
                break
            time.sleep(REQUEST_EVERY_S)  # polling the killed server's readiness; the limit is asserted below
        time.sleep(max(0.0, DETECTION_S + 3 - (time.monotonic() - killed_at)))  # requests past the detection window
        visitor.done.set()
        visitor.join()
        late = [answer for at, answer in visitor.answers if at - killed_at >= DETECTION_S]
        assert late and all(answer == 200 for answer in late), late
        assert back is not None and back <= RESTART_LIMIT_S, back
        assert cluster.pid(2) == survivor_pid  # the other server was never touched
        survivor = sessions["PAPI_SERVER=app2"]
        for page, query in [("ban-do", "year=2018"), ("ho-so-tinh", "province=01")]:
            run = await survivor.run(page, query)
            assert run.ok, run.problem  # same session, same server, nothing lost
        async with Session(cluster.url, cookie="PAPI_SERVER=app1") as returning:  # app1's visitor reconnecting
            assert (await returning.run("", "lang=en")).ok
        for session in opened:
            await session.__aexit__(None, None, None)

    run_sync(scenario())
    log = (cluster.run / "supervisord.log").read_text(encoding="utf-8")
    assert "exited: app1 (terminated by SIGKILL; not expected)" in log and "spawned: 'app1'" in log
    assert "exited: app2" not in log and "exited: proxy" not in log
    assert cluster.ctl("status").count("RUNNING") == 3

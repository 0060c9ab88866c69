"""Two app servers behind HAProxy on loopback, as `make cluster N=2` starts them: a download made in a session is
served through the proxy (the file lives in the memory of the server that made it), and when one server stops, the
sessions on the other go on untouched and new visitors reach the live one. Sessions speak Streamlit's protocol
(harness/sessions.py); no browser."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest

from deploy.cluster import running_cluster, stop
from harness.server import free_port
from harness.sessions import Session, run_sync


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[str, list]]:
    with running_cluster(2, port=free_port(block=3)) as running:  # the proxy, then its two servers
        yield running


def fetch(url: str, cookie: str | None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def test_a_download_made_in_a_session_completes_through_the_proxy(cluster: tuple[str, list]) -> None:
    url, _apps = cluster

    async def scenario() -> tuple[str | None, str]:
        async with Session(url) as session:
            run = await session.run("kham-pha", "lang=en&years=2020-2024")
            assert run.ok and len(run.downloads) == 3, run
            return session.response_cookie, await session.download(run.downloads[0])

    cookie, media = run_sync(scenario())
    assert cookie and media.startswith("/media/")
    for _ in range(4):  # always the server that made it, whatever the balancing would pick
        status, body = fetch(url + media, cookie)
        assert status == 200 and body.startswith("\ufeff# PAPI".encode())


def test_stopping_one_server_leaves_the_other_sessions_untouched(cluster: tuple[str, list]) -> None:
    url, apps = cluster

    async def scenario() -> None:
        sessions: dict[str, Session] = {}
        opened: list[Session] = []
        while len(sessions) < 2 and len(opened) < 8:  # one session on each server
            session = await Session(url).__aenter__()
            opened.append(session)
            assert (await session.run("", "year=2020")).ok
            sessions.setdefault(session.response_cookie or "", session)
        assert sorted(sessions) == ["PAPI_SERVER=app1", "PAPI_SERVER=app2"]

        stop(apps[0])  # app1
        survivor = sessions["PAPI_SERVER=app2"]
        for page, query in [("ban-do", "year=2018"), ("ho-so-tinh", "province=01")]:
            run = await survivor.run(page, query)
            assert run.ok, run.problem  # same session, same server, nothing lost
        for _ in range(3):  # new visitors, and app1's visitor coming back with its cookie: the live server
            async with Session(url, cookie="PAPI_SERVER=app1") as newcomer:
                run = await newcomer.run("", "lang=en")
                assert run.ok and not run.problem
                assert newcomer.response_cookie in (None, "PAPI_SERVER=app2")
        for session in opened:
            await session.__aexit__(None, None, None)

    run_sync(scenario())
    status, body = fetch(url, "PAPI_SERVER=app1")
    assert status == 200 and b"Traceback" not in body

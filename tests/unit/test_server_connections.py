"""Slow clients (server/connections.py), on a real uvicorn server in this process: a request whose headers do not
arrive in time is answered 408 and closed; beyond the cap on half-open connections the oldest is closed at once; a
normal request is served meanwhile, and a kept-alive connection's next request is timed the same way."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from harness.server import free_port
from server import connections
from server.connections import HeaderTimeoutProtocol

TIMEOUT_S = 0.5
CAP = 5


async def hello(scope: dict, receive: object, send: object) -> None:
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"ok"})  # type: ignore[operator]


@pytest.fixture
def port(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setattr(connections, "HEADER_TIMEOUT_S", TIMEOUT_S)
    monkeypatch.setattr(connections, "MAX_HALF_OPEN", CAP)
    port = free_port()
    config = uvicorn.Config(hello, host="127.0.0.1", port=port, http=HeaderTimeoutProtocol, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)  # waiting for start-up; nothing is timed by it
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def half_open(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
    return sock


def answer(sock: socket.socket) -> bytes:
    """What the server sends until it closes (or resets) the connection; a socket timeout fails the test."""
    chunks = []
    try:
        while chunk := sock.recv(4096):
            chunks.append(chunk)
    except ConnectionResetError:
        chunks.append(b"<reset>")
    return b"".join(chunks)


def get(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return answer(sock)


def test_headers_that_do_not_arrive_in_time_get_408(port: int) -> None:
    sock = half_open(port)
    started = time.monotonic()
    assert answer(sock).startswith(b"HTTP/1.1 408")
    assert time.monotonic() - started < 10  # closed by the server, not by the test's own socket timeout


def test_over_the_cap_the_oldest_half_open_connection_is_closed(port: int) -> None:
    socks = [half_open(port) for _ in range(CAP + 1)]
    assert get(port).endswith(b"ok")  # a normal visitor is served meanwhile
    socks[0].settimeout(TIMEOUT_S / 2)  # the oldest was closed when the sixth arrived, before its own timeout
    assert answer(socks[0]).startswith(b"HTTP/1.1 408")
    for sock in socks:
        sock.close()


def test_a_kept_alive_connection_is_timed_again(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        first = b""
        while not first.endswith(b"ok"):
            first += sock.recv(4096)
        sock.sendall(b"GET / HTTP/1.1\r\nHost: local")  # the next request, half sent
        assert answer(sock).startswith(b"HTTP/1.1 408")

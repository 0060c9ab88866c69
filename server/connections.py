"""Slow clients: a connection must send its request's headers within HEADER_TIMEOUT_S, and at most MAX_HALF_OPEN
connections may be waiting for theirs; beyond that the one that has waited longest is closed (a visitor's browser sends
its headers at once, so it is never the oldest). Uvicorn has neither (its keep-alive timeout starts only after a first
answer), so 500 half-sent requests were held open for as long as their clients liked. This is uvicorn's own h11
protocol, given to it through its public `http` setting, with one timer per connection."""

from __future__ import annotations

import asyncio
import os
from typing import ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_S = float(os.environ.get("PAPI_HEADER_TIMEOUT_S") or 10)
MAX_HALF_OPEN = int(os.environ.get("PAPI_MAX_HALF_OPEN") or 256)
_TIMED_OUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class HeaderTimeoutProtocol(H11Protocol):
    waiting: ClassVar[dict[HeaderTimeoutProtocol, None]] = {}  # half-open connections of the process, oldest first

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._await_headers()

    def _await_headers(self) -> None:
        self._header_timer = self.loop.call_later(HEADER_TIMEOUT_S, self._too_slow)
        self.waiting[self] = None
        while len(self.waiting) > MAX_HALF_OPEN:
            next(iter(self.waiting))._too_slow()

    def _headers_received(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        self.waiting.pop(self, None)

    def _too_slow(self) -> None:
        self._headers_received()
        if not self.transport.is_closing():
            self.transport.write(_TIMED_OUT)
            self.transport.close()

    def handle_events(self) -> None:
        super().handle_events()
        if self._header_timer is not None and self.conn.their_state is not h11.IDLE:
            self._headers_received()  # a request (or a websocket upgrade) has its headers

    def on_response_complete(self) -> None:
        super().on_response_complete()  # may already have read a pipelined next request's headers
        if not self.transport.is_closing() and self._header_timer is None and self.conn.their_state is h11.IDLE:
            self._await_headers()  # a kept-alive connection's next request is timed the same way

    def connection_lost(self, exc: Exception | None) -> None:
        self._headers_received()
        super().connection_lost(exc)

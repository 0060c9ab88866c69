"""Answers made once: a bounded memory of finished answers (least recently used out first, by count and by bytes),
and for an answer being made, the requests that ask for it meanwhile wait for that one making instead of starting
their own (a chart image is rendered once however many portals ask for it at the same moment)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future


class OnceCache:
    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._done: OrderedDict[Hashable, bytes] = OrderedDict()
        self._pending: dict[Hashable, Future[bytes]] = {}
        self._bytes = 0
        self.made = 0  # answers made (not taken from memory), for the tests and the benchmark

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                return self._done[key]
            waiting = self._pending.get(key)
            if waiting is None:
                mine: Future[bytes] = Future()
                self._pending[key] = mine
        if waiting is not None:
            return waiting.result()
        try:
            value = make()
        except BaseException as error:
            with self._lock:
                del self._pending[key]
            mine.set_exception(error)  # the waiting requests fail as this one does; the next request tries again
            raise
        with self._lock:
            del self._pending[key]
            self.made += 1
            if len(value) <= self._max_bytes:
                self._done[key] = value
                self._bytes += len(value)
                while len(self._done) > self._max_entries or self._bytes > self._max_bytes:
                    _, gone = self._done.popitem(last=False)
                    self._bytes -= len(gone)
        mine.set_result(value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._done.clear()
            self._bytes = 0

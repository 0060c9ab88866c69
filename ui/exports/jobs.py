"""An export made once and awaited by two parties: the download (Streamlit runs a download button's callable in a
worker thread when it is clicked) and the rerun that the same click starts (its callback waits for the outcome, so a
failure is told on the page in the reader's language; the download itself can only show Streamlit's own English
error). Whichever asks first makes the bytes; the other waits for them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future

KEPT = 64  # finished jobs remembered, for the party that asks last


class Jobs:
    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Future[bytes]] = OrderedDict()
        self._changed = threading.Condition()

    def run(self, token: str, make: Callable[[], bytes]) -> bytes:
        """The bytes for `token`, made now by `make` unless another party is making or has made them."""
        with self._changed:
            future = self._jobs.get(token)
            mine = future is None
            if future is None:
                future = self._jobs[token] = Future()
                while len(self._jobs) > KEPT:
                    self._jobs.popitem(last=False)
            self._changed.notify_all()
        if mine:
            try:
                future.set_result(make())
            except Exception as error:
                future.set_exception(error)
        return future.result()

    def started(self, token: str) -> bool:
        with self._changed:
            return token in self._jobs

    def done(self, token: str) -> bool:
        """Whether the job has ended (made its bytes or failed)."""
        with self._changed:
            future = self._jobs.get(token)
        return future is not None and future.done()

    def outcome(self, token: str, start_within: float, finish_within: float) -> BaseException | None:
        """Wait for the job to start (up to `start_within` s) and end (up to `finish_within` s); its error, if any.
        A job that never started, or that is still running, counts as no error: there is nothing to tell yet."""
        with self._changed:
            self._changed.wait_for(lambda: token in self._jobs, timeout=start_within)
            future = self._jobs.get(token)
        if future is None:
            return None
        try:
            return future.exception(timeout=finish_within)
        except TimeoutError:
            return None

"""A bounded log: the same message (logger, text, level) more than LOG_BURST times a minute is counted, not written;
the count is reported once the minute is over. A filter on every handler of the process, put in place once Streamlit
has set up its loggers (each of Streamlit's has a handler of its own)."""

from __future__ import annotations

import logging
import time

LOG_BURST, LOG_WINDOW_S = 10, 60.0
_log = logging.getLogger("papi.serve")


class LogBudget(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.window_start = time.monotonic()
        self.counts: dict[tuple[str, str, int], int] = {}
        self._last: tuple[logging.LogRecord | None, bool] = (None, True)  # a record on its way to several handlers

    def filter(self, record: logging.LogRecord) -> bool:
        if record is self._last[0]:
            return self._last[1]
        now = time.monotonic()
        if now - self.window_start > LOG_WINDOW_S:
            dropped = sum(max(0, n - LOG_BURST) for n in self.counts.values())
            self.window_start, self.counts = now, {}
            if dropped:
                _log.warning("%d repeated log messages were not written in the last minute", dropped)
        key = (record.name, str(record.msg), record.levelno)
        self.counts[key] = self.counts.get(key, 0) + 1
        self._last = (record, self.counts[key] <= LOG_BURST)
        return self._last[1]


def bound_the_log(budget: LogBudget) -> None:
    """Put `budget` on every handler of every logger there is now."""
    known = logging.Logger.manager.loggerDict.values()
    loggers = [logging.getLogger(), *(logger for logger in known if isinstance(logger, logging.Logger))]
    for handler in {h for logger in loggers for h in logger.handlers}:
        if budget not in handler.filters:
            handler.addFilter(budget)

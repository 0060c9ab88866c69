"""The open-data API under /api/v1: scores, provinces, metrics and plans as CSV, JSON or Parquet, chart images by URL,
citations and its OpenAPI description. Read-only; no Streamlit inside (the server mounts these routes beside the app).
"""

from __future__ import annotations

import functools
import logging
import threading

from starlette.routing import BaseRoute, Mount, Route

from server.api import endpoints, openapi, tables

_log = logging.getLogger("papi.api")


def routes(base: str = "") -> list[BaseRoute]:
    """The API's routes, to put in the server's route list (`streamlit.starlette.App(routes=[*api.routes(base), …])`),
    at /api/v1 under the server's base path (`base`, e.g. "papi"; none by default). The store's tables start loading
    in the background, so the first request does not wait seconds for them."""
    _warm()
    return [
        Mount(
            ("/" + base.strip("/") if base.strip("/") else "") + endpoints.PREFIX,
            routes=[
                Route("/", endpoints.index, methods=["GET"]),
                Route("/openapi.json", openapi.document, methods=["GET"]),
                Route("/scores.{fmt}", endpoints.scores, methods=["GET"]),
                Route("/provinces.{fmt}", endpoints.provinces, methods=["GET"]),
                Route("/metrics.{fmt}", endpoints.metrics, methods=["GET"]),
                Route("/plans.{fmt}", endpoints.plans, methods=["GET"]),
                Route("/citation.{fmt}", endpoints.cite, methods=["GET"]),
                Route("/charts/{kind}.{fmt}", endpoints.chart, methods=["GET"]),
                Route("/{path:path}", endpoints.not_found, methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]),
            ],
        )
    ]


@functools.cache
def _warm() -> None:
    def load() -> None:
        try:
            tables.current()
        except Exception as error:  # no store yet: the first request says so (503) and tries again
            _log.warning("the API's tables are not loaded yet: %s", error)

    threading.Thread(target=load, name="api-tables", daemon=True).start()

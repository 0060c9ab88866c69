"""Readiness, for the proxy's health checks and the operator: GET /healthz answers 200 while the server can serve data
(the live build, or the last good one when the live one is at fault) and 503 when it cannot, with the store's state
as JSON: status ("ok", "older", "unavailable"), the build served and its date.

The operator's words (the fault and its remedy, papi_data.store.keeper) are given only to a caller on this machine that
did not come through the proxy (no X-Forwarded-For: the proxy's own checks, `curl` on the server): a visitor through
the proxy sees the status and the build, never how the machine room works.
"""

from __future__ import annotations

from ipaddress import ip_address

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from papi_data.store.keeper import keeper

PATH = "/healthz"


async def readiness(request: Request) -> JSONResponse:
    _store, state = await run_in_threadpool(keeper().get)  # a changed CURRENT means loading and verifying a build
    answer = state.as_dict()
    if not _local(request):
        answer = {k: answer[k] for k in ("status", "build", "built_at")}
    return JSONResponse(answer, status_code=200 if state.serving else 503, headers={"cache-control": "no-store"})


def _local(request: Request) -> bool:
    if "x-forwarded-for" in request.headers or request.client is None:
        return False
    try:
        return ip_address(request.client.host).is_loopback
    except ValueError:
        return False


def route(base: str = "") -> Route:
    """The readiness route at `base`/healthz (under server.baseUrlPath, like Streamlit's own routes)."""
    prefix = "/" + base.strip("/") if base.strip("/") else ""
    return Route(prefix + PATH, readiness, methods=["GET", "HEAD"])

"""The app server: Streamlit's public ASGI app (`streamlit.App`) with this server's guards as middleware and its own
routes, served by uvicorn. `python serve.py [streamlit options]` (what `make run` does) calls main().

Streamlit's options come as they do for `streamlit run`: .streamlit/config.toml, STREAMLIT_* variables, and flags
(`--server.port 8511`, `--server.allowedHosts=papi.example.gov.vn`, `--server.baseUrlPath=papi`), read by Streamlit's
own option parser. This server's: PAPI_MAX_SESSIONS, PAPI_EMBED_ORIGINS, PAPI_HEADER_TIMEOUT_S, PAPI_MAX_HALF_OPEN,
PAPI_WARM_EXPORTS (0: start the export browser on the first export, not with the server).
"""

from __future__ import annotations

import logging
import os
import resource
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import click
import uvicorn
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.routing import BaseRoute
from streamlit import config
from streamlit.starlette import App
from streamlit.web import bootstrap
from streamlit.web.cli import configurator_options
from streamlit.web.server.starlette import starlette_server

from papi_data.store.keeper import keeper
from server import api, health, logs, memory, page_html, warm
from server.connections import HeaderTimeoutProtocol
from server.guards import Addresses, AllowedHosts, NoCacheClearing, SecurityHeaders, SessionCap, embed_origins
from ui.exports import renderer

SCRIPT = "app.py"
REQUEST_LIMIT = 1024 * 1024  # a request of up to 1 MB is read whole, so an over-long link gets its notice
GRACEFUL_STOP_S = 10
_log = logging.getLogger("papi.serve")


def max_sessions() -> int:
    """PAPI_MAX_SESSIONS, or what the file-handle limit allows with room to spare (each session holds one or more)."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return int(os.environ.get("PAPI_MAX_SESSIONS") or 0) or max(10, min(1000, (soft - 256) // 3))


def raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def middleware(base: str) -> list[Middleware]:
    """The guards, outermost first (server/guards.py): they see every request, the routes' as well as Streamlit's."""
    return [
        Middleware(SecurityHeaders, embedders=embed_origins(os.environ.get("PAPI_EMBED_ORIGINS", ""))),
        Middleware(AllowedHosts),
        Middleware(Addresses, base=base),
        Middleware(SessionCap, sessions=max_sessions(), base=base),
        Middleware(NoCacheClearing),
    ]


def routes(base: str) -> list[BaseRoute]:
    """This server's own routes, before Streamlit's (the guards apply to them too): readiness, the open-data API
    (server/api, mounted at <base>/api/v1), and the pages' addresses (server/page_html)."""
    return [
        health.route(base),
        *api.routes(base),
        *page_html.routes(base),
    ]


@asynccontextmanager
async def lifespan(_app: App) -> AsyncIterator[None]:
    logs.bound_the_log(logs.LogBudget())  # Streamlit's loggers exist by now
    memory.collect_garbage_periodically()
    await run_in_threadpool(keeper().get)  # the store's state, logged once at start; its served build loaded
    await run_in_threadpool(warm.import_pages)  # before the server answers: its first visitor waits for nothing
    await run_in_threadpool(warm.fill_caches)
    if os.environ.get("PAPI_WARM_EXPORTS", "1") != "0":
        renderer.warm_in_background()  # a first export in ≤ 5 s; readiness does not wait for it
    yield


def build(base: str = "") -> App:
    return App(SCRIPT, routes=routes(base), middleware=middleware(base), lifespan=lifespan)


@click.command(context_settings={"ignore_unknown_options": False})
@configurator_options
def _options(**flags: Any) -> dict[str, Any]:
    return flags


def load_options(argv: Sequence[str]) -> None:
    """Streamlit's options from its config files, STREAMLIT_* variables and `argv`, as `streamlit run` reads them."""
    flags = _options.main(list(argv), standalone_mode=False)
    bootstrap.load_config_options(flags)


def uvicorn_settings() -> dict[str, Any]:
    """Streamlit's own uvicorn settings (websocket protocol, pings, message size, TLS), and this server's limits."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return starlette_server._get_uvicorn_config_kwargs() | {
        "http": HeaderTimeoutProtocol,
        "h11_max_incomplete_event_size": REQUEST_LIMIT,
        "limit_concurrency": max(64, soft - 128),
        "timeout_graceful_shutdown": GRACEFUL_STOP_S,
    }


def main(argv: Sequence[str]) -> None:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("papi").setLevel(logging.INFO)
    load_options(argv)
    raise_file_limit()
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    host = str(config.get_option("server.address") or "0.0.0.0")
    port = int(config.get_option("server.port"))
    _log.info("serving on %s:%d/%s", host, port, base)
    server = uvicorn.Server(uvicorn.Config(build(base), host=host, port=port, **uvicorn_settings()))
    server.run()
    if not server.started:  # the port is taken, say: uvicorn has logged why
        sys.exit(1)

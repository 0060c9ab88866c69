"""A Streamlit session without a browser: a websocket speaking Streamlit's own protocol (streamlit.proto), as the page's
script does. Shared by the benchmarks (load, hostile links) and the tests (cluster, hardening, serve guard).

A "run" is one script run: a rerun request (a page and its link's parameters) answered by deltas and script_finished.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlparse

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
RUN_TIMEOUT_S = 60.0
T = TypeVar("T")


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run sessions from plain code, in a thread of its own: Playwright's sync API keeps an event loop in the main
    thread, where asyncio.run would refuse to start."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@dataclass
class Run:
    page: str
    query: str
    seconds: float
    ok: bool
    problem: str = ""
    downloads: list[str] = field(default_factory=list)  # the download buttons' file ids (made when clicked)
    texts: list[str] = field(default_factory=list)  # markdown, heading and alert bodies: where markup is interpreted


class Session:
    """One visitor: `async with Session(url) as s: run = await s.run("ban-do", "year=2020")`."""

    def __init__(self, url: str, cookie: str | None = None):
        parsed = urlparse(url)
        self.origin = f"{parsed.scheme}://{parsed.netloc}"
        self.ws_url = f"{'wss' if parsed.scheme == 'https' else 'ws'}://{parsed.netloc}/_stcore/stream"
        self.cookie = cookie
        self.ws: ClientConnection | None = None
        self.session_id = ""

    async def __aenter__(self) -> Session:
        headers = {"Origin": self.origin, **({"Cookie": self.cookie} if self.cookie else {})}
        self.ws = await connect(
            self.ws_url, subprotocols=["streamlit"], additional_headers=headers, max_size=None, open_timeout=30
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    @property
    def response_cookie(self) -> str | None:
        """The Set-Cookie the proxy answered the handshake with (its stickiness cookie), if any."""
        header = self.ws.response.headers.get("Set-Cookie") if self.ws and self.ws.response else None
        return header.split(";", 1)[0] if header else None

    async def download(self, file_id: str) -> str:
        """Click a download button: the server makes the file and answers with its /media/… address."""
        assert self.ws is not None
        message = BackMsg()
        message.backend_operation_request.request_id = file_id
        message.backend_operation_request.session_id = self.session_id
        message.backend_operation_request.deferred_file.file_id = file_id
        await self.ws.send(message.SerializeToString())
        async with asyncio.timeout(RUN_TIMEOUT_S):
            while True:
                data = await self.ws.recv()
                forward = ForwardMsg.FromString(data if isinstance(data, bytes) else data.encode())
                if forward.WhichOneof("type") == "backend_operation_response":
                    response = forward.backend_operation_response
                    if response.error_msg:
                        raise RuntimeError(response.error_msg)
                    return response.deferred_file.url

    async def run(self, page: str, query: str = "") -> Run:
        assert self.ws is not None
        message = BackMsg()
        message.rerun_script.query_string = query
        message.rerun_script.page_name = page
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        downloads: list[str] = []
        texts: list[str] = []
        problem = ""
        try:
            async with asyncio.timeout(RUN_TIMEOUT_S):
                while True:
                    data = await self.ws.recv()
                    forward = ForwardMsg.FromString(data if isinstance(data, bytes) else data.encode())
                    kind = forward.WhichOneof("type")
                    if kind == "new_session":
                        self.session_id = forward.new_session.initialize.session_id or self.session_id
                    elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                        element = forward.delta.new_element
                        which = element.WhichOneof("type")
                        if which == "exception":
                            problem = f"exception: {element.exception.type}: {element.exception.message[:200]}"
                        elif which == "download_button":
                            button = element.download_button
                            downloads.append(button.deferred_file_id or button.url)
                        elif which == "markdown":
                            texts.append(element.markdown.body)
                        elif which == "alert":
                            texts.append(element.alert.body)
                        elif which == "heading":
                            texts.append(element.heading.body)
                    elif kind == "script_finished":
                        if forward.script_finished == FINISHED:
                            break
                        if forward.script_finished != ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
                            problem = problem or f"script finished with status {forward.script_finished}"
                            break
        except TimeoutError:
            problem = f"no script_finished within {RUN_TIMEOUT_S:g} s"
        seconds = time.perf_counter() - started
        return Run(page, query, seconds, not problem, problem, downloads, texts)

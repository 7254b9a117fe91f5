"""Run the web app (chat page + merchant API) on a free port in a background thread, for tests."""

from __future__ import annotations

import asyncio
import socket
import threading

from aiohttp import web

from bot.web import make_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """`with ServerThread(store, data) as server: requests.get(server.url + ...)`."""

    def __init__(self, store: str, data: str, port: int | None = None):
        self.store, self.data = store, data
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._runner: web.AppRunner | None = None
        self.app: web.Application | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self.app = make_app(self.store, self.data)
        self._runner = web.AppRunner(self.app)
        self._loop.run_until_complete(self._runner.setup())
        self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()

    def __enter__(self) -> ServerThread:
        self._thread.start()
        if not self._ready.wait(60):
            raise TimeoutError("web app did not start")
        return self

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(30)

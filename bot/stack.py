"""Start the whole stack: action server (5055), Rasa (5005) and the web page (8080).

Used by `make run` (through `shopbot run`) and by the end-to-end tests. Rasa is stopped with
SIGINT to its own PID: SIGTERM can leave a child holding port 5005.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Stack:
    store: str = "stores/demo"
    data: str = "var"
    model: str = "models/shopbot.tar.gz"
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8080
    tracker_db: str = ""
    endpoints: str = "endpoints.yml"
    token: str = field(default_factory=lambda: os.environ.get("SHOPBOT_API_TOKEN") or secrets.token_hex(24))
    log_dir: Path = ROOT / "var" / "logs"
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            RASA_TELEMETRY_ENABLED="false",
            SHOPBOT_STORE=str(Path(self.store).resolve()),
            SHOPBOT_DATA=str(Path(self.data).resolve()),
            SHOPBOT_ACTION_URL=f"http://127.0.0.1:{self.action_port}/webhook",
            SHOPBOT_TRACKER_DB=self.tracker_db or str((Path(self.data) / "conversations.db").resolve()),
            SHOPBOT_RASA_URL=f"http://127.0.0.1:{self.rasa_port}",
            SHOPBOT_API_TOKEN=self.token,
            PYTHONPATH=str(ROOT),
        )
        return env

    def _spawn(self, name: str, args: list[str], **env: str) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(args, cwd=ROOT, env=self.env() | env, stdout=log, stderr=subprocess.STDOUT)

    def start(self) -> None:
        bindir = Path(sys.executable).parent
        rasa = str(bindir / "rasa")
        # rasa-sdk binds to SANIC_HOST (0.0.0.0 by default): loopback unless a cluster says otherwise
        host = os.environ.get("SHOPBOT_ACTION_HOST", "127.0.0.1")
        self._spawn("actions", [rasa, "run", "actions", "--actions", "actions", "--port", str(self.action_port)], SANIC_HOST=host)
        self.start_rasa()
        self._spawn("web", [sys.executable, "-m", "bot.web", "--port", str(self.web_port)])

    def start_rasa(self) -> None:
        """Starts (or, after `stop_rasa`, restarts) Rasa alone."""
        rasa = str(Path(sys.executable).parent / "rasa")
        self._spawn(
            "rasa",
            [rasa, "run", "--model", self.model, "--port", str(self.rasa_port), "--enable-api",
             f"--auth-token={self.token}", "--cors", "*", "--endpoints", self.endpoints,
             "--credentials", "credentials.yml", "--interface", "127.0.0.1"],
        )  # fmt: skip

    def stop_rasa(self) -> None:
        """Stops Rasa alone (the browser tests' outage)."""
        proc = self.procs.get("rasa")
        if proc and proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def wait_ready(self, timeout: float = 240) -> None:
        checks = {
            "actions": f"http://127.0.0.1:{self.action_port}/health",
            "rasa": f"http://127.0.0.1:{self.rasa_port}/status?token={self.token}",
            "web": f"http://127.0.0.1:{self.web_port}/health",
        }
        deadline = time.monotonic() + timeout
        pending = dict(checks)
        while pending:
            for name, url in list(pending.items()):
                proc = self.procs[name]
                if proc.poll() is not None:
                    log = (self.log_dir / f"{name}.log").read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"{name} exited with {proc.returncode}:\n{log}")
                try:
                    with urllib.request.urlopen(url, timeout=2) as response:  # nosec B310 # the URL is our own http://127.0.0.1 health check
                        if response.status == 200 and (name != "rasa" or b"model_file" in response.read()):
                            pending.pop(name)
                except OSError:
                    pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout:.0f} s: {', '.join(pending)} (logs in {self.log_dir})")
            time.sleep(0.5)

    def stop(self) -> None:
        for name in ("web", "rasa", "actions"):
            proc = self.procs.get(name)
            if proc and proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        wait_or_kill(self.procs.values())


def wait_or_kill(procs: Iterable[subprocess.Popen], timeout: float = 20) -> None:
    """Waits for processes already asked to stop; one still running after `timeout` is killed."""
    for proc in procs:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def stop_requested() -> Callable[[], bool]:
    """Ctrl-C / SIGTERM end a foreground run (`shopbot run`, `shopbot cluster`) after its clean-up:
    the handlers only raise a flag, read by the returned function."""
    stopping = [False]

    def _stop(signum, frame):  # noqa: ANN001, ARG001
        stopping[0] = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    return lambda: stopping[0]


def run_stack(store: str, data: str) -> int:
    stack = Stack(store=store, data=data, endpoints=os.environ.get("ENDPOINTS", "endpoints.yml"))
    stopping = stop_requested()
    stack.start()
    try:
        print(f"starting (logs in {stack.log_dir}); Rasa takes about a minute to load its model ...", flush=True)
        stack.wait_ready()
        print(
            f"shopbot is running:\n"
            f"  demo shop:     http://localhost:{stack.web_port}/de/  (English: /en/; chat widget bottom right)\n"
            f"  chat page:     http://localhost:{stack.web_port}/chat\n"
            f"  REST webhook:  http://localhost:{stack.rasa_port}/webhooks/rest/webhook\n"
            f"  Rasa HTTP API: http://localhost:{stack.rasa_port}/ (token: {stack.token})\n"
            f"  actions:       http://localhost:{stack.action_port}/health\n"
            f"Stop with Ctrl-C.",
            flush=True,
        )
        while not stopping() and all(p.poll() is None for p in stack.procs.values()):
            time.sleep(0.5)
        return 0 if stopping() else 1
    finally:
        stack.stop()

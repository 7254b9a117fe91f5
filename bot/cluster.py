"""The cluster on one machine's loopback (`make cluster`, `shopbot cluster`; docs/deploy.md):
N Rasa servers, N action servers and N web apps behind nginx, sharing PostgreSQL (tracker
store, orders, catalog, console), Redis (lock store, socket.io, shop sessions, rate limits,
catalog notices) and RabbitMQ (Rasa's event broker, read by the console's consumer).

Ports (plus `port_offset`): nginx 8090 (public), 5100 (Rasa pool, internal), 5150 (action pool,
internal); rasa-i 5100+i, actions-i 5150+i, web-i 8100+i. Everything binds to 127.0.0.1.
Before the servers start, the catalog is imported and indexed once into the shared data folder
and PostgreSQL, the orders tables are migrated (Alembic) and seeded, the console tables made.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from bot.stack import stop_requested, wait_or_kill

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HOST = "127.0.0.1"
TEMPLATE = ROOT / "deploy" / "nginx.conf.j2"


def _offset() -> int:
    return int(os.environ.get("SHOPBOT_TEST_PORT_OFFSET") or 0)


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


@dataclass
class Cluster:
    replicas: int = 2
    store: str = "stores/demo"
    data: str = "var/cluster"
    port_offset: int = field(default_factory=_offset)
    model: str = "models/shopbot.tar.gz"
    web: bool = True  # web apps and nginx; without, rasa-i talks to actions-i directly
    consumer: bool | None = None  # None: when bot.console.consumer exists (and web is on)
    database_url: str = ""  # default: SHOPBOT_CLUSTER_DATABASE_URL or postgres db shopbot_cluster[_<offset>]
    redis_url: str = field(default_factory=lambda: _env("SHOPBOT_CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/0"))
    prefix: str = ""  # Redis keys and channels; default shopbot<offset>
    event_queue: str = field(default_factory=lambda: _env("SHOPBOT_EVENT_QUEUE", "shopbot_events"))
    event_exchange: str = field(default_factory=lambda: os.environ.get("SHOPBOT_EVENT_EXCHANGE", ""))  # default <prefix>-exchange
    lock_lifetime: int = field(default_factory=lambda: int(_env("TICKET_LOCK_LIFETIME", "15")))
    token: str = field(default_factory=lambda: os.environ.get("SHOPBOT_API_TOKEN") or secrets.token_hex(24))
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data).resolve()
        self.log_dir = self.data_dir / "logs"
        self.prefix = self.prefix or f"shopbot{self.port_offset or ''}"
        self.event_exchange = self.event_exchange or f"{self.prefix}-exchange"  # fanout: one per cluster
        db = f"shopbot_cluster_{self.port_offset}" if self.port_offset else "shopbot_cluster"
        self.database_url = self.database_url or _env("SHOPBOT_CLUSTER_DATABASE_URL", f"postgresql://postgres@127.0.0.1:5432/{db}")
        if self.consumer is None:
            self.consumer = self.web and importlib.util.find_spec("bot.console.consumer") is not None
        self._commands: dict[str, tuple[list[str], dict[str, str]]] = {}
        self._started: dict[str, float] = {}

    # ---- addresses -------------------------------------------------------------------------
    def port(self, base: int) -> int:
        return base + self.port_offset

    @property
    def url(self) -> str:
        """nginx's public URL: web app, REST webhook, socket.io."""
        return f"http://{HOST}:{self.port(8090)}"

    @property
    def rasa_urls(self) -> list[str]:
        return [f"http://{HOST}:{self.port(5100 + i)}" for i in range(1, self.replicas + 1)]

    @property
    def action_urls(self) -> list[str]:
        return [f"http://{HOST}:{self.port(5150 + i)}" for i in range(1, self.replicas + 1)]

    @property
    def web_urls(self) -> list[str]:
        return [f"http://{HOST}:{self.port(8100 + i)}" for i in range(1, self.replicas + 1)] if self.web else []

    # ---- environment -----------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        """What every process of the cluster gets (endpoints.cluster.yml reads most of it)."""
        pg, redis = urlsplit(self.database_url), urlsplit(self.redis_url)
        env = dict(os.environ)
        env.update(
            RASA_TELEMETRY_ENABLED="false", PYTHONPATH=str(ROOT),
            SHOPBOT_STORE=str(Path(self.store).resolve()), SHOPBOT_DATA=str(self.data_dir),
            DATABASE_URL=self.database_url, SHOPBOT_TRACKER_DB_URL=self.database_url, SHOPBOT_API_TOKEN=self.token,
            SHOPBOT_PG_HOST=pg.hostname or HOST, SHOPBOT_PG_PORT=str(pg.port or 5432), SHOPBOT_PG_USER=pg.username or "postgres",
            SHOPBOT_PG_PASSWORD=pg.password or "", SHOPBOT_PG_DB=pg.path.lstrip("/"),
            POSTGRESQL_POOL_SIZE=_env("POSTGRESQL_POOL_SIZE", "5"), POSTGRESQL_MAX_OVERFLOW=_env("POSTGRESQL_MAX_OVERFLOW", "10"),
            SHOPBOT_REDIS_URL=self.redis_url, SHOPBOT_REDIS_HOST=redis.hostname or HOST, SHOPBOT_REDIS_PORT=str(redis.port or 6379),
            SHOPBOT_REDIS_DB=redis.path.lstrip("/") or "0", SHOPBOT_REDIS_PASSWORD=redis.password or "",
            SHOPBOT_REDIS_PREFIX=self.prefix, SHOPBOT_SOCKETIO_CHANNEL=f"{self.prefix}:socketio",
            RABBITMQ_HOST=_env("RABBITMQ_HOST", HOST), RABBITMQ_PORT=_env("RABBITMQ_PORT", "5672"),
            RABBITMQ_USER=_env("RABBITMQ_USER", "guest"), RABBITMQ_PASSWORD=_env("RABBITMQ_PASSWORD", "guest"),
            SHOPBOT_EVENT_QUEUE=self.event_queue, SHOPBOT_EVENT_EXCHANGE=self.event_exchange, SHOPBOT_AMQP_URL=self.amqp_url(),
            TICKET_LOCK_LIFETIME=str(self.lock_lifetime), SANIC_WORKERS="1", ACTION_SERVER_SANIC_WORKERS="1",
        )  # fmt: skip
        return env

    def amqp_url(self) -> str:
        """RabbitMQ for the console's consumer (Rasa's broker reads RABBITMQ_* in endpoints.cluster.yml)."""
        user, password = quote(_env("RABBITMQ_USER", "guest"), safe=""), quote(_env("RABBITMQ_PASSWORD", "guest"), safe="")
        return f"amqp://{user}:{password}@{_env('RABBITMQ_HOST', HOST)}:{_env('RABBITMQ_PORT', '5672')}/%2F"

    # ---- set-up before the servers ---------------------------------------------------------
    def prepare(self) -> None:
        """Database, catalog index, orders and console tables: once, before any server starts."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        create_database(self.database_url)
        cli = [sys.executable, "-m", "bot.cli", "--store", str(Path(self.store).resolve()), "--data", str(self.data_dir), "-q"]
        for step in (["catalog", "build"], ["orders", "seed", "--if-empty"]):
            self._run_step(cli + step)
        code = "from bot.console.db import open_console_db; import os; open_console_db(os.environ['SHOPBOT_DATA'])"
        self._run_step([sys.executable, "-c", code])

    def _run_step(self, args: list[str]) -> None:
        log = self.log_dir / "prepare.log"
        with log.open("ab") as out:
            done = subprocess.run(args, cwd=ROOT, env=self.env(), stdout=out, stderr=subprocess.STDOUT, timeout=900)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args[2:])} failed ({done.returncode}):\n{_tail(log)}")

    def write_nginx_conf(self) -> Path:
        from jinja2 import Template

        prefix = self.data_dir / "nginx"
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / "tmp" / sub).mkdir(parents=True, exist_ok=True)
        strip = len("http://")
        conf = Template(TEMPLATE.read_text()).render(
            prefix=prefix, worker_processes=1, host=HOST, public_port=self.port(8090), rasa_port=self.port(5100),
            actions_port=self.port(5150), rasa=[u[strip:] for u in self.rasa_urls], actions=[u[strip:] for u in self.action_urls],
            web=[u[strip:] for u in self.web_urls],
        )  # fmt: skip
        (prefix / "nginx.conf").write_text(conf)
        return prefix

    # ---- processes -------------------------------------------------------------------------
    def commands(self) -> dict[str, tuple[list[str], dict[str, str]]]:
        """name -> (command, extra environment) of every process."""
        rasa = str(Path(sys.executable).parent / "rasa")
        out: dict[str, tuple[list[str], dict[str, str]]] = {}
        for i in range(1, self.replicas + 1):
            out[f"actions-{i}"] = ([rasa, "run", "actions", "--actions", "actions", "--port", str(self.port(5150 + i))], {"SANIC_HOST": HOST})
        for i in range(1, self.replicas + 1):
            action_url = f"http://{HOST}:{self.port(5150)}/webhook" if self.web else f"{self.action_urls[i - 1]}/webhook"
            out[f"rasa-{i}"] = (
                [rasa, "run", "--model", str(Path(self.model).resolve()), "--port", str(self.port(5100 + i)), "--enable-api",
                 f"--auth-token={self.token}", "--cors", "*", "--endpoints", "endpoints.cluster.yml",
                 "--credentials", "credentials.yml", "--interface", HOST],
                {"SHOPBOT_NODE": f"r{i}", "SHOPBOT_ACTION_URL": action_url},
            )  # fmt: skip
        for i, url in enumerate(self.web_urls, start=1):
            web_env = {"SHOPBOT_RASA_URL": f"http://{HOST}:{self.port(5100)}", "SHOPBOT_PUBLIC_BOT_URL": self.url}
            out[f"web-{i}"] = ([sys.executable, "-m", "bot.web", "--host", HOST, "--port", url.rsplit(":", 1)[1]], web_env)
        if self.web:
            prefix = self.data_dir / "nginx"
            out["nginx"] = ([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log"), "-g", "daemon off;"], {})
        if self.consumer:
            out["consumer"] = ([sys.executable, "-m", "bot.console.consumer"], {"SHOPBOT_RASA_URL": f"http://{HOST}:{self.port(5100)}"})
        return out

    def _spawn(self, name: str) -> None:
        args, extra = self._commands[name]
        log = (self.log_dir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(args, cwd=ROOT, env=self.env() | extra, stdout=log, stderr=subprocess.STDOUT)
        self._started[name] = time.monotonic()

    def health_url(self, name: str) -> str | None:
        kind, _, i = name.partition("-")
        if kind == "rasa":
            return f"{self.rasa_urls[int(i) - 1]}/status?token={self.token}"
        if kind == "actions":
            return f"{self.action_urls[int(i) - 1]}/health"
        if kind == "web":
            return f"{self.web_urls[int(i) - 1]}/health"
        if kind == "nginx":
            return f"{self.url}/health"  # a web app's health answer, through nginx
        return None  # the consumer: running is healthy

    def start(self, timeout: float = 300) -> None:
        """Prepares the shared state, starts every process, and returns when all answer."""
        if self.web and not Path(NGINX).is_file():
            raise RuntimeError(f"nginx not found at {NGINX}: install it (apt-get install -y nginx-light)")
        self.prepare()
        if self.web:
            self.write_nginx_conf()
        self._commands = self.commands()
        for name in self._commands:
            self._spawn(name)
        try:
            self.wait_ready(list(self._commands), timeout)
        except BaseException:
            self.stop()
            raise

    def wait_ready(self, names: list[str], timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        pending = list(names)
        while pending:
            for name in list(pending):
                proc = self.procs[name]
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited with {proc.returncode}:\n{_tail(self.log_dir / f'{name}.log')}")
                url = self.health_url(name)
                if url is None:  # no health check (the consumer): alive a few seconds after its start
                    if time.monotonic() - self._started.get(name, 0) > 3:
                        pending.remove(name)
                elif _answers(url, need=b"model_file" if name.startswith("rasa") else b""):
                    pending.remove(name)
            if pending and time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout:.0f} s: {', '.join(pending)}\n"
                                   + "\n".join(f"--- {n}\n{_tail(self.log_dir / f'{n}.log')}" for n in pending))  # fmt: skip
            time.sleep(0.3)

    def pids(self) -> dict[str, int]:
        return {name: p.pid for name, p in self.procs.items() if p.poll() is None}

    def kill(self, name: str) -> None:
        """SIGKILL one process (a fault)."""
        proc = self.procs[name]
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    def restart(self, name: str, timeout: float = 300) -> None:
        """Stops one process (if it runs) and starts it again; returns when it answers."""
        self._stop_one(name)
        self._spawn(name)
        self.wait_ready([name], timeout)

    def _stop_one(self, name: str, wait: float = 20) -> None:
        proc = self.procs.get(name)
        if proc is None or proc.poll() is not None:
            return
        # Rasa: SIGINT to its own PID (SIGTERM can leave a child holding the port); nginx: SIGQUIT = graceful
        proc.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGINT)
        wait_or_kill([proc], wait)

    def stop(self) -> None:
        order = ["nginx", "consumer"] + [n for n in self.procs if n.startswith("web")] + [n for n in self.procs if n.startswith("rasa")]
        for name in order + [n for n in self.procs if n not in order]:
            proc = self.procs.get(name)
            if proc and proc.poll() is None:
                proc.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGINT)
        wait_or_kill(self.procs.values())


def create_database(url: str) -> None:
    """Creates the PostgreSQL database of `url` if it does not exist (other URLs: nothing)."""
    if not url.startswith(("postgresql", "postgres:")):
        return
    import sqlalchemy

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = sqlalchemy.create_engine(parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1),
                                     isolation_level="AUTOCOMMIT")  # fmt: skip
    try:
        with admin.connect() as conn:
            exists = conn.execute(sqlalchemy.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
            if not exists:
                conn.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()


def _answers(url: str, need: bytes = b"") -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # nosec B310 # our own http://127.0.0.1 health checks
            return response.status == 200 and need in response.read()
    except OSError:
        return False


def _tail(path: Path, size: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-size:]
    except OSError:
        return "(no log)"


def run_cluster(store: str, data: str, replicas: int = 2) -> int:
    """`shopbot cluster`: the cluster in the foreground until Ctrl-C."""
    cluster = Cluster(replicas=replicas, store=store, data=data)
    stopping = stop_requested()
    print(f"preparing the cluster (logs in {cluster.log_dir}); the Rasa replicas take a minute or two to load ...", flush=True)
    try:
        cluster.start()
        print(
            f"shopbot cluster is running ({replicas} Rasa, {replicas} action servers, {replicas} web apps, nginx"
            f"{', consumer' if cluster.consumer else ''}):\n"
            f"  demo shop:     {cluster.url}/de/  (English: /en/)\n"
            f"  REST webhook:  {cluster.url}/webhooks/rest/webhook\n"
            f"  socket.io:     {cluster.url}/socket.io/\n"
            f"  Rasa replicas: {', '.join(cluster.rasa_urls)} (token: {cluster.token})\n"
            f"  database:      {cluster.database_url}; Redis {cluster.redis_url} (prefix {cluster.prefix}); queue {cluster.event_queue} on exchange {cluster.event_exchange}\n"
            f"Stop with Ctrl-C.",
            flush=True,
        )  # fmt: skip
        reported: set[str] = set()
        while not stopping():
            for name, proc in cluster.procs.items():
                if proc.poll() is not None and name not in reported:
                    reported.add(name)
                    print(f"{name} exited with {proc.returncode} (log: {cluster.log_dir / name}.log); the others go on", flush=True)
            time.sleep(0.5)
        return 0
    finally:
        cluster.stop()

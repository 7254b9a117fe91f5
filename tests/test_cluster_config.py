"""The cluster's generated set-up without starting it (`bot/cluster.py`): the nginx config passes
`nginx -t` and routes as documented, each process gets its settings, everything on loopback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from bot.cluster import Cluster


def test_the_nginx_config_is_valid_and_routes_socketio_by_the_session_ids_replica(tmp_path):
    cluster = Cluster(replicas=3, data=str(tmp_path), port_offset=40, consumer=False)
    prefix = cluster.write_nginx_conf()
    conf = (prefix / "nginx.conf").read_text()
    assert sorted(re.findall(r"listen ([\d.]+):(\d+);", conf)) == [("127.0.0.1", "5140"), ("127.0.0.1", "5190"), ("127.0.0.1", "8130")]
    for i in (1, 2, 3):
        assert f'"~^r{i}-" rasa_{i};' in conf and f"server 127.0.0.1:{5140 + i} max_fails=2 fail_timeout=5s;" in conf
        assert f"server 127.0.0.1:{8140 + i} max_fails=2" in conf and f"server 127.0.0.1:{5190 + i} max_fails=2" in conf
    code = "\n".join(line.split("#")[0] for line in conf.splitlines())
    assert "keepalive " not in code
    # a shopper's message sent to a replica is never resent; a call to an action server killed
    # mid-call is made again on the other one (the order writes check what is still returnable)
    actions = code.split("proxy_pass http://actions;")[1]
    assert "non_idempotent" not in code.replace(actions, "") and "non_idempotent" in actions
    public = conf.split("# Public entry")[1].split("# Internal")[0]
    assert "location /webhooks/" in public and "location /socket.io/" in public and "/conversations" not in public
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        pytest.skip("nginx not installed (make nginx); the config was checked as text only")
    check = subprocess.run([nginx, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")],
                           capture_output=True, text=True, timeout=30)  # fmt: skip
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("web", [True, False])
def test_each_process_gets_its_settings(tmp_path, web):
    cluster = Cluster(replicas=2, data=str(tmp_path), port_offset=40, web=web, consumer=False, prefix="t1",
                      database_url="postgresql://shop:s3cret@db.internal:5433/shop", redis_url="redis://:pw@cache:6380/4")  # fmt: skip
    env = cluster.env()
    assert (env["SHOPBOT_PG_HOST"], env["SHOPBOT_PG_PORT"], env["SHOPBOT_PG_USER"], env["SHOPBOT_PG_PASSWORD"], env["SHOPBOT_PG_DB"]) == (
        "db.internal", "5433", "shop", "s3cret", "shop")  # fmt: skip
    assert (env["SHOPBOT_REDIS_HOST"], env["SHOPBOT_REDIS_PORT"], env["SHOPBOT_REDIS_DB"], env["SHOPBOT_REDIS_PASSWORD"]) == ("cache", "6380", "4", "pw")
    assert env["SANIC_WORKERS"] == "1" and int(env["TICKET_LOCK_LIFETIME"]) > 0 and env["SHOPBOT_EVENT_EXCHANGE"] == "t1-exchange"
    assert env["DATABASE_URL"] == env["SHOPBOT_TRACKER_DB_URL"] == cluster.database_url
    commands = cluster.commands()
    names = {"rasa-1", "rasa-2", "actions-1", "actions-2"} | ({"web-1", "web-2", "nginx"} if web else set())
    assert set(commands) == names
    for i in (1, 2):
        args, extra = commands[f"rasa-{i}"]
        assert extra["SHOPBOT_NODE"] == f"r{i}" and args[args.index("--interface") + 1] == "127.0.0.1"
        assert args[args.index("--endpoints") + 1] == "endpoints.cluster.yml" and f"--auth-token={cluster.token}" in args
        # with nginx: every replica reaches every action server (failover); without, its own
        assert extra["SHOPBOT_ACTION_URL"] == ("http://127.0.0.1:5190/webhook" if web else f"http://127.0.0.1:{5190 + i}/webhook")
        assert commands[f"actions-{i}"][1]["SANIC_HOST"] == "127.0.0.1"
    if web:
        assert commands["web-1"][0][-4:] == ["--host", "127.0.0.1", "--port", "8141"]
        assert commands["web-1"][1]["SHOPBOT_RASA_URL"] == "http://127.0.0.1:5140"

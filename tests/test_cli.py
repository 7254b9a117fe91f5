"""The `shopbot` command (bot/cli.py) reaches every subcommand of the catalog and the orders."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.cli import build_parser
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("argv", "func"),
    [
        (["catalog", "build"], "catalog.commands.cmd_catalog_build"),
        (["catalog", "import", "x.csv"], "catalog.commands.cmd_catalog_import"),
        (["catalog", "show", "some-id"], "catalog.commands.cmd_catalog_show"),
        (["merchant", "token", "list"], "catalog.commands.cmd_token_list"),
        (["store", "check"], "catalog.commands.cmd_store_check"),
        (["orders", "seed", "--if-empty"], "orders.commands.cmd_seed"),
        (["run"], "bot.cli.cmd_run"),
    ],
)
def test_every_subcommand_reaches_its_module(argv, func):
    args = build_parser().parse_args(argv)
    assert f"{args.func.__module__}.{args.func.__name__}" == func


def test_bad_store_is_named_and_exit_code_is_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "bot.cli", "--store", str(tmp_path / "nope"), "store", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "nope" in result.stderr

"""`shopbot console ...` (added to the `shopbot` command by `bot/cli.py`).

    shopbot console user add NAME --role agent|admin [--password-stdin]   create an account
    shopbot console user list | user remove NAME
    shopbot console sync                          fold new tracker-store events into the summary table
    shopbot console export [--since DATE] --out DIR   corrections as NLU YAML and test stories
    shopbot console purge [--older-than DAYS]     delete conversations older than DAYS (default: store.yml's console.retention_days)
    shopbot console gdpr export|delete (--conversation ID | --email ADDRESS) [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path

import yaml

from bot.console import auth, export, privacy
from bot.console.db import ConsoleDB, open_console_db
from bot.console.events import EventStore, event_store, tracker_url
from bot.console.summary import refresh


def _db(args: argparse.Namespace) -> ConsoleDB:
    return open_console_db(args.data)


def _events(args: argparse.Namespace) -> EventStore:
    return event_store(tracker_url(args.data))


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat the password: ") != first:
        raise auth.AccountError("the two passwords differ")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    try:
        auth.add_user(_db(args), args.name, args.role, _password(args))
    except auth.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"user {args.name} ({args.role}) created")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    for u in auth.list_users(_db(args)):
        print(f"{u['name']}\t{u['role']}\tcreated {dt.datetime.fromtimestamp(u['created_at']):%Y-%m-%d %H:%M}")
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    if auth.remove_user(_db(args), args.name):
        print(f"user {args.name} removed (and logged out)")
        return 0
    print(f"error: no user {args.name!r}", file=sys.stderr)
    return 1


def cmd_sync(args: argparse.Namespace) -> int:
    print(f"{refresh(_db(args), _events(args))} new event(s) read")
    return 0


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def cmd_export(args: argparse.Namespace) -> int:
    items = export.corrections(_db(args), args.since)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "nlu_corrections.yml").write_text(export.nlu_yaml(items, args.since), encoding="utf-8")
    (out / "test_corrections.yml").write_text(export.stories_yaml(items, args.since), encoding="utf-8")
    print(f"{len(items)} correction(s): {out / 'nlu_corrections.yml'} (for data/nlu/), {out / 'test_corrections.yml'} (for tests/stories/)")
    return 0


def retention_days(store: Path | str) -> float | None:
    """`console: retention_days` of the store's store.yml (None when not set)."""
    path = Path(store) / "store.yml"
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise auth.AccountError(f"{path}: {exc}") from exc
    value = (config.get("console") or {}).get("retention_days") if isinstance(config, dict) else None
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 1:
        raise auth.AccountError(f"{path}: console.retention_days: {value!r} is not a number of days (1 or more)")
    return float(value)


def cmd_purge(args: argparse.Namespace) -> int:
    try:
        days = args.older_than if args.older_than is not None else retention_days(args.store)
    except auth.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if days is None:
        print("error: give --older-than DAYS or set console.retention_days in store.yml", file=sys.stderr)
        return 2
    conversations, events = privacy.purge(_db(args), _events(args), days)
    print(f"deleted {conversations} conversation(s) with {events} event(s) older than {days:g} days")
    return 0


def cmd_gdpr(args: argparse.Namespace) -> int:
    if not args.conversation and not args.email:
        print("error: name the shopper with --conversation ID or --email ADDRESS", file=sys.stderr)
        return 2
    events = _events(args)
    senders = privacy.resolve(events, args.conversation, args.email)
    if not senders:
        print("no conversation found for that request", file=sys.stderr)
        return 1
    if args.action == "export":
        text = privacy.dumps(privacy.export_conversations(events, senders))
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
            print(f"{len(senders)} conversation(s) written to {args.out}")
        else:
            print(text)
        return 0
    deleted = privacy.delete_conversations(_db(args), events, senders)
    print(f"deleted {len(senders)} conversation(s) ({deleted} event(s)): {', '.join(senders)}")
    return 0


def _days(value: str) -> float:
    try:
        days = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days") from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"{value!r}: days must not be negative")
    return days


def add_commands(commands: argparse._SubParsersAction) -> None:
    console = commands.add_parser("console", help="support console: accounts, export, privacy").add_subparsers(dest="console_command", required=True)
    user = console.add_parser("user", help="console accounts").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add", help="create an account")
    add.add_argument("name")
    add.add_argument("--role", choices=auth.ROLES, required=True)
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    add.set_defaults(func=cmd_user_add)
    user.add_parser("list", help="list accounts").set_defaults(func=cmd_user_list)
    remove = user.add_parser("remove", help="delete an account and its sessions")
    remove.add_argument("name")
    remove.set_defaults(func=cmd_user_remove)
    console.add_parser("sync", help="read new conversation events into the summary table").set_defaults(func=cmd_sync)
    exp = console.add_parser("export", help="corrections as NLU YAML and test stories")
    exp.add_argument("--since", type=_date, help="only corrections made on or after this date (YYYY-MM-DD)")
    exp.add_argument("--out", required=True, help="folder for nlu_corrections.yml and test_corrections.yml")
    exp.set_defaults(func=cmd_export)
    purge = console.add_parser("purge", help="delete conversations older than N days")
    purge.add_argument("--older-than", type=_days, metavar="DAYS", help="default: console.retention_days of store.yml")
    purge.set_defaults(func=cmd_purge)
    gdpr = console.add_parser("gdpr", help="a shopper's conversations: export (access) or delete (erasure)")
    gdpr.add_argument("action", choices=("export", "delete"))
    gdpr.add_argument("--conversation", help="conversation (sender) id")
    gdpr.add_argument("--email", help="every conversation in which the shopper wrote this address")
    gdpr.add_argument("--out", help="export: write the JSON here instead of stdout")
    gdpr.set_defaults(func=cmd_gdpr)
